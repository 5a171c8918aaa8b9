// The card and log shapes the scheduler works with. The `cards` table of src/lib/data/db.ts stores
// CardRow as it is; src/lib/data/cards.ts checks at compile time that the log fields fit ReviewRow.

/** The FSRS memory states: 0 new, 1 learning, 2 review, 3 relearning. */
export type CardState = 0 | 1 | 2 | 3;

/** A card's whole memory and workload state, as stored in the `cards` table. */
export interface CardRow {
	id: string;
	itemId: string;
	topic: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardState;
	lastReview: number | null;
	suspended: 0 | 1;
	leech: 0 | 1;
	buriedUntil: number;
}

/** A rating as the app stores it: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** The four ratings in button order. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** The name of each rating, as its button and every explanation of it say it. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
	1: 'Again',
	2: 'Hard',
	3: 'Good',
	4: 'Easy'
};

/** The key that gives each rating once the answer is shown (Anki's keys). */
export const RATING_KEYS: Readonly<Record<Rating, string>> = { 1: '1', 2: '2', 3: '3', 4: '4' };

/**
 * The rating a key gives, or undefined for any other key.
 * @example ratingForKey('3') // 3 (Good)
 */
export function ratingForKey(key: string): Rating | undefined {
	return RATINGS.find((rating) => RATING_KEYS[rating] === key);
}

/** The log fields one rating produces; the caller adds the time taken and where it came from. */
export interface ReviewFields {
	cardId: string;
	rating: Rating;
	stateBefore: CardState;
	/**
	 * The card's due time before the rating; null where it is unknown (a row written before schema
	 * version 4 whose card's replay did not reproduce the stored card: see due-before.ts).
	 */
	dueBefore: number | null;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	reviewedAt: number;
}

/** Which card a rating is for: the card id, the question it asks and that question's topic. */
export interface CardTarget {
	cardId: string;
	itemId: string;
	topic: string;
}

/** The suffix of a reversed card's id: `<item id>:reverse`. */
export const REVERSE_SUFFIX = ':reverse';

/** True when a card id names a reversed card. */
export function isReversedCardId(cardId: string): boolean {
	return cardId.endsWith(REVERSE_SUFFIX);
}

/**
 * The target a card id stands for: its question id (without `:reverse`) and that question's topic.
 * @example cardTargetFromId('members/x:reverse') // { cardId: 'members/x:reverse', itemId: 'members/x', topic: 'members' }
 */
export function cardTargetFromId(cardId: string): CardTarget {
	const itemId = isReversedCardId(cardId) ? cardId.slice(0, -REVERSE_SUFFIX.length) : cardId;
	return { cardId, itemId, topic: topicOfCardId(itemId) };
}

/**
 * The topic of a card id: the part before the slash (`members/current-six:reverse` → `members`).
 * @example topicOfCardId('armenia/freeze:reverse') // 'armenia'
 */
export function topicOfCardId(cardId: string): string {
	const slash = cardId.indexOf('/');
	return slash > 0 ? cardId.slice(0, slash) : '';
}
