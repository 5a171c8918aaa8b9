import type { Backup, BackupCard, BackupQuizAttempt, BackupReview } from '../domain/backup/schema';
import { BACKUP_TABLES, type BackupTables } from '../domain/backup/schema';
import {
	checkBackupConsistency,
	checkBackupEnvelope,
	checkBackupRows,
	checkBackupSize,
	parseBackupJson,
	upgradeBackupTables
} from '../domain/backup/parse';
import { planMerge } from '../domain/backup/merge';
import { renameBackupIds } from '../domain/backup/rename';
import { writeBackupJson } from '../domain/backup/write';
import { toProgressCsv } from '../domain/backup/csv';
import {
	QUESTION_ID_RENAMES,
	type CardRow,
	type CstoDb,
	type QuizAttemptRow,
	type ReviewRow
} from './db';

// The backup schema lives in the domain, which cannot see db.ts; these lines fail to compile if the
// two ever disagree on a field.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const CARDS_MATCH: Equal<CardRow, BackupCard> = true;
const REVIEWS_MATCH: Equal<Required<ReviewRow>, BackupReview> = true;
const QUIZZES_MATCH: Equal<Required<QuizAttemptRow>, BackupQuizAttempt> = true;
void [CARDS_MATCH, REVIEWS_MATCH, QUIZZES_MATCH];

/** How far a long import or export has got: `done` of `total` rows. */
export interface BackupProgress {
	phase: 'reading' | 'checking' | 'writing';
	done: number;
	total: number;
}

export type OnBackupProgress = (progress: BackupProgress) => void;

/** Rows per step of a long job; between steps the page gets to paint and answer input. */
const CHUNK = 5000;

/** Hands the event loop back to the page for a moment. */
function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reads every table in one read transaction, so that the snapshot is consistent. */
export async function readAllTables(db: CstoDb): Promise<BackupTables> {
	return db.transaction('r', [db.cards, db.reviews, db.quizAttempts, db.settings], async () => {
		const [cards, reviews, quizAttempts, settings] = await Promise.all([
			db.cards.toArray(),
			db.reviews.toArray(),
			db.quizAttempts.toArray(),
			db.settings.toArray()
		]);
		return {
			cards,
			reviews: reviews as BackupReview[],
			quizAttempts: quizAttempts as BackupQuizAttempt[],
			settings
		};
	});
}

/**
 * Exports every table as one backup file (JSON): format name and version, app version, export time,
 * settings, cards, reviews and quiz attempts. The text is built in chunks, pausing between them.
 */
export async function exportBackup(
	db: CstoDb,
	options: { appVersion: string; now: number; onProgress?: OnBackupProgress }
): Promise<Blob> {
	const tables = await readAllTables(db);
	const total = BACKUP_TABLES.reduce((sum, table) => sum + tables[table].length, 0);
	const parts: string[] = [];
	let sincePause = 0;
	for (const { part, rowsDone } of writeBackupJson(
		{ appVersion: options.appVersion, exportedAt: options.now },
		tables,
		CHUNK
	)) {
		parts.push(part);
		if (rowsDone - sincePause >= CHUNK) {
			sincePause = rowsDone;
			options.onProgress?.({ phase: 'writing', done: rowsDone, total });
			await pause();
		}
	}
	options.onProgress?.({ phase: 'writing', done: total, total });
	return new Blob(parts, { type: 'application/json' });
}

/**
 * Reads and validates a whole backup file without touching the database: refuses (BackupError) a file
 * over 50 MB, not JSON, cut short, of another format or a newer version, or with any wrong value,
 * naming the problem. Rows are checked in chunks, pausing between them; an older format's rows are
 * brought up to this one.
 */
