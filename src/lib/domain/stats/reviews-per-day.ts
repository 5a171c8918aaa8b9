import { buildDayWindow, dayIndexOf } from './days';
import type { DayCount, StatsReview } from './types';

/**
 * The number of reviews on each of the last `days` study days, oldest first, today last (days with
 * no review count 0).
 */
export function countReviewsPerDay(
	reviews: readonly Pick<StatsReview, 'reviewedAt'>[],
	now: number,
	dayStartHour: number,
	days = 30
): DayCount[] {
	const window = buildDayWindow(now, dayStartHour, 1 - days, days);
	const counts = new Array<number>(days).fill(0);
	for (const review of reviews) {
		const index = dayIndexOf(window, review.reviewedAt);
		if (index >= 0) counts[index]!++;
	}
	return window.keys.map((day, i) => ({ day, count: counts[i]! }));
}

/** One day of the calendar heatmap. */
export interface HeatmapCell extends DayCount {
	/** 0 Monday … 6 Sunday. */
	weekday: number;
	/** 0 for no reviews, then 1–4 by quarters of the busiest day. */
	level: 0 | 1 | 2 | 3 | 4;
}

/** The calendar heatmap: every one of the last `days` study days with its count and shade. */
export interface Heatmap {
	cells: HeatmapCell[];
	max: number;
	total: number;
	daysStudied: number;
}

/**
 * The calendar heatmap of the last `days` study days (365 by default): counts, weekdays and a shade
 * from 0 to 4 relative to the busiest day.
 */
export function buildHeatmap(
	reviews: readonly Pick<StatsReview, 'reviewedAt'>[],
	now: number,
	dayStartHour: number,
	days = 365
): Heatmap {
	const counts = countReviewsPerDay(reviews, now, dayStartHour, days);
	let max = 0;
	let total = 0;
	let daysStudied = 0;
	for (const { count } of counts) {
		if (count > max) max = count;
		total += count;
		if (count > 0) daysStudied++;
	}
	const cells = counts.map(({ day, count }) => ({
		day,
		count,
		weekday: (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7,
		level: (count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4))) as HeatmapCell['level']
	}));
	return { cells, max, total, daysStudied };
}
