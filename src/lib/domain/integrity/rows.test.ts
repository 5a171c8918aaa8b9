import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, quizRecord, storedCard, storedQuiz, storedReview } from './fixtures';
import {
	checkCardRow,
	checkQuizAttemptRow,
	checkReviewRow,
	checkSettingRow,
	describeProblem,
	LATER_WRITE_SLACK_MS
} from './rows';
import { checkQuizRecord } from './quiz-record';

const NOW = FIXTURE_NOW;

describe('checkCardRow', () => {
	it('accepts a studied card and a new card (no memory state yet, due 0 when made by Suspend)', () => {
		expect(checkCardRow(storedCard(), NOW)).toBeUndefined();
		const fresh = storedCard({
			state: 0,
			stability: 0,
			difficulty: 0,
			reps: 0,
			lastReview: null,
			due: 0,
			suspended: 1
		});
		expect(checkCardRow(fresh, NOW)).toBeUndefined();
	});

	it('accepts a last review another tab stored a moment after `now` was taken, not one further ahead', () => {
		const card = storedCard();
		const at = (lastReview: number) => checkCardRow({ ...card, lastReview }, NOW);
		expect(at(NOW + 5)).toBeUndefined();
		expect(at(NOW + LATER_WRITE_SLACK_MS)).toBeUndefined();
		expect(at(NOW + LATER_WRITE_SLACK_MS + 1)).toMatchObject({ field: 'lastReview' });
	});

	it.each([
		['stability 0 on a review card', { stability: 0 }, 'stability', /above 0/],
		['stability missing', { stability: undefined }, 'stability', /must be a number/],
		['stability NaN (what the bug wrote)', { stability: NaN }, 'stability', /must be a number/],
		['stability as text', { stability: '5' }, 'stability', /must be a number/],
		['difficulty 0 on a review card', { difficulty: 0 }, 'difficulty', /from 1 to 10/],
		['difficulty negative', { difficulty: -2 }, 'difficulty', /from 1 to 10/],
		['difficulty above 10', { difficulty: 11 }, 'difficulty', /from 1 to 10/],
		['a last review in the future', { lastReview: NOW + 60_000 }, 'lastReview', /future/],
		[
			'a last review after its due time',
			{ due: NOW - 3 * 86_400_000 },
			'due',
			/before the last review/
		],
		['no last review on a studied card', { lastReview: null }, 'lastReview', /last review/],
		['due Infinity', { due: Infinity }, 'due', /time/],
		['due in the year 3000', { due: Date.UTC(3000, 0, 1) }, 'due', /2000 and 2200/],
		['state 7', { state: 7 }, 'state', /0, 1, 2 or 3/],
		['reps 1.5', { reps: 1.5 }, 'reps', /whole number/],
		['suspended true', { suspended: true }, 'suspended', /0 or 1/],
		['an empty id', { id: '' }, 'id', /empty/],
		['buriedUntil as text', { buriedUntil: 'tomorrow' }, 'buriedUntil', /time/]
	])('refuses %s', (_, overrides, field, message) => {
		const problem = checkCardRow(storedCard(overrides), NOW);
		expect(problem?.field).toBe(field);
		expect(problem?.message).toMatch(message);
	});

	it('says that a missing field is missing, and refuses what is not a row', () => {
		const card: Record<string, unknown> = { ...storedCard() };
		delete card.difficulty;
		expect(checkCardRow(card, NOW)).toEqual({ field: 'difficulty', message: 'is missing' });
		expect(checkCardRow(null, NOW)?.message).toMatch(/object/);
		expect(checkCardRow([1], NOW)?.message).toMatch(/object/);
	});
});

describe('checkReviewRow', () => {
	it('accepts a log row, with or without its id (before it is added)', () => {
		expect(checkReviewRow(storedReview())).toBeUndefined();
		const { id: _id, ...withoutId } = storedReview();
		expect(checkReviewRow(withoutId)).toBeUndefined();
	});

	it.each([
		['rating 5', { rating: 5 }, 'rating'],
		['no card', { cardId: '' }, 'cardId'],
		['stability 0', { stability: 0 }, 'stability'],
		['difficulty NaN', { difficulty: NaN }, 'difficulty'],
		['a time in 1970', { reviewedAt: 5 }, 'reviewedAt'],
		['a negative time taken', { durationMs: -1 }, 'durationMs'],
		['source "anki"', { source: 'anki' }, 'source'],
		['id 0', { id: 0 }, 'id']
	])('refuses %s', (_, overrides, field) => {
		expect(checkReviewRow(storedReview(overrides))?.field).toBe(field);
	});
});

