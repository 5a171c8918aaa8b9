import { buildDayWindow, dayIndexOf, weekdayOf } from '../day';
import type { DayCount, StatsReview } from './types';

/**
 * Times with ratings, column by column: `counts[i]` ratings at `times[i]` (a quarter hour's, see
 * log-summary.ts), or one rating at each time when `counts` is absent.
 */
export interface TimeCounts {
	times: ArrayLike<number>;
	counts?: ArrayLike<number>;
}

/** One rating at each review's time. */
export function timesOf(reviews: readonly Pick<StatsReview, 'reviewedAt'>[]): TimeCounts {
	return { times: reviews.map((review) => review.reviewedAt) };
}

/**
 * The number of reviews on each of the last `days` study days, oldest first, today last (days with
 * no review count 0).
 */
export function countReviewsPerDay(
	{ times, counts: weights }: TimeCounts,
	now: number,
	dayStartHour: number,
	days = 30
): DayCount[] {
	const window = buildDayWindow(now, dayStartHour, 1 - days, days);
	const counts = new Array<number>(days).fill(0);
	for (let i = 0; i < times.length; i++) {
		const index = dayIndexOf(window, times[i]!);
		if (index >= 0) counts[index]! += weights ? weights[i]! : 1;
	}
	return window.keys.map((day, i) => ({ day, count: counts[i]! }));
}

/** One day of the calendar heatmap. */
export interface HeatmapCell extends DayCount {
	/** 0 Monday … 6 Sunday. */
	weekday: number;
	/** 0 for no reviews, then 1–4 by quarters of the days studied (1 the lightest quarter). */
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
 * from 0 to 4. Shades split the days studied into quarters by count, so that one very busy day does
 * not leave every other day in the lightest shade.
 */
export function buildHeatmap(
	reviews: TimeCounts,
	now: number,
	dayStartHour: number,
	days = 365
): Heatmap {
	const counts = countReviewsPerDay(reviews, now, dayStartHour, days);
	const studied = counts
		.map((d) => d.count)
		.filter((count) => count > 0)
		.sort((a, b) => a - b);
	const quartile = (q: number) => studied[Math.floor((studied.length - 1) * q)] ?? 0;
	const limits = [quartile(0.25), quartile(0.5), quartile(0.75)];
	const levelOf = (count: number): HeatmapCell['level'] =>
		count === 0
			? 0
			: count <= limits[0]!
				? 1
				: count <= limits[1]!
					? 2
					: count <= limits[2]!
						? 3
						: 4;
	const cells = counts.map(({ day, count }) => ({
		day,
		count,
		weekday: weekdayOf(day),
		level: levelOf(count)
	}));
	let total = 0;
	for (const count of studied) total += count;
	return { cells, max: studied.at(-1) ?? 0, total, daysStudied: studied.length };
}
