import { normalizeAnswer } from '../text.ts';
import type { Item } from './schema.ts';

/** All the text of an item that a learner might search for, folded for matching. */
export function searchableText(item: Item): string {
	const parts: string[] = [item.id, item.prompt, item.answer, item.explanation, ...item.tags];
	if (item.changed) parts.push(item.changed);
	switch (item.kind) {
		case 'qa':
			parts.push(...item.accept);
			break;
		case 'set':
			parts.push(item.label, ...item.members);
			break;
		case 'timeline':
			for (const event of item.events) parts.push(event.text, event.date);
			break;
		case 'pairs':
			for (const pair of item.pairs) parts.push(pair.left, pair.right);
			break;
		case 'statement':
			parts.push(item.truth);
			break;
		case 'membership':
			break;
	}
	return normalizeAnswer(parts.join(' '));
}

/**
 * The items whose text contains every word of the query (case, accents and punctuation ignored),
 * in bank order; an empty query matches everything.
 * @example searchItems(items, 'Chisinau charter') // items mentioning both "Chișinău" and "Charter"
 */
export function searchItems<T extends Item>(
	items: readonly T[],
	query: string,
	index: ReadonlyMap<string, string> = new Map()
): T[] {
	const words = normalizeAnswer(query).split(' ').filter(Boolean);
	if (words.length === 0) return items.slice();
	return items.filter((item) => {
		const text = index.get(item.id) ?? searchableText(item);
		return words.every((word) => text.includes(word));
	});
}
