import { describe, expect, it } from 'vitest';
import { describeDue } from './describe-due';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();

describe('describeDue', () => {
	it.each([
		[NOW - 1, 'now'],
		[NOW + 30_000, 'in 1 minute'],
		[NOW + 10 * 60_000, 'in 10 minutes'],
		[new Date(2026, 10, 28, 14, 30).getTime(), 'today at 14:30'],
		[new Date(2026, 10, 29, 4, 0).getTime(), 'tomorrow at 04:00'],
		[new Date(2026, 11, 1, 4, 0).getTime(), 'on Tuesday 1 December at 04:00']
	])('%i is %s', (due, words) => {
		expect(describeDue(due, NOW)).toBe(words);
	});

	// The nights the clocks change in Europe and North America (23 and 25 hours in those zones).
	it.each([
		[new Date(2026, 2, 28, 22, 0), new Date(2026, 2, 29, 4, 0), 'tomorrow at 04:00'],
		[new Date(2026, 2, 28, 0, 30), new Date(2026, 2, 29, 0, 15), 'tomorrow at 00:15'],
		[new Date(2026, 2, 28, 23, 30), new Date(2026, 2, 30, 0, 15), 'on Monday 30 March at 00:15'],
		[new Date(2026, 9, 25, 0, 30), new Date(2026, 9, 25, 23, 45), 'today at 23:45'],
		[new Date(2026, 9, 31, 23, 0), new Date(2026, 10, 1, 23, 30), 'tomorrow at 23:30'],
		[new Date(2026, 2, 7, 23, 59), new Date(2026, 2, 8, 23, 59), 'tomorrow at 23:59']
	])('from %s, %s is %s', (now, due, words) => {
		expect(describeDue(due.getTime(), now.getTime())).toBe(words);
	});
});
