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
});
