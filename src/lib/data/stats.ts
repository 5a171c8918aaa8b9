import { checkQuizAttemptRow, checkReviewRow } from '../domain/integrity/rows';
import { keepValid } from './damage';
import type { CardRow, CstoDb, QuizAttemptRow, ReviewRow } from './db';
import {
	checkStoredLogSummary,
	emptyLogSummary,
	isForParameters,
	toStoredLogSummary,
	type LogSummary,
	type SummaryColumns
} from '../domain/stats/log-summary';
import { toStoredDays, type StoredLogSummary } from '../domain/stats/stored-summary';
import { countReviews, holdsCounted, logTables } from './log';
import { readReviewsAfter } from './log-bulk';
import { listCards } from './queue';

/** What the Stats page has read: the rows it shows, and the ratings still to add to the summary. */
export interface StatsRead {
	cards: CardRow[];
	quizAttempts: QuizAttemptRow[];
	/**
	 * The log summed up so far (see log-summary.ts): the one given, the stored one (in its stored
	 * shape, for the caller to put back into Maps a slice at a time), or a new empty one when neither
	 * matches the log (`isWholeLog`).
	 */
	summary: LogSummary | StoredLogSummary;
	isWholeLog: boolean;
	/** The valid ratings to add to `summary`, in id order; every rating when `isWholeLog`. */
	added: ReviewRow[];
	/** The summary's `lastReviewId` and `rowCount` once `added` is in it. */
	lastReviewId: number;
	rowCount: number;
}

/** Rows per read of the log: each read is one short task for the page, not one long one. */
const LOG_PAGE = 2000;

/**
 * The ratings with an id above `after`, oldest id first, read and checked a page at a time; a
 * damaged row is left out and reported. Also gives how many rows were read and the last id.
 */
async function listReviewsAfter(db: CstoDb, after: number) {
	const log = await readReviewsAfter(db, after, LOG_PAGE, (page) =>
		keepValid(db, 'reviews', page, checkReviewRow, (row) => row.id)
	);
	return { valid: log.rows, read: log.read, lastId: log.lastKey ?? after };
}

/**
 * A cheap read that covers every row `loadStats` reads (a count of each table), for a live query to
 * watch instead of the rows: Dexie watching 100,000 ratings key by key cost more than reading them.
 */
export function watchStats(db: CstoDb): Promise<number[]> {
	return Promise.all([db.cards.count(), countReviews(db), db.quizAttempts.count()]);
}

/**
 * Reads what the stats page needs (cards, finished quizzes, the summed-up log and the ratings added
 * since it was summed up) in one read transaction. A damaged row (failing the validator at `now`) is
 * left out and reported.
 *
 * The summary is `previous` (this page's last one) or else the stored one, when made for these FSRS
 * `parameters`. Ratings are only ever added at the end of the log (a new id), so when the log holds
 * the rows the summary counted plus those with a higher id, nothing it summed up has changed, and
 * only those are read. Otherwise (a rating undone, or `wholeLog`), the whole log is read for a new
 * summary. Reading 100,000 ratings takes Chromium about two seconds; after a rating elsewhere this
 * reads one.
 */
export async function loadStats(
	db: CstoDb,
	now: number,
	parameters: readonly number[] | undefined,
	previous?: LogSummary,
	wholeLog = false
): Promise<StatsRead> {
	const tables = [db.cards, ...logTables(db), db.quizAttempts, db.summaries];
	return db.transaction('r', tables, async () => {
		const cards = await listCards(db, now);
		const quizAttempts = keepValid(
			db,
			'quizAttempts',
			await db.quizAttempts.where('status').equals('finished').toArray(),
			checkQuizAttemptRow,
			(row) => row.id
		);
		const summary = wholeLog
			? undefined
			: previous && isForParameters(previous, parameters)
				? previous
				: await readStoredSummary(db, parameters);
		if (summary) {
			const added = await listReviewsAfter(db, summary.lastReviewId);
			const rowCount = await countReviews(db);
			if (rowCount === summary.rowCount + added.read) {
				const { lastId: lastReviewId, valid } = added;
				return {
					cards,
					quizAttempts,
					summary,
					isWholeLog: false,
					added: valid,
					lastReviewId,
					rowCount
				};
			}
		}
		const log = await listReviewsAfter(db, 0);
		return {
			cards,
			quizAttempts,
			summary: emptyLogSummary(parameters),
			isWholeLog: true,
			added: log.valid,
			lastReviewId: log.lastId,
			rowCount: log.read
		};
	});
}

/** The stored summary when it is one this code can use for these parameters. */
async function readStoredSummary(db: CstoDb, parameters: readonly number[] | undefined) {
	const stored = checkStoredLogSummary((await db.summaries.get('log'))?.value);
	return stored && isForParameters(stored, parameters) ? stored : undefined;
}

/**
 * Stores the summary for the next visit, unless the log has changed under it since (its rows up to
 * `lastReviewId` are no longer `rowCount`: a rating undone meanwhile). Returns whether it stored it.
 * The summary is copied at once, so that ratings added to it meanwhile are not stored half-counted.
 */
export function saveLogSummary(
	db: CstoDb,
	summary: LogSummary,
	columns?: SummaryColumns
): Promise<boolean> {
	const stored = toStoredLogSummary(summary, columns);
	return db.transaction('rw', [...logTables(db), db.summaries], async () => {
		if (!(await holdsCounted(db, stored))) return false;
		await db.summaries.bulkPut([
			{ key: 'log', value: stored },
			{ key: 'log-days', value: toStoredDays(stored) }
		]);
		return true;
	});
}
