import { describe, expect, it } from 'vitest';
import { isIsoTime } from './schema';

describe('isIsoTime', () => {
	it.each([
		['2026-11-28T09:30:00.000Z', true],
		['2026-11-28T09:30:00Z', true],
		['2026-11-28T09:30:00+03:00', true],
		['2028-02-29T00:00:00.000Z', true],
		['2026-02-29T00:00:00.000Z', false],
		['2026-02-30T00:00:00.000Z', false],
		['2026-13-01T00:00:00.000Z', false],
		['2026-11-28T24:00:00.000Z', false],
		['2026-11-28', false],
		['yesterday', false],
		['', false]
	])('%s → %s', (text, ok) => {
		expect(isIsoTime(text)).toBe(ok);
	});
});
