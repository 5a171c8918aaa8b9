import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from '../data/db';
import { addReview, countReviews } from '../data/log';
import { listAllReviews } from '../data/log-bulk';
import { COMPACT_AGE_MS, COMPACT_FROM, COMPACT_STEP, compactOldRatings } from './compaction';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

const NOW = Date.UTC(2026, 11, 5, 9);
const DAY = 24 * 60 * 60 * 1000;

function rating(reviewedAt: number): ReviewRow {
	return {
		cardId: 'members/current',
		rating: 3,
		stateBefore: 2,
		dueBefore: reviewedAt,
		stability: 4,
		difficulty: 5,
		elapsedDays: 2,
		scheduledDays: 4,
		reviewedAt,
		durationMs: 4000,
		source: 'review'
	};
}

/** A log of `old` ratings given a year ago and more, then `recent` ones a minute apart, up to now. */
async function seed(old: number, recent: number): Promise<void> {
	db = createDb(`test-${crypto.randomUUID()}`);
	const start = NOW - 365 * DAY;
	await db.reviews.bulkAdd(Array.from({ length: old }, (_, i) => rating(start + i * 60_000)));
	for (let i = 0; i < recent; i++) await addReview(db, rating(NOW - (recent - i) * 60_000));
}

describe('the log’s compaction', () => {
	it(`moves the ratings older than ${COMPACT_AGE_MS / DAY} days into blocks of ${COMPACT_STEP}, and every rating reads the same`, async () => {
		await seed(COMPACT_FROM + 500, 20);
		const before = await listAllReviews(db);
		expect(await compactOldRatings(db, NOW)).toBe(COMPACT_FROM + 500);
		const heads = await db.reviewBlocks.toArray();
		expect(heads.map((head) => head.n)).toEqual([
			...Array.from({ length: COMPACT_FROM / COMPACT_STEP }, () => COMPACT_STEP),
			500
		]);
		expect(await db.reviews.count()).toBe(20);
		expect(await listAllReviews(db)).toEqual(before);
		expect(await countReviews(db)).toBe(COMPACT_FROM + 520);
		// Nothing left to move.
		expect(await compactOldRatings(db, NOW)).toBe(0);
	});

	it('compacts once when two tabs compact at the same time: each rating moves once', async () => {
		await seed(COMPACT_FROM + 500, 20);
		const before = await listAllReviews(db);
		const other = createDb(db.name);
		try {
			const moved = await Promise.all([compactOldRatings(db, NOW), compactOldRatings(other, NOW)]);
			expect(moved[0] + moved[1]).toBe(COMPACT_FROM + 500);
		} finally {
			other.close();
		}
		expect(await listAllReviews(db)).toEqual(before);
		expect(await db.reviews.count()).toBe(20);
	});

	it(`waits until ${COMPACT_FROM} ratings are old enough`, async () => {
		await seed(COMPACT_FROM - 1, 3000);
		expect(await compactOldRatings(db, NOW)).toBe(0);
		expect(await db.reviewBlocks.count()).toBe(0);
		expect(await db.reviews.count()).toBe(COMPACT_FROM + 2999);
	});
});
