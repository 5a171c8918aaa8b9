// Rebuilding a card's memory state from its review log, for when two cards become one (a merged
// question keeps the progress of both). Pure: the log and the scheduler options come in, a row goes out.
import type { CardRow, CardTarget } from './card';
import { replayCard, type LoggedRating, type SchedulerOptions } from './fsrs';

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
	const replayed = log.length >= repetitions ? replayCard(target, log, options)?.card : undefined;
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
