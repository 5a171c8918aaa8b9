// The one place that imports ts-fsrs. Its shapes (snake_case, Date objects, enums) are converted to
// our rows (camelCase, epoch ms, 0-3 numbers) here, so nothing else depends on the library.
import {
	S_MAX,
	S_MIN,
	default_maximum_interval,
	fsrs,
	type Card,
	type FSRS,
	type Grade,
	type RecordLogItem,
	type TSeedStrategy,
	State,
	StrategyMode
} from 'ts-fsrs';
import { sameTimeDaysLater } from '../day';
import type { CardRow, CardState, CardTarget, Rating, ReviewFields } from './card';

import { DEFAULT_PARAMETERS } from './parameters';

export {
	DEFAULT_PARAMETERS,
	MEMORY_LIMITS,
	PARAMETER_BOUNDS,
	PARAMETER_COUNT,
	isValidParameters
} from './parameters';

/** A card lapsing this many times becomes a leech and is suspended (Anki's default). */
export const LEECH_LAPSES = 8;

/** What the scheduler needs from Settings; fuzz is on in the app and off in tests. */
export interface SchedulerOptions {
	desiredRetention: number;
	enableFuzz: boolean;
	/** The learner's own FSRS parameters (21 numbers); FSRS's defaults when absent. */
	parameters?: readonly number[];
}

/** The result of one rating: the card after it, its log row, and whether it just became a leech. */
export interface ScheduledReview {
	card: CardRow;
	review: ReviewFields;
	isNewLeech: boolean;
}

// Seed the fuzz with the card id and its repetition count, so that the interval a button shows is
// the one the rating then gives (ts-fsrs's default seed includes the review time, which moves).
const seedFromCardId: TSeedStrategy = function () {
	const current = (this as unknown as { current: Card & { cardId?: string } }).current;
	return `${current.cardId ?? ''}#${current.reps}`;
};

const schedulers = new Map<string, FSRS>();

function schedulerFor(options: SchedulerOptions): FSRS {
	const key = `${options.desiredRetention}|${options.enableFuzz}|${options.parameters?.join(',') ?? ''}`;
	let scheduler = schedulers.get(key);
	if (!scheduler) {
		scheduler = fsrs({
			request_retention: options.desiredRetention,
			enable_fuzz: options.enableFuzz,
			enable_short_term: true,
			...(options.parameters ? { w: [...options.parameters] } : {})
		}).useStrategy(StrategyMode.SEED, seedFromCardId);
		schedulers.set(key, scheduler);
	}
	return scheduler;
}

/** A card nobody has studied yet: new, due now, with no memory state. */
export function newCardRow(target: CardTarget, now: Date): CardRow {
	return {
		id: target.cardId,
		itemId: target.itemId,
		topic: target.topic,
		due: now.getTime(),
		stability: 0,
		difficulty: 0,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		state: 0,
		lastReview: null,
		suspended: 0,
		leech: 0,
		buriedUntil: 0
	};
}

/** Converts our card row to the card ts-fsrs expects (with the card id, which seeds the fuzz). */
export function toFsrsCard(row: CardRow): Card & { cardId: string } {
	return {
		cardId: row.id,
		due: new Date(row.due),
		stability: row.stability,
		difficulty: row.difficulty,
		elapsed_days: row.elapsedDays,
		scheduled_days: row.scheduledDays,
		learning_steps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state as State,
		...(row.lastReview === null ? {} : { last_review: new Date(row.lastReview) })
	};
}

/**
 * Converts a ts-fsrs card back to our row, keeping the workload fields (suspended, leech, buried) of
 * `base`. `learning_steps` is kept: without it a learning card never leaves its first step.
 */
export function toCardRow(card: Card, base: CardRow): CardRow {
	return {
		...base,
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as CardState,
		lastReview: card.last_review ? card.last_review.getTime() : null
	};
}

// ts-fsrs's `log.due` is the card's last review time, not its due time: the due time before the
// rating comes from the card as it was.
function toReviewFields(item: RecordLogItem, before: CardRow, rating: Rating): ReviewFields {
	return {
		cardId: before.id,
		rating,
		stateBefore: item.log.state as CardState,
		dueBefore: before.due,
		stability: item.card.stability,
		difficulty: item.card.difficulty,
		elapsedDays: item.log.elapsed_days,
		scheduledDays: item.log.scheduled_days,
		reviewedAt: item.log.review.getTime()
	};
}

