import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from '../data/db';
import { startOfStudyDay } from '../domain/day';
import { StatsState } from './stats.svelte';

let db: CstoDb;
let cleanup: (() => void) | undefined;
afterEach(async () => {
	cleanup?.();
	await db?.delete();
});

const review = (reviewedAt: number): ReviewRow => ({
	cardId: 'members/a',
	rating: 3,
	stateBefore: 2,
	dueBefore: reviewedAt,
	stability: 30,
	difficulty: 5,
	elapsedDays: 4,
	scheduledDays: 30,
	reviewedAt,
	durationMs: 1000,
	source: 'review'
});

describe('StatsState', () => {
	it('computes the stats from the database and follows new reviews', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = Date.now();
		await db.reviews.add(review(now - 86_400_000));
		let stats!: StatsState;
		cleanup = $effect.root(() => {
			stats = new StatsState(db, () => new Map([['members', 4]]));
		});
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(1));
		expect(stats.isLoading).toBe(false);
		expect(stats.report?.mastery).toEqual([{ topic: 'members', mastered: 0, total: 4, rate: 0 }]);

		await db.reviews.add(review(now));
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(2));
		expect(stats.report?.streak.isTodayDone).toBe(true);
		expect(stats.report?.reviewsPerDay.at(-1)?.count).toBeGreaterThanOrEqual(1);
	});
});

/** Counts the review rows read from the database. */
function countReviewReads(target: CstoDb): { rows: number } {
	const reads = { rows: 0 };
	target.use({
		stack: 'dbcore',
		name: 'count-review-reads',
		create: (down: DBCore): DBCore => ({
			...down,
			table(name) {
				const table = down.table(name);
				if (name !== 'reviews') return table;
				return {
					...table,
					async query(request) {
						const response = await table.query(request);
						if (request.values) reads.rows += response.result.length;
						return response;
					}
				};
			}
		})
	});
	return reads;
}

describe('StatsState reading the log', () => {
	it('reads the ratings made before it opened once, and only the new ones on a rating', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const reads = countReviewReads(db);
		const now = Date.now();
		await db.reviews.bulkAdd(
			Array.from({ length: 300 }, (_, i) => review(now - (i + 1) * 3_600_000))
		);
		let stats!: StatsState;
		cleanup = $effect.root(() => {
			stats = new StatsState(db, () => new Map([['members', 4]]));
		});
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(300));
		// Every rating once, and today's again (at most one an hour) for today's figures.
		const first = reads.rows;
		expect(first).toBeGreaterThanOrEqual(300);
		expect(first).toBeLessThan(300 + 30);

		await db.reviews.add(review(Date.now() + 1000));
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(301));
		expect(reads.rows - first).toBeLessThan(30);

		// Replacing the log (an import) changes the older ratings: those are read again.
		const today = new Date(startOfStudyDay(now, 4));
		const noonBefore = (days: number) =>
			new Date(today.getFullYear(), today.getMonth(), today.getDate() - days, 12).getTime();
		await db.transaction('rw', db.reviews, async () => {
			await db.reviews.clear();
			await db.reviews.bulkAdd([review(noonBefore(1)), review(noonBefore(2))]);
		});
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(2));
		expect(stats.report?.streak.days).toBe(2);
	});
});
