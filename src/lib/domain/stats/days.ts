import { nextStudyDayStart, startOfStudyDay, studyDayKey } from '../day';

/** A run of consecutive study days: `starts[i]` begins day `keys[i]`, `starts[keys.length]` ends the last. */
export interface DayWindow {
	keys: string[];
	starts: number[];
}

/**
 * The `count` study days starting `offset` days from the one that contains `now` (negative goes back),
 * with their exact start times, so that daylight-saving days keep their real length.
 * @example buildDayWindow(now, 4, -29, 30) // the last 30 study days, today last
 */
export function buildDayWindow(
	now: number,
	dayStartHour: number,
	offset: number,
	count: number
): DayWindow {
	let start = startOfStudyDay(now, dayStartHour);
	for (let i = 0; i > offset; i--) start = startOfStudyDay(start - 1, dayStartHour);
	for (let i = 0; i < offset; i++) start = nextStudyDayStart(start, dayStartHour);
	const keys: string[] = [];
	const starts: number[] = [start];
	for (let i = 0; i < count; i++) {
		keys.push(studyDayKey(start, dayStartHour));
		start = nextStudyDayStart(start, dayStartHour);
		starts.push(start);
	}
	return { keys, starts };
}

/** The index of the day of `window` that contains `time`, or -1 when it is outside the window. */
export function dayIndexOf(window: DayWindow, time: number): number {
	const { starts } = window;
	if (!(time >= starts[0]!) || time >= starts[starts.length - 1]!) return -1;
	let low = 0;
	let high = starts.length - 2;
	// Binary search for the last start at or before `time`.
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (starts[mid]! <= time) low = mid;
		else high = mid - 1;
	}
	return low;
}
