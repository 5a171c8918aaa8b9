import type { CardDeck } from '../scheduling/face';
import type { CalibrationBin } from '../scheduling/memory-model';
import { runSteps, type Steps } from '../steps';
import { forecastDue } from './forecast';
import {
	digestLogSummary,
	emptyLogSummary,
	foldSteps,
	type LogDigest,
	type LogSummary,
	type SummaryReview
} from './log-summary';
import { computeMastery, type TopicMastery } from './mastery';
import { listQuizScores, type QuizScore } from './quiz-scores';
import { computeTrueRetention, type Retention } from './retention';
import { buildHeatmap, countReviewsPerDay, type Heatmap } from './reviews-per-day';
import { computeStreak, type Streak } from './streak';
import type { DayCount, StatsCard, StatsQuizAttempt, StatsReview } from './types';

/** Everything the stats page shows. */
export interface StatsReport {
	reviewsPerDay: DayCount[];
	heatmap: Heatmap;
	forecast: DayCount[];
	retention: Retention;
	mastery: TopicMastery[];
	quizScores: QuizScore[];
	streak: Streak;
	/** How well the memory model in use predicts the learner: predicted against actual recall. */
	calibration: CalibrationBin[];
	totals: { reviews: number; cards: number; studiedCards: number };
}

/** What the stats are computed from: the log as summed up (log-summary.ts), and the other rows. */
export interface StatsInput {
	cards: readonly StatsCard[];
	quizAttempts: readonly StatsQuizAttempt[];
	log: LogDigest;
}

/** The stored rows themselves. */
export interface StatsRows {
	cards: readonly StatsCard[];
	reviews: readonly StatsReview[];
	quizAttempts: readonly StatsQuizAttempt[];
}

/**
 * The whole log summed up at once, in time order, for these FSRS parameters (the defaults when
 * absent). The browser does this in steps (src/lib/state/stats.svelte.ts).
 */
export function summarizeLog(
	reviews: readonly SummaryReview[],
	parameters?: readonly number[]
): LogSummary {
	const summary = emptyLogSummary(parameters);
	runSteps(foldSteps(summary, inTimeOrder(reviews)));
	return summary;
}

/** The log in time order (a copy; ratings at the same instant keep their order). */
export function inTimeOrder<T extends SummaryReview>(reviews: readonly T[]): T[] {
	return [...reviews].sort((a, b) => a.reviewedAt - b.reviewedAt);
}

/**
 * Every number of the stats page, from the stored rows and the deck (the cards the learner can have,
 * buildDeck, whose topics give the display order), and the FSRS parameters in use (the defaults when
 * absent) for calibration.
 */
export function computeStats(
	rows: StatsRows,
	now: number,
	dayStartHour: number,
	deck: CardDeck,
	parameters?: readonly number[]
): StatsReport {
	const log = digestLogSummary(summarizeLog(rows.reviews, parameters));
	return runSteps(
		computeStatsSteps(
			{ cards: rows.cards, quizAttempts: rows.quizAttempts, log },
			now,
			dayStartHour,
			deck
		)
	);
}

/**
 * The numbers of the stats page from the summed-up log, in steps (see ../steps.ts): one per figure.
 * Over a quarter hour's count each, not a rating each, so that even the log of years is quick.
 */
export function* computeStatsSteps(
	input: StatsInput,
	now: number,
	dayStartHour: number,
	deck: CardDeck
): Steps<StatsReport> {
	const { cards, quizAttempts, log } = input;
	let studiedCards = 0;
	for (const card of cards) if (card.state !== 0) studiedCards++;
	const reviewsPerDay = countReviewsPerDay(log.quarters, now, dayStartHour, 30);
	yield;
	const heatmap = buildHeatmap(log.quarters, now, dayStartHour, 365);
	yield;
	const forecast = forecastDue(cards, now, dayStartHour, 30);
	const mastery = computeMastery(cards, deck);
	const quizScores = listQuizScores(quizAttempts);
	yield;
	const retention = computeTrueRetention(log.retention, now, dayStartHour, [...deck.counts.keys()]);
	yield;
	const streak = computeStreak(log.quarters.times, now, dayStartHour);
	return {
		reviewsPerDay,
		heatmap,
		forecast,
		retention,
		mastery,
		quizScores,
		streak,
		calibration: log.calibration,
		totals: { reviews: log.reviews, cards: cards.length, studiedCards }
	};
}