/**
 * When a rated card falls due. ts-fsrs puts a card due in n days at n × 24 hours after the rating;
 * where the clocks change in between that is an hour off the time of day, which near the day start
 * moves the card to the study day before or after. So a card due in days is due at the same time
 * of day n calendar days later; a learning step (minutes) stays as ts-fsrs gives it.
 */
function dueTimeOf(card: Card, now: Date): number {
	return card.scheduled_days >= 1
		? sameTimeDaysLater(now.getTime(), card.scheduled_days)
		: card.due.getTime();
}

/**
 * Applies one rating to a card (a missing card is a new one) at `now`: the card after it, its log
 * row, and whether it just became a leech (then it is suspended). A burial ends with the rating.
 * @example scheduleReview(undefined, target, 3, now, { desiredRetention: 0.9, enableFuzz: false }).card.state // 1 (learning)
 */
export function scheduleReview(
	card: CardRow | undefined,
	target: CardTarget,
	rating: Rating,
	now: Date,
	options: SchedulerOptions
): ScheduledReview {
	const before = card ?? newCardRow(target, now);
	const result = schedulerFor(options).next(toFsrsCard(before), now, rating as Grade);
	const after = {
		...toCardRow(result.card, { ...before, buriedUntil: 0 }),
		due: dueTimeOf(result.card, now)
	};
	const lapsed = after.lapses > before.lapses;
	const isNewLeech =
		lapsed &&
		after.lapses >= LEECH_LAPSES &&
		(after.lapses - LEECH_LAPSES) % (LEECH_LAPSES / 2) === 0;
	if (isNewLeech) {
		after.leech = 1;
		after.suspended = 1;
	}
	return { card: after, review: toReviewFields(result, before, rating), isNewLeech };
}

/** What each rating would give the card at `now`: its due time and its interval in days (0 in learning). */
function previewRatings(
	card: CardRow | undefined,
	target: CardTarget,
	now: Date,
	options: SchedulerOptions
): Record<Rating, { due: number; days: number }> {
	const before = card ?? newCardRow(target, now);
	const preview = schedulerFor(options).repeat(toFsrsCard(before), now);
	const of = (rating: Rating) => ({
		due: dueTimeOf(preview[rating].card, now),
		days: preview[rating].card.scheduled_days
	});
	return { 1: of(1), 2: of(2), 3: of(3), 4: of(4) };
}

/**
 * The due time (epoch ms) each rating would give the card at `now`, without changing anything.
 */
export function previewDue(
	card: CardRow | undefined,
	target: CardTarget,
	now: Date,
	options: SchedulerOptions
): Record<Rating, number> {
	const preview = previewRatings(card, target, now, options);
	return { 1: preview[1].due, 2: preview[2].due, 3: preview[3].due, 4: preview[4].due };
}

/**
 * The interval label each rating would give, as the rating buttons show it: in days for a card due
 * in days (calendar days, whatever the clocks do in between), else in minutes or hours.
 * @example previewIntervals(undefined, target, now, { desiredRetention: 0.9, enableFuzz: false }) // { 1: '1m', 2: '6m', 3: '10m', 4: '8d' }
 */
