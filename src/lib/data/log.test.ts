// What the log's door (log.ts) promises, whatever the log's storage: the rest of the app relies on
// these orders, ranges and counts, and a change of storage must keep every one of them.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from './db';
import {
	addReview,
	countRowsBefore,
	countReviews,
	countReviewsInRanges,
	holdsCounted,
	listReviewsBetween,
	logTables,
	type HeadsRead
} from './log';
import {
	addReviews,
	clearReviews,
	compactLog,
	deleteReviews,
	listAllReviews,
	listReviewsByTime,
	listReviewsOfCard,
	putReviews,
	readReviewsAfter
} from './log-bulk';

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

/** Runs the log's compaction to its end, `step` rows at a time. */
async function compactAll(db: CstoDb, before: number, step: number): Promise<void> {
	let after: Awaited<ReturnType<typeof compactLog>>['lastKey'];
	for (;;) {
		const done = await compactLog(db, { before, after, step });
		if (done.done) return;
		after = done.lastKey;
	}
}

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
		for (const id of [1, 2, 3, 4, 5]) await addReview(db, row(id % 2 ? 'odd' : 'even', id));
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

	it('gives, from blocks and rows alike, the ratings a list of them would give', async () => {
		// A log made of up to three bulk adds (blocks) then ratings one by one (rows), some deleted:
		// every read is checked against the plain list the same steps make.
		const anyRating = fc.record({
			card: fc.constantFrom('a', 'b', 'c'),
			time: fc.integer({ min: 0, max: 100 })
		});
		const anyLog = fc.record({
			bulk: fc.array(fc.array(anyRating, { maxLength: 15 }), { maxLength: 3 }),
			single: fc.array(anyRating, { maxLength: 10 }),
			deleted: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
			// Then, maybe, the log's compaction: its rows given before `before` into blocks of `step`.
			compaction: fc.option(
				fc.record({
					before: fc.integer({ min: 0, max: 101 }),
					step: fc.integer({ min: 1, max: 8 })
				})
			)
		});
		const anyRange = fc
			.tuple(fc.integer({ min: 0, max: 101 }), fc.integer({ min: 0, max: 101 }))
			.map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);
		await fc.assert(
			fc.asyncProperty(
				anyLog,
				anyRange,
				fc.array(anyRange, { maxLength: 4 }),
				fc.integer({ min: 0, max: 60 }),
				async ({ bulk, single, deleted, compaction }, [start, end], more, after) => {
					db = createDb(`test-${crypto.randomUUID()}`);
					try {
						let list: ReviewRow[] = [];
						for (const part of bulk) {
							await addReviews(
								db,
								part.map(({ card, time }) => row(card, time))
							);
							list.push(...part.map(({ card, time }, i) => row(card, time, list.length + i + 1)));
						}
						for (const { card, time } of single) {
							const id = await addReview(db, row(card, time));
							list.push(row(card, time, id));
						}
						expect(ids(list)).toEqual(list.map((_, i) => i + 1));
						await deleteReviews(db, deleted);
						list = list.filter((r) => !deleted.includes(r.id!));
						if (compaction) await compactAll(db, compaction.before, compaction.step);

						const byTime = [...list].sort((x, y) => x.reviewedAt - y.reviewedAt || x.id! - y.id!);
						const inRange = byTime.filter((r) => r.reviewedAt >= start && r.reviewedAt < end);
						expect(await listAllReviews(db)).toEqual(list);
						expect(await countReviews(db)).toBe(list.length);
						expect(await listReviewsByTime(db)).toEqual(byTime);
						expect(await listReviewsBetween(db, start, end)).toEqual(inRange);
						expect(await countReviewsInRanges(db, [[start, end]])).toEqual([inRange.length]);
						// Several ranges at once, overlapping or not.
						expect(await countReviewsInRanges(db, more)).toEqual(
							more.map(
								([from, to]) => list.filter((r) => r.reviewedAt >= from && r.reviewedAt < to).length
							)
						);
						// One range at a time, each reading only the blocks the calls before did not.
						const heads: HeadsRead = { since: Infinity, heads: [] };
						for (const [from, to] of more) {
							expect(await countReviewsInRanges(db, [[from, to]], heads)).toEqual([
								list.filter((r) => r.reviewedAt >= from && r.reviewedAt < to).length
							]);
						}
						expect(await listReviewsOfCard(db, 'a')).toEqual(
							byTime.filter((r) => r.cardId === 'a')
						);
						const later = list.filter((r) => r.id! > after);
						const read = await readReviewsAfter(db, after, 4, (page) => page);
						expect(read.rows).toEqual(later);
						expect(read.read).toBe(later.length);
						expect(read.lastKey ?? after).toBe(later.at(-1)?.id ?? after);
						// A block across `after` (which the app never makes) makes it false: the safe answer.
						const upTo = list.filter((r) => r.id! <= after).length;
						const across = (await db.reviewBlocks.toArray()).some(
							(block) => block.firstId <= after && block.lastId > after
						);
						expect(await holdsCounted(db, { lastReviewId: after, rowCount: upTo })).toBe(!across);
						expect(await holdsCounted(db, { lastReviewId: after, rowCount: upTo + 1 })).toBe(false);
					} finally {
						await db.delete();
					}
				}
			),
			{ numRuns: 40 }
		);
		db = createDb(`test-${crypto.randomUUID()}`);
		// 40 runs of up to three bulk adds each: over Vitest's default 5 s on a loaded machine (5.1 and
		// 5.3 s), where the test ended while its runs went on and closed the next tests' database. The
		// same budget as the other property tests on IndexedDB (reviews.test.ts).
	}, 60_000);

	it('compacts the rows given before a time into blocks, a step at a time, and every read gives the same ratings', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		for (let i = 1; i <= 12; i++) await addReview(db, row(`c${i % 3}`, i * 10));
		const before = await listAllReviews(db);
		// A summary of the first ten, as the Stats page stores one.
		expect(await holdsCounted(db, { lastReviewId: 10, rowCount: 10 })).toBe(true);
		expect(await countRowsBefore(db, 90)).toBe(8);

		const first = await compactLog(db, { before: 90, step: 4 });
		expect(first).toEqual({ moved: 4, lastKey: 4, done: false });
		const second = await compactLog(db, { before: 90, after: first.lastKey, step: 4 });
		expect(second).toEqual({ moved: 4, lastKey: 8, done: false });
		// The ninth rating, given at 90, is not before 90: the compaction ends there.
		expect(await compactLog(db, { before: 90, after: second.lastKey, step: 4 })).toEqual({
			moved: 0,
			lastKey: 8,
			done: true
		});
		expect(await db.reviewBlocks.count()).toBe(2);
		expect(ids(await db.reviews.toArray())).toEqual([9, 10, 11, 12]);
		expect(await countRowsBefore(db, 90)).toBe(0);

		expect(await listAllReviews(db)).toEqual(before);
		expect(await countReviews(db)).toBe(12);
		expect(await holdsCounted(db, { lastReviewId: 10, rowCount: 10 })).toBe(true);
		expect(ids(await listReviewsOfCard(db, 'c1'))).toEqual([1, 4, 7, 10]);
		expect(
			await countReviewsInRanges(db, [
				[0, 50],
				[50, 130]
			])
		).toEqual([4, 8]);
		// The last rating's undo deletes its row; the next rating is numbered after every one.
		await deleteReviews(db, [12]);
		expect(await addReview(db, row('c0', 130))).toBe(13);
		expect(ids(await listAllReviews(db))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
	});

	it('moves a damaged rating a block gives back exactly, leaves one it cannot as a row, and compacts past it', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const outOfRange = { ...row('a', 2, 2), rating: 7 as ReviewRow['rating'] };
		const asRows = [
			{ ...row('a', 3, 3), rating: '3' as unknown as 3 },
			{ ...row('a', 4, 4), reviewedAt: 'yesterday' as unknown as number }
		];
		const stored = [row('a', 1, 1), outOfRange, ...asRows, row('b', 5, 5), row('b', 60, 6)];
		await db.reviews.bulkAdd(stored);
		// The first step moves 1, 2 and 5 around the two rows that stay (a delete by key, not by range).
		let step = await compactLog(db, { before: 50, step: 5 });
		expect(step).toEqual({ moved: 3, lastKey: 5, done: false });
		expect(await db.reviews.toArray()).toEqual([...asRows, row('b', 60, 6)]);
		step = await compactLog(db, { before: 50, after: step.lastKey, step: 5 });
		expect(step).toEqual({ moved: 0, lastKey: 5, done: true });
		// From the start again, steps of 2: the rows that stay are passed over.
		await clearReviews(db);
		await db.reviews.bulkAdd(stored);
		step = await compactLog(db, { before: 50, step: 2 });
		expect(step).toEqual({ moved: 2, lastKey: 2, done: false });
		step = await compactLog(db, { before: 50, after: step.lastKey, step: 2 });
		expect(step).toEqual({ moved: 0, lastKey: 4, done: false });
		step = await compactLog(db, { before: 50, after: step.lastKey, step: 2 });
		expect(step).toEqual({ moved: 1, lastKey: 5, done: true });
		expect(await db.reviews.toArray()).toEqual([...asRows, row('b', 60, 6)]);
		expect(await listAllReviews(db)).toEqual(stored);
	});

	it('keeps ratings added in bulk in blocks of 2,500, exactly as given, and new ones as rows after them', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const log = Array.from({ length: 5500 }, (_, i) => ({
			...row(`c${i % 7}`, 1_000_000 + i * 60_000, 10 + i),
			rating: ((i % 4) + 1) as ReviewRow['rating'],
			stateBefore: (i % 4) as ReviewRow['stateBefore'],
			dueBefore: i % 3 === 0 ? null : 5_000_000 + i,
			stability: i / 7,
			difficulty: -0,
			source: i % 2 ? ('quiz' as const) : ('review' as const)
		}));
		await addReviews(db, log);
		expect(await db.reviewBlocks.count()).toBe(3);
		expect(await db.reviewBlockLogs.count()).toBe(3);
		expect(await db.reviews.count()).toBe(0);
		expect(await listAllReviews(db)).toEqual(log);
		expect(Object.is((await listAllReviews(db))[0]!.difficulty, -0)).toBe(true);
		expect(await addReview(db, row('c1', 9))).toBe(5510);
		expect(await countReviews(db)).toBe(5501);
	});

	it('stores a rating a block cannot give back exactly as a row, as it came', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const damaged = [
			{ ...row('a', 1, 1), rating: '3' as unknown as 3 },
			{ ...row('a', 2, 2), dueBefore: NaN },
			{ ...row('a', 3, 3), source: 'phone' as unknown as 'quiz' },
			{ ...row('a', 4, 4), note: 'kept' } as ReviewRow
		];
		await addReviews(db, [...damaged, row('b', 5, 5)]);
		expect(await db.reviews.count()).toBe(4);
		expect(await db.reviewBlocks.count()).toBe(1);
		expect(await listAllReviews(db)).toEqual([...damaged, row('b', 5, 5)]);
	});

	it('refuses an id the log already holds, in a block or a row, and changes nothing', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 1, 5), row('a', 2, 6)]);
		await addReview(db, row('a', 3));
		// In a block: IndexedDB's own error name; in a row: the error of Dexie's bulkAdd.
		await expect(
			db.transaction('rw', logTables(db), () => addReviews(db, [row('b', 4, 5)]))
		).rejects.toMatchObject({ name: 'ConstraintError' });
		await expect(
			db.transaction('rw', logTables(db), () => addReviews(db, [row('b', 4, 7)]))
		).rejects.toThrow();
		await expect(addReviews(db, [row('b', 4, 20), row('b', 5, 20)])).rejects.toMatchObject({
			name: 'ConstraintError'
		});
		expect(ids(await listAllReviews(db))).toEqual([5, 6, 7]);
		// An id below the highest one that no rating holds is free.
		await addReviews(db, [row('b', 4, 1)]);
		expect(ids(await listAllReviews(db))).toEqual([1, 5, 6, 7]);
	});

	it('rewrites a block when one of its ratings is replaced or deleted, and drops it when emptied', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 1, 1), row('b', 2, 2), row('c', 3, 3)]);
		await putReviews(db, [{ ...row('b', 2, 2), rating: 1 }]);
		expect(await listAllReviews(db)).toEqual([
			row('a', 1, 1),
			{ ...row('b', 2, 2), rating: 1 },
			row('c', 3, 3)
		]);
		expect(await db.reviews.count()).toBe(1);
		await deleteReviews(db, [1, 3]);
		expect(await db.reviewBlocks.count()).toBe(0);
		expect(await db.reviewBlockLogs.count()).toBe(0);
		expect(ids(await listAllReviews(db))).toEqual([2]);
		expect(await listReviewsOfCard(db, 'a')).toEqual([]);
	});

	it('leaves out a block it cannot read, and reads the rest', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await addReviews(db, [row('a', 1, 1)]);
		await addReviews(db, [row('a', 2, 2)]);
		const [first] = await db.reviewBlockLogs.toArray();
		await db.reviewBlockLogs.put({ ...first!, log: 'damaged' as unknown as Float64Array });
		expect(ids(await listAllReviews(db))).toEqual([2]);
		expect(ids(await listReviewsOfCard(db, 'a'))).toEqual([2]);
		expect(ids(await listReviewsBetween(db, 0, 10))).toEqual([2]);
		// The streak's counts read the blocks' heads (their times) only.
		const [head] = await db.reviewBlocks.toArray();
		await db.reviewBlocks.put({ ...head!, times: [1] as unknown as Float64Array });
		expect(await countReviewsInRanges(db, [[0, 10]])).toEqual([1]);
	});
});
