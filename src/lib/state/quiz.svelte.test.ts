import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb } from '../data/db';
import { getActiveQuizAttempt, getQuizAttempt } from '../data/quiz-attempts';
import { FIXTURE_BANK } from '../domain/quiz/fixtures';
import { scheduleReview } from '../domain/scheduling/fsrs';
import { newCardRow } from '../domain/scheduling/fsrs';
import {
	DEFAULT_QUIZ_OPTIONS,
	type Question,
	type QuizAnswer,
	type QuizOptions
} from '../domain/quiz/types';
import { DEFAULT_PARAMETERS } from '../domain/scheduling/fsrs';
import { QuizSession, type QuizSessionDeps } from './quiz.svelte';
import { SLOW_ACTION_MS } from './slow.svelte';

type QuizSettings = ReturnType<QuizSessionDeps['settings']>;

let db: CstoDb;
let clock = Date.UTC(2026, 10, 28, 12);
afterEach(async () => {
	await db?.delete();
});

function session(settings: QuizSettings = { quizUpdatesCards: true, desiredRetention: 0.9 }) {
	return new QuizSession({
		db: () => db,
		bank: FIXTURE_BANK,
		now: () => (clock += 1500),
		settings: () => settings
	});
}

const options = (overrides: Partial<QuizOptions> = {}): QuizOptions => ({
	...DEFAULT_QUIZ_OPTIONS,
	seed: 'state',
	length: 5,
	...overrides
});

/** The right answer to a question, so that tests can answer on purpose. */
function rightAnswer(q: Question): QuizAnswer {
	switch (q.type) {
		case 'choice':
			return { type: 'choice', choice: q.correct };
		case 'multi':
			return { type: 'multi', choices: q.correct };
		case 'truefalse':
			return { type: 'truefalse', value: q.isTrue };
		case 'typed':
			return { type: 'typed', text: q.accepted[0]! };
		case 'matching':
			return { type: 'matching', matches: q.correct };
		case 'ordering':
			return { type: 'ordering', order: q.correct };
		case 'map':
			return { type: 'map', choices: q.correct };
	}
}

