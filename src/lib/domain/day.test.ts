import { describe, expect, it } from 'vitest';
import {
	addDays,
	buildDayWindow,
	dayIndexOf,
	daysBetween,
	nextStudyDayStart,
	sameTimeDaysLater,
	startOfStudyDay,
	startOfStudyDayKey,
	studyDayKey,
	weekdayOf
} from './day';

// These hold in any time zone (local times); the cases of one zone's clock changes run only in that
// zone, and `npm test` runs this file under several (see scripts/test.js).

const at = (h: number, m = 0, d = 28) => new Date(2026, 10, d, h, m).getTime();
const NOW = at(12);

describe('study days', () => {
	it.each([
		[at(3, 59), 4, '2026-11-27'],
		[at(4, 0), 4, '2026-11-28'],
		[at(0, 30), 4, '2026-11-27'],
		[at(23, 59), 4, '2026-11-28'],
		[at(0, 0), 0, '2026-11-28'],
		[at(23, 59, 27), 0, '2026-11-27'],
		[at(22, 59), 23, '2026-11-27'],
		[at(23, 0), 23, '2026-11-28']
	])('%s with the day starting at %i:00 belongs to %s', (time, hour, key) => {
		expect(studyDayKey(time, hour)).toBe(key);
	});

	it('starts the day at the configured hour, before or after midnight', () => {
		expect(startOfStudyDay(at(3, 59), 4)).toBe(at(4, 0, 27));
		expect(startOfStudyDay(at(4, 0), 4)).toBe(at(4, 0));
		expect(nextStudyDayStart(at(3, 59), 4)).toBe(at(4, 0));
		expect(nextStudyDayStart(at(4, 0), 4)).toBe(at(4, 0, 29));
		expect(startOfStudyDayKey('2026-11-28', 4)).toBe(at(4, 0));
	});

	it('adds days across month and year ends and leap days', () => {
		expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
		expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
		expect(addDays('2026-11-28', -365)).toBe('2025-11-28');
		expect(addDays('2026-11-28', 0)).toBe('2026-11-28');
	});

	it('counts the days between two keys', () => {
		expect(daysBetween('2026-11-28', '2026-11-29')).toBe(1);
		expect(daysBetween('2026-11-29', '2026-11-28')).toBe(-1);
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2025-11-28', '2026-11-28')).toBe(365);
		expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
		expect(daysBetween('1969-12-31', '1970-01-01')).toBe(1);
	});

	it('names the weekday of a key, Monday first', () => {
		expect(
			['2026-11-23', '2026-11-28', '2026-11-29', '1970-01-01', '1969-12-29'].map(weekdayOf)
		).toEqual([0, 5, 6, 3, 0]);
	});

	it('moves a time by calendar days, keeping its time of day', () => {
		expect(sameTimeDaysLater(at(4, 30), 1)).toBe(at(4, 30, 29));
		expect(sameTimeDaysLater(at(23, 59), 3)).toBe(new Date(2026, 11, 1, 23, 59).getTime());
		expect(sameTimeDaysLater(new Date(2026, 2, 28, 4, 30).getTime(), 1)).toBe(
			new Date(2026, 2, 29, 4, 30).getTime()
		);
		expect(sameTimeDaysLater(new Date(2026, 9, 24, 4, 30).getTime(), 1)).toBe(
			new Date(2026, 9, 25, 4, 30).getTime()
		);
	});

	it("follows the device to another zone: a stored instant falls on the new zone's study day", () => {
		const zone = process.env.TZ;
		try {
			// 02:00 UTC is 03:00 in Berlin (the study day before) and 11:00 in Tokyo.
			const time = Date.parse('2026-11-28T02:00:00Z');
			process.env.TZ = 'Europe/Berlin';
			expect(studyDayKey(time, 4)).toBe('2026-11-27');
			process.env.TZ = 'Asia/Tokyo';
			expect(studyDayKey(time, 4)).toBe('2026-11-28');
			expect(startOfStudyDay(time, 4)).toBe(Date.parse('2026-11-28T04:00:00+09:00'));
		} finally {
			if (zone === undefined) delete process.env.TZ;
			else process.env.TZ = zone;
		}
	});

	it('refuses a key that is not a date', () => {
		expect(() => addDays('28/11/2026', 1)).toThrow(/Not a day key/);
	});
});

describe('buildDayWindow', () => {
	it('lists the last days, today last, each starting at the day start hour', () => {
		const window = buildDayWindow(NOW, 4, -2, 3);
		expect(window.keys).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
		expect(window.starts).toEqual([at(4, 0, 26), at(4, 0, 27), at(4, 0, 28), at(4, 0, 29)]);
	});

	it('lists the coming days, today first', () => {
		expect(buildDayWindow(NOW, 4, 0, 3).keys).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
	});

	it('counts a time before the day start hour as the day before', () => {
		expect(buildDayWindow(at(2), 4, 0, 1).keys).toEqual(['2026-11-27']);
	});
});

describe('dayIndexOf', () => {
	const window = buildDayWindow(NOW, 4, -2, 3);
	it.each([
		[at(4, 0, 26), 0],
		[at(3, 59, 27), 0],
		[at(4, 0, 27), 1],
		[at(23, 0), 2],
		[at(3, 59, 29), 2],
		[at(4, 0, 29), -1],
		[at(3, 59, 26), -1],
		[Number.NaN, -1]
	])('places %s on day %i', (time, index) => {
		expect(dayIndexOf(window, time)).toBe(index);
	});
});

/** A study day where the clocks change: its key, day start hour, start and end (ISO with offsets). */
interface ChangeDay {
	case: string;
	key: string;
	hour: number;
	start: string;
	end: string;
	hours: number;
}

