import { nextStudyDayStart, startOfStudyDay } from '../day';
import type { StatsReview } from './types';

/** The streak of study days with at least one review. */
export interface Streak {
	days: number;
	/** True when today already has a review (the streak includes today). */
	isTodayDone: boolean;
}

/** The index of the first value in sorted `times` that is at least `time`. */
function lowerBound(times: Float64Array, time: number): number {
	let low = 0;
	let high = times.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (times[mid]! < time) low = mid + 1;
		else high = mid;
	}
	return low;
}

/**
 * The number of consecutive study days, up to today, with at least one review. Today counts when it
 * already has a review; otherwise the streak runs up to yesterday, so it is not lost before the
 * learner has had a chance to study today.
 */
export function computeStreak(
	reviews: readonly Pick<StatsReview, 'reviewedAt'>[],
	now: number,
	dayStartHour: number
): Streak {
	const times = new Float64Array(reviews.length);
	for (let i = 0; i < reviews.length; i++) times[i] = reviews[i]!.reviewedAt;
	times.sort();
	const hasReviewBetween = (start: number, end: number) => {
		const i = lowerBound(times, start);
		return i < times.length && times[i]! < end;
	};
	let end = startOfStudyDay(now, dayStartHour);
	const todayEnd = nextStudyDayStart(end, dayStartHour);
	const isTodayDone = hasReviewBetween(end, todayEnd);
	let days = isTodayDone ? 1 : 0;
	for (;;) {
		const start = startOfStudyDay(end - 1, dayStartHour);
		if (!hasReviewBetween(start, end)) break;
		days++;
		end = start;
	}
	return { days, isTodayDone };
}
