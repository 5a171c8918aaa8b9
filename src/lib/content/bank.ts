import raw from 'virtual:csto-bank';
import { deepFreeze } from '../domain/freeze';
import type { Bank, Item, Topic } from '../domain/bank/schema';

/** The question bank, validated at build time and frozen. */
export const BANK: Bank = deepFreeze(raw);

/** Items by id, for looking up what a stored card points at. */
export const ITEMS_BY_ID: ReadonlyMap<string, Item> = new Map(
	BANK.items.map((item) => [item.id, item])
);

/** The title of a topic. */
export function topicTitle(topic: Topic): string {
	return BANK.topics.find((t) => t.id === topic)?.title ?? topic;
}
