// Small fixture banks for scheduling tests (never the real bank, which is being edited).
import type { Item, Topic } from '../bank/schema';
import { cardTargetFromId, type CardRow, type Rating, type ReviewFields } from './card';
import { scheduleReview, type SchedulerOptions } from './fsrs';

const SOURCE = { title: 'Fixture source', publisher: 'Fixture publisher' };

/** A qa item for tests; `category` decides whether it reverses. */
export function qaItem(id: string, category: 'city' | 'year' | 'body' = 'city'): Item {
	const topic = id.split('/')[0] as Topic;
	return {
		id,
		topic,
		kind: 'qa',
		prompt: `Prompt of ${id}?`,
		answer: `Answer of ${id}`,
		accept: [],
		category,
		distractors: ['One', 'Two', 'Three'],
		explanation: `Explanation of ${id}.`,
		sources: [SOURCE],
		difficulty: 1,
		tags: []
	};
}

/** A statement item for tests (it never reverses). */
export function statementItem(id: string): Item {
	const topic = id.split('/')[0] as Topic;
	return {
		id,
		topic,
		kind: 'statement',
		prompt: `Is ${id} true?`,
		answer: 'Yes.',
		truth: `${id} is true.`,
		falsehoods: [`${id} is false.`],
		explanation: `Explanation of ${id}.`,
		sources: [SOURCE],
		asOf: '2026-01',
		difficulty: 2,
		tags: []
	};
}

/** Three members items, two history items and one structure item, in bank order. */
export const FIXTURE_ITEMS: readonly Item[] = [
	qaItem('members/a'),
	qaItem('members/b', 'year'),
	statementItem('members/c'),
	qaItem('history/a'),
	qaItem('history/b'),
	qaItem('structure/a', 'body')
];

/**
 * A card rated in turn as the app rates it (each rating at its time): the card after the last rating
 * and each rating's log fields. `ratings` are [rating, epoch ms] pairs.
 */
export function rateInTurn(
	cardId: string,
	ratings: readonly (readonly [Rating, number])[],
	options: SchedulerOptions = { desiredRetention: 0.9, enableFuzz: true }
): { card: CardRow; reviews: ReviewFields[] } {
	const target = cardTargetFromId(cardId);
	let card: CardRow | undefined;
	const reviews: ReviewFields[] = [];
	for (const [rating, at] of ratings) {
		const result = scheduleReview(card, target, rating, new Date(at), options);
		card = result.card;
		reviews.push(result.review);
	}
	if (!card) throw new Error('rateInTurn needs at least one rating');
	return { card, reviews };
}
