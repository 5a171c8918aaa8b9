import { describe, expect, it } from 'vitest';
import { addDays, nextStudyDayStart, startOfStudyDay, studyDayKey } from './day';

const at = (h: number, m = 0, d = 28) => new Date(2026, 10, d, h, m).getTime();

describe('study days', () => {
	it.each([
		[at(3, 59), 4, '2026-11-27'],
		[at(4, 0), 4, '2026-11-28'],
		[at(0, 30), 4, '2026-11-27'],
		[at(23, 59), 4, '2026-11-28'],
		[at(0, 0), 0, '2026-11-28'],
		[at(23, 59, 27), 0, '2026-11-27']
	])('%s with the day starting at %i:00 belongs to %s', (time, hour, key) => {
		expect(studyDayKey(time, hour)).toBe(key);
	});

	it('starts the day at the configured hour, before or after midnight', () => {
		expect(startOfStudyDay(at(3, 59), 4)).toBe(at(4, 0, 27));
		expect(startOfStudyDay(at(4, 0), 4)).toBe(at(4, 0));
		expect(nextStudyDayStart(at(3, 59), 4)).toBe(at(4, 0));
		expect(nextStudyDayStart(at(4, 0), 4)).toBe(at(4, 0, 29));
	});

	it('adds days across month and year ends', () => {
		expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});
});
