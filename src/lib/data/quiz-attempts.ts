import { sumScore } from '../domain/quiz/score';
import type { QuizRecord } from '../domain/quiz/types';
import type { CstoDb, QuizAttemptRow } from './db';

/** A stored quiz attempt with its record read back. */
export type QuizAttempt = QuizAttemptRow & { id: number; data: QuizRecord };

function isQuizRecord(data: unknown): data is QuizRecord {
	const record = data as Partial<QuizRecord> | null;
	return (
		typeof record === 'object' &&
		record !== null &&
		record.version === 1 &&
		typeof record.options?.seed === 'string' &&
		Array.isArray(record.questions) &&
		Array.isArray(record.answers)
	);
}

/** The row as an attempt, or undefined when its record is not one this version can read. */
function toAttempt(row: QuizAttemptRow | undefined): QuizAttempt | undefined {
	if (!row || row.id === undefined || !isQuizRecord(row.data)) return undefined;
	return row as QuizAttempt;
}

function scoreOf(record: QuizRecord): { score: number; maxScore: number } {
	return { score: sumScore(record.answers.map((a) => a.grade)), maxScore: record.questions.length };
}

/**
 * Stores a new quiz in progress and returns its id. Only one quiz is in progress at a time, so any
 * other unfinished quiz is discarded in the same transaction.
 */
export function startQuizAttempt(
	db: CstoDb,
	record: QuizRecord,
	startedAt: number
): Promise<number> {
	return db.transaction('rw', db.quizAttempts, async () => {
		await db.quizAttempts.where('status').equals('active').delete();
		const id = await db.quizAttempts.add({
			status: 'active',
			startedAt,
			finishedAt: 0,
			...scoreOf(record),
			data: record
		});
		return id as number;
	});
}

/** Saves a quiz in progress after an answer (the record holds every answer so far). */
export async function saveQuizProgress(db: CstoDb, id: number, record: QuizRecord): Promise<void> {
	const updated = await db.quizAttempts.update(id, { ...scoreOf(record), data: record });
	if (updated === 0) throw new Error(`Quiz ${id} is no longer stored.`);
}

/** Marks a quiz finished with its final record, score and finishing time. */
export async function finishQuizAttempt(
	db: CstoDb,
	id: number,
	record: QuizRecord,
	finishedAt: number
): Promise<void> {
	const updated = await db.quizAttempts.update(id, {
		status: 'finished',
		finishedAt,
		...scoreOf(record),
		data: record
	});
	if (updated === 0) throw new Error(`Quiz ${id} is no longer stored.`);
}

/** The quiz in progress, if there is one (the latest started, should there be several). */
export async function getActiveQuizAttempt(db: CstoDb): Promise<QuizAttempt | undefined> {
	const rows = await db.quizAttempts.where('status').equals('active').sortBy('startedAt');
	return rows
		.map(toAttempt)
		.reverse()
		.find((attempt) => attempt !== undefined);
}

/** One attempt by id, in progress or finished. */
export async function getQuizAttempt(db: CstoDb, id: number): Promise<QuizAttempt | undefined> {
	return toAttempt(await db.quizAttempts.get(id));
}

/** Finished quizzes, newest first (Home shows the first; Stats the history). */
export async function listFinishedQuizAttempts(
	db: CstoDb,
	limit = Infinity
): Promise<QuizAttempt[]> {
	const attempts: QuizAttempt[] = [];
	await db.quizAttempts
		.orderBy('finishedAt')
		.reverse()
		.until(() => attempts.length >= limit)
		.each((row) => {
			const attempt = row.status === 'finished' ? toAttempt(row) : undefined;
			if (attempt) attempts.push(attempt);
		});
	return attempts;
}
