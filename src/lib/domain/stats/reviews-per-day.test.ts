import { describe, expect, it } from 'vitest';
import { DAY_START, NOW, at, review } from './fixtures';
import { buildHeatmap, countReviewsPerDay, timesOf } from './reviews-per-day';

describe('countReviewsPerDay', () => {
	it('counts each of the last 30 study days, oldest first, with empty days as 0', () => {
		const reviews = [
			review({ reviewedAt: at(0, 9) }),
			review({ reviewedAt: at(0, 10) }),
			// 01:00 today belongs to yesterday's study day.
			review({ reviewedAt: at(0, 1) }),
			review({ reviewedAt: at(29, 12) }),
			// Outside the window: 30 days ago, and tomorrow.
			review({ reviewedAt: at(30, 12) }),
			review({ reviewedAt: at(-1, 12) })
		];
		const days = countReviewsPerDay(timesOf(reviews), NOW, DAY_START);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-10-30', count: 1 });
		expect(days.at(-1)).toEqual({ day: '2026-11-28', count: 2 });
		expect(days.at(-2)).toEqual({ day: '2026-11-27', count: 1 });
		expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(4);
	});

	it('gives zeros for an empty log', () => {
		expect(countReviewsPerDay(timesOf([]), NOW, DAY_START, 7).map((d) => d.count)).toEqual([
			0, 0, 0, 0, 0, 0, 0
		]);
	});
});

describe('buildHeatmap', () => {
	const on = (daysAgo: number, count: number) =>
		Array.from({ length: count }, () => review({ reviewedAt: at(daysAgo) }));

	it('covers 365 days with weekdays, totals and the busiest day', () => {
		const reviews = [...on(0, 8), ...on(1, 2), ...on(364, 1), ...on(365, 1)];
		const heatmap = buildHeatmap(timesOf(reviews), NOW, DAY_START);
		expect(heatmap.cells).toHaveLength(365);
		expect(heatmap).toMatchObject({ max: 8, total: 11, daysStudied: 3 });
		// 28 November 2026 is a Saturday (weekday 5 counting from Monday).
		expect(heatmap.cells.at(-1)).toMatchObject({ day: '2026-11-28', count: 8, weekday: 5 });
		expect(heatmap.cells.at(-2)).toMatchObject({ count: 2, weekday: 4 });
		expect(heatmap.cells[0]).toMatchObject({ day: '2025-11-29', count: 1 });
		expect(heatmap.cells[1]).toMatchObject({ count: 0, level: 0 });
	});

	it('shades the days studied by quarters of their counts, so one busy day does not wash out the rest', () => {
		const reviews = [...on(0, 80), ...on(1, 4), ...on(2, 3), ...on(3, 2), ...on(4, 1)];
		const levels = buildHeatmap(timesOf(reviews), NOW, DAY_START)
			.cells.slice(-6)
			.map((c) => [c.count, c.level]);
		expect(levels).toEqual([
			[0, 0],
			[1, 1],
			[2, 1],
			[3, 2],
			[4, 3],
			[80, 4]
		]);
	});

	it('has no shades and no maximum without reviews', () => {
		const heatmap = buildHeatmap(timesOf([]), NOW, DAY_START, 10);
		expect(heatmap).toMatchObject({ max: 0, total: 0, daysStudied: 0 });
		expect(heatmap.cells.every((c) => c.level === 0)).toBe(true);
	});
});
