import type { StatsCard } from './types';

/** Cards whose stability reaches this many days count as mastered. */
export const MASTERY_STABILITY_DAYS = 21;

/** How much of one topic is mastered. */
export interface TopicMastery {
	topic: string;
	mastered: number;
	/** Cards of the topic: the bank's count, or the stored cards when there are more of them. */
	total: number;
	/** mastered / total, or null when the topic has no cards. */
	rate: number | null;
}

/**
 * Mastery per topic: the share of a topic's cards whose stability is 21 days or more. Cards not yet
 * studied count as not mastered, so `bankCounts` (cards per topic in the bank) sets the denominator;
 * when more cards are stored (reversed cards, or items since removed) those count instead. Topics
 * follow the order of `bankCounts`, then any other topic found in `cards`.
 */
export function computeMastery(
	cards: readonly Pick<StatsCard, 'topic' | 'stability' | 'state'>[],
	bankCounts: ReadonlyMap<string, number> = new Map()
): TopicMastery[] {
	const stored = new Map<string, { mastered: number; total: number }>();
	for (const card of cards) {
		let entry = stored.get(card.topic);
		if (!entry) {
			entry = { mastered: 0, total: 0 };
			stored.set(card.topic, entry);
		}
		entry.total++;
		if (card.state !== 0 && card.stability >= MASTERY_STABILITY_DAYS) entry.mastered++;
	}
	const extra = [...stored.keys()].filter((t) => !bankCounts.has(t)).sort();
	return [...bankCounts.keys(), ...extra].map((topic) => {
		const { mastered, total: storedTotal } = stored.get(topic) ?? { mastered: 0, total: 0 };
		const total = Math.max(storedTotal, bankCounts.get(topic) ?? 0);
		return { topic, mastered, total, rate: total > 0 ? mastered / total : null };
	});
}