describe('checkQuizRecord and checkQuizAttemptRow', () => {
	it('accepts finished and in-progress quizzes, and a finished quiz whose record was set aside', () => {
		expect(checkQuizAttemptRow(storedQuiz())).toBeUndefined();
		const active = quizRecord(3);
		expect(
			checkQuizAttemptRow(storedQuiz(active, { status: 'active', finishedAt: 0 }))
		).toBeUndefined();
		expect(
			checkQuizAttemptRow(storedQuiz(undefined, { data: null, score: 7.5, maxScore: 10 }))
		).toBeUndefined();
		// A quiz finished as it stood, when the learner started another: fewer answers than questions.
		expect(checkQuizAttemptRow(storedQuiz(quizRecord(2)))).toBeUndefined();
	});

	/** A record as loose data, to damage. */
	interface Loose {
		options: Record<string, unknown>;
		questions: Record<string, unknown>[];
		answers: Record<string, unknown>[];
	}

	function damaged(edit: (record: Loose) => void) {
		const record = structuredClone(quizRecord(4)) as unknown as Loose;
		edit(record);
		return record;
	}

	it.each([
		[
			'options without topics (what blocked every quiz link)',
			(r: Loose) => delete r.options.topics,
			'options.topics'
		],
		[
			'options with a bad seed',
			(r: Loose) => (r.options.seed = 'no spaces allowed'),
			'options.seed'
		],
		['no questions', (r: Loose) => (r.questions = []), 'questions'],
		[
			'a question of an unknown type',
			(r: Loose) => (r.questions[0]!.type = 'essay'),
			'questions[0].type'
		],
		[
			'a choice answer out of range',
			(r: Loose) => {
				const i = r.questions.findIndex((q) => q.type === 'choice');
				r.questions.splice(0, 0, ...r.questions.splice(i, 1));
				r.answers[0] = { ...r.answers[0], answer: { type: 'choice', choice: 9 } };
			},
			'answers[0].answer.choice'
		],
		[
			'an answer of another type',
			(r: Loose) => {
				r.answers[0]!.answer = {
					type: r.questions[0]!.type === 'typed' ? 'choice' : 'typed',
					text: 'x',
					choice: 0
				};
			},
			'answers[0].answer.type'
		],
		[
			'more answers than questions',
			(r: Loose) => (r.answers = [...r.answers, ...r.answers, ...r.answers]),
			'answers'
		],
		['an answer without a grade', (r: Loose) => delete r.answers[1]!.grade, 'answers[1].grade'],
		[
			'an answer given in 1970',
			(r: Loose) => (r.answers[2]!.answeredAt = 0),
			'answers[2].answeredAt'
		]
	])('refuses a record with %s', (_, edit, field) => {
		expect(checkQuizRecord(damaged(edit))?.field).toBe(field);
	});

	it.each([
		['a quiz in progress with a finishing time', { status: 'active' }, 'finishedAt'],
		['a score that is not its record’s', { score: 99 }, 'score'],
		['a finish before its start', { finishedAt: Date.UTC(2020, 0, 1) }, 'finishedAt'],
		[
			'a quiz in progress without a record',
			{ status: 'active', finishedAt: 0, data: null },
			'data'
		],
		['status "done"', { status: 'done' }, 'status']
	])('refuses a row with %s', (_, overrides, field) => {
		expect(checkQuizAttemptRow(storedQuiz(undefined, overrides))?.field).toMatch(
			new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`)
		);
	});
});

describe('checkSettingRow and describeProblem', () => {
	it('checks a known setting against its rule and keeps an unknown one', () => {
		expect(checkSettingRow({ key: 'newPerDay', value: 20 })).toBeUndefined();
		expect(checkSettingRow({ key: 'someday', value: [1] })).toBeUndefined();
		const problem = checkSettingRow({ key: 'desiredRetention', value: 2 })!;
		expect(describeProblem(problem)).toBe('Desired retention must be between 0.70 and 0.97.');
		expect(describeProblem({ field: 'rating', message: 'must be 1, 2, 3 or 4' })).toBe(
			'rating must be 1, 2, 3 or 4'
		);
	});
});
