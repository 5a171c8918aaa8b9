import type { Item, MapState } from '../domain/bank/schema.ts';
import { searchableText } from '../domain/bank/search.ts';
import { normalizeAnswer } from '../domain/text.ts';

/** One bank item as a state's card lists it. */
export interface ItemLink {
	id: string;
	prompt: string;
}

/** The items about one state: the first few to list, and how many there are in all. */
export interface AboutState {
	count: number;
	items: ItemLink[];
}

/** How many items a state's card lists; Browse shows the rest. */
export const ABOUT_LIMIT = 6;

/**
 * The bank items that name each state on the map (in bank order, the state's own membership item
 * first), so that a state's card can link to them without the page loading the whole bank.
 * @example aboutStates(items, states).uzbekistan.items[0] // { id: 'members/periods-uzbekistan', prompt: '…' }
 */
export function aboutStates(
	items: readonly Item[],
	states: readonly Pick<MapState, 'id' | 'name'>[]
): Record<string, AboutState> {
	const texts = items.map((item) => ({ item, text: ` ${searchableText(item)} ` }));
	const about: Record<string, AboutState> = {};
	for (const state of states) {
		const word = ` ${normalizeAnswer(state.name)} `;
		const found = texts
			.filter(({ text }) => text.includes(word))
			.map(({ item }) => item)
			.sort((a, b) => Number(isOwn(b, state.id)) - Number(isOwn(a, state.id)));
		about[state.id] = {
			count: found.length,
			items: found.slice(0, ABOUT_LIMIT).map((item) => ({ id: item.id, prompt: item.prompt }))
		};
	}
	return about;
}

function isOwn(item: Item, stateId: string): boolean {
	return item.kind === 'membership' && item.state === stateId;
}
