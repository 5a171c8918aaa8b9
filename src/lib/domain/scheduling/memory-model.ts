// The learner's own memory model: what FSRS training needs from the review log, and how well a set of
// parameters predicts the learner (log loss on held-out reviews, calibration in bins). Pure: the
// training itself runs fsrs-rs (src/lib/domain/scheduling/optimizer.ts), in a worker.
import type { Rating } from './card';
import { runSteps, type Steps } from '../steps';
import { elapsedDaysBetween, nextMemoryState, recallProbability, type MemoryState } from './fsrs';

/** One rating from the log, as the memory model reads it. */
export interface LoggedReview {
	cardId: string;
	rating: Rating;
	reviewedAt: number;
}

/** Anki asks for this many reviews before training its parameters; fewer rarely beat the defaults. */
export const MIN_REVIEWS_TO_TRAIN = 400;

/** The share of reviews, the most recent ones, kept out of training to compare the two models on. */
export const HOLDOUT_SHARE = 0.2;

/**
 * The log in time order (a copy; reviews at the same instant keep their order), which every function
 * here expects.
 */
export function sortByTime<T extends LoggedReview>(reviews: readonly T[]): T[] {
	return [...reviews].sort((a, b) => a.reviewedAt - b.reviewedAt);
}

/** Each card's reviews, in the order given, by position in the whole log. */
function indexByCard(reviews: readonly LoggedReview[]): Map<string, number[]> {
	return runSteps(indexByCardSteps(reviews));
}

/** Reviews indexed between two pauses of `indexByCardSteps`. */
const INDEX_STEP = 5000;

/** `indexByCard` in steps of 5,000 reviews (see ../steps.ts). */
function* indexByCardSteps(reviews: readonly LoggedReview[]): Steps<Map<string, number[]>> {
	const byCard = new Map<string, number[]>();
	for (let i = 0; i < reviews.length; i++) {
		const cardId = reviews[i]!.cardId;
		let list = byCard.get(cardId);
		if (!list) byCard.set(cardId, (list = []));
		list.push(i);
		if ((i + 1) % INDEX_STEP === 0) yield;
	}
	return byCard;
}

/** One review inside a training item: its rating and the days since the card's previous review. */
export interface TrainingReview {
	rating: Rating;
	deltaT: number;
}

/** A card's history up to one review: FSRS learns to predict that last review from the ones before. */
export type TrainingItem = readonly TrainingReview[];

/**
 * The training items of a sorted log, as fsrs-rs builds them from Anki's: for each review that came a
 * day or more after the card's previous one, the card's history up to and including it. The first
 * review of a card has `deltaT` 0; same-day reviews stay in the history (short-term memory). Items
 * are ordered by the time of their last review (fsrs-rs weighs recent items more).
 * @example buildTrainingItems([{ cardId: 'a', rating: 3, reviewedAt: 0 }, { cardId: 'a', rating: 1, reviewedAt: 2 * DAY }]) // [[{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }]]
 */
export function buildTrainingItems(sorted: readonly LoggedReview[]): TrainingItem[] {
	const items: { at: number; item: TrainingItem }[] = [];
	for (const indexes of indexByCard(sorted).values()) {
		const history: TrainingReview[] = [];
		for (let k = 0; k < indexes.length; k++) {
			const review = sorted[indexes[k]!]!;
			const deltaT =
				k === 0 ? 0 : elapsedDaysBetween(sorted[indexes[k - 1]!]!.reviewedAt, review.reviewedAt);
			history.push({ rating: review.rating, deltaT });
			if (k > 0 && deltaT > 0) items.push({ at: indexes[k]!, item: history.slice() });
		}
	}
	return items.sort((a, b) => a.at - b.at).map(({ item }) => item);
}

