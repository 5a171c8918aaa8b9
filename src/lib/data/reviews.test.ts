import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeStreak } from '../domain/stats/streak';
import { applyBackup } from './backup';
import { createDb, type CstoDb, type ReviewRow } from './db';
import { countReviews } from './log';
import { loadDoneToday, loadStreak } from './reviews';
import { loadStats, saveLogSummary } from './stats';
import { runSteps } from '../domain/steps';
import { foldSteps, type LogSummary } from '../domain/stats/log-summary';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

function row(cardId: string, reviewedAt: Date, stateBefore: ReviewRow['stateBefore']): ReviewRow {
	return {
		cardId,
		rating: 3,
		stateBefore,
		dueBefore: 0,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		reviewedAt: reviewedAt.getTime(),
		durationMs: 1000,
		source: 'review'
	};
}

describe('loadDoneToday', () => {
	it('counts a rating at 03:59 for the day before and one at 04:00 for the new day', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([
			row('members/a', new Date(2026, 10, 28, 3, 59), 0),
			row('members/b', new Date(2026, 10, 28, 4, 0), 2),
			row('members/c', new Date(2026, 10, 28, 9, 0), 1)
		]);
		const early = await loadDoneToday(db, new Date(2026, 10, 28, 3, 59, 30), 4);
		expect(early).toEqual({
			newCards: 1,
			reviews: 0,
			cardIds: new Set(['members/a']),
			total: 1
		});
		const later = await loadDoneToday(db, new Date(2026, 10, 28, 12, 0), 4);
		expect(later).toEqual({
			newCards: 0,
			reviews: 1,
			cardIds: new Set(['members/b', 'members/c']),
			total: 2
		});
	});
});

describe('loadDoneToday where the clocks change', () => {
	it.each([
		['a spring night', [2026, 2, 29], [2026, 2, 28]],
		['an autumn night', [2026, 9, 25], [2026, 9, 24]],
		['a spring night in North America', [2026, 2, 8], [2026, 2, 7]]
	] as const)('splits %s at 04:00', async (_night, [y, m, d], [py, pm, pd]) => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([
			row('members/a', new Date(py, pm, pd, 4, 0), 2),
			row('members/b', new Date(y, m, d, 3, 59), 2),
			row('members/c', new Date(y, m, d, 4, 0), 2),
			row('members/d', new Date(y, m, d, 4, 30), 0)
		]);
		const before = await loadDoneToday(db, new Date(y, m, d, 3, 59, 30), 4);
		expect(before.cardIds).toEqual(new Set(['members/a', 'members/b']));
		// Half an hour into the new day: by the day before's clock, 03:30 or 05:30.
		const after = await loadDoneToday(db, new Date(y, m, d, 4, 30, 30), 4);
		expect(after).toEqual({
			newCards: 1,
			reviews: 1,
			cardIds: new Set(['members/c', 'members/d']),
			total: 2
		});
	});
});

/** Sums up the log as the Stats page does, and stores the summary. */
async function storeSummary(): Promise<void> {
	const read = await loadStats(db, Date.now(), undefined);
	const summary = read.summary as LogSummary;
	runSteps(foldSteps(summary, read.added));
	summary.lastReviewId = read.lastReviewId;
	summary.rowCount = read.rowCount;
	expect(await saveLogSummary(db, summary)).toBe(true);
}

