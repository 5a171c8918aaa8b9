import { buildDayWindow } from './days';
import type { LogSummary } from './log';

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

function emptyCells(count: number): RetentionCell[] {
	return Array.from({ length: count }, () => ({ passed: 0, total: 0, rate: null }));
}

/**
 * True retention, as Anki defines it: of the reviews of cards in the review state whose last review
 * was a day or more earlier, the share not rated Again (the log summary counts those, see
 * `addToLogSummary`). Learning steps and same-day repeats are left out because they do not test
 * long-term memory. Counted over the last `periods` study days (today included), overall and per
 * topic; `topics` fixes the order of the topic rows (and shows topics with no reviews yet); a topic
 * seen in the log but not listed comes after them.
 */
export function computeTrueRetention(
	log: LogSummary,
	now: number,
	dayStartHour: number,
	topics: readonly string[] = [],
	periods: readonly number[] = RETENTION_PERIODS
): Retention {
	const longest = Math.max(...periods);
	const window = buildDayWindow(now, dayStartHour, 1 - longest, longest);
	const overall = emptyCells(periods.length);
	const byTopic = new Map<string, RetentionCell[]>(
		topics.map((t) => [t, emptyCells(periods.length)])
	);

	window.keys.forEach((key, index) => {
		const day = log.days.get(key);
		if (!day) return;
		for (const [topic, count] of day.recall) {
			let cells = byTopic.get(topic);
			if (!cells) {
				cells = emptyCells(periods.length);
				byTopic.set(topic, cells);
			}
			periods.forEach((period, i) => {
				// Day `index` of the window is inside the last `period` days.
				if (index < longest - period) return;
				overall[i]!.total += count.total;
				overall[i]!.passed += count.passed;
				cells[i]!.total += count.total;
				cells[i]!.passed += count.passed;
			});
		}
	});

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