/** Training items as the three flat arrays fsrs-browser's `computeParameters` takes. */
export interface PackedItems {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

/** Flattens training items into ratings, day gaps and the length of each item. */
export function packTrainingItems(items: readonly TrainingItem[]): PackedItems {
	const total = items.reduce((sum, item) => sum + item.length, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let at = 0;
	items.forEach((item, i) => {
		lengths[i] = item.length;
		for (const review of item) {
			ratings[at] = review.rating;
			deltaTs[at] = review.deltaT;
			at++;
		}
	});
	return { ratings, deltaTs, lengths };
}

/**
 * For each review of a sorted log, the probability of recall the model with these parameters gave
 * just before it, or undefined where FSRS makes no long-term prediction: a card's first review and
 * reviews on the same day as the card's previous one. Each card's memory is carried through all its
 * reviews, same-day ones included.
 */
export function predictRecall(
	sorted: readonly LoggedReview[],
	parameters?: readonly number[]
): (number | undefined)[] {
	return runSteps(predictRecallSteps(sorted, parameters));
}

/** `predictRecall` in steps of one card each (see ../steps.ts). */
export function* predictRecallSteps(
	sorted: readonly LoggedReview[],
	parameters?: readonly number[]
): Steps<(number | undefined)[]> {
	const predictions: (number | undefined)[] = new Array(sorted.length).fill(undefined);
	const byCard = yield* indexByCardSteps(sorted);
	for (const indexes of byCard.values()) {
		let state: MemoryState | undefined;
		let last = 0;
		for (const index of indexes) {
			const review = sorted[index]!;
			const days = state ? elapsedDaysBetween(last, review.reviewedAt) : 0;
			if (state && days > 0) {
				predictions[index] = recallProbability(days, state.stability, parameters);
			}
			state = nextMemoryState(state, days, review.rating, parameters);
			last = review.reviewedAt;
		}
		yield;
	}
	return predictions;
}

/** Probabilities are kept this far from 0 and 1, so that one confident miss cannot make the loss infinite. */
const EPSILON = 1e-6;

/**
 * The log loss (binary cross-entropy) of predictions against what happened: the mean of −ln p over
 * reviews recalled (not rated Again) and −ln(1 − p) over reviews forgotten. Lower is better; reviews
 * without a prediction are skipped. Returns the loss and how many reviews it was taken over.
 * @example logLoss([{ rating: 3 } as LoggedReview], [0.9]) // { loss: 0.105…, count: 1 }
 */
export function logLoss(
	reviews: readonly Pick<LoggedReview, 'rating'>[],
	predictions: readonly (number | undefined)[],
	from = 0
): { loss: number; count: number } {
	let sum = 0;
	let count = 0;
	for (let i = from; i < reviews.length; i++) {
		const p = predictions[i];
		if (p === undefined) continue;
		const clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
		sum -= reviews[i]!.rating > 1 ? Math.log(clamped) : Math.log(1 - clamped);
		count++;
	}
	return { loss: count ? sum / count : 0, count };
}

/** Where a sorted log is cut: reviews before `index` train, reviews from it on are held out. */
export function holdoutStart(reviewCount: number, share = HOLDOUT_SHARE): number {
	return reviewCount - Math.round(reviewCount * share);
}

/** How two parameter sets predict the held-out reviews. */
export interface Comparison {
	/** Log loss with FSRS's default parameters. */
	defaults: number;
	/** Log loss with the trained parameters. */
	trained: number;
	/** The held-out reviews the two were compared on (long-term ones only). */
	count: number;
}

/**
 * Compares the defaults with trained parameters on the held-out reviews of a sorted log (from
 * `start` on), each predicting from the card's whole history before the review.
 */
export function compareOnHoldout(
	sorted: readonly LoggedReview[],
	start: number,
	trained: readonly number[]
): Comparison {
	const defaults = logLoss(sorted, predictRecall(sorted), start);
	const own = logLoss(sorted, predictRecall(sorted, trained), start);
	return { defaults: defaults.loss, trained: own.loss, count: own.count };
}

/** One bin of predicted recall: how many reviews fell in it, the mean prediction and the share recalled. */
export interface CalibrationBin {
	/** The bin's range of predicted recall, from 0 to 1. */
	from: number;
	to: number;
	count: number;
	predicted: number;
	actual: number;
}

/**
 * Calibration: the long-term reviews of a sorted log grouped by the recall the model predicted
 * (bins of 10 points: 0–10 %, … 90–100 %), with the mean prediction and the share actually recalled
 * in each. A well-calibrated model has the two close in every bin. Empty bins are left out.
 */
export function calibrate(
	sorted: readonly LoggedReview[],
	parameters?: readonly number[],
	binCount = 10
): CalibrationBin[] {
	return runSteps(calibrateSteps(sorted, parameters, binCount));
}

/** `calibrate` in steps of one card each (see ../steps.ts). */
export function* calibrateSteps(
	sorted: readonly LoggedReview[],
	parameters?: readonly number[],
	binCount = 10
): Steps<CalibrationBin[]> {
	const predictions = yield* predictRecallSteps(sorted, parameters);
	const bins = Array.from({ length: binCount }, (_, i) => ({
		from: i / binCount,
		to: (i + 1) / binCount,
		count: 0,
		predictedSum: 0,
		recalled: 0
	}));
	predictions.forEach((p, i) => {
		if (p === undefined) return;
		const bin = bins[Math.min(binCount - 1, Math.floor(p * binCount))]!;
		bin.count++;
		bin.predictedSum += p;
		if (sorted[i]!.rating > 1) bin.recalled++;
	});
	return bins
		.filter((bin) => bin.count > 0)
		.map(({ from, to, count, predictedSum, recalled }) => ({
			from,
			to,
			count,
			predicted: predictedSum / count,
			actual: recalled / count
		}));
}
