import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	buildDayWindow,
	daysBetween,
	nextStudyDayStart,
	sameTimeDaysLater,
	startOfStudyDay,
	startOfStudyDayKey,
	studyDayKey
} from './day';

// Properties of the day module in the device's time zone. `npm test` runs this file once per zone,
// each in its own process with TZ set: UTC, Europe/Berlin, America/New_York, Australia/Lord_Howe,
// Asia/Kathmandu and Pacific/Chatham (scripts/test.js).

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const QUARTER_HOUR = 15 * 60_000;
const YEAR_START = new Date(2026, 0, 1).getTime();
const YEAR_END = new Date(2027, 0, 1).getTime();

// The lengths, in minutes, that the study days of 2026 have in each zone, whatever the day start
// hour (Chatham's 45-minute-past change gives a 03:00 day start two odd days).
const DAY_LENGTHS: Record<string, number[]> = {
	UTC: [1440],
	'Etc/UTC': [1440],
	'Europe/Berlin': [1380, 1440, 1500],
	'America/New_York': [1380, 1440, 1500],
	'Australia/Lord_Howe': [1410, 1440, 1470],
	'Asia/Kathmandu': [1440],
	'Pacific/Chatham': [1380, 1395, 1425, 1440, 1500]
};

/** The wall-clock time of day of `time`, in ms since local midnight. */
function timeOfDay(time: number): number {
	const d = new Date(time);
	return ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000 + d.getMilliseconds();
}

/** What is wrong with the study day of `time`, or undefined when nothing is. */
function findProblem(time: number, hour: number): string | undefined {
	const key = studyDayKey(time, hour);
	const start = startOfStudyDay(time, hour);
	const next = nextStudyDayStart(time, hour);
	const at = `${new Date(time).toString()}, day start ${hour}:00`;
	// A time lies inside its study day, and the next day's start is after it.
	if (!(start <= time && time < next)) return `${at}: outside its day ${start}–${next}`;
	// The key names that day, and the next day's key is one calendar day later.
	if (startOfStudyDayKey(key, hour) !== start) return `${at}: ${key} starts elsewhere`;
	if (studyDayKey(next, hour) !== addDays(key, 1)) return `${at}: the day after ${key} is not next`;
	return undefined;
}

// The hours around the clock changes of these zones (they fall between 01:00 and 04:00) and the ends
// of the day; the properties below take any hour.
const SWEEP_HOURS = [0, 1, 2, 3, 4, 23];

