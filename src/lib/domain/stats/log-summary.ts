// The review log summed up for the Stats page, so that a visit reads one stored record and the
// ratings added since, not 100,000 rows (Chromium took about two seconds for those alone).
//
// Ratings are counted per quarter hour of absolute time. Every time zone's offset from UTC is a
// whole number of quarter hours (+5:45 and +12:45 included) and a study day starts on the hour, so a
// quarter hour never straddles two study days, in any zone, at any day start hour: the per-day
// figures come out exactly as from the ratings themselves, and the summary stays right when the
// learner travels or changes the day start hour. The calibration replays each card's memory with the
// FSRS parameters in use, so a summary is only good for those parameters.
import {
	elapsedDaysBetween,
	nextMemoryState,
	recallProbability,
	type MemoryState
} from '../scheduling/fsrs';
import type { CalibrationBin } from '../scheduling/memory-model';
import type { Steps } from '../steps';
import type { RetentionTallies } from './retention';
import { topicOfCardId } from '../scheduling/card';
import {
	LOG_SUMMARY_FORMAT,
	QUARTER_HOUR_MS,
	quarterStarts,
	type StoredLogSummary
} from './stored-summary';
import type { StatsReview } from './types';

/** The number of the quarter hour holding `time` (epoch ms): its start over QUARTER_HOUR_MS. */
const quarterOf = (time: number) => Math.floor(time / QUARTER_HOUR_MS);

const AGAIN = 1;
const REVIEW_STATE = 2;
const BIN_COUNT = 10;
/** Ratings folded between two pauses of `foldSteps`. */
const FOLD_STEP = 2000;

/** A card's memory after its last rating folded in, and that rating's time. */
export interface CardMemory extends MemoryState {
	last: number;
}

/** One calibration bin's running sums. */
export interface CalibrationSums {
	count: number;
	predictedSum: number;
	recalled: number;
}

/** What the Stats page needs from the log, summed up to one id of it. */
export interface LogSummary {
	format: typeof LOG_SUMMARY_FORMAT;
	/** The FSRS parameters the calibration was replayed with; null for the defaults. */
	parameters: number[] | null;
	/** The highest log id summed up (0 for none), and how many rows (damaged ones too) had ids up to it. */
	lastReviewId: number;
	rowCount: number;
	/** Ratings summed up (damaged rows are left out). */
	reviews: number;
	/**
	 * Ratings per quarter hour, by the quarter hour's number (`quarterOf`). A number, not the epoch ms
	 * of its start: epoch ms are too large for V8's small integers, so each key would be an object of
	 * its own on the heap; the stress log's 220,000 of them, made anew on every Stats visit, held the
	 * page in garbage collections of 40–65 ms (Chromium, 2026-12-04).
	 */
	perQuarter: Map<number, number>;
	/**
	 * True retention's reviews (see retention.ts) per topic: how many passed and how many in all, by
	 * quarter hour's number (two Maps of numbers: no object per quarter hour for the garbage collector).
	 */
	retention: Map<string, { passed: Map<number, number>; total: Map<number, number> }>;
	/** Each card's memory, replayed through its ratings so far. */
	memory: Map<string, CardMemory>;
	/** Predicted recall against actual, in ten bins of 10 points. */
	calibration: CalibrationSums[];
}

/** The fields of a rating the summary reads. */
export type SummaryReview = Pick<
	StatsReview,
	'cardId' | 'rating' | 'stateBefore' | 'elapsedDays' | 'reviewedAt'
>;

/** A summary of no ratings, for these FSRS parameters (undefined: the defaults). */
export function emptyLogSummary(parameters: readonly number[] | undefined): LogSummary {
	return {
		format: LOG_SUMMARY_FORMAT,
		parameters: parameters ? [...parameters] : null,
		lastReviewId: 0,
		rowCount: 0,
		reviews: 0,
		perQuarter: new Map(),
		retention: new Map(),
		memory: new Map(),
		calibration: Array.from({ length: BIN_COUNT }, () => ({
			count: 0,
			predictedSum: 0,
			recalled: 0
		}))
	};
}

/** The summary in its stored shape. */
export function toStoredLogSummary(
	summary: LogSummary,
	columns: SummaryColumns = summaryColumns(summary)
): StoredLogSummary {
	const memory = new Float64Array(summary.memory.size * 3);
	let i = 0;
	summary.memory.forEach(({ stability, difficulty, last }) => {
		memory[i++] = stability;
		memory[i++] = difficulty;
		memory[i++] = last;
	});
	return {
		format: summary.format,
		parameters: summary.parameters,
		lastReviewId: summary.lastReviewId,
		rowCount: summary.rowCount,
		reviews: summary.reviews,
		quarters: columns.quarters,
		quarterCounts: columns.counts,
		retention: columns.retention,
		cardIds: [...summary.memory.keys()],
		memory,
		calibration: Float64Array.from(
			summary.calibration.flatMap((bin) => [bin.count, bin.predictedSum, bin.recalled])
		)
	};
}

