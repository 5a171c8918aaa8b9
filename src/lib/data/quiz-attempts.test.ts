import { afterEach, describe, expect, it } from 'vitest';
import type { Question, QuizRecord } from '../domain/quiz/types';
import { DEFAULT_QUIZ_OPTIONS } from '../domain/quiz/types';
import { createDb, type CstoDb } from './db';
import {
	finishQuizAttempt,
	getActiveQuizAttempt,
	getQuizAttempt,
	listFinishedQuizAttempts,
	saveQuizProgress,
	startQuizAttempt
} from './quiz-attempts';

let db: CstoDb;
afterEach(async () => {
	await db?.delete();
});

const question: Question = {
	itemId: 'members/x',
	topic: 'members',
	difficulty: 1,
	prompt: 'Q?',
	answerText: 'A',
	explanation: 'E.',
	sources: [],
	type: 'typed',
	accepted: ['A'],
	rejected: []
};

function record(seed: string, scores: number[] = []): QuizRecord {
	return {
		version: 1,
		options: { ...DEFAULT_QUIZ_OPTIONS, seed },
		questions: [
			question,
			{ ...question, itemId: 'members/y' },
			{ ...question, itemId: 'members/z' }
		],
		answers: scores.map((score, i) => ({
			answer: { type: 'typed', text: 'A' },
			grade: { score, isCorrect: score === 1, isNearMatch: false, note: '' },
			durationMs: 1000,
			answeredAt: 100 + i
		}))
	};
}

describe('quiz attempts', () => {
	it('saves a quiz in progress after each answer and reads it back as the active quiz', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		expect(await getActiveQuizAttempt(db)).toBeUndefined();
		const id = await startQuizAttempt(db, record('s1'), 1000);
		await saveQuizProgress(db, id, record('s1', [1]));
		await saveQuizProgress(db, id, record('s1', [1, 0.5]));
		const active = await getActiveQuizAttempt(db);
		expect(active).toMatchObject({
			id,
			status: 'active',
			startedAt: 1000,
			score: 1.5,
			maxScore: 3
		});
		expect(active!.data.answers).toHaveLength(2);
	});

	it('keeps one quiz in progress: starting another discards the unfinished one', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = await startQuizAttempt(db, record('s1', [1]), 1000);
		const second = await startQuizAttempt(db, record('s2'), 2000);
		expect((await getActiveQuizAttempt(db))?.id).toBe(second);
		expect(await getQuizAttempt(db, first)).toBeUndefined();
	});

	it('finishes a quiz with its score and lists finished quizzes newest first', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const a = await startQuizAttempt(db, record('a'), 1000);
		await finishQuizAttempt(db, a, record('a', [1, 1, 0]), 5000);
		const b = await startQuizAttempt(db, record('b'), 6000);
		await finishQuizAttempt(db, b, record('b', [1, 1, 1]), 9000);
		await startQuizAttempt(db, record('c'), 10000);

		const finished = await listFinishedQuizAttempts(db);
		expect(finished.map((f) => [f.id, f.score, f.maxScore, f.finishedAt])).toEqual([
			[b, 3, 3, 9000],
			[a, 2, 3, 5000]
		]);
		expect((await listFinishedQuizAttempts(db, 1)).map((f) => f.id)).toEqual([b]);
		expect((await getActiveQuizAttempt(db))?.data.options.seed).toBe('c');
		expect(await getQuizAttempt(db, a)).toMatchObject({ status: 'finished', finishedAt: 5000 });
	});

	it('refuses to save progress for a quiz that is gone, and skips rows it cannot read', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await expect(saveQuizProgress(db, 99, record('x'))).rejects.toThrow(/no longer stored/);
		await db.quizAttempts.add({
			status: 'finished',
			startedAt: 1,
			finishedAt: 2,
			score: 1,
			maxScore: 1,
			data: { old: true }
		});
		expect(await listFinishedQuizAttempts(db)).toEqual([]);
	});
});
