import type { Item, Source } from '../bank/schema';
import { REVERSE_SUFFIX, type CardTarget } from './card';

/** What a flashcard shows: the front, then on the back the answer, explanation and sources. */
export interface CardFace {
	/** A short line above the front that says what is asked (for a reversed card). */
	cue: string;
	front: string;
	answer: string;
	explanation: string;
	sources: readonly Source[];
	asOf: string | undefined;
	/** A membership card's state (its map id): the back shows it on the map. */
	mapState?: string;
}

// A reversed card asks for the question from its answer. That makes sense only when the answer
// names one thing (a city, a body, a treaty …); a year, a date or a number could answer many
// questions, and sets, timelines, pairs and statements have no single answer to start from.
const NON_REVERSIBLE_CATEGORIES = new Set(['year', 'date', 'number']);

/** What decides an item's cards: its id, topic, kind and (for qa) category; no text is needed. */
export type CardSource = Pick<Item, 'id' | 'topic' | 'kind'> & { category?: string };

/** True when an item gets a reversed card (with the setting on): a qa item whose answer names one thing. */
export function isReversible(item: CardSource): boolean {
	return item.kind === 'qa' && !NON_REVERSIBLE_CATEGORIES.has(item.category ?? '');
}

/**
 * The cards of one item, forward first: its reversed card is included only when `reverseCards` is on
 * and the item reverses sensibly.
 * @example cardTargetsFor(qaAboutACity, true).map((t) => t.cardId) // ['structure/hq', 'structure/hq:reverse']
 */
export function cardTargetsFor(item: CardSource, reverseCards: boolean): CardTarget[] {
	const forward = { cardId: item.id, itemId: item.id, topic: item.topic };
	if (!reverseCards || !isReversible(item)) return [forward];
	return [forward, { ...forward, cardId: item.id + REVERSE_SUFFIX }];
}

/** The cards the learner can have: how many each topic has (topics in bank order), and their ids. */
export interface CardDeck {
	counts: ReadonlyMap<string, number>;
	cardIds: ReadonlySet<string>;
}

/**
 * The cards the bank's items can have (cardTargetsFor): with reversed cards on, only reversible
 * items add a second card. Every "out of all cards" figure counts these, never the stored rows,
 * which may hold reversed cards from before the setting was turned off or items since removed.
 * @example buildDeck([qaAboutACity, qaAboutAYear], true).counts // Map { 'structure' => 3 }
 */
export function buildDeck(items: readonly CardSource[], reverseCards: boolean): CardDeck {
	const counts = new Map<string, number>();
	const cardIds = new Set<string>();
	for (const item of items) {
		for (const target of cardTargetsFor(item, reverseCards)) {
			counts.set(target.topic, (counts.get(target.topic) ?? 0) + 1);
			cardIds.add(target.cardId);
		}
	}
	return { counts, cardIds };
}

/** The front and back of a card: a forward card asks the prompt; a reversed card shows the answer and asks for the question. */
export function cardFace(item: Item, reversed: boolean): CardFace {
	const back = {
		explanation: item.explanation,
		sources: item.sources,
		asOf: item.asOf,
		...(item.kind === 'membership' ? { mapState: item.state } : {})
	};
	if (reversed) {
		return {
			cue: 'What question has this answer?',
			front: item.answer,
			answer: item.prompt,
			...back
		};
	}
	return { cue: '', front: item.prompt, answer: item.answer, ...back };
}