describe('QuizSession', () => {
	it('plays a practice quiz: feedback after each answer, saved after each answer, finished at the end', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options());
		expect(quiz.phase).toBe('question');
		expect(quiz.total).toBe(5);
		const id = quiz.attemptId!;

		for (let i = 0; i < 5; i++) {
			expect(quiz.index).toBe(i);
			const answer = i === 1 ? ({ type: 'dontknow' } as const) : rightAnswer(quiz.question!);
			const grade = await quiz.answer(answer);
			expect(grade?.isCorrect).toBe(i !== 1);
			expect(quiz.phase).toBe('feedback');
			expect(quiz.feedback).toEqual(grade);
			expect(quiz.index).toBe(i);
			const stored = await getQuizAttempt(db, id);
			expect(stored?.data?.answers).toHaveLength(i + 1);
			expect(quiz.isLast).toBe(i === 4);
			await quiz.next();
		}
		expect(quiz.phase).toBe('finished');
		expect(await getQuizAttempt(db, id)).toMatchObject({
			status: 'finished',
			score: 4,
			maxScore: 5
		});
		expect(await getActiveQuizAttempt(db)).toBeUndefined();
	});

	it('ignores a second answer while one is on screen', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options());
		await quiz.answer({ type: 'dontknow' });
		expect(await quiz.answer({ type: 'dontknow' })).toBeUndefined();
		expect(quiz.answeredCount).toBe(1);
	});

	it('is busy from the answer on, but shows it (isSlow) only once the write takes longer than SLOW_ACTION_MS', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options());
		// Only the page's timers are faked: fake-indexeddb runs its requests on setImmediate.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const answering = quiz.answer({ type: 'dontknow' });
			expect(quiz.isBusy).toBe(true);
			expect(quiz.isSlow).toBe(false);
			// A second key press meanwhile answers nothing.
			expect(await quiz.answer(rightAnswer(quiz.question!))).toBeUndefined();
			vi.advanceTimersByTime(SLOW_ACTION_MS - 1);
			expect(quiz.isSlow).toBe(false);
			vi.advanceTimersByTime(1);
			expect(quiz.isSlow).toBe(true);
			expect((await answering)?.isCorrect).toBe(false);
			expect([quiz.isBusy, quiz.isSlow]).toEqual([false, false]);
			expect(quiz.answeredCount).toBe(1);
			expect((await getQuizAttempt(db, quiz.attemptId!))?.data?.answers).toHaveLength(1);

			// An answer stored at once never shows as busy: its timer is cleared.
			await quiz.next();
			await quiz.answer({ type: 'dontknow' });
			vi.advanceTimersByTime(10 * SLOW_ACTION_MS);
			expect([quiz.isBusy, quiz.isSlow]).toEqual([false, false]);
			expect(quiz.answeredCount).toBe(2);
		} finally {
			vi.useRealTimers();
		}
	});

	it('resumes the stored quiz at the same question when the same quiz is opened again', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = session();
		await first.open(options());
		await first.answer(rightAnswer(first.question!));
		await first.next();
		await first.answer({ type: 'dontknow' });
		await first.next();
		const third = first.question;

		const reloaded = session();
		await reloaded.open(options());
		expect(reloaded.attemptId).toBe(first.attemptId);
		expect(reloaded.isResumed).toBe(true);
		expect(reloaded.index).toBe(2);
		expect(reloaded.question).toEqual(third);
	});

	it('starts a new quiz for other options once the learner chooses to, and the same seed gives the same questions', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const a = session();
		await a.open(options());
		const b = session();
		await b.open(options({ mode: 'exam' }));
		expect(b.phase).toBe('conflict');
		await b.startNew();
		expect(b.phase).toBe('question');
		expect(b.attemptId).not.toBe(a.attemptId);
		expect(b.record!.questions).toEqual(a.record!.questions);
	});

	it('asks before leaving a quiz in progress; starting the new one finishes it as it stood, its answers scored', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = session();
		await first.open(options());
		for (let i = 0; i < 4; i++) {
			await first.answer(i === 3 ? { type: 'dontknow' } : rightAnswer(first.question!));
			await first.next();
		}
		const second = session();
		await second.open(options({ seed: 'other' }));
		expect(second.phase).toBe('conflict');
		expect(second.unfinished?.id).toBe(first.attemptId);
		expect(second.unfinished?.data.answers).toHaveLength(4);
		expect(second.record).toBeUndefined();
		expect(await db.quizAttempts.count()).toBe(1);
		// Choosing to finish the quiz in progress is opening its own link: it resumes.
		const resumed = session();
		await resumed.open(options());
		expect(resumed.attemptId).toBe(first.attemptId);
		expect(resumed.index).toBe(4);

		await second.startNew();
		expect(second.phase).toBe('question');
		expect(await getQuizAttempt(db, first.attemptId!)).toMatchObject({
			status: 'finished',
			score: 3,
			maxScore: 5,
			data: { answers: expect.any(Array) }
		});
		expect((await getActiveQuizAttempt(db))?.id).toBe(second.attemptId);
	});

	it('opens a quiz link whatever damaged quiz rows are stored, and saves an answer whose flashcard is damaged once Check database repaired it', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.quizAttempts.add({
			status: 'active',
			startedAt: clock,
			finishedAt: 0,
			score: 0,
			maxScore: 3,
			data: { version: 1, options: { seed: 'x' }, questions: [], answers: [] }
		});
		const repairs: string[] = [];
		const quiz = new QuizSession({
			db: () => db,
			bank: FIXTURE_BANK,
			now: () => (clock += 1500),
			settings: () => ({ quizUpdatesCards: true, desiredRetention: 0.9 }),
			repair: async () => {
				repairs.push('run');
				await db.cards.clear();
			}
		});
		await quiz.open(options());
		expect(quiz.phase).toBe('question');
		const itemId = quiz.question!.itemId;
		await db.cards.put({
			...newCardRow({ cardId: itemId, itemId, topic: quiz.question!.topic }, new Date(clock)),
			state: 2,
			lastReview: clock - 1000
		});
		await quiz.answer({ type: 'dontknow' });
		expect(repairs).toEqual(['run']);
		expect(quiz.phase).toBe('feedback');
		expect(await db.reviews.count()).toBe(1);
		expect((await getQuizAttempt(db, quiz.attemptId!))?.data?.answers).toHaveLength(1);
	});

	it('moves straight on in exam mode and finishes after the last answer', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options({ mode: 'exam' }));
		for (let i = 0; i < 5; i++) {
			expect(quiz.phase).toBe('question');
			await quiz.answer(rightAnswer(quiz.question!));
			expect(quiz.feedback).toBeUndefined();
		}
		expect(quiz.phase).toBe('finished');
		expect(await getQuizAttempt(db, quiz.attemptId!)).toMatchObject({ score: 5, maxScore: 5 });
	});

	it('leaves a card partly right in a matching question as a Hard rating leaves it', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options({ types: ['matching'] }));
		const question = quiz.question!;
		if (question.type !== 'matching') throw new Error('expected a matching question');
		// The first two rows right, the next two swapped.
		const [a, b, c, d] = question.correct;
		await quiz.answer({ type: 'matching', matches: [a!, b!, d!, c!] });
		expect(quiz.feedback).toMatchObject({ score: 0.5, isCorrect: false });
		const entry = quiz.record!.answers[0]!;
		expect(entry.card).toEqual({ rating: 2, isNewLeech: false });
		const target = { cardId: question.itemId, itemId: question.itemId, topic: question.topic };
		const hard = scheduleReview(undefined, target, 2, new Date(entry.answeredAt), {
			desiredRetention: 0.9,
			enableFuzz: true
		});
		expect(await db.cards.get(question.itemId)).toEqual(hard.card);
		expect(await db.reviews.toArray()).toEqual([
			{ ...hard.review, id: 1, durationMs: entry.durationMs, source: 'quiz' }
		]);
	});

	it('says when an answer makes the card a leech, in the feedback and in the stored record', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options());
		const question = quiz.question!;
		// A card in review that has lapsed seven times: one more wrong answer makes it a leech.
		const target = { cardId: question.itemId, itemId: question.itemId, topic: question.topic };
		const reviewed = scheduleReview(undefined, target, 4, new Date(clock - 30 * 86_400_000), {
			desiredRetention: 0.9,
			enableFuzz: true
		}).card;
		await db.cards.put({ ...reviewed, lapses: 7 });
		await quiz.answer({ type: 'dontknow' });
		expect(quiz.feedbackCard).toEqual({ rating: 1, isNewLeech: true });
		expect(await db.cards.get(question.itemId)).toMatchObject({ leech: 1, suspended: 1 });
		const stored = await getQuizAttempt(db, quiz.attemptId!);
		expect(stored?.data?.answers[0]?.card).toEqual({ rating: 1, isNewLeech: true });
		await quiz.next();
		expect(quiz.feedbackCard).toBeUndefined();
	});

	it('rates the item’s flashcard with each answer (Good when right, Again otherwise)', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options());
		const right = quiz.question!;
		await quiz.answer(rightAnswer(right));
		await quiz.next();
		const wrong = quiz.question!;
		await quiz.answer({ type: 'dontknow' });
		const reviews = await db.reviews.toArray();
		expect(reviews.map((r) => [r.cardId, r.rating, r.source])).toEqual([
			[right.itemId, 3, 'quiz'],
			[wrong.itemId, 1, 'quiz']
		]);
		expect(await db.cards.get(right.itemId)).toMatchObject({ itemId: right.itemId, reps: 1 });
	});

	it("rates the flashcard with the learner's own parameters when they are in use", async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		// A right answer rates Good: the new card's stability is the initial stability w2.
		const parameters = DEFAULT_PARAMETERS.map((w, i) => (i === 2 ? 1.5 : w));
		const memoryModel = {
			parameters,
			trainedAt: clock,
			reviewCount: 500,
			comparedCount: 90,
			logLoss: { defaults: 0.4, trained: 0.35 }
		};
		const quiz = session({ quizUpdatesCards: true, desiredRetention: 0.9, memoryModel });
		await quiz.open(options());
		const right = quiz.question!;
		await quiz.answer(rightAnswer(right));
		expect(await db.cards.get(right.itemId)).toMatchObject({ stability: 1.5 });
	});

	it('leaves flashcards alone when the setting is off', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session({ quizUpdatesCards: false, desiredRetention: 0.9 });
		await quiz.open(options());
		await quiz.answer(rightAnswer(quiz.question!));
		expect(quiz.record!.answers[0]!.card).toBeUndefined();
		expect(await db.cards.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
	});

	it('builds a weak-spots quiz from the cards the learner got wrong', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = session();
		await first.open(options({ seed: 'w1', length: 5 }));
		const missed: string[] = [];
		for (let i = 0; i < 5; i++) {
			const q = first.question!;
			if (i < 2) {
				missed.push(q.itemId);
				await first.answer({ type: 'dontknow' });
			} else await first.answer(rightAnswer(q));
			await first.next();
		}
		clock += 3 * 86_400_000; // three days later, a missed card is more forgotten than a known one
		const weak = session();
		await weak.open(options({ seed: 'w2', length: 5, weakSpots: true }));
		const asked = weak.record!.questions.map((q) => q.itemId);
		for (const id of missed) expect(asked).toContain(id);
	});

	it('says so when no question fits the options', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const quiz = session();
		await quiz.open(options({ topics: ['armenia'] }));
		expect(quiz.phase).toBe('empty');
		expect(await db.quizAttempts.count()).toBe(0);
	});
});