describe('loadStreak', () => {
	it('counts study days in a row and keeps a streak alive until today is over', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = new Date(2026, 10, 28, 12, 0);
		// 01:00 on the 27th belongs to the study day of the 26th.
		await db.reviews.bulkAdd([
			row('a', new Date(2026, 10, 24, 10), 2),
			row('a', new Date(2026, 10, 27, 1), 2),
			row('a', new Date(2026, 10, 27, 20), 2)
		]);
		expect((await loadStreak(db, now, 4)).days).toBe(2);
		await db.reviews.add(row('b', new Date(2026, 10, 28, 11), 0));
		expect((await loadStreak(db, now, 4)).days).toBe(3);
		await db.reviews.add(row('c', new Date(2026, 10, 25, 11), 0));
		expect((await loadStreak(db, now, 4)).days).toBe(5);
		expect((await loadStreak(db, new Date(2026, 10, 30, 12), 4)).days).toBe(0);
	});

	it('counts long streaks across many days, stopping at the first day without a rating', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = new Date(2026, 10, 28, 12, 0);
		const days = (count: number, from = 1) =>
			Array.from({ length: count }, (_, i) => row('a', new Date(2026, 10, 28 - from - i, 9), 2));
		await db.reviews.bulkAdd(days(70));
		expect((await loadStreak(db, now, 4)).days).toBe(70);
		await db.reviews
			.where('reviewedAt')
			.equals(new Date(2026, 10, 28 - 41, 9).getTime())
			.delete();
		expect((await loadStreak(db, now, 4)).days).toBe(40);
	});

	it('looks further back while every day of a batch has a rating, and stops at the log start', async () => {
		const now = new Date(2026, 10, 28, 12, 0);
		for (const length of [31, 32, 33, 95, 96, 97, 224, 225, 320]) {
			for (const isTodayDone of [false, true]) {
				db = createDb(`test-${crypto.randomUUID()}`);
				const days = Array.from({ length }, (_, i) =>
					row('a', new Date(2026, 10, 28 - (isTodayDone ? 0 : 1) - i, 9), 2)
				);
				// A day without a rating, then older ratings, except for the longest streak.
				const older = length === 320 ? [] : [row('a', new Date(2026, 10, 28 - length - 3, 9), 2)];
				await db.reviews.bulkAdd([...days, ...older]);
				expect(await loadStreak(db, now, 4), `${length} ${isTodayDone}`).toEqual({
					days: length,
					isTodayDone
				});
			}
		}
	});
});

