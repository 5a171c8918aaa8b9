// Study days: the one place that counts, walks and compares days. A study day is one calendar day of
// the device's wall clock that starts at the configured hour (04:00 by default, as in Anki), so a
// rating at 01:00 counts for the day before. Days are found by calendar arithmetic on local dates,
// never by adding a number of milliseconds: where clocks change a day has 23 or 25 hours (23.5 or
// 24.5 on Lord Howe Island). When the day start hour is skipped by a spring change, the day starts
// at the first instant the clock shows after it (02:00 in Berlin on the last Sunday of March starts
// the day at 03:00). Times are epoch ms; nothing here reads the clock.

/** A study day's name: the local calendar date it starts on, `YYYY-MM-DD`. */
export type DayKey = string;

/** A calendar date: `month` 1–12, `day` 1–31. */
interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil-date algorithms):
// whole-day arithmetic on dates, with no time zone and no milliseconds involved.
function dayNumberOf({ year, month, day }: CalendarDate): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

function dateOfDayNumber(dayNumber: number): CalendarDate {
	const z = dayNumber + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const month = mp < 10 ? mp + 3 : mp - 9;
	return {
		year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
		month,
		day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
	};
}

const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseKey(key: DayKey): CalendarDate {
	const match = KEY_PATTERN.exec(key);
	if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${key}`);
	return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatKey({ year, month, day }: CalendarDate): DayKey {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function shiftDate(date: CalendarDate, days: number): CalendarDate {
	return dateOfDayNumber(dayNumberOf(date) + days);
}

/** The local calendar date of an instant. */
function localDateOf(time: number): CalendarDate {
	const date = new Date(time);
	return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** A local wall-clock reading as a number that orders readings (the reading taken as if it were UTC). */
function wallClockOf(time: number): number {
	const d = new Date(time);
	const wall = new Date(0);
	wall.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
	wall.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
	return wall.getTime();
}

/** A time of day on the wall clock: hours, minutes, seconds and milliseconds. */
type WallTime = [hour: number, minute?: number, second?: number, ms?: number];

/**
 * The first instant at which the local clock shows `date` at `time` (by default `hour`:00) or
 * later: that moment itself when it exists (the first of the two when a fall change repeats it),
 * otherwise the instant the clock jumps past it.
 */
function startOfWallTime(date: CalendarDate, ...time: WallTime): number {
	const [hour, minute = 0, second = 0, ms = 0] = time;
	const local = new Date(date.year, date.month - 1, date.day, hour, minute, second, ms);
	// The constructor reads years 0–99 as 1900–1999.
	if (date.year < 100) local.setFullYear(date.year);
	const candidate = local.getTime();
	if (
		local.getHours() === hour &&
		local.getMinutes() === minute &&
		local.getDate() === date.day &&
		local.getSeconds() === second
	) {
		return candidate;
	}
	const wanted = new Date(0);
	wanted.setUTCFullYear(date.year, date.month - 1, date.day);
	wanted.setUTCHours(hour, minute, second, ms);
	const target = wanted.getTime();
	const shown = wallClockOf(candidate);
	// The time was skipped. Engines resolve a skipped reading to an instant near the jump (ECMAScript
	// moves it later by the size of the jump), and the jump lies within that distance of it: search
	// for the first instant whose reading reaches the wanted one. Chatham's 02:45 → 03:45 change
	// shows why it must be searched: 03:00 resolves to 04:00, but the day starts at 03:45.
	const gap = Math.abs(shown - target);
	let low = candidate - gap; // its reading is before the wanted one
	let high = candidate + gap; // its reading is at or after it
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (wallClockOf(mid) >= target) high = mid;
		else low = mid;
	}
	return high;
}

/** The study day containing `time`: its date, its start and the next day's start. */
function locateStudyDay(
	time: number,
	dayStartHour: number
): { date: CalendarDate; start: number; end: number } {
	let date = localDateOf(time);
	let start = startOfWallTime(date, dayStartHour);
	// Before the day start hour, the time belongs to an earlier date's study day.
	while (start > time) {
		date = shiftDate(date, -1);
		start = startOfWallTime(date, dayStartHour);
	}
	let end = startOfWallTime(shiftDate(date, 1), dayStartHour);
	// Only where a change moves the clock back across midnight can a later day have started already.
	while (end <= time) {
		date = shiftDate(date, 1);
		start = end;
		end = startOfWallTime(shiftDate(date, 1), dayStartHour);
	}
	return { date, start, end };
}

/**
 * The start (epoch ms) of the study day that contains `time`, in the device's time zone.
 * @example startOfStudyDay(new Date(2026, 10, 28, 1, 0).getTime(), 4) === new Date(2026, 10, 27, 4).getTime() // true
 */
export function startOfStudyDay(time: number, dayStartHour: number): number {
	return locateStudyDay(time, dayStartHour).start;
}

/**
 * The start (epoch ms) of the study day after the one that contains `time`: always after `time`,
 * 23, 24 or 25 hours after the day's start.
 */
export function nextStudyDayStart(time: number, dayStartHour: number): number {
	return locateStudyDay(time, dayStartHour).end;
}

/**
 * The key (local calendar date, `YYYY-MM-DD`) of the study day containing `time`.
 * @example studyDayKey(new Date(2026, 10, 28, 3, 59).getTime(), 4) // '2026-11-27'
 */
export function studyDayKey(time: number, dayStartHour: number): DayKey {
	return formatKey(locateStudyDay(time, dayStartHour).date);
}

/**
 * The local calendar date (`YYYY-MM-DD`) of `time`: the key of the study day that starts at midnight.
 * @example calendarDayKey(new Date(2026, 10, 28, 3, 59).getTime()) // '2026-11-28'
 */
export function calendarDayKey(time: number): DayKey {
	return studyDayKey(time, 0);
}

/**
 * The start (epoch ms) of the study day named by `key`.
 * @example startOfStudyDayKey('2026-03-29', 2) // 03:00 CEST in Europe/Berlin: 02:00 does not exist that night
 */
export function startOfStudyDayKey(key: DayKey, dayStartHour: number): number {
	return startOfWallTime(parseKey(key), dayStartHour);
}

/**
 * The same time of day on the wall clock, `days` calendar days after `time` (the first instant after
 * it when a spring change skips that time). Where the clocks change in between, this is an hour more
 * or less than `days` × 24 hours, and it stays on the study day `days` after the one of `time` (unless
 * the day start hour itself is skipped and `time` fell in the skipped hour of the clock: then the due
 * time is at that day's start).
 * @example sameTimeDaysLater(new Date(2026, 2, 28, 4, 30).getTime(), 1) === new Date(2026, 2, 29, 4, 30).getTime() // true, 23 hours later in Berlin
 */
export function sameTimeDaysLater(time: number, days: number): number {
	const d = new Date(time);
	const date = shiftDate(localDateOf(time), days);
	return startOfWallTime(date, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
}

/**
 * The key of the day `offset` calendar days after the one named by `key` (negative goes back).
 * @example addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(key: DayKey, offset: number): DayKey {
	return formatKey(shiftDate(parseKey(key), offset));
}

/**
 * The number of days from the day named `from` to the day named `to` (negative when `to` is earlier).
 * @example daysBetween('2026-03-28', '2026-03-30') // 2, though the two days in between have 47 hours in Berlin
 */
export function daysBetween(from: DayKey, to: DayKey): number {
	return dayNumberOf(parseKey(to)) - dayNumberOf(parseKey(from));
}

/**
 * The day of the week of the day named by `key`: 0 Monday … 6 Sunday.
 * @example weekdayOf('2026-11-28') // 5 (a Saturday)
 */
export function weekdayOf(key: DayKey): number {
	// 1970-01-01 was a Thursday (3).
	return (((dayNumberOf(parseKey(key)) + 3) % 7) + 7) % 7;
}

/** A run of consecutive study days: `starts[i]` begins day `keys[i]`, `starts[keys.length]` ends the last. */
export interface DayWindow {
	keys: DayKey[];
	starts: number[];
}

/**
 * A walk over study days: the `count` days starting `offset` days from the one that contains `now`
 * (negative goes back), oldest first, with their exact start times, so that days where the clocks
 * change keep their real length.
 * @example buildDayWindow(now, 4, -29, 30) // the last 30 study days, today last
 * @example buildDayWindow(now, 4, 0, 30) // the next 30 study days, today first
 */
export function buildDayWindow(
	now: number,
	dayStartHour: number,
	offset: number,
	count: number
): DayWindow {
	const first = shiftDate(locateStudyDay(now, dayStartHour).date, offset);
	const keys: DayKey[] = [];
	const starts: number[] = [];
	for (let i = 0; i <= count; i++) {
		const date = shiftDate(first, i);
		if (i < count) keys.push(formatKey(date));
		starts.push(startOfWallTime(date, dayStartHour));
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
