// The log's summary (log-summary.ts) as stored in the summaries table. Apart from log-summary.ts so
// that Home, which reads only its days (for the streak), does not load the code that sums the log up.

/** The shape of the stored record; a record of another shape is built again from the log. */
export const LOG_SUMMARY_FORMAT = 1;

/**
 * The summary as stored: flat typed arrays, which IndexedDB copies whole. Stored as Maps of small
 * arrays, it took Chromium 40 ms and more to read back, and as much again to collect the garbage.
 */
export interface StoredLogSummary {
	format: typeof LOG_SUMMARY_FORMAT;
	parameters: number[] | null;
	lastReviewId: number;
	rowCount: number;
	reviews: number;
	quarters: Float64Array;
	quarterCounts: Float64Array;
	/** For each topic: quarter hours, and how many reviews passed of how many then. */
	retention: { topic: string; times: Float64Array; passed: Float64Array; total: Float64Array }[];
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
 * whole stress summary (100,000 ratings) took Chromium 52–64 ms to read back, its quarter hours alone
 * 8–11 ms, and at the realistic size (20,000 ratings) 13–20 ms against 4–5 ms (2026-12-04, 8 reads
 * each).
 */
export function toStoredDays(stored: StoredLogSummary): StoredDays {
	const { format, quarters, lastReviewId, rowCount } = stored;
	return { format, quarters, lastReviewId, rowCount };
}

/**
 * What the streak needs from a stored value (the days record, or the whole summary as stored before
 * there was one): the quarter hours with ratings and the log rows they
 * cover, when the value has this code's format (the whole record is checked by
 * `checkStoredLogSummary` in log-summary.ts, which Home does not load).
 */
export function storedQuarters(value: unknown): StoredDays | undefined {
	const s = (typeof value === 'object' && value !== null ? value : {}) as Partial<StoredLogSummary>;
	return s.format === LOG_SUMMARY_FORMAT &&
		s.quarters instanceof Float64Array &&
		Number.isSafeInteger(s.lastReviewId) &&
		Number.isSafeInteger(s.rowCount)
		? (s as StoredLogSummary)
		: undefined;
}