/** Whether a summary was made for these FSRS parameters (undefined: the defaults). */
export function isForParameters(
	summary: { parameters: readonly number[] | null },
	parameters: readonly number[] | undefined
): boolean {
	const own = summary.parameters;
	if (own === null || parameters === undefined) return own === null && parameters === undefined;
	return own.length === parameters.length && own.every((x, i) => x === parameters[i]);
}

const isArrayOf = (
	value: unknown,
	type: typeof Float64Array | typeof Uint32Array,
	length: number
) => value instanceof type && value.length === length;

/**
 * The stored summary, when it has the shape this code stores (check `isForParameters` before adding
 * to it); undefined for anything else (an older shape, a damaged record), which is built again.
 */
export function checkStoredLogSummary(value: unknown): StoredLogSummary | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const s = value as Partial<StoredLogSummary>;
	const isValid =
		s.format === LOG_SUMMARY_FORMAT &&
		(s.parameters === null ||
			(Array.isArray(s.parameters) && s.parameters.every(Number.isFinite))) &&
		Number.isSafeInteger(s.lastReviewId) &&
		Number.isSafeInteger(s.rowCount) &&
		Number.isSafeInteger(s.reviews) &&
		s.quarters instanceof Uint32Array &&
		isArrayOf(s.quarterCounts, Uint32Array, s.quarters.length) &&
		Array.isArray(s.retention) &&
		s.retention.every(
			(t) =>
				typeof t?.topic === 'string' &&
				t.quarters instanceof Uint32Array &&
				isArrayOf(t.passed, Uint32Array, t.quarters.length) &&
				isArrayOf(t.total, Uint32Array, t.quarters.length)
		) &&
		Array.isArray(s.cardIds) &&
		s.cardIds.every((id) => typeof id === 'string') &&
		isArrayOf(s.memory, Float64Array, s.cardIds.length * 3) &&
		isArrayOf(s.calibration, Float64Array, BIN_COUNT * 3);
	return isValid ? (s as StoredLogSummary) : undefined;
}

/**
 * Entries put back into Maps between two pauses of `fromStoredLogSummarySteps`, counted across all of
 * its Maps. The stress log's summary holds about 230,000 (68,000 quarter hours, and eight topics'
 * 9,700 each twice): when each topic's count started again from 0, none of them reached a pause of
 * 20,000, and the eight were put back in one task of 60–110 ms (Chromium, 2026-12-04).
 */
const UNPACK_STEP = 2000;

/** A checked stored summary (`checkStoredLogSummary`) back in Maps, in steps (see ../steps.ts). */
export function* fromStoredLogSummarySteps(stored: StoredLogSummary): Steps<LogSummary> {
	const { quarters, quarterCounts, memory, calibration } = stored;
	const summary: LogSummary = {
		format: LOG_SUMMARY_FORMAT,
		parameters: stored.parameters,
		lastReviewId: stored.lastReviewId,
		rowCount: stored.rowCount,
		reviews: stored.reviews,
		perQuarter: new Map(),
		retention: new Map(),
		memory: new Map(),
		calibration: []
	};
	let entries = 0;
	for (let i = 0; i < quarters.length; i++) {
		summary.perQuarter.set(quarters[i]!, quarterCounts[i]!);
		if (++entries % UNPACK_STEP === 0) yield;
	}
	for (const { topic, quarters, passed, total } of stored.retention) {
		const tallies = { passed: new Map<number, number>(), total: new Map<number, number>() };
		for (let i = 0; i < quarters.length; i++) {
			tallies.passed.set(quarters[i]!, passed[i]!);
			tallies.total.set(quarters[i]!, total[i]!);
			if (++entries % UNPACK_STEP === 0) yield;
		}
		summary.retention.set(topic, tallies);
	}
	for (let i = 0; i < stored.cardIds.length; i++) {
		summary.memory.set(stored.cardIds[i]!, {
			stability: memory[3 * i]!,
			difficulty: memory[3 * i + 1]!,
			last: memory[3 * i + 2]!
		});
		if (++entries % UNPACK_STEP === 0) yield;
	}
	for (let i = 0; i < BIN_COUNT; i++) {
		summary.calibration.push({
			count: calibration[3 * i]!,
			predictedSum: calibration[3 * i + 1]!,
			recalled: calibration[3 * i + 2]!
		});
	}
	return summary;
}

/**
 * Whether `reviews` can be added to `summary` as they come: each card's ratings must not go back in
 * time, neither among themselves nor before the card's last rating summed up (the calibration replays
 * each card's ratings in time order). A merged backup can add older ratings: then the summary is
 * built again from the whole log, in time order.
 */
export function canFold(summary: LogSummary, reviews: readonly SummaryReview[]): boolean {
	const last = new Map<string, number>();
	for (const review of reviews) {
		const before = last.get(review.cardId) ?? summary.memory.get(review.cardId)?.last ?? -Infinity;
		if (!(review.reviewedAt >= before)) return false;
		last.set(review.cardId, review.reviewedAt);
	}
	return true;
}

