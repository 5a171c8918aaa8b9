import { buildDayWindow } from '../day';
import { topicOfCardId } from '../scheduling/card';
import type { StatsReview } from './types';

/** Reviews that tested recall after a day or more, and how many of them were not rated Again. */
export interface RetentionCell {
	passed: number;
	total: number;
	/** passed / total, or null when there was nothing to measure. */
	rate: number | null;
}

/** True retention over several periods, overall and for each topic. */
export interface Retention {
	/** The periods, in study days ending today (7, 30 and 365 by default). */
	days: number[];
	overall: RetentionCell[];
	byTopic: { topic: string; cells: RetentionCell[] }[];
}

/** The periods the stats page shows, in days. */
export const RETENTION_PERIODS = [7, 30, 365] as const;

const AGAIN = 1;
const REVIEW_STATE = 2;

function emptyCells(count: number): RetentionCell[] {
	return Array.from({ length: count }, () => ({ passed: 0, total: 0, rate: null }));
}

/**
 * The reviews true retention counts for one topic, column by column: at `times[i]` (a rating's, or a
 * quarter hour's), `passed[i]` of `total[i]` reviews passed.
 */
export interface RetentionTallies {
	topic: string;
	times: ArrayLike<number>;
	passed: ArrayLike<number>;
	total: ArrayLike<number>;
}

/**
 * The reviews true retention counts, as Anki defines it: ratings of cards in the review state whose
 * last review was a day or more earlier; passed when not rated Again. Learning steps and same-day
 * repeats are left out because they do not test long-term memory.
 */
export function tallyRetention(
	reviews: readonly Pick<
		StatsReview,
		'cardId' | 'rating' | 'stateBefore' | 'elapsedDays' | 'reviewedAt'
	>[]
): RetentionTallies[] {
	const byTopic = new Map<
		string,
		{ topic: string; times: number[]; passed: number[]; total: number[] }
	>();
	for (const review of reviews) {
		if (review.stateBefore !== REVIEW_STATE || !(review.elapsedDays >= 1)) continue;
		const topic = topicOfCardId(review.cardId);
		let tallies = byTopic.get(topic);
		if (!tallies) byTopic.set(topic, (tallies = { topic, times: [], passed: [], total: [] }));
		tallies.times.push(review.reviewedAt);
		tallies.passed.push(review.rating !== AGAIN ? 1 : 0);
		tallies.total.push(1);
	}
	return [...byTopic.values()];
}

/**
 * True retention (see `tallyRetention`) over the last `periods` study days (today included),
 * overall and per topic; `topics` fixes the order of the topic rows (and shows topics with no reviews
 * yet); a topic seen in the log but not listed comes after them.
 */
export function computeTrueRetention(
	tallies: readonly RetentionTallies[],
	now: number,
	dayStartHour: number,
	topics: readonly string[] = [],
	periods: readonly number[] = RETENTION_PERIODS
): Retention {
	const longest = Math.max(...periods);
	const window = buildDayWindow(now, dayStartHour, 1 - longest, longest);
	const end = window.starts[longest]!;
	// The start of each period: the start of day (longest - period) of the window.
	const cutoffs = periods.map((period) => window.starts[longest - period]!);
	const earliest = Math.min(...cutoffs);
	const overall = emptyCells(periods.length);
	const byTopic = new Map<string, RetentionCell[]>(
		topics.map((t) => [t, emptyCells(periods.length)])
	);

	for (const { topic, times, passed, total } of tallies) {
		let cells = byTopic.get(topic);
		for (let j = 0; j < times.length; j++) {
			const at = times[j]!;
			if (at >= end || at < earliest) continue;
			// A topic not listed gets a row once it has a review in the periods.
			if (!cells) byTopic.set(topic, (cells = emptyCells(periods.length)));
			for (let i = 0; i < cutoffs.length; i++) {
				if (at < cutoffs[i]!) continue;
				overall[i]!.total += total[j]!;
				overall[i]!.passed += passed[j]!;
				cells[i]!.total += total[j]!;
				cells[i]!.passed += passed[j]!;
			}
		}
	}

	const withRates = (cells: RetentionCell[]) =>
		cells.map((c) => ({ ...c, rate: c.total > 0 ? c.passed / c.total : null }));
	const listed = new Set(topics);
	const extra = [...byTopic.keys()].filter((t) => !listed.has(t)).sort();
	return {
		days: [...periods],
		overall: withRates(overall),
		byTopic: [...topics, ...extra].map((topic) => ({
			topic,
			cells: withRates(byTopic.get(topic)!)
		}))
	};
}
