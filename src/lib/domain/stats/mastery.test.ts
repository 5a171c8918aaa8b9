import { describe, expect, it } from 'vitest';
import { buildDeck, cardTargetsFor } from '../scheduling/face';
import { FIXTURE_ITEMS } from '../scheduling/fixtures';
import { card } from './fixtures';
import { computeMastery } from './mastery';

describe('computeMastery', () => {
	it('shares cards with stability of 21 days or more out of the cards each topic can have', () => {
		const cards = [
			card({ id: 'members/a', topic: 'members', stability: 21 }),
			card({ id: 'members/b', topic: 'members', stability: 20.9 }),
			card({ id: 'members/c', topic: 'members', stability: 90, state: 0 }),
			card({ id: 'history/a', topic: 'history', stability: 5 })
		];
		expect(computeMastery(cards, buildDeck(FIXTURE_ITEMS, false))).toEqual([
			{ topic: 'members', mastered: 1, total: 3, rate: 1 / 3 },
			{ topic: 'history', mastered: 0, total: 2, rate: 0 },
			{ topic: 'structure', mastered: 0, total: 1, rate: 0 }
		]);
		expect(computeMastery([], { counts: new Map([['members', 0]]), cardIds: new Set() })).toEqual([
			{ topic: 'members', mastered: 0, total: 0, rate: null }
		]);
	});

	it.each([
		['on', true, [4, 4, 2]],
		['off', false, [3, 2, 1]]
	] as const)(
		'reaches 100 %% when every card is mastered, with reversed cards %s',
		(_name, reverseCards, totals) => {
			const deck = buildDeck(FIXTURE_ITEMS, reverseCards);
			const mastered = FIXTURE_ITEMS.flatMap((item) => cardTargetsFor(item, reverseCards)).map(
				(target) => card({ id: target.cardId, topic: target.topic, stability: 30 })
			);
			// Stored cards outside the deck: reversed cards kept from when the setting was on, an item
			// since removed from the bank. They neither count nor add to the total.
			const outside = [
				card({ id: 'members/a:reverse', topic: 'members', stability: 1 }),
				card({ id: 'members/b:reverse', topic: 'members', stability: 1 }),
				card({ id: 'history/gone', topic: 'history', stability: 1 })
			];
			const mastery = computeMastery([...outside, ...mastered], deck);
			expect(mastery.map((m) => m.total)).toEqual(totals);
			expect(mastery.map((m) => m.rate)).toEqual([1, 1, 1]);
		}
	);
});