describe('loadStreak is the streak Stats computes', () => {
	it('over a year of 04:30 ratings, the clock changes included', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		// On the night of a spring change 04:30 comes an hour early by the day before's clock.
		await db.reviews.bulkAdd(
			Array.from({ length: 365 }, (_, i) => row('a', new Date(2026, 0, 1 + i, 4, 30), 2))
		);
		const now = new Date(2026, 11, 31, 12);
		expect(await loadStreak(db, now, 4)).toEqual({ days: 365, isTodayDone: true });
		expect(await loadStreak(db, new Date(2027, 0, 1, 3, 59), 4)).toEqual({
			days: 365,
			isTodayDone: true
		});
		expect(await loadStreak(db, new Date(2027, 0, 1, 4), 4)).toEqual({
			days: 365,
			isTodayDone: false
		});
	});

	it('for any log, day start hour and time', async () => {
		// Ratings on some of 80 days before 28 November 2026, at any minute of the day.
		const anyLog = fc.array(
			fc.record({
				day: fc.integer({ min: 0, max: 80 }),
				minute: fc.integer({ min: 0, max: 1439 })
			}),
			{ maxLength: 120 }
		);
		await fc.assert(
			fc.asyncProperty(
				anyLog,
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 0, max: 1439 }),
				async (log, hour, minute) => {
					db = createDb(`test-${crypto.randomUUID()}`);
					const times = log.map((r) => new Date(2026, 10, 28 - r.day, 0, r.minute).getTime());
					await db.reviews.bulkAdd(times.map((time) => row('a', new Date(time), 2)));
					const now = new Date(2026, 10, 28, 0, minute);
					expect(await loadStreak(db, now, hour)).toEqual(
						computeStreak(times, now.getTime(), hour)
					);
					await db.delete();
				}
			),
			{ numRuns: 40 }
		);
	}, 60_000);

	it('for any log of which the Stats page has summed up the first part', async () => {
		const anyLog = fc.array(fc.integer({ min: 0, max: 80 * 1440 }), { maxLength: 120 });
		await fc.assert(
			fc.asyncProperty(
				anyLog,
				fc.nat(),
				fc.integer({ min: 0, max: 23 }),
				async (minutesAgo, split, hour) => {
					db = createDb(`test-${crypto.randomUUID()}`);
					const now = new Date(2026, 10, 28, 12, 0);
					// In time order, as ratings are added; the summary counts the first ones.
					const times = minutesAgo.map((m) => now.getTime() - m * 60_000).sort((a, b) => a - b);
					const cut = times.length === 0 ? 0 : split % (times.length + 1);
					await db.reviews.bulkAdd(times.slice(0, cut).map((time) => row('a', new Date(time), 2)));
					await storeSummary();
					await db.reviews.bulkAdd(times.slice(cut).map((time) => row('a', new Date(time), 2)));
					expect(await loadStreak(db, now, hour)).toEqual(
						computeStreak(times, now.getTime(), hour)
					);
					await db.delete();
				}
			),
			{ numRuns: 40 }
		);
	}, 60_000);

	const now = new Date(2026, 10, 28, 12, 0);
	const day = (daysAgo: number) => row('a', new Date(2026, 10, 28 - daysAgo, 9), 2);
	/** A rating a day for 11 days up to today, of which the summary stored counts the first 6. */
	async function summedUpToFiveDaysAgo() {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([10, 9, 8, 7, 6, 5].map(day));
		await storeSummary();
		await db.reviews.bulkAdd([4, 3, 2, 1, 0].map(day));
	}

	it('takes the days before the last one summed up from the summary, while it matches the log', async () => {
		await summedUpToFiveDaysAgo();
		expect(await loadStreak(db, now, 4)).toEqual({ days: 11, isTodayDone: true });
		// The summary says a rating 8 days ago, which the counts no longer find (changed in place):
		// the summary is trusted for the days it covers.
		await db.reviews.where('reviewedAt').equals(day(8).reviewedAt).modify({ reviewedAt: 0 });
		expect((await loadStreak(db, now, 4)).days).toBe(11);
		// A rating it counted is gone (undone): the summary no longer matches, every day is counted.
		await db.reviews.delete(1);
		expect((await loadStreak(db, now, 4)).days).toBe(8);
	});

	it('reads those days from the summary’s days record, not from the whole summary', async () => {
		await summedUpToFiveDaysAgo();
		// Changed in place: the log's counts alone make a streak of 8, the summary's days one of 11.
		await db.reviews.where('reviewedAt').equals(day(8).reviewedAt).modify({ reviewedAt: 0 });
		expect((await db.summaries.get('log-days'))?.value).toEqual({
			format: 2,
			quarters: expect.any(Uint32Array),
			lastReviewId: 6,
			rowCount: 6
		});
		const whole = (await db.summaries.get('log'))!;
		await db.summaries.delete('log');
		expect((await loadStreak(db, now, 4)).days).toBe(11);
		// The whole summary alone is not read: every day is counted.
		await db.summaries.put(whole);
		await db.summaries.delete('log-days');
		expect((await loadStreak(db, now, 4)).days).toBe(8);
	});
});

describe('loadStreak after an import with Replace', () => {
	const now = new Date(2026, 10, 28, 12, 0);
	const at = (daysAgo: number, hour = 9) => new Date(2026, 10, 28 - daysAgo, hour);
	const log = (days: { id: number; cardId: string; at: Date }[]) =>
		days.map(({ id, cardId, at }) => ({ ...row(cardId, at, 2), id }));
	const replaceLog = (reviews: (ReviewRow & { id: number })[]) =>
		applyBackup(db, { cards: [], reviews, quizAttempts: [], settings: [] }, 'replace');

	it.each([
		{
			case: 'the same number of older rows on other days',
			before: [1, 2, 3].map((d) => ({ id: d, cardId: 'a', at: at(d) })),
			after: [1, 2, 4].map((d) => ({ id: d, cardId: 'a', at: at(d) })),
			streak: 2
		},
		{
			case: 'the same number of rows and the same first and last times, from another device',
			before: [1, 2, 3, 4].map((d) => ({ id: d, cardId: 'a', at: at(d) })),
			after: [1, 2, 4, 4].map((d, i) => ({ id: 10 + i, cardId: 'b', at: at(d, 9 + i) })),
			streak: 2
		}
	])('counts the imported log, not the one before ($case)', async ({ before, after, streak }) => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd(log(before));
		expect((await loadStreak(db, now, 4)).days).toBe(before.length);
		await replaceLog(log(after));
		expect(await countReviews(db)).toBe(before.length);
		expect((await loadStreak(db, now, 4)).days).toBe(streak);
	});
});
