// Study days start at a configurable local hour (04:00 by default, as in Anki): a review at 01:00
// counts for the day before. These functions take times in epoch ms and read no clock.

const HOUR_MS = 3_600_000;

/**
 * The start (epoch ms) of the study day that contains `time`, in the device's time zone.
 * @example startOfStudyDay(new Date(2026, 10, 28, 1, 0).getTime(), 4) === new Date(2026, 10, 27, 4).getTime() // true
 */
export function startOfStudyDay(time: number, dayStartHour: number): number {
	const shifted = new Date(time - dayStartHour * HOUR_MS);
	return new Date(
		shifted.getFullYear(),
		shifted.getMonth(),
		shifted.getDate(),
		dayStartHour,
		0,
		0,
		0
	).getTime();
}

/** The start (epoch ms) of the study day after the one that contains `time`. */
export function nextStudyDayStart(time: number, dayStartHour: number): number {
	const start = new Date(startOfStudyDay(time, dayStartHour));
	return new Date(
		start.getFullYear(),
		start.getMonth(),
		start.getDate() + 1,
		dayStartHour,
		0,
		0,
		0
	).getTime();
}

/**
 * The calendar date (YYYY-MM-DD, local) that names the study day containing `time`.
 * @example studyDayKey(new Date(2026, 10, 28, 3, 59).getTime(), 4) // '2026-11-27'
 */
export function studyDayKey(time: number, dayStartHour: number): string {
	const start = new Date(startOfStudyDay(time, dayStartHour));
	const month = String(start.getMonth() + 1).padStart(2, '0');
	const day = String(start.getDate()).padStart(2, '0');
	return `${start.getFullYear()}-${month}-${day}`;
}

/** The key of the study day `offset` days after the one named by `key` (negative goes back). */
export function addDays(key: string, offset: number): string {
	const [y, m, d] = key.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d + offset));
	return date.toISOString().slice(0, 10);
}
