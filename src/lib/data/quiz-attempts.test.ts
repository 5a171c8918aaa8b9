import { afterEach, describe, expect, it } from 'vitest';
import type { Question, QuizRecord } from '../domain/quiz/types';
import { DEFAULT_QUIZ_OPTIONS } from '../domain/quiz/types';
import { onDamage, type DamageNotice } from './damage';
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
const T = Date.UTC(2026, 10, 28, 9);
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
			answeredAt: T + 100 + i
		}))
	};
}

describe('quiz attempts', () => {
	it('saves a quiz in progress after each answer and reads it back as the active quiz', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		expect(await getActiveQuizAttempt(db)).toBeUndefined();
		const id = await startQuizAttempt(db, record('s1'), T + 1000);
		await saveQuizProgress(db, id, record('s1', [1]));
		await saveQuizProgress(db, id, record('s1', [1, 0.5]));
		const active = await getActiveQuizAttempt(db);
		expect(active).toMatchObject({
			id,
			status: 'active',
			startedAt: T + 1000,
			score: 1.5,
			maxScore: 3
		});
		expect(active!.data.answers).toHaveLength(2);
	});

	it('keeps one quiz in progress: starting another finishes the unfinished one as it stood, its answers scored', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = await startQuizAttempt(db, record('s1'), T + 1000);
		await saveQuizProgress(db, first, record('s1', [1, 0.5]));
		const second = await startQuizAttempt(db, record('s2'), T + 2000);
		expect((await getActiveQuizAttempt(db))?.id).toBe(second);
		const kept = await getQuizAttempt(db, first);
		expect(kept).toMatchObject({
			status: 'finished',
			finishedAt: T + 2000,
			score: 1.5,
			maxScore: 3
		});
		expect(kept?.data?.answers).toHaveLength(2);
	});

	it('finishes a quiz with its score and lists finished quizzes newest first', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const a = await startQuizAttempt(db, record('a'), T + 1000);
		await finishQuizAttempt(db, a, record('a', [1, 1, 0]), T + 5000);
		const b = await startQuizAttempt(db, record('b'), T + 6000);
		await finishQuizAttempt(db, b, record('b', [1, 1, 1]), T + 9000);
		await startQuizAttempt(db, record('c'), T + 10000);

		const finished = await listFinishedQuizAttempts(db);
		expect(finished.map((f) => [f.id, f.score, f.maxScore, f.finishedAt])).toEqual([
			[b, 3, 3, T + 9000],
			[a, 2, 3, T + 5000]
		]);
		expect((await listFinishedQuizAttempts(db, 1)).map((f) => f.id)).toEqual([b]);
		expect((await getActiveQuizAttempt(db))?.data.options.seed).toBe('c');
		expect(await getQuizAttempt(db, a)).toMatchObject({
			status: 'finished',
			finishedAt: T + 5000
		});
	});

	it('refuses to save progress for a quiz that is gone, or a record that does not fit', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await expect(saveQuizProgress(db, 99, record('x'))).rejects.toThrow(/no longer stored/);
		const id = await startQuizAttempt(db, record('s1'), T);
		const bad = record('s1', [1]);
		bad.answers[0]!.answer = { type: 'choice', choice: 0 };
		await expect(saveQuizProgress(db, id, bad)).rejects.toThrow(
			/not saved: its answers\[0\]\.answer\.type must be typed or dontknow/
		);
		expect((await getActiveQuizAttempt(db))?.data.answers).toEqual([]);
	});

	it('skips and reports damaged rows: a quiz link, Home and the results never stop on them', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const met: DamageNotice[] = [];
		const stop = onDamage(db, (notice) => met.push(notice));
		const good = await startQuizAttempt(db, record('ok'), T);
		const broken = record('bad', [1]);
		// What blocked every quiz link: options without topics (and an import accepted it).
		delete (broken.options as Partial<typeof broken.options>).topics;
		const badActive = await db.quizAttempts.add({
			status: 'active',
			startedAt: T + 5,
			finishedAt: 0,
			score: 1,
			maxScore: 3,
			data: broken
		});
		const badFinished = await db.quizAttempts.add({
			status: 'finished',
			startedAt: T + 1,
			finishedAt: T + 2,
			score: 1,
			maxScore: 1,
			data: { old: true }
		});
		expect((await getActiveQuizAttempt(db))?.id).toBe(good);
		expect(await listFinishedQuizAttempts(db)).toEqual([]);
		expect(await getQuizAttempt(db, badFinished!)).toBeUndefined();
		expect(met.map((m) => [m.table, m.key])).toEqual([
			['quizAttempts', String(badActive)],
			['quizAttempts', String(badFinished)],
			['quizAttempts', String(badFinished)]
		]);
		expect(met[0]!.problem).toBe('data.options.topics is missing');
		stop();
	});
});
