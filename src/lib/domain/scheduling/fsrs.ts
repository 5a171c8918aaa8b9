// The one place that imports ts-fsrs. Its shapes (snake_case, Date objects, enums) are converted to
// our rows (camelCase, epoch ms, 0-3 numbers) here, so nothing else depends on the library.
import {
	fsrs,
	type Card,
	type FSRS,
	type Grade,
	type RecordLogItem,
	type TSeedStrategy,
	S_MAX,
	S_MIN,
	State,
	StrategyMode
} from 'ts-fsrs';
import type { CardRow, CardState, CardTarget, Rating, ReviewFields } from './card';

/** The four ratings in button order. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** The button label of each rating. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
	1: 'Again',
	2: 'Hard',
	3: 'Good',
	4: 'Easy'
};

/** The memory state FSRS accepts for a studied card: stability in days, and difficulty. */
export const MEMORY_LIMITS = {
	minStability: S_MIN,
	maxStability: S_MAX,
	minDifficulty: 1,
	maxDifficulty: 10
} as const;

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
	const after = toCardRow(result.card, { ...before, buriedUntil: 0 });
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

/**
 * The due time (epoch ms) each rating would give the card at `now`, without changing anything.
 */
export function previewDue(
	card: CardRow | undefined,
	target: CardTarget,
	now: Date,
	options: SchedulerOptions
): Record<Rating, number> {
	const before = card ?? newCardRow(target, now);
	const preview = schedulerFor(options).repeat(toFsrsCard(before), now);
	return {
		1: preview[1].card.due.getTime(),
		2: preview[2].card.due.getTime(),
		3: preview[3].card.due.getTime(),
		4: preview[4].card.due.getTime()
	};
}

/**
 * The interval label each rating would give, as the rating buttons show it.
 * @example previewIntervals(undefined, target, now, { desiredRetention: 0.9, enableFuzz: false }) // { 1: '1m', 2: '6m', 3: '10m', 4: '8d' }
 */
export function previewIntervals(
	card: CardRow | undefined,
	target: CardTarget,
	now: Date,
	options: SchedulerOptions
): Record<Rating, string> {
	const due = previewDue(card, target, now, options);
	const at = now.getTime();
	return {
		1: formatInterval(due[1] - at),
		2: formatInterval(due[2] - at),
		3: formatInterval(due[3] - at),
		4: formatInterval(due[4] - at)
	};
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
	const days = Math.round(span / DAY);
	if (days < 14) return `${days}d`;
	if (days < 60) return `${Math.round(days / 7)}w`;
	if (days < 365) return `${Math.round(days / 30)}mo`;
	const years = Math.round((days / 365) * 10) / 10;
	return `${years}y`;
}

const readonlyScheduler = fsrs({ enable_short_term: true });

/**
 * The probability (0-1) that the card is recalled at `now` by the FSRS forgetting curve; 0 for a
 * new card. The quiz uses it to find weak spots.
 */
export function retrievability(card: CardRow, now: Date): number {
	if (card.state === 0 || card.lastReview === null) return 0;
	return readonlyScheduler.get_retrievability(toFsrsCard(card), now, false);
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
 * app applied them (same scheduler, same seeded fuzz). The workload fields (suspended, leech, buried)
 * are the learner's choices, not the log's: they come from `workload` (none when absent). Returns
 * undefined for an empty log. Used to repair a damaged card, to merge two cards' logs, and to move
 * every card to new parameters.
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
	return {
		card: {
			...card,
			suspended: workload?.suspended ?? 0,
			leech: workload?.leech ?? 0,
			buriedUntil: workload?.buriedUntil ?? 0
		},
		reviews
	};
}