export function previewIntervals(
	card: CardRow | undefined,
	target: CardTarget,
	now: Date,
	options: SchedulerOptions
): Record<Rating, string> {
	const preview = previewRatings(card, target, now, options);
	const label = (rating: Rating) => {
		const { due, days } = preview[rating];
		return days >= 1 ? formatDays(days) : formatInterval(due - now.getTime());
	};
	return { 1: label(1), 2: label(2), 3: label(3), 4: label(4) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short label for a length of time, as Anki shows intervals: minutes, hours, days, weeks, months, years.
 * @example formatInterval(14 * 86_400_000) // '2w'
 */
export function formatInterval(ms: number): string {
	const span = Math.max(ms, 0);
	if (span < HOUR) return `${Math.max(1, Math.round(span / MINUTE))}m`;
	if (span < DAY) return `${Math.round(span / HOUR)}h`;
	return formatDays(Math.round(span / DAY));
}

/**
 * A short label for a number of days, as Anki shows intervals: days, weeks, months, years.
 * @example formatDays(45) // '6w'
 */
export function formatDays(days: number): string {
	if (days < 14) return `${days}d`;
	if (days < 60) return `${Math.round(days / 7)}w`;
	if (days < 365) return `${Math.round(days / 30)}mo`;
	const years = Math.round((days / 365) * 10) / 10;
	return `${years}y`;
}

/**
 * The probability (0-1) that the card is recalled at `now` by the FSRS forgetting curve of the given
 * parameters (the defaults when absent); 0 for a new card. The quiz uses it to find weak spots.
 */
export function retrievability(card: CardRow, now: Date, parameters?: readonly number[]): number {
	if (card.state === 0 || card.lastReview === null) return 0;
	return schedulerFor({
		desiredRetention: 0.9,
		enableFuzz: false,
		...(parameters ? { parameters } : {})
	}).get_retrievability(toFsrsCard(card), now, false);
}

const DAY_MS = 86_400_000;

/**
 * Whole days between two instants as the scheduler counts them (its `elapsed_days`): the number of
 * UTC calendar dates crossed, so a review at 23:59 UTC and one at 00:01 UTC are a day apart. The
 * same as ts-fsrs's `dateDiffInDays` (tested), without building dates: logs are long.
 * @example elapsedDaysBetween(Date.UTC(2026, 0, 1, 23, 59), Date.UTC(2026, 0, 2, 0, 1)) // 1
 */
export function elapsedDaysBetween(from: number, to: number): number {
	return Math.floor(to / DAY_MS) - Math.floor(from / DAY_MS);
}

/** A card's memory in FSRS's model: stability in days, difficulty from 1 to 10. */
export interface MemoryState {
	stability: number;
	difficulty: number;
}

// FSRS-6's memory model, written out from ts-fsrs 5.4.2's FSRSAlgorithm (same formulas, same order
// of operations, same rounding to 8 decimals, so the results are identical: fsrs.test.ts compares
// them step by step). ts-fsrs reads every parameter through a Proxy, which made a pass over 100,000
// reviews take half a second; these functions take a tenth of that.

/** ts-fsrs rounds every model value to 8 decimals. */
function round8(value: number): number {
	return Math.round(value * 100_000_000) / 100_000_000;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}

interface Model {
	w: readonly number[];
	decay: number;
	factor: number;
	/** The initial difficulty of Easy, which every difficulty reverts toward (w7). */
	easyDifficulty: number;
	expW8: number;
	intervalModifiers: Map<number, number>;
}

// Found by the parameters array itself, not a text key: these run in loops over whole logs.
const models = new WeakMap<readonly number[], Model>();

function modelFor(parameters: readonly number[] = DEFAULT_PARAMETERS): Model {
	let model = models.get(parameters);
	if (!model) {
		const decay = -parameters[20]!;
		const factor = round8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
		model = {
			w: parameters,
			decay,
			factor,
			easyDifficulty: initDifficulty(parameters, 4),
			expW8: Math.exp(parameters[8]!),
			intervalModifiers: new Map()
		};
		models.set(parameters, model);
	}
	return model;
}

function initDifficulty(w: readonly number[], rating: Rating): number {
	return round8(w[4]! - Math.exp((rating - 1) * w[5]!) + 1);
}

function curve(model: Model, elapsedDays: number, stability: number): number {
	return round8(Math.pow(1 + (model.factor * elapsedDays) / stability, model.decay));
}

/**
 * One step of FSRS's memory model (no learning steps, no fuzz): the memory state after a rating
 * given `elapsedDays` after the previous one; `undefined` for a card's first rating. The scheduler
 * applies the same step to a card's stability and difficulty.
 */
export function nextMemoryState(
	state: MemoryState | undefined,
	elapsedDays: number,
	rating: Rating,
	parameters?: readonly number[]
): MemoryState {
	const model = modelFor(parameters);
	const w = model.w;
	if (!state || (state.difficulty === 0 && state.stability === 0)) {
		return {
			difficulty: clamp(initDifficulty(w, rating), 1, 10),
			stability: Math.max(w[rating - 1]!, 0.1)
		};
	}
	const { difficulty: d, stability: s } = state;
	const r = curve(model, elapsedDays, s);
	let stability: number;
	if (elapsedDays === 0) {
		// Short-term memory: a review the same day.
		const sinc = Math.pow(s, -w[19]!) * Math.exp(w[17]! * (rating - 3 + w[18]!));
		const masked = rating >= 2 ? Math.max(sinc, 1) : sinc;
		stability = round8(clamp(s * masked, S_MIN, S_MAX));
	} else if (rating === 1) {
		const afterFail = round8(
			clamp(
				w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!),
				S_MIN,
				S_MAX
			)
		);
		stability = clamp(round8(s / Math.exp(w[17]! * w[18]!)), S_MIN, afterFail);
	} else {
		const hardPenalty = rating === 2 ? w[15]! : 1;
		const easyBonus = rating === 4 ? w[16]! : 1;
		stability = round8(
			clamp(
				s *
					(1 +
						model.expW8 *
							(11 - d) *
							Math.pow(s, -w[9]!) *
							(Math.exp((1 - r) * w[10]!) - 1) *
							hardPenalty *
							easyBonus),
				S_MIN,
				S_MAX
			)
		);
	}
	const deltaD = -w[6]! * (rating - 3);
	const nextD = d + round8((deltaD * (10 - d)) / 9);
	const difficulty = clamp(round8(w[7]! * model.easyDifficulty + (1 - w[7]!) * nextD), 1, 10);
	return { difficulty, stability };
}

/**
 * The probability (0-1) of recalling a card `elapsedDays` after its last review, with the given
 * stability: FSRS's forgetting curve for the given parameters.
 * @example recallProbability(10, 10) // 0.9 (stability is the time to fall to 90%)
 */
export function recallProbability(
	elapsedDays: number,
	stability: number,
	parameters?: readonly number[]
): number {
	return curve(modelFor(parameters), elapsedDays, stability);
}

/**
 * The interval in whole days (at least 1) after which recall falls to `desiredRetention`, as FSRS
 * schedules a review card without fuzz.
 */
export function nextIntervalDays(
	stability: number,
	desiredRetention: number,
	parameters?: readonly number[]
): number {
	const model = modelFor(parameters);
	let modifier = model.intervalModifiers.get(desiredRetention);
	if (modifier === undefined) {
		modifier = round8((Math.pow(desiredRetention, 1 / model.decay) - 1) / model.factor);
		model.intervalModifiers.set(desiredRetention, modifier);
	}
	return Math.min(Math.max(1, Math.round(stability * modifier)), default_maximum_interval);
}

/** One rating from a card's log, as a replay needs it. */
export interface LoggedRating {
	rating: Rating;
	reviewedAt: number;
}

/** A card rebuilt from its log: the card after the last rating, and each rating's log fields. */
export interface ReplayedCard {
	card: CardRow;
	reviews: ReviewFields[];
}

/**
 * Rebuilds a card's memory state by applying its logged ratings in time order to a new card, as the
 * app applied them (same scheduler, same seeded fuzz; ratings at the same time keep their order).
 * The workload fields (suspended, leech, buried) are the learner's choices, so they come from
 * `workload` when given; without it, the card is unburied and suspended only when the replayed
 * lapses made it a leech. Returns undefined for an empty log. Used to repair a damaged card, to merge
 * two cards' logs, and to move every card to new parameters.
 * @example replayCard(target, [{ rating: 3, reviewedAt: t }], options)?.card.state // 1 (learning)
 */
export function replayCard(
	target: CardTarget,
	log: readonly LoggedRating[],
	options: SchedulerOptions,
	workload?: Pick<CardRow, 'suspended' | 'leech' | 'buriedUntil'>
): ReplayedCard | undefined {
	const ordered = [...log].sort((a, b) => a.reviewedAt - b.reviewedAt);
	let card: CardRow | undefined;
	const reviews: ReviewFields[] = [];
	for (const { rating, reviewedAt } of ordered) {
		const result = scheduleReview(card, target, rating, new Date(reviewedAt), options);
		card = result.card;
		reviews.push(result.review);
	}
	if (!card) return undefined;
	return { card: workload ? { ...card, ...workload } : card, reviews };
}
