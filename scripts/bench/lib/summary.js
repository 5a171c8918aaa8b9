// The summaries the benchmarks report: a figure is the median (or a percentile) of several runs,
// never one run, because the machines are shared and noisy.

/**
 * The middle value (for an even count, the upper of the two middle ones).
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
	if (values.length === 0) throw new Error('The median of no values is undefined.');
	const sorted = [...values].sort((a, b) => a - b);
	return /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]);
}

/**
 * The nearest-rank percentile: the smallest value with at least `p` % of the values at or below it.
 * @param {readonly number[]} values
 * @param {number} p from 0 to 100
 * @returns {number}
 */
export function percentile(values, p) {
	if (values.length === 0) throw new Error('The percentile of no values is undefined.');
	const sorted = [...values].sort((a, b) => a - b);
	return /** @type {number} */ (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]);
}
