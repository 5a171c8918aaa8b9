// Test fixtures: stored rows the validator accepts, to damage one field at a time.
import { buildQuiz } from '../quiz/build';
import { FIXTURE_BANK } from '../quiz/fixtures';
import { gradeAnswer } from '../quiz/grade';
import {
	DEFAULT_QUIZ_OPTIONS,
	type Question,
	type QuizAnswer,
	type QuizRecord
} from '../quiz/types';
import { createRng } from '../random';
import type { CardRow } from '../scheduling/card';
import type { BackupQuizAttempt, BackupReview } from '../backup/schema';
import { scoreQuizRecord } from './quiz-record';

/** The fixtures' "now": 28 November 2026, 12:00 UTC. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

/** A card in review, last reviewed two days before FIXTURE_NOW; any field overridden. */
export function storedCard(overrides: Partial<Record<keyof CardRow, unknown>> = {}): CardRow {
	return {
		id: 'members/headquarters',
		itemId: 'members/headquarters',
		topic: 'members',
		due: FIXTURE_NOW + 3 * DAY,
		stability: 5.2,
		difficulty: 4.9,
		elapsedDays: 2,
		scheduledDays: 5,
		learningSteps: 0,
		reps: 3,
		lapses: 0,
		state: 2,
		lastReview: FIXTURE_NOW - 2 * DAY,
		suspended: 0,
		leech: 0,
		buriedUntil: 0,
		...overrides
	} as CardRow;
}

/** A review log row; any field overridden. */
export function storedReview(
	overrides: Partial<Record<keyof BackupReview, unknown>> = {}
): BackupReview {
	return {
		id: 1,
		cardId: 'members/headquarters',
		rating: 3,
		stateBefore: 2,
		dueBefore: FIXTURE_NOW - 3 * DAY,
		stability: 5.2,
		difficulty: 4.9,
		elapsedDays: 2,
		scheduledDays: 5,
		reviewedAt: FIXTURE_NOW - 2 * DAY,
		durationMs: 4200,
		source: 'review',
		...overrides
	} as BackupReview;
}

/** The right answer to a question. */
export function rightAnswer(question: Question): QuizAnswer {
	switch (question.type) {
		case 'map':
			return { type: 'map', choices: [...question.correct] };
		case 'choice':
			return { type: 'choice', choice: question.correct };
		case 'multi':
			return { type: 'multi', choices: [...question.correct] };
		case 'truefalse':
			return { type: 'truefalse', value: question.isTrue };
		case 'typed':
			return { type: 'typed', text: question.accepted[0]! };
		case 'matching':
			return { type: 'matching', matches: [...question.correct] };
		case 'ordering':
			return { type: 'ordering', order: [...question.correct] };
	}
}

/**
 * A quiz record over the fixture bank (one question of every type, and more), with the first
 * `answered` questions answered: right, then "Don't know", by turns.
 */
export function quizRecord(answered = 0, seed = 'fixture1'): QuizRecord {
	const options = { ...DEFAULT_QUIZ_OPTIONS, seed, length: 8 };
	const { questions } = buildQuiz(FIXTURE_BANK, options, createRng(seed));
	const answers = questions.slice(0, answered).map((question, i) => {
		const answer: QuizAnswer = i % 2 === 0 ? rightAnswer(question) : { type: 'dontknow' };
		return {
			answer,
			grade: gradeAnswer(question, answer),
			durationMs: 3000,
			answeredAt: FIXTURE_NOW - DAY + i * 10_000
		};
	});
	return { version: 1, options, questions, answers };
}

/** A quiz attempt row holding `record` (finished unless told otherwise), its score the record's. */
export function storedQuiz(
	record: QuizRecord = quizRecord(8),
	overrides: Partial<Record<keyof BackupQuizAttempt, unknown>> = {}
): BackupQuizAttempt {
	return {
		id: 1,
		status: 'finished',
		startedAt: FIXTURE_NOW - DAY - 60_000,
		finishedAt: FIXTURE_NOW - DAY + 3_600_000,
		...scoreQuizRecord({
			questions: record.questions,
			answers: record.answers.map((a) => ({
				...a,
				grade: { ...a.grade, score: a.grade?.score ?? 0 }
			}))
		}),
		data: record,
		...overrides
	} as BackupQuizAttempt;
}