// A year of quarter hours takes a few seconds, more on a busy machine.
describe(`study days in ${ZONE}`, { timeout: 60_000 }, () => {
	it.each(SWEEP_HOURS)(
		'puts every quarter hour of 2026 inside its study day, the day starting at %i:00',
		(hour) => {
			// The walk over the year's days, then every quarter hour against it, in step.
			const window = buildDayWindow(YEAR_START, hour, 0, 367);
			const problems: string[] = [];
			let day = 0;
			for (let time = YEAR_START; time < YEAR_END; time += QUARTER_HOUR) {
				while (time >= window.starts[day + 1]!) day++;
				if (!(window.starts[day]! <= time)) problems.push(`${time} is before the walk`);
				if (studyDayKey(time, hour) !== window.keys[day]) problems.push(`${time}: key`);
				if (startOfStudyDay(time, hour) !== window.starts[day]) problems.push(`${time}: start`);
				if (nextStudyDayStart(time, hour) !== window.starts[day + 1])
					problems.push(`${time}: next`);
				if (problems.length > 10) break;
			}
			expect(problems).toEqual([]);
			// New Year's Eve's study day begins the year, unless the day starts at midnight.
			expect(window.keys[0]).toBe(hour === 0 ? '2026-01-01' : '2025-12-31');
			expect(day).toBe(hour === 0 ? 364 : 365);
		}
	);

	it('walks the days of 2026 one calendar day at a time, each as long as its wall clock says', () => {
		const lengths = new Set<number>();
		for (let hour = 0; hour < 24; hour++) {
			const window = buildDayWindow(new Date(2026, 0, 1, 23, 59).getTime(), hour, 0, 365);
			expect(window.keys[0]).toBe('2026-01-01');
			expect(window.keys.at(-1)).toBe('2026-12-31');
			for (let i = 0; i < window.keys.length; i++) {
				if (i > 0) expect(daysBetween(window.keys[i - 1]!, window.keys[i]!)).toBe(1);
				lengths.add((window.starts[i + 1]! - window.starts[i]!) / 60_000);
			}
		}
		const expected = DAY_LENGTHS[ZONE];
		if (expected) expect([...lengths].sort((a, b) => a - b)).toEqual(expected);
		else expect(lengths.size).toBeGreaterThan(0);
	});

	// Any instant from 1990 to 2040, to the millisecond, and any day start hour.
	const anyTime = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
	const anyHour = fc.integer({ min: 0, max: 23 });

	it('puts any time inside its study day, and the next day starts after it', () => {
		fc.assert(
			fc.property(anyTime, anyHour, (time, hour) => {
				expect(findProblem(time, hour)).toBeUndefined();
			}),
			{ numRuns: 3000 }
		);
	});

	it('gives consecutive study days keys one calendar day apart, in both directions', () => {
		fc.assert(
			fc.property(anyTime, anyHour, (time, hour) => {
				const key = studyDayKey(time, hour);
				const next = nextStudyDayStart(time, hour);
				const before = startOfStudyDay(time, hour) - 1;
				expect(daysBetween(key, studyDayKey(next, hour))).toBe(1);
				expect(daysBetween(studyDayKey(before, hour), key)).toBe(1);
			}),
			{ numRuns: 2000 }
		);
	});

	it('walks back 365 study days to 365 distinct keys, one day apart, each starting before the next', () => {
		fc.assert(
			fc.property(anyTime, anyHour, (time, hour) => {
				const window = buildDayWindow(time, hour, -364, 365);
				expect(new Set(window.keys).size).toBe(365);
				expect(window.keys.at(-1)).toBe(studyDayKey(time, hour));
				expect(daysBetween(window.keys[0]!, window.keys.at(-1)!)).toBe(364);
				for (let i = 0; i < 365; i++) {
					if (!(window.starts[i]! < window.starts[i + 1]!)) expect.fail(`day ${i} is empty`);
				}
				// Step by step, backwards from today, the walk meets the same days.
				let start = startOfStudyDay(time, hour);
				for (let i = 364; i >= 0; i--) {
					if (start !== window.starts[i]) expect.fail(`day ${i} starts elsewhere`);
					start = startOfStudyDay(start - 1, hour);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('walks forward the same way', () => {
		fc.assert(
			fc.property(anyTime, anyHour, fc.integer({ min: 1, max: 60 }), (time, hour, count) => {
				const window = buildDayWindow(time, hour, 0, count);
				let start = startOfStudyDay(time, hour);
				for (let i = 0; i < count; i++) {
					expect(window.keys[i]).toBe(addDays(studyDayKey(time, hour), i));
					expect(window.starts[i]).toBe(start);
					start = nextStudyDayStart(start, hour);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('puts a card due in n days on the study day n days later, at the same time of day', () => {
		// Day start hours that no change in these zones skips.
		fc.assert(
			fc.property(
				anyTime,
				fc.integer({ min: 1, max: 400 }),
				fc.constantFrom(0, 4, 12, 23),
				(time, days, hour) => {
					const due = sameTimeDaysLater(time, days);
					expect(daysBetween(studyDayKey(time, hour), studyDayKey(due, hour))).toBe(days);
					const wanted = timeOfDay(time);
					// The same time of day, unless the clock skips it that day: then the first instant
					// after the jump (a millisecond earlier, the clock showed a time before it).
					if (timeOfDay(due) !== wanted) {
						expect(timeOfDay(due)).toBeGreaterThan(wanted);
						expect(timeOfDay(due - 1)).toBeLessThan(wanted);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});
});
