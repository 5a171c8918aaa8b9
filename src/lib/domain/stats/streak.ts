import { addDays, startOfStudyDayKey, studyDayKey } from '../day';

/** The streak of study days with at least one rating. */
export interface Streak {
	days: number;
	/** True when today already has a rating (the streak includes today). */
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
 * The streak: the number of consecutive study days, up to today, with at least one rating (from
 * review or quiz). Today counts when it already has one; otherwise the streak runs up to yesterday,
 * so it is not lost before the learner has had a chance to study today. Only which days have a
 * rating matters, so `reviewTimes` may hold every rating's time or just one per day, in any order.
 * Home and Stats both show this number.
 * @example computeStreak([yesterdayNoon, todayNoon], now, 4) // { days: 2, isTodayDone: true }
 */
export function computeStreak(
	reviewTimes: Iterable<number>,
	now: number,
	dayStartHour: number
): Streak {
	const times = Float64Array.from(reviewTimes).sort();
	const hasRatingOn = (key: string) => {
		const i = lowerBound(times, startOfStudyDayKey(key, dayStartHour));
		return i < times.length && times[i]! < startOfStudyDayKey(addDays(key, 1), dayStartHour);
	};
	const today = studyDayKey(now, dayStartHour);
	const isTodayDone = hasRatingOn(today);
	let days = isTodayDone ? 1 : 0;
	for (let key = addDays(today, -1); hasRatingOn(key); key = addDays(key, -1)) days++;
	return { days, isTodayDone };
}