// Clock changes in 2026 (IANA tz database): the days they fall in and their length.
const CHANGE_DAYS: Record<string, ChangeDay[]> = {
	'Europe/Berlin': [
		{
			case: 'spring, 23 hours',
			key: '2026-03-28',
			hour: 4,
			start: '2026-03-28T04:00+01:00',
			end: '2026-03-29T04:00+02:00',
			hours: 23
		},
		{
			case: 'autumn, 25 hours',
			key: '2026-10-24',
			hour: 4,
			start: '2026-10-24T04:00+02:00',
			end: '2026-10-25T04:00+01:00',
			hours: 25
		},
		{
			case: '02:00 skipped: starts 03:00',
			key: '2026-03-29',
			hour: 2,
			start: '2026-03-29T03:00+02:00',
			end: '2026-03-30T02:00+02:00',
			hours: 23
		},
		{
			case: '02:00 twice: starts at the first',
			key: '2026-10-25',
			hour: 2,
			start: '2026-10-25T02:00+02:00',
			end: '2026-10-26T02:00+01:00',
			hours: 25
		}
	],
	'America/New_York': [
		{
			case: 'spring, 23 hours',
			key: '2026-03-07',
			hour: 4,
			start: '2026-03-07T04:00-05:00',
			end: '2026-03-08T04:00-04:00',
			hours: 23
		},
		{
			case: 'autumn, 25 hours',
			key: '2026-10-31',
			hour: 4,
			start: '2026-10-31T04:00-04:00',
			end: '2026-11-01T04:00-05:00',
			hours: 25
		},
		{
			case: '02:00 skipped: starts 03:00',
			key: '2026-03-08',
			hour: 2,
			start: '2026-03-08T03:00-04:00',
			end: '2026-03-09T02:00-04:00',
			hours: 23
		},
		{
			case: '01:00 twice: starts at the first',
			key: '2026-11-01',
			hour: 1,
			start: '2026-11-01T01:00-04:00',
			end: '2026-11-02T01:00-05:00',
			hours: 25
		}
	],
	'Australia/Lord_Howe': [
		{
			case: 'autumn, 24.5 hours',
			key: '2026-04-04',
			hour: 4,
			start: '2026-04-04T04:00+11:00',
			end: '2026-04-05T04:00+10:30',
			hours: 24.5
		},
		{
			case: 'spring, 23.5 hours',
			key: '2026-10-03',
			hour: 4,
			start: '2026-10-03T04:00+10:30',
			end: '2026-10-04T04:00+11:00',
			hours: 23.5
		},
		{
			case: '02:00 skipped: starts 02:30',
			key: '2026-10-04',
			hour: 2,
			start: '2026-10-04T02:30+11:00',
			end: '2026-10-05T02:00+11:00',
			hours: 23.5
		},
		{
			case: '01:45 twice: starts at the first 01:00',
			key: '2026-04-05',
			hour: 1,
			start: '2026-04-05T01:00+11:00',
			end: '2026-04-06T01:00+10:30',
			hours: 24.5
		}
	],
	'Pacific/Chatham': [
		{
			case: 'spring, 23 hours',
			key: '2026-09-26',
			hour: 4,
			start: '2026-09-26T04:00+12:45',
			end: '2026-09-27T04:00+13:45',
			hours: 23
		},
		{
			case: '03:00 skipped (02:45 → 03:45): starts 03:45',
			key: '2026-09-27',
			hour: 3,
			start: '2026-09-27T03:45+13:45',
			end: '2026-09-28T03:00+13:45',
			hours: 23.25
		},
		{
			case: 'autumn, 25 hours',
			key: '2026-04-04',
			hour: 4,
			start: '2026-04-04T04:00+13:45',
			end: '2026-04-05T04:00+12:45',
			hours: 25
		}
	],
	'Asia/Kathmandu': [
		{
			case: '+05:45, no change',
			key: '2026-11-28',
			hour: 4,
			start: '2026-11-28T04:00+05:45',
			end: '2026-11-29T04:00+05:45',
			hours: 24
		}
	],
	UTC: [
		{
			case: 'no change',
			key: '2026-03-29',
			hour: 2,
			start: '2026-03-29T02:00Z',
			end: '2026-03-30T02:00Z',
			hours: 24
		}
	]
};

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zoneDays = CHANGE_DAYS[ZONE === 'Etc/UTC' ? 'UTC' : ZONE];

describe.runIf(zoneDays !== undefined)(`clock changes in ${ZONE}`, () => {
	it.each(zoneDays ?? [])('$key, day starting at $hour:00: $case', (day) => {
		const start = Date.parse(day.start);
		const end = Date.parse(day.end);
		expect(startOfStudyDayKey(day.key, day.hour)).toBe(start);
		expect(startOfStudyDayKey(addDays(day.key, 1), day.hour)).toBe(end);
		expect((end - start) / 3_600_000).toBe(day.hours);
		for (const time of [start, start + 1, (start + end) / 2, end - 1]) {
			expect(studyDayKey(time, day.hour)).toBe(day.key);
			expect(startOfStudyDay(time, day.hour)).toBe(start);
			expect(nextStudyDayStart(time, day.hour)).toBe(end);
		}
		expect(studyDayKey(end, day.hour)).toBe(addDays(day.key, 1));
		expect(studyDayKey(start - 1, day.hour)).toBe(addDays(day.key, -1));
		const window = buildDayWindow(start, day.hour, -1, 3);
		expect(window.keys).toEqual([addDays(day.key, -1), day.key, addDays(day.key, 1)]);
		expect(window.starts.slice(1, 3)).toEqual([start, end]);
	});
});
