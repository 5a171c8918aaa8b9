import { describe, expect, it } from 'vitest';
import { DAY_START, NOW, at } from './fixtures';
import { computeStreak } from './streak';

describe('computeStreak', () => {
	it.each([
		['no reviews', [], { days: 0, isTodayDone: false }],
		['today only', [0], { days: 1, isTodayDone: true }],
		['today and the two days before', [2, 0, 1, 0], { days: 3, isTodayDone: true }],
		['up to yesterday when today is not done yet', [1, 2, 3], { days: 3, isTodayDone: false }],
		['broken by a missed day', [0, 1, 3, 4, 5], { days: 2, isTodayDone: true }],
		['lost when yesterday was missed too', [2, 3], { days: 0, isTodayDone: false }]
	])('%s', (_name, daysAgo, streak) => {
		expect(
			computeStreak(
				daysAgo.map((d) => at(d)),
				NOW,
				DAY_START
			)
		).toEqual(streak);
	});

	it('uses study days: a review at 01:00 counts for the day before', () => {
		expect(computeStreak([at(0, 1), at(2, 20)], NOW, DAY_START)).toEqual({
			days: 2,
			isTodayDone: false
		});
	});

	it('follows a long streak across the year end', () => {
		const times = Array.from({ length: 400 }, (_, i) => at(i, 9));
		expect(computeStreak(times, NOW, DAY_START).days).toBe(400);
	});

	it('counts every day of a year of ratings just after the day start, across both clock changes', () => {
		// Where the clocks change, 04:30 on the change night is 03:30 or 05:30 by the day before's clock.
		const times = Array.from({ length: 365 }, (_, i) => new Date(2026, 0, 1 + i, 4, 30).getTime());
		const lastEvening = new Date(2026, 11, 31, 23).getTime();
		expect(computeStreak(times, lastEvening, 4)).toEqual({ days: 365, isTodayDone: true });
		const late = Array.from({ length: 365 }, (_, i) => new Date(2026, 0, 2 + i, 3, 30).getTime());
		const beforeDayStart = new Date(2027, 0, 1, 3, 45).getTime();
		expect(computeStreak(late, beforeDayStart, 4)).toEqual({ days: 365, isTodayDone: true });
	});
});
