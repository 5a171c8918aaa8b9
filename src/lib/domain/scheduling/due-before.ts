import { cardTargetFromId, type CardRow, type Rating } from './card';
import { replayCard, type SchedulerOptions } from './fsrs';
import { settingsFromRows } from '../settings';

/** One stored log row, as far as recomputing its due-before needs it. */
export interface LoggedReview {
	id: number;
	cardId: string;
	rating: Rating;
	reviewedAt: number;
}

// What FSRS remembers of a card: the fields a replay must give back for it to be trusted.
const MEMORY_FIELDS = [
	'due',
	'stability',
	'difficulty',
	'state',
	'reps',
	'lapses',
	'learningSteps',
	'scheduledDays',
	'lastReview'
] as const satisfies readonly (keyof CardRow)[];

/** True when two cards have the same due time and memory state (workload fields aside). */
export function hasSameMemoryState(a: CardRow, b: CardRow): boolean {
	return MEMORY_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * The due time each card had before each of its logged ratings, by review id. Each card's log is
 * replayed from a new card (replayCard); where the replay reproduces the stored card (its due time
 * and memory state), every row of that card gets the due time the replay had before it. Where it
 * cannot (no stored card, a rating missing from the log, ratings given under other settings), every
 * row of that card is unknown: null. Used by the schema upgrade and by the import of older backups,
 * whose rows hold the previous review time instead.
 * @example recomputeDueBefore([card], [{ id: 1, cardId: card.id, rating: 3, reviewedAt: t }], options).get(1) // t (a new card is due when first rated)
 */
export function recomputeDueBefore(
	cards: readonly CardRow[],
	reviews: readonly LoggedReview[],
	options: SchedulerOptions
): Map<number, number | null> {
	const logs = new Map<string, LoggedReview[]>();
	for (const review of reviews) {
		const log = logs.get(review.cardId);
		if (log) log.push(review);
		else logs.set(review.cardId, [review]);
	}
	const stored = new Map(cards.map((card) => [card.id, card]));
	const dueBefore = new Map<number, number | null>();
	for (const [cardId, log] of logs) {
		// Ratings at the same moment keep the order they were written in.
		log.sort((a, b) => a.reviewedAt - b.reviewedAt || a.id - b.id);
		const card = stored.get(cardId);
		const replayed = card ? replayCard(cardTargetFromId(cardId), log, options) : undefined;
		const isTrusted =
			card !== undefined && replayed !== undefined && hasSameMemoryState(replayed.card, card);
		log.forEach((review, i) => {
			dueBefore.set(review.id, isTrusted ? (replayed.reviews[i]?.dueBefore ?? null) : null);
		});
	}
	return dueBefore;
}

/**
 * recomputeDueBefore with the options the app rates with: its seeded fuzz and the desired retention
 * stored among `settings` (the default when none is).
 */
export function recomputeStoredDueBefore(rows: {
	cards: readonly CardRow[];
	reviews: readonly LoggedReview[];
	settings: readonly { key: string; value: unknown }[];
}): Map<number, number | null> {
	const { desiredRetention } = settingsFromRows(rows.settings);
	return recomputeDueBefore(rows.cards, rows.reviews, { desiredRetention, enableFuzz: true });
}
