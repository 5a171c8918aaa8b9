import type { CardDeck } from '../scheduling/face';
import type { Rating } from '../scheduling/card';
import { calibrateSteps, sortByTime, type CalibrationBin } from '../scheduling/memory-model';
import { runSteps, type Steps } from '../steps';
import { forecastDue } from './forecast';
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

/** What the stats are computed from. */
export interface StatsInput {
	cards: readonly StatsCard[];
	reviews: readonly StatsReview[];
	quizAttempts: readonly StatsQuizAttempt[];
}

/**
 * Every number of the stats page, from the stored rows and the deck (the cards the learner can have,
 * buildDeck, whose topics give the display order), and the FSRS parameters in use (the defaults when
 * absent) for calibration.
 */
export function computeStats(
	input: StatsInput,
	now: number,
	dayStartHour: number,
	deck: CardDeck,
	parameters?: readonly number[]
): StatsReport {
	return runSteps(computeStatsSteps(input, now, dayStartHour, deck, parameters));
}

/**
 * `computeStats` in steps (see ../steps.ts): one per figure, and one per card for calibration, which
 * replays every card's memory and is most of the work (about 200 ms for 100,000 ratings here).
 */
export function* computeStatsSteps(
	input: StatsInput,
	now: number,
	dayStartHour: number,
	deck: CardDeck,
	parameters?: readonly number[]
): Steps<StatsReport> {
	const { cards, reviews, quizAttempts } = input;
	let studiedCards = 0;
	for (const card of cards) if (card.state !== 0) studiedCards++;
	const reviewsPerDay = countReviewsPerDay(reviews, now, dayStartHour, 30);
	yield;
	const heatmap = buildHeatmap(reviews, now, dayStartHour, 365);
	yield;
	const forecast = forecastDue(cards, now, dayStartHour, 30);
	const mastery = computeMastery(cards, deck);
	const quizScores = listQuizScores(quizAttempts);
	yield;
	const retention = computeTrueRetention(reviews, now, dayStartHour, [...deck.counts.keys()]);
	yield;
	const streak = computeStreak(
		reviews.map((review) => review.reviewedAt),
		now,
		dayStartHour
	);
	yield;
	const sorted = sortByTime(
		reviews.map(({ cardId, rating, reviewedAt }) => ({
			cardId,
			rating: rating as Rating,
			reviewedAt
		}))
	);
	yield;
	const calibration = yield* calibrateSteps(sorted, parameters);
	return {
		reviewsPerDay,
		heatmap,
		forecast,
		retention,
		mastery,
		quizScores,
		streak,
		calibration,
		totals: { reviews: reviews.length, cards: cards.length, studiedCards }
	};
}
