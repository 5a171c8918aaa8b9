// What the log's door (log.ts) promises, whatever the log's storage: the rest of the app relies on
// these orders, ranges and counts, and a change of storage must keep every one of them.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from './db';
import {
	addReview,
	addReviews,
	clearReviews,
	countReviews,
	countReviewsInRanges,
	holdsCounted,
	deleteReviews,
	listAllReviews,
	listReviewsBetween,
	listReviewsByTime,
	listReviewsOfCard,
	logTables,
	putReviews,
	readReviewsAfter
} from './log';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

function row(cardId: string, reviewedAt: number, id?: number): ReviewRow {
	return {
		...(id === undefined ? {} : { id }),
		cardId,
		rating: 3,
		stateBefore: 2,
		dueBefore: null,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		reviewedAt,
		durationMs: 1000,
		source: 'review'
	};
}

const ids = (rows: readonly ReviewRow[]) => rows.map((r) => r.id);

describe('the log', () => {
	it('numbers a new rating after every stored one, and keeps the ids an import gives', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 30, 7), row('b', 10, 3)]);
		expect(await addReview(db, row('a', 40))).toBe(8);
		expect(ids(await listAllReviews(db))).toEqual([3, 7, 8]);
		expect(await countReviews(db)).toBe(3);
		// Ids 3 and 7 are up to 7: a summary that counted 2 still holds, one that counted 1 or 3 not.
		expect(await holdsCounted(db, { lastReviewId: 7, rowCount: 2 })).toBe(true);
		expect(await holdsCounted(db, { lastReviewId: 7, rowCount: 1 })).toBe(false);
		expect(await holdsCounted(db, { lastReviewId: 7, rowCount: 3 })).toBe(false);
		expect(await holdsCounted(db, { lastReviewId: 2, rowCount: 0 })).toBe(true);
	});

	it('lists by time, by card (oldest first) and by a time range that holds its start only (none when empty)', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 30, 1), row('b', 10, 2), row('a', 20, 3), row('c', 40, 4)]);
		expect(ids(await listReviewsByTime(db))).toEqual([2, 3, 1, 4]);
		expect(ids(await listReviewsOfCard(db, 'a'))).toEqual([3, 1]);
		expect(await listReviewsOfCard(db, 'z')).toEqual([]);
		expect(ids(await listReviewsBetween(db, 20, 40))).toEqual([3, 1]);
		expect(await listReviewsBetween(db, 30, 30)).toEqual([]);
		expect(
			await countReviewsInRanges(db, [
				[20, 40],
				[40, 41],
				[0, 10],
				[30, 30]
			])
		).toEqual([2, 1, 0, 0]);
	});

	it('reads the ratings after an id in pages, keeping what the check keeps', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(
			db,
			[1, 2, 3, 4, 5].map((id) => row(id % 2 ? 'odd' : 'even', id, id))
		);
		const pages: number[][] = [];
		const read = await readReviewsAfter(db, 1, 2, (page) => {
			pages.push(ids(page) as number[]);
			return page.filter((r) => r.cardId === 'odd');
		});
		expect(pages).toEqual([[2, 3], [4, 5], []]);
		expect(ids(read.rows)).toEqual([3, 5]);
		expect(read.read).toBe(4);
		expect(read.lastKey).toBe(5);
	});

	it('replaces, deletes (a damaged key too) and clears ratings', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 1, 1), row('b', 2, 2), row('c', 3, 3)]);
		await db.reviews.put({ ...row('d', 4), id: 'damaged' as unknown as number });
		await putReviews(db, [{ ...row('a', 1, 1), rating: 1 }]);
		expect((await listAllReviews(db))[0]!.rating).toBe(1);
		await deleteReviews(db, [2, 'damaged']);
		expect(ids(await listAllReviews(db))).toEqual([1, 3]);
		await clearReviews(db);
		expect(await countReviews(db)).toBe(0);
	});

	it('is written with a card in one transaction: a failure after it leaves neither', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const failing = db.transaction('rw', [db.settings, ...logTables(db)], async () => {
			await addReview(db, row('a', 1));
			await db.settings.put({ key: 'newPerDay', value: 5 });
			throw new Error('stop');
		});
		await expect(failing).rejects.toThrow('stop');
		expect(await countReviews(db)).toBe(0);
		expect(await db.settings.count()).toBe(0);
	});

	it('gives the same ratings by range, by count and by card as a filter of the whole log', async () => {
		const anyLog = fc.array(
			fc.record({
				card: fc.constantFrom('a', 'b', 'c'),
				time: fc.integer({ min: 0, max: 100 })
			}),
			{ maxLength: 40 }
		);
		const anyRange = fc
			.tuple(fc.integer({ min: 0, max: 101 }), fc.integer({ min: 0, max: 101 }))
			.map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);
		await fc.assert(
			fc.asyncProperty(anyLog, anyRange, async (log, [start, end]) => {
				db = createDb(`test-${crypto.randomUUID()}`);
				try {
					await addReviews(
						db,
						log.map(({ card, time }) => row(card, time))
					);
					const all = await listAllReviews(db);
					const inRange = all.filter((r) => r.reviewedAt >= start && r.reviewedAt < end);
					const between = await listReviewsBetween(db, start, end);
					expect(ids(between).sort()).toEqual(ids(inRange).sort());
					expect(await countReviewsInRanges(db, [[start, end]])).toEqual([inRange.length]);
					const ofA = await listReviewsOfCard(db, 'a');
					expect(ofA.map((r) => r.reviewedAt)).toEqual(
						all
							.filter((r) => r.cardId === 'a')
							.map((r) => r.reviewedAt)
							.sort((x, y) => x - y)
					);
				} finally {
					await db.delete();
				}
			}),
			{ numRuns: 25 }
		);
		db = createDb(`test-${crypto.randomUUID()}`);
	});
});
