import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from '../data/db';
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
			stats = new StatsState(db, () => ({
				counts: new Map([['members', 4]]),
				cardIds: new Set(['members/a'])
			}));
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
