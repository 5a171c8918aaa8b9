import { buildDayWindow } from '../day';
import { topicOfCardId } from './topic';
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
 * True retention, as Anki defines it: of the reviews of cards in the review state whose last review
 * was a day or more earlier, the share not rated Again. Learning steps and same-day repeats are left
 * out because they do not test long-term memory. Counted over the last `periods` study days (today
 * included), overall and per topic; `topics` fixes the order of the topic rows (and shows topics with
 * no reviews yet); a topic seen in the log but not listed comes after them.
 */
export function computeTrueRetention(
	reviews: readonly Pick<
		StatsReview,
		'cardId' | 'rating' | 'stateBefore' | 'elapsedDays' | 'reviewedAt'
	>[],
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
	const topicOf = new Map<string, RetentionCell[]>();

	for (const review of reviews) {
		if (review.stateBefore !== REVIEW_STATE || !(review.elapsedDays >= 1)) continue;
		const at = review.reviewedAt;
		if (at >= end || at < earliest) continue;
		let cells = topicOf.get(review.cardId);
		if (!cells) {
			const topic = topicOfCardId(review.cardId);
			cells = byTopic.get(topic);
			if (!cells) {
				cells = emptyCells(periods.length);
				byTopic.set(topic, cells);
			}
			topicOf.set(review.cardId, cells);
		}
		const passed = review.rating !== AGAIN ? 1 : 0;
		for (let i = 0; i < cutoffs.length; i++) {
			if (at < cutoffs[i]!) continue;
			overall[i]!.total++;
			overall[i]!.passed += passed;
			cells[i]!.total++;
			cells[i]!.passed += passed;
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
