// The log's summary (log-summary.ts) as stored in the summaries table. Apart from log-summary.ts so
// that Home, which reads only its days (for the streak), does not load the code that sums the log up.

/**
 * The shape of the stored record; a record of another shape is built again from the log. Format 1
 * held its quarter hours and counts as Float64Array (epoch ms): twice the bytes, which Chromium read
 * back in a median of 14.4 ms against 8.9 ms at the realistic size (20,000 ratings), and 60.8 against
 * 40.7 ms at the stress size (100,000), 8 reads each (2026-12-04).
 */
export const LOG_SUMMARY_FORMAT = 2;

export const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * The summary as stored: flat typed arrays, which IndexedDB copies whole. Stored as Maps of small
 * arrays, it took Chromium 40 ms and more to read back, and as much again to collect the garbage.
 * A quarter hour is stored as its number (its start over QUARTER_HOUR_MS): the app's times lie
 * between the years 2000 and 2200 (src/lib/domain/integrity/check.ts), numbers of 1 to 9 million.
 */
export interface StoredLogSummary {
	format: typeof LOG_SUMMARY_FORMAT;
	parameters: number[] | null;
	lastReviewId: number;
	rowCount: number;
	reviews: number;
	quarters: Uint32Array;
	quarterCounts: Uint32Array;
	/** For each topic: quarter hours, and how many reviews passed of how many then. */
	retention: { topic: string; quarters: Uint32Array; passed: Uint32Array; total: Uint32Array }[];
	cardIds: string[];
	/** For each of `cardIds`: stability, difficulty and last rating's time, three by three. */
	memory: Float64Array;
	/** For each bin: count, sum of predictions and recalled, three by three. */
	calibration: Float64Array;
}

/** What Home's streak reads of a stored summary (`storedQuarters`). */
export type StoredDays = Pick<
	StoredLogSummary,
	'format' | 'quarters' | 'lastReviewId' | 'rowCount'
>;

/**
 * The part of a summary that Home's streak reads, stored as a record of its own beside the whole: the
 * whole stress summary (100,000 ratings, in format 1) took Chromium 52–64 ms to read back, its
 * quarter hours alone 8–11 ms, and at the realistic size (20,000 ratings) 13–20 ms against 4–5 ms
 * (2026-12-04, 8 reads each).
 */
export function toStoredDays(stored: StoredLogSummary): StoredDays {
	const { format, quarters, lastReviewId, rowCount } = stored;
	return { format, quarters, lastReviewId, rowCount };
}

/**
 * What the streak needs from a stored value (the days record): the quarter hours with ratings and the
 * log rows they cover, when the value has this code's format.
 */
export function storedQuarters(value: unknown): StoredDays | undefined {
	const s = (typeof value === 'object' && value !== null ? value : {}) as Partial<StoredLogSummary>;
	return s.format === LOG_SUMMARY_FORMAT &&
		s.quarters instanceof Uint32Array &&
		Number.isSafeInteger(s.lastReviewId) &&
		Number.isSafeInteger(s.rowCount)
		? (s as StoredLogSummary)
		: undefined;
}

/** Stored quarter hours' numbers as the times (epoch ms) they start at. */
export function quarterStarts(quarters: Uint32Array): Float64Array {
	const times = new Float64Array(quarters.length);
	for (let i = 0; i < quarters.length; i++) times[i] = quarters[i]! * QUARTER_HOUR_MS;
	return times;
}
