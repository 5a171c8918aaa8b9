import { describe, expect, it } from 'vitest';
import { buildDayWindow, dayIndexOf } from './days';
import { DAY_START, NOW, at } from './fixtures';

describe('buildDayWindow', () => {
	it('lists the last days, today last, each starting at the day start hour', () => {
		const window = buildDayWindow(NOW, DAY_START, -2, 3);
		expect(window.keys).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
		expect(window.starts).toEqual([at(2, 4), at(1, 4), at(0, 4), at(-1, 4)]);
	});

	it('lists the coming days, today first', () => {
		expect(buildDayWindow(NOW, DAY_START, 0, 3).keys).toEqual([
			'2026-11-28',
			'2026-11-29',
			'2026-11-30'
		]);
	});

	it('counts a time before the day start hour as the day before', () => {
		const early = new Date(2026, 10, 28, 2, 0).getTime();
		expect(buildDayWindow(early, DAY_START, 0, 1).keys).toEqual(['2026-11-27']);
	});
});

describe('dayIndexOf', () => {
	const window = buildDayWindow(NOW, DAY_START, -2, 3);
	it.each([
		[at(2, 4), 0],
		[at(1, 3, 59), 0],
		[at(1, 4), 1],
		[at(0, 23), 2],
		[at(-1, 3, 59), 2],
		[at(-1, 4), -1],
		[at(2, 3, 59), -1],
		[Number.NaN, -1]
	])('places %s on day %i', (time, index) => {
		expect(dayIndexOf(window, time)).toBe(index);
	});
});
