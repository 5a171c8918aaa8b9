import type { CardRow } from '../scheduling/card.ts';
import { retrievability } from '../scheduling/fsrs.ts';

/**
 * Retrievability at `now` by item id, for a weak-spots quiz: the lowest of an item's cards (forward
 * and reversed), by the forgetting curve of the learner's parameters (the defaults when absent).
 * Cards never reviewed are left out, so their items count as never seen.
 */
export function retrievabilityByItem(
	cards: readonly CardRow[],
	now: Date,
	parameters?: readonly number[]
): Map<string, number> {
	const byItem = new Map<string, number>();
	for (const card of cards) {
		if (card.state === 0 || card.lastReview === null) continue;
		const r = retrievability(card, now, parameters);
		const known = byItem.get(card.itemId);
		if (known === undefined || r < known) byItem.set(card.itemId, r);
	}
	return byItem;
}
