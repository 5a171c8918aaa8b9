import { describe, expect, it } from 'vitest';
import { median, percentile } from '../scripts/bench/lib/summary.js';

describe('the benchmarks’ summaries', () => {
	it('takes the middle of an odd count, the upper middle of an even one, in any order', () => {
		expect(median([30, 10, 20])).toBe(20);
		expect(median([4, 1, 3, 2])).toBe(3);
		expect(median([7])).toBe(7);
	});

	it('takes the nearest-rank percentile: p95 of 40 values is the 38th smallest', () => {
		const values = Array.from({ length: 40 }, (_, i) => 40 - i);
		expect(percentile(values, 95)).toBe(38);
		expect(percentile(values, 100)).toBe(40);
		expect(percentile(values, 0)).toBe(1);
		expect(percentile([5, 1], 50)).toBe(1);
	});

	it('refuses no values rather than report undefined as a figure', () => {
		expect(() => median([])).toThrow(/no values/);
		expect(() => percentile([], 95)).toThrow(/no values/);
	});
});
