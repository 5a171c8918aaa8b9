import { describe, expect, it } from 'vitest';
import { DAY_START, NOW, at, review } from './fixtures';
import { computeStreak } from './streak';

const on = (...daysAgo: number[]) => daysAgo.map((d) => review({ reviewedAt: at(d) }));

describe('computeStreak', () => {
	it.each([
		['no reviews', [], { days: 0, isTodayDone: false }],
		['today only', on(0), { days: 1, isTodayDone: true }],
		['today and the two days before', on(2, 0, 1, 0), { days: 3, isTodayDone: true }],
		['up to yesterday when today is not done yet', on(1, 2, 3), { days: 3, isTodayDone: false }],
		['broken by a missed day', on(0, 1, 3, 4, 5), { days: 2, isTodayDone: true }],
		['lost when yesterday was missed too', on(2, 3), { days: 0, isTodayDone: false }]
	])('%s', (_name, reviews, streak) => {
		expect(computeStreak(reviews, NOW, DAY_START)).toEqual(streak);
	});

	it('uses study days: a review at 01:00 counts for the day before', () => {
		const reviews = [review({ reviewedAt: at(0, 1) }), review({ reviewedAt: at(2, 20) })];
		expect(computeStreak(reviews, NOW, DAY_START)).toEqual({ days: 2, isTodayDone: false });
	});

	it('follows a long streak across the year end', () => {
		const reviews = Array.from({ length: 400 }, (_, i) => review({ reviewedAt: at(i, 9) }));
		expect(computeStreak(reviews, NOW, DAY_START).days).toBe(400);
	});
});
