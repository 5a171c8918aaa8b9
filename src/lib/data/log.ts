// The review log's door: every read and write of the ratings goes through this file and
// log-bulk.ts, except the schema's upgrades (db.ts), which change the rows as their version stored
// them. How the log is stored is then these files' business alone. This file holds what Home and
// the rating need (counts, a day's ratings, a rating's add and undo); log-bulk.ts the reads of the
// whole log and the writes in bulk, which only Stats, the import, the export, the training and
// Check database load.
//
// The log is kept two ways. A rating given in the app is a row of the `reviews` table, written with
// its card before the next card shows. Ratings added in bulk (an import, a merge) are packed into
// blocks of 2,500 (`reviewBlocks` and `reviewBlockLogs`, see log-bulk.ts): IndexedDB cannot store
// 100,000 records in issue 14's 3 s on this machine (4.7 s for empty ones,
// scripts/bench/idb-floor.ts), while the stress import with its log in blocks took 2.6-3.0 s in
// all. Ratings given more than 60 days ago move from rows into blocks too, in the background
// (`compactLog`, src/lib/state/compaction.ts): reading them whole is then faster. Both hold ids from
// one sequence: rows take theirs from the `reviews` table's key generator,
// which an import moves past the ids it stored in blocks. A rating changed or deleted by Check
// database leaves its block, which is rewritten.
import { Dexie } from 'dexie';
import type { CstoDb, ReviewRow } from './db';

/**
 * The code that reads blocks, loaded when the log has any: Home's first visit does without it (the
 * page-weight budget). Dexie.waitFor keeps a transaction open while it loads.
 */
const blockCode = () => Dexie.waitFor(import('./log-bulk'));

/** The tables that hold the log: a transaction that reads or writes the log names each of them. */
export function logTables(db: CstoDb) {
	return [db.reviews, db.reviewBlocks, db.reviewBlockLogs];
}

/** How many ratings the blocks up to `upToId` (their last id) hold, from an index: no block is read. */
async function countInBlocks(db: CstoDb, upToId = Infinity): Promise<number> {
	const keys = await db.reviewBlocks.where('[lastId+n]').belowOrEqual([upToId, Infinity]).keys();
	return (keys as unknown as [number, number][]).reduce((sum, [, n]) => sum + n, 0);
}

/** How many ratings the log holds. */
export async function countReviews(db: CstoDb): Promise<number> {
	const [rows, inBlocks] = await Promise.all([db.reviews.count(), countInBlocks(db)]);
	return rows + inBlocks;
}

/**
 * Whether the log still holds the ratings a summary counted: `rowCount` of them with an id up to
 * `lastReviewId`. One undone since (or deleted by Check database) makes it false. So does a block
 * holding ids on both sides of `lastReviewId`, which the app's writes never make (a summary counts
 * up to the highest id it read, and a block is added above every id stored): false only costs the
 * caller a read of the whole log.
 */
export async function holdsCounted(
	db: CstoDb,
	counted: { lastReviewId: number; rowCount: number }
): Promise<boolean> {
	const last = counted.lastReviewId;
	const [rows, inBlocks] = await Promise.all([
		db.reviews.where(':id').belowOrEqual(last).count(),
		countInBlocks(db, last)
	]);
	return rows + inBlocks === counted.rowCount;
}

export const byTime = (a: ReviewRow, b: ReviewRow) => a.reviewedAt - b.reviewedAt || a.id! - b.id!;

/** The ratings given from `start` (included) to `end` (excluded), in time order. */
export async function listReviewsBetween(
	db: CstoDb,
	start: number,
	end: number
): Promise<ReviewRow[]> {
	const [rows, blocks] = await Promise.all([
		db.reviews.where('reviewedAt').between(start, end, true, false).toArray(),
		db.reviewBlocks.where('to').aboveOrEqual(start).toArray()
	]);
	if (blocks.length === 0) return rows;
	return [...rows, ...(await (await blockCode()).ratingsBetween(db, blocks, start, end))].sort(
		byTime
	);
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
 * go to IndexedDB itself (`backendDB`, once Dexie has opened the database). Blocks are read once,
 * those whose times reach into the ranges, and their times counted in memory.
 */
export async function countReviewsInRanges(
	db: CstoDb,
	ranges: readonly (readonly [number, number])[],
	heads: HeadsRead = { since: Infinity, heads: [] }
): Promise<number[]> {
	if (!db.isOpen()) await db.open();
	const tx = db.backendDB().transaction(['reviews', 'reviewBlocks'], 'readonly');
	const index = tx.objectStore('reviews').index('reviewedAt');
	// Blocks with a rating from the earliest start on (none when no range is asked), but for those
	// `heads` already holds.
	const start = Math.min(...ranges.map(([from]) => from));
	const blocks =
		start < heads.since
			? requested(
					tx
						.objectStore('reviewBlocks')
						.index('to')
						.getAll(IDBKeyRange.bound(start, heads.since, false, true))
				)
			: Promise.resolve([]);
	// An empty range holds nothing, and IndexedDB refuses to make one.
	const counts = await Promise.all(
		ranges.map(([from, end]) =>
			from < end ? requested(index.count(IDBKeyRange.bound(from, end, false, true))) : 0
		)
	);
	heads.heads.push(...(await blocks));
	heads.since = Math.min(heads.since, start);
	if (heads.heads.length === 0) return counts;
	const inBlocks = (await blockCode()).countInRanges(heads.heads, ranges);
	return counts.map((count, i) => count + inBlocks[i]!);
}

/**
 * The blocks' heads a series of `countReviewsInRanges` calls has read (each going further back in
 * time): every head whose newest rating is at or after `since`. Each call then reads only the heads
 * the ones before it did not.
 */
export interface HeadsRead {
	since: number;
	heads: unknown[];
}

/** How many ratings stored as rows were given before `before` (from the index: none is read). */
export function countRowsBefore(db: CstoDb, before: number): Promise<number> {
	return db.reviews.where('reviewedAt').below(before).count();
}

/** Adds one rating, as a row; resolves to its id. */
export async function addReview(db: CstoDb, row: ReviewRow): Promise<number> {
	return (await db.reviews.add(row)) as number;
}

/**
 * Deletes a rating `addReview` stored (its undo): always a row of its own, so no block is read. Also
 * keeps the blocks' code out of the pages that rate cards.
 */
export async function deleteAddedReview(db: CstoDb, id: number): Promise<void> {
	await db.reviews.delete(id);
}