/**
 * Adds ratings to the summary (changing it), in steps of 2,000 (see ../steps.ts). Each card's
 * ratings must come in time order after the ones already summed up (`canFold`). The caller sets
 * `lastReviewId` and `rowCount`.
 */
export function* foldSteps(summary: LogSummary, reviews: readonly SummaryReview[]): Steps<void> {
	const parameters = summary.parameters ?? undefined;
	for (let i = 0; i < reviews.length; i++) {
		const review = reviews[i]!;
		const at = review.reviewedAt;
		const quarter = quarterOf(at);
		summary.perQuarter.set(quarter, (summary.perQuarter.get(quarter) ?? 0) + 1);
		if (review.stateBefore === REVIEW_STATE && review.elapsedDays >= 1) {
			const topic = topicOfCardId(review.cardId);
			let tallies = summary.retention.get(topic);
			if (!tallies)
				summary.retention.set(topic, (tallies = { passed: new Map(), total: new Map() }));
			const passed = review.rating !== AGAIN ? 1 : 0;
			tallies.passed.set(quarter, (tallies.passed.get(quarter) ?? 0) + passed);
			tallies.total.set(quarter, (tallies.total.get(quarter) ?? 0) + 1);
		}
		// As predictRecall in ../scheduling/memory-model.ts: no prediction for a card's first rating or
		// on the day of its previous one; the memory is carried through every rating.
		const memory = summary.memory.get(review.cardId);
		const days = memory ? elapsedDaysBetween(memory.last, at) : 0;
		if (memory && days > 0) {
			const p = recallProbability(days, memory.stability, parameters);
			const bin = summary.calibration[Math.min(BIN_COUNT - 1, Math.floor(p * BIN_COUNT))]!;
			bin.count++;
			bin.predictedSum += p;
			if (review.rating > AGAIN) bin.recalled++;
		}
		const next = nextMemoryState(memory, days, review.rating as 1 | 2 | 3 | 4, parameters);
		summary.memory.set(review.cardId, {
			stability: next.stability,
			difficulty: next.difficulty,
			last: at
		});
		summary.reviews++;
		if ((i + 1) % FOLD_STEP === 0) yield;
	}
}

/** The summary as the figures read it: a copy, so that adding to the summary later changes nothing. */
export interface LogDigest {
	reviews: number;
	/** Quarter hours with ratings (their starts, epoch ms), and how many. */
	quarters: { times: Float64Array; counts: Uint32Array };
	retention: RetentionTallies[];
	calibration: CalibrationBin[];
}

/**
 * A summary's per-quarter-hour Maps copied into flat columns, by quarter hour's number: the stored
 * copy is made of them as they are, and the figures' copy shares their counts, with each quarter
 * hour's start in ms. Made once when a read stores the summary and shows it (nothing writes to the
 * arrays once made), and filled by `forEach`: `Float64Array.from` over a Map's iterator took 21 ms
 * for the stress log's 68,000 quarter hours, twice per read.
 */
export interface SummaryColumns {
	quarters: Uint32Array;
	counts: Uint32Array;
	retention: StoredLogSummary['retention'];
}

/** A Map by quarter hour's number as two columns, in the Map's order. */
function mapColumns(map: Map<number, number>): { keys: Uint32Array; values: Uint32Array } {
	const keys = new Uint32Array(map.size);
	const values = new Uint32Array(map.size);
	let i = 0;
	map.forEach((value, quarter) => {
		keys[i] = quarter;
		values[i++] = value;
	});
	return { keys, values };
}

/** See SummaryColumns. A topic's two retention Maps hold the same quarter hours in the same order. */
export function summaryColumns(summary: LogSummary): SummaryColumns {
	const perQuarter = mapColumns(summary.perQuarter);
	const retention = [...summary.retention].map(([topic, { passed, total }]) => {
		const totals = mapColumns(total);
		return {
			topic,
			quarters: totals.keys,
			passed: mapColumns(passed).values,
			total: totals.values
		};
	});
	return { quarters: perQuarter.keys, counts: perQuarter.values, retention };
}

/** The figures' copy of a summary, in columns (flat arrays: no object per quarter hour). */
export function digestLogSummary(
	summary: LogSummary,
	{ quarters, counts, retention }: SummaryColumns = summaryColumns(summary)
): LogDigest {
	const calibration = summary.calibration.flatMap(({ count, predictedSum, recalled }, i) =>
		count > 0
			? [
					{
						from: i / BIN_COUNT,
						to: (i + 1) / BIN_COUNT,
						count,
						predicted: predictedSum / count,
						actual: recalled / count
					}
				]
			: []
	);
	return {
		reviews: summary.reviews,
		quarters: { times: quarterStarts(quarters), counts },
		retention: retention.map(({ topic, quarters, passed, total }) => ({
			topic,
			times: quarterStarts(quarters),
			passed,
			total
		})),
		calibration
	};
}
