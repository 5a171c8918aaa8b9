import { AppError } from '../domain/errors';
import { checkQuizRecord, scoreQuizRecord } from '../domain/integrity/quiz-record';
import { checkQuizAttemptRow, describeProblem } from '../domain/integrity/rows';
import type { QuizRecord } from '../domain/quiz/types';
import { reportDamage } from './damage';
import type { CstoDb, QuizAttemptRow } from './db';

/**
 * A stored quiz attempt the validator accepts. Its record is null only for a finished quiz whose
 * record Check database had to set aside (its score is kept).
 */
export type QuizAttempt = QuizAttemptRow & { id: number; data: QuizRecord | null };

/** A quiz in progress: it always has its record. */
export type ActiveQuizAttempt = QuizAttemptRow & { id: number; status: 'active'; data: QuizRecord };

/**
 * The row as an attempt, or undefined when it fails the validator: then it is reported (Check
 * database repairs it) and left out, so that no page stops on it.
 */
function toAttempt(db: CstoDb, row: QuizAttemptRow | undefined): QuizAttempt | undefined {
	if (!row) return undefined;
	const problem = checkQuizAttemptRow(row);
	if (problem) {
		reportDamage(db, {
			table: 'quizAttempts',
			key: String(row.id),
			problem: describeProblem(problem)
		});
		return undefined;
	}
	return row as QuizAttempt;
}

/** Refuses a record the validator refuses: it is never written. */
function assertRecord(record: QuizRecord): void {
	const problem = checkQuizRecord(record);
	if (problem) {
		throw new AppError(`The quiz was not saved: its ${describeProblem(problem)}.`);
	}
}

/**
 * Stores a new quiz in progress and returns its id. Only one quiz is in progress at a time: one
 * already in progress is finished as it stood (its answers scored) in the same transaction, so
 * nothing the learner answered is lost. Ask the learner first (QuizSession does).
 */
export function startQuizAttempt(
	db: CstoDb,
	record: QuizRecord,
	startedAt: number
): Promise<number> {
	assertRecord(record);
	return db.transaction('rw', db.quizAttempts, async () => {
		const active = await db.quizAttempts.where('status').equals('active').toArray();
		for (const row of active) {
			const attempt = toAttempt(db, row);
			// A damaged one stays for Check database, which repairs it or sets it aside.
			if (attempt?.data) {
				await db.quizAttempts.update(attempt.id, {
					status: 'finished',
					finishedAt: Math.max(startedAt, attempt.startedAt),
					...scoreQuizRecord(attempt.data)
				});
			}
		}
		const id = await db.quizAttempts.add({
			status: 'active',
			startedAt,
			finishedAt: 0,
			...scoreQuizRecord(record),
			data: record
		});
		return id as number;
	});
}

/** Saves a quiz in progress after an answer (the record holds every answer so far). */
export async function saveQuizProgress(db: CstoDb, id: number, record: QuizRecord): Promise<void> {
	assertRecord(record);
	const updated = await db.quizAttempts.update(id, { ...scoreQuizRecord(record), data: record });
	if (updated === 0) throw new Error(`Quiz ${id} is no longer stored.`);
}

/** Marks a quiz finished with its final record, score and finishing time. */
export async function finishQuizAttempt(
	db: CstoDb,
	id: number,
	record: QuizRecord,
	finishedAt: number
): Promise<void> {
	assertRecord(record);
	const updated = await db.quizAttempts.update(id, {
		status: 'finished',
		finishedAt,
		...scoreQuizRecord(record),
		data: record
	});
	if (updated === 0) throw new Error(`Quiz ${id} is no longer stored.`);
}

/**
 * The quiz in progress, if there is one (the latest started, should there be several). A damaged
 * one is reported and passed over.
 */
export async function getActiveQuizAttempt(db: CstoDb): Promise<ActiveQuizAttempt | undefined> {
	const rows = await db.quizAttempts.where('status').equals('active').sortBy('startedAt');
	for (const row of rows.reverse()) {
		const attempt = toAttempt(db, row);
		if (attempt?.data) return attempt as ActiveQuizAttempt;
	}
	return undefined;
}

/** One attempt by id, in progress or finished; undefined when there is none or it is damaged. */
export async function getQuizAttempt(db: CstoDb, id: number): Promise<QuizAttempt | undefined> {
	return toAttempt(db, await db.quizAttempts.get(id));
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
			const attempt = row.status === 'finished' ? toAttempt(db, row) : undefined;
			if (attempt) attempts.push(attempt);
		});
	return attempts;
}
