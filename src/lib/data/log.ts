// The review log's one door: every read and write of the ratings goes through this file, except the
// schema's upgrades (db.ts), which change the rows as their version stored them. How the log is
// stored is then this file's business alone. Issue 14's import target (100,000 ratings in 3 s) cannot
// be met while an imported log is stored a record per rating (scripts/bench/log-shapes.ts), and a
// change of shape should touch this file, not every page's.
import type { IndexableType } from 'dexie';
import type { CstoDb, ReviewRow } from './db';
import { readInPages, type PagedRead } from './pages';

/** The tables that hold the log: a transaction that reads or writes the log names each of them. */
export function logTables(db: CstoDb) {
	return [db.reviews];
}

/** Every table the app keeps, the log's among them: for the transactions that may change any. */
export function everyTable(db: CstoDb) {
	return [db.cards, ...logTables(db), db.quizAttempts, db.settings, db.quarantine, db.summaries];
}

/** How many ratings the log holds. */
export function countReviews(db: CstoDb): Promise<number> {
	return db.reviews.count();
}

/**
 * Whether the log still holds the ratings a summary counted: `rowCount` of them with an id up to
 * `lastReviewId`. One undone since (or deleted by Check database) makes it false.
 */
export async function holdsCounted(
	db: CstoDb,
	counted: { lastReviewId: number; rowCount: number }
): Promise<boolean> {
	const held = await db.reviews.where(':id').belowOrEqual(counted.lastReviewId).count();
	return held === counted.rowCount;
}

/** The ratings given from `start` (included) to `end` (excluded), in time order. */
export function listReviewsBetween(db: CstoDb, start: number, end: number): Promise<ReviewRow[]> {
	return db.reviews.where('reviewedAt').between(start, end, true, false).toArray();
}

/** Every rating of one card, oldest first. */
export async function listReviewsOfCard(db: CstoDb, cardId: string): Promise<ReviewRow[]> {
	const rows = await db.reviews.where('cardId').equals(cardId).toArray();
	return rows.sort((a, b) => a.reviewedAt - b.reviewedAt);
}

/** Every rating, in id order (the order they were stored in). */
export function listAllReviews(db: CstoDb): Promise<ReviewRow[]> {
	return db.reviews.toArray();
}

/** Every rating, in time order. */
export function listReviewsByTime(db: CstoDb): Promise<ReviewRow[]> {
	return db.reviews.orderBy('reviewedAt').toArray();
}

/**
 * The ratings with an id above `after`, in id order, read `pageSize` at a time; `keep` checks each
 * page and gives the rows to keep (see `readInPages`).
 */
export function readReviewsAfter(
	db: CstoDb,
	after: number,
	pageSize: number,
	keep: (page: ReviewRow[]) => ReviewRow[]
): Promise<PagedRead<ReviewRow, number>> {
	return readInPages(db.reviews, after, pageSize, (row) => row.id!, keep);
}

/** The result of one IndexedDB request. */
function requested<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/**
 * How many ratings each time range holds (`[start, end)`; none when `end` is not after `start`),
 * counted side by side in a read transaction of their own. Measured in Chromium, a day's count costs
 * about 0.1 ms side by side, while reading the rating times instead (an index's keys come only
 * through a cursor) cost 25 µs a rating; through Dexie the same counts took twice as long, so they
 * go to IndexedDB itself (`backendDB`, once Dexie has opened the database).
 */
export async function countReviewsInRanges(
	db: CstoDb,
	ranges: readonly (readonly [number, number])[]
): Promise<number[]> {
	if (!db.isOpen()) await db.open();
	const index = db
		.backendDB()
		.transaction('reviews', 'readonly')
		.objectStore('reviews')
		.index('reviewedAt');
	// An empty range holds nothing, and IndexedDB refuses to make one.
	return Promise.all(
		ranges.map(([start, end]) =>
			start < end ? requested(index.count(IDBKeyRange.bound(start, end, false, true))) : 0
		)
	);
}

/** Adds one rating; resolves to its id. */
export async function addReview(db: CstoDb, row: ReviewRow): Promise<number> {
	return (await db.reviews.add(row)) as number;
}

/** Adds ratings, each under the id it has, or a new one where it has none. */
export async function addReviews(db: CstoDb, rows: readonly ReviewRow[]): Promise<void> {
	await db.reviews.bulkAdd(rows as ReviewRow[]);
}

/** Stores ratings under their ids, replacing those stored under the same ids. */
export async function putReviews(db: CstoDb, rows: readonly ReviewRow[]): Promise<void> {
	await db.reviews.bulkPut(rows as ReviewRow[]);
}

/** Deletes the ratings stored under these keys (a damaged row's key may not be a number). */
export async function deleteReviews(db: CstoDb, keys: readonly IndexableType[]): Promise<void> {
	await db.reviews.bulkDelete(keys as number[]);
}

/** Deletes every rating. */
export async function clearReviews(db: CstoDb): Promise<void> {
	await db.reviews.clear();
}
