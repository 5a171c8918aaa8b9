import { forecastDue } from './forecast';
import type { LogSummary } from './log';
import { computeMastery, type TopicMastery } from './mastery';
import { listQuizScores, type QuizScore } from './quiz-scores';
import { computeTrueRetention, type Retention } from './retention';
import { buildHeatmap, countReviewsPerDay, type Heatmap } from './reviews-per-day';
import type { Streak } from './streak';
import type { DayCount, StatsCard, StatsQuizAttempt } from './types';

/** Everything the stats page shows. */
export interface StatsReport {
	reviewsPerDay: DayCount[];
	heatmap: Heatmap;
	forecast: DayCount[];
	retention: Retention;
	mastery: TopicMastery[];
	quizScores: QuizScore[];
	streak: Streak;
	totals: { reviews: number; cards: number; studiedCards: number };
}

/**
 * What the stats are computed from: the stored cards and quizzes, the review log summed up (its last
 * year at least), the number of ratings in the whole log and the streak.
 */
export interface StatsInput {
	cards: readonly StatsCard[];
	log: LogSummary;
	reviewCount: number;
	streak: Streak;
	quizAttempts: readonly StatsQuizAttempt[];
}

/**
 * Every number of the stats page: `bankCounts` gives the topics (in display order) with the bank's
 * card count for each. It goes over the cards and the log's days, never over the log's rows.
 */
export function computeStats(
	input: StatsInput,
	now: number,
	dayStartHour: number,
	bankCounts: ReadonlyMap<string, number>
): StatsReport {
	const { cards, log, quizAttempts } = input;
	let studiedCards = 0;
	for (const card of cards) if (card.state !== 0) studiedCards++;
	return {
		reviewsPerDay: countReviewsPerDay(log, now, dayStartHour, 30),
		heatmap: buildHeatmap(log, now, dayStartHour, 365),
		forecast: forecastDue(cards, now, dayStartHour, 30),
		retention: computeTrueRetention(log, now, dayStartHour, [...bankCounts.keys()]),
		mastery: computeMastery(cards, bankCounts),
		quizScores: listQuizScores(quizAttempts),
		streak: input.streak,
		totals: { reviews: input.reviewCount, cards: cards.length, studiedCards }
	};
}