export async function readBackupFile(
	file: Blob,
	options: { onProgress?: OnBackupProgress } = {}
): Promise<Backup> {
	checkBackupSize(file.size);
	options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
	const envelope = checkBackupEnvelope(parseBackupJson(await file.text()));
	const total = BACKUP_TABLES.reduce((sum, table) => sum + envelope.rows[table].length, 0);
	const tables: BackupTables = { cards: [], reviews: [], quizAttempts: [], settings: [] };
	let done = 0;
	for (const table of BACKUP_TABLES) {
		const rows = envelope.rows[table];
		for (let start = 0; start < rows.length; start += CHUNK) {
			checkBackupRows(table, rows, start, start + CHUNK, tables[table]);
			done += Math.min(CHUNK, rows.length - start);
			options.onProgress?.({ phase: 'checking', done, total });
			await pause();
		}
	}
	checkBackupConsistency(tables);
	upgradeBackupTables(envelope.version, tables);
	return { appVersion: envelope.appVersion, exportedAt: envelope.exportedAt, ...tables };
}

/** What an import changed. */
export interface ImportResult {
	mode: 'merge' | 'replace';
	cards: number;
	reviews: number;
	quizAttempts: number;
	settings: number;
}

async function addInChunks<T>(
	rows: readonly T[],
	write: (chunk: T[]) => Promise<unknown>,
	step: (count: number) => void
): Promise<void> {
	for (let start = 0; start < rows.length; start += CHUNK) {
		const chunk = rows.slice(start, start + CHUNK);
		await write(chunk);
		step(chunk.length);
	}
}

/**
 * Applies a validated backup in ONE transaction, so that a failure leaves everything as it was.
 * Replace makes the stored data exactly the backup's (settings included); Merge keeps, for each card,
 * the more recently reviewed version and adds the reviews, quizzes and settings not already here.
 * Progress of merged questions moves to their new ids first (questions/renames.json), as the schema
 * upgrade moved it here, so a backup made before a merge imports too. Rows for items no longer in the
 * bank are kept like any other.
 */
export async function applyBackup(
	db: CstoDb,
	original: BackupTables,
	mode: 'merge' | 'replace',
	options: { onProgress?: OnBackupProgress } = {}
): Promise<ImportResult> {
	const backup = renameBackupIds(original, QUESTION_ID_RENAMES);
	return db.transaction('rw', [db.cards, db.reviews, db.quizAttempts, db.settings], async () => {
		let plan: {
			cards: CardRow[];
			reviews: ReviewRow[];
			quizAttempts: QuizAttemptRow[];
			settings: { key: string; value: unknown }[];
		};
		if (mode === 'replace') {
			await Promise.all([
				db.cards.clear(),
				db.reviews.clear(),
				db.quizAttempts.clear(),
				db.settings.clear()
			]);
			plan = backup;
		} else {
			const [cards, reviews, quizAttempts, settingKeys] = await Promise.all([
				db.cards.toArray(),
				db.reviews.toArray(),
				db.quizAttempts.toArray(),
				db.settings.toCollection().primaryKeys()
			]);
			plan = planMerge({ cards, reviews, quizAttempts, settingKeys }, backup);
		}
		const total =
			plan.cards.length + plan.reviews.length + plan.quizAttempts.length + plan.settings.length;
		let done = 0;
		const step = (count: number) => {
			done += count;
			options.onProgress?.({ phase: 'writing', done, total });
		};
		options.onProgress?.({ phase: 'writing', done, total });
		await addInChunks(plan.settings, (chunk) => db.settings.bulkPut(chunk), step);
		await addInChunks(plan.cards, (chunk) => db.cards.bulkPut(chunk), step);
		await addInChunks(plan.reviews, (chunk) => db.reviews.bulkAdd(chunk), step);
		await addInChunks(plan.quizAttempts, (chunk) => db.quizAttempts.bulkAdd(chunk), step);
		return {
			mode,
			cards: plan.cards.length,
			reviews: plan.reviews.length,
			quizAttempts: plan.quizAttempts.length,
			settings: plan.settings.length
		};
	});
}

/** Clears cards, reviews and quiz attempts in one transaction; settings are kept. */
export async function resetProgress(db: CstoDb): Promise<void> {
	await db.transaction('rw', [db.cards, db.reviews, db.quizAttempts], async () => {
		await Promise.all([db.cards.clear(), db.reviews.clear(), db.quizAttempts.clear()]);
	});
}

/** The learner's progress as CSV: one row per stored card. */
export async function exportProgressCsv(db: CstoDb): Promise<string> {
	return toProgressCsv(await db.cards.toArray());
}
