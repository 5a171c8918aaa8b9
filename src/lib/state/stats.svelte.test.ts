import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from '../data/db';
import { computeStats } from '../domain/stats/compute';
import { StatsState } from './stats.svelte';

let db: CstoDb;
let cleanup: (() => void) | undefined;
afterEach(async () => {
	cleanup?.();
	vi.useRealTimers();
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

	it('keeps the summed-up log right through ratings in a burst, an older rating and an undo', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = Date.now();
		const deck = () => ({ counts: new Map([['members', 4]]), cardIds: new Set(['members/a']) });
		await db.reviews.bulkAdd([review(now - 2 * 86_400_000), review(now - 86_400_000)]);
		let stats!: StatsState;
		cleanup = $effect.root(() => {
			stats = new StatsState(db, deck);
		});
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(2));
		// Stored for the next visit, with its days for Home's streak.
		await vi.waitFor(async () => expect(await db.summaries.count()).toBe(2));
		const expected = async () =>
			computeStats(
				{ cards: [], reviews: await db.reviews.toArray(), quizAttempts: [] },
				stats.now!,
				4,
				deck()
			);

		// Ratings one after another, each its own change, while the last ones are still being summed
		// up (4,000 at first: two slices or more): each is summed up once.
		await db.reviews.bulkAdd(Array.from({ length: 4000 }, (_, i) => review(now - 9000 + i)));
		for (let i = 0; i < 5; i++) {
			await new Promise((resolve) => setTimeout(resolve, 2));
			await db.reviews.add(review(now - 1000 + i));
		}
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(4007));
		expect(stats.report).toEqual(await expected());
		// Stored again once 500 ratings or more were summed up since, not after each rating.
		const storedRows = async () =>
			((await db.summaries.get('log'))?.value as { rowCount: number }).rowCount;
		await vi.waitFor(async () => expect(await storedRows()).toBeGreaterThanOrEqual(4002));
		const stored = await storedRows();
		await db.reviews.add(review(now));
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(4008));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(await storedRows()).toBe(stored);

		// An older rating of the same card (as a merged backup adds): the log is summed up again.
		await db.reviews.add(review(now - 5 * 86_400_000));
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(4009));
		expect(stats.report).toEqual(await expected());

		// A rating undone.
		await db.reviews.delete(3);
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(4008));
		expect(stats.report).toEqual(await expected());
	});

	it('moves today at the study day start while open, by its timer or when the page is shown again', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		// 03:00 on 28 November belongs to the study day of the 27th (the day starts at 04:00).
		let time = new Date(2026, 10, 28, 3, 0).getTime();
		await db.reviews.add(review(time - 60_000));
		let stats!: StatsState;
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		cleanup = $effect.root(() => {
			stats = new StatsState(
				db,
				() => ({ counts: new Map([['members', 4]]), cardIds: new Set(['members/a']) }),
				() => time
			);
		});
		await vi.waitFor(() => expect(stats.report?.totals.reviews).toBe(1));
		expect(stats.report?.reviewsPerDay.at(-1)).toEqual({ day: '2026-11-27', count: 1 });
		expect(stats.report?.streak).toEqual({ days: 1, isTodayDone: true });

		// The timer set for 04:00 fires: a new study day, nothing done in it yet.
		time = new Date(2026, 10, 28, 3, 59).getTime();
		vi.advanceTimersByTime(59 * 60_000);
		expect(stats.report?.reviewsPerDay.at(-1)?.day).toBe('2026-11-27');
		time = new Date(2026, 10, 28, 4, 0).getTime();
		vi.advanceTimersByTime(60 * 60_000);
		flushSync();
		expect(stats.now).toBe(time);
		// The figures are computed in slices of 8 ms (slices.ts): on a busy machine the first slice
		// does not hold them all, and the rest comes after the main thread is given back.
		await vi.waitFor(() =>
			expect(stats.report?.reviewsPerDay.at(-1)).toEqual({ day: '2026-11-28', count: 0 })
		);
		expect(stats.report?.streak).toEqual({ days: 1, isTodayDone: false });

		// The device slept through the next day start: the page being shown again moves today.
		time = new Date(2026, 10, 30, 9, 0).getTime();
		document.dispatchEvent(new Event('visibilitychange'));
		flushSync();
		expect(stats.now).toBe(time);
		await vi.waitFor(() =>
			expect(stats.report?.reviewsPerDay.at(-1)).toEqual({ day: '2026-11-30', count: 0 })
		);
		expect(stats.report?.streak).toEqual({ days: 0, isTodayDone: false });
	});
});
