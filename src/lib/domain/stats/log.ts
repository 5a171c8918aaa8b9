import { nextStudyDayStart, startOfStudyDay, studyDayKey } from '../day';
import { topicOfCardId } from './topic';
import type { StatsReview } from './types';

/** Reviews that tested recall after a day or more, and how many of them were not rated Again. */
export interface RecallCount {
	passed: number;
	total: number;
}

/** One study day of the review log. */
export interface LogDay {
	/** When the study day starts (epoch ms). */
	start: number;
	/** Every rating that day. */
	count: number;
	/** The ratings that count for true retention, by topic. */
	recall: Map<string, RecallCount>;
}

/**
 * The review log summed up by study day (named by its `YYYY-MM-DD` key): all the Stats page needs
 * from it, built page by page as the log is read, so the page never holds every row at once and
 * never goes over them again.
 */
export interface LogSummary {
	days: Map<string, LogDay>;
	/** Every rating in the log. */
	total: number;
}

const AGAIN = 1;
const REVIEW_STATE = 2;

export function emptyLogSummary(): LogSummary {
	return { days: new Map(), total: 0 };
}

/**
 * Adds ratings to `summary` (changed in place: a reader adds one page of rows after another). True
 * retention, as Anki defines it, counts the ratings of cards in the review state whose last review
 * was a day or more earlier; the others count only as ratings of their day.
 */
export function addToLogSummary(
	summary: LogSummary,
	reviews: readonly Pick<
		StatsReview,
		'cardId' | 'rating' | 'stateBefore' | 'elapsedDays' | 'reviewedAt'
	>[],
	dayStartHour: number
): void {
	// Rows mostly come in time order: the day of the row before is looked up first.
	let day: LogDay | undefined;
	let end = -Infinity;
	for (const review of reviews) {
		const at = review.reviewedAt;
		if (!day || !(at >= day.start && at < end)) {
			const key = studyDayKey(at, dayStartHour);
			day = summary.days.get(key);
			if (!day) {
				day = { start: startOfStudyDay(at, dayStartHour), count: 0, recall: new Map() };
				summary.days.set(key, day);
			}
			end = nextStudyDayStart(day.start, dayStartHour);
		}
		day.count++;
		summary.total++;
		if (review.stateBefore !== REVIEW_STATE || !(review.elapsedDays >= 1)) continue;
		const topic = topicOfCardId(review.cardId);
		let cell = day.recall.get(topic);
		if (!cell) {
			cell = { passed: 0, total: 0 };
			day.recall.set(topic, cell);
		}
		cell.total++;
		if (review.rating !== AGAIN) cell.passed++;
	}
}

/**
 * The summary of some ratings.
 * @example summarizeLog([{ cardId: 'members/a', rating: 3, stateBefore: 2, elapsedDays: 4, reviewedAt: noon }], 4).total // 1
 */
export function summarizeLog(
	reviews: Parameters<typeof addToLogSummary>[1],
	dayStartHour: number
): LogSummary {
	const summary = emptyLogSummary();
	addToLogSummary(summary, reviews, dayStartHour);
	return summary;
}

/** Two summaries of different ratings as one (a new summary; neither is changed). */
export function mergeLogSummaries(a: LogSummary, b: LogSummary): LogSummary {
	const days = new Map(a.days);
	for (const [key, day] of b.days) {
		const other = days.get(key);
		if (!other) {
			days.set(key, day);
			continue;
		}
		const recall = new Map(other.recall);
		for (const [topic, cell] of day.recall) {
			const before = recall.get(topic);
			recall.set(
				topic,
				before ? { passed: before.passed + cell.passed, total: before.total + cell.total } : cell
			);
		}
		days.set(key, { start: other.start, count: other.count + day.count, recall });
	}
	return { days, total: a.total + b.total };
}
