// Moving a learner's progress from retired question ids to the ids that replaced them. Used by the
// database upgrade and by backup import, so that both treat old ids the same way.
import { renameCardId, type IdRenames } from '../bank/renames';
import { cardTargetFromId, type CardRow } from './card';
import type { SchedulerOptions } from './fsrs';
import type { LoggedRating } from './fsrs';
import { mergeCardRows } from './replay';

/** A log row as far as a rename needs it: its card, rating and time (other fields are kept). */
export type RenamableReview = LoggedRating & { cardId: string };

/** Cards and log rows after a rename, and the card ids that no longer exist. */
export interface RenamedProgress<R extends RenamableReview> {
	cards: CardRow[];
	reviews: R[];
	/** Old card ids whose rows were moved or merged away (to delete where rows are stored). */
	removedCardIds: string[];
}

/**
 * Moves cards and log rows of renamed questions (reversed cards included) to the new ids. A card whose
 * new id has no card yet is moved as it is; where cards meet on one id they become one card whose
 * memory state is the replay of their joined log (see mergeCardRows). Every log row is kept, with its
 * card id changed where its card moved; rows and cards of other questions are returned unchanged.
 * @example renameProgress({ cards: [oldCard], reviews: [oldRow] }, { 'a/old': 'a/new' }, options).cards[0].id // 'a/new'
 */
export function renameProgress<R extends RenamableReview>(
	rows: { cards: readonly CardRow[]; reviews: readonly R[] },
	renames: IdRenames,
	options: SchedulerOptions
): RenamedProgress<R> {
	const reviews = rows.reviews.map((review) => {
		const cardId = renameCardId(review.cardId, renames);
		return cardId === undefined ? review : { ...review, cardId };
	});
	const byTarget = new Map<string, CardRow[]>();
	const removedCardIds: string[] = [];
	for (const card of rows.cards) {
		const renamed = renameCardId(card.id, renames);
		if (renamed !== undefined) removedCardIds.push(card.id);
		const cardId = renamed ?? card.id;
		byTarget.set(cardId, [...(byTarget.get(cardId) ?? []), card]);
	}
	const cards: CardRow[] = [];
	for (const [cardId, group] of byTarget) {
		const target = cardTargetFromId(cardId);
		if (group.length === 1) {
			const [card] = group as [CardRow];
			cards.push(
				card.id === cardId
					? card
					: { ...card, id: cardId, itemId: target.itemId, topic: target.topic }
			);
		} else {
			const log = reviews.filter((review) => review.cardId === cardId);
			cards.push(mergeCardRows(target, group, log, options));
		}
	}
	return { cards, reviews, removedCardIds };
}
