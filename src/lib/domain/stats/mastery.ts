import type { CardDeck } from '../scheduling/face';
import type { StatsCard } from './types';

/** Cards whose stability reaches this many days count as mastered. */
export const MASTERY_STABILITY_DAYS = 21;

/** How much of one topic is mastered. */
export interface TopicMastery {
	topic: string;
	mastered: number;
	/** The cards the topic can have (buildDeck): one per item, plus reversed cards when they are on. */
	total: number;
	/** mastered / total, or null when the topic has no cards. */
	rate: number | null;
}

/**
 * Mastery per topic of the deck: the share of the cards the topic can have whose stability is 21
 * days or more. Cards not yet studied count as not mastered; stored cards outside the deck (reversed
 * cards while the setting is off, items since removed) do not count, so that mastering every card
 * gives 100 %. Topics follow the deck's order.
 */
export function computeMastery(
	cards: readonly Pick<StatsCard, 'id' | 'topic' | 'stability' | 'state'>[],
	deck: CardDeck
): TopicMastery[] {
	const mastered = new Map<string, number>();
	for (const card of cards) {
		if (!deck.cardIds.has(card.id)) continue;
		if (card.state !== 0 && card.stability >= MASTERY_STABILITY_DAYS) {
			mastered.set(card.topic, (mastered.get(card.topic) ?? 0) + 1);
		}
	}
	return [...deck.counts].map(([topic, total]) => {
		const count = mastered.get(topic) ?? 0;
		return { topic, mastered: count, total, rate: total > 0 ? count / total : null };
	});
}
