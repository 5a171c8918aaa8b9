// Rebuilding a card's memory state from its review log, for when two cards become one (a merged
// question keeps the progress of both). Pure: the log and the scheduler options come in, a row goes out.
import type { CardRow, CardTarget, Rating } from './card';
import { scheduleReview, type SchedulerOptions } from './fsrs';

/** What a replay needs from one log row: which rating and when. */
export interface LoggedRating {
	rating: Rating;
	reviewedAt: number;
}

/**
 * Replays a review log from a new card, in time order (rows at the same time keep their order), and
 * returns the card it leads to; undefined for an empty log. With the options the ratings were given
 * under, this is exactly the stored card (the fuzz is seeded by the card id and its repetition count).
 * Suspension and burial are not in the log: the result is unsuspended and unburied unless the
 * replayed lapses made it a leech.
 * @example replayReviews(target, [{ rating: 3, reviewedAt: t }], options)?.reps // 1
 */
export function replayReviews(
	target: CardTarget,
	log: readonly LoggedRating[],
	options: SchedulerOptions
): CardRow | undefined {
	const ordered = log
		.map((row, index) => ({ row, index }))
		.sort((a, b) => a.row.reviewedAt - b.row.reviewedAt || a.index - b.index);
	let card: CardRow | undefined;
	for (const { row } of ordered) {
		card = scheduleReview(card, target, row.rating, new Date(row.reviewedAt), options).card;
	}
	return card;
}

/**
 * One card for `target` from several stored cards of the same question (an old id and the id it
 * was merged into) and their joined log. When the log holds every repetition of every card, the
 * memory state is the replay of the joined log; otherwise (rows missing, as after a partial import)
 * the most recently reviewed card is kept as it was, so nothing is made up. Either way the card gets
 * the target's id, question and topic, and stays suspended, a leech or buried if any of the cards was.
 */
export function mergeCardRows(
	target: CardTarget,
	cards: readonly CardRow[],
	log: readonly LoggedRating[],
	options: SchedulerOptions
): CardRow {
	if (cards.length === 0) throw new RangeError('mergeCardRows needs at least one card');
	const repetitions = cards.reduce((sum, card) => sum + card.reps, 0);
	const replayed = log.length >= repetitions ? replayReviews(target, log, options) : undefined;
	const latest = cards.reduce((best, card) =>
		(card.lastReview ?? -Infinity) > (best.lastReview ?? -Infinity) ? card : best
	);
	const memory = replayed ?? latest;
	return {
		...memory,
		id: target.cardId,
		itemId: target.itemId,
		topic: target.topic,
		suspended: cards.some((c) => c.suspended === 1) || memory.suspended === 1 ? 1 : 0,
		leech: cards.some((c) => c.leech === 1) || memory.leech === 1 ? 1 : 0,
		buriedUntil: Math.max(memory.buriedUntil, ...cards.map((c) => c.buriedUntil))
	};
}
