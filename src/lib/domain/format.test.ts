import { expect, it } from 'vitest';
import { formatPartialDate } from './format';

it.each([
	['1992', '1992'],
	['2024-02', 'February 2024'],
	['2002-10-07', '7 October 2002'],
	['2026-11-28', '28 November 2026']
])('writes %s as %s', (date, words) => {
	expect(formatPartialDate(date)).toBe(words);
});
