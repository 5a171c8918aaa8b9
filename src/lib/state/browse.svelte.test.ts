import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb } from '../data/db';
import { newCardRow } from '../domain/scheduling/fsrs';
import { qaItem, statementItem } from '../domain/scheduling/fixtures';
import { BrowseCards } from './browse.svelte';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const HOUR = 3_600_000;
const CITY = qaItem('structure/hq', 'city');
const STATEMENT = statementItem('history/founded');

let db: CstoDb;
let cleanup: (() => void) | undefined;
afterEach(async () => {
	cleanup?.();
	cleanup = undefined;
	await db?.delete();
});

function browse(): BrowseCards {
	db = createDb(`test-${crypto.randomUUID()}`);
	let cards!: BrowseCards;
	cleanup = $effect.root(() => {
		cards = new BrowseCards(
			() => db,
			[CITY, STATEMENT],
			() => NOW
		);
	});
	return cards;
}

const stages = (cards: BrowseCards, reverse = false) =>
	cards.cardsOf(CITY, reverse).map((card) => [card.cardId, card.status?.stage]);

describe('BrowseCards', () => {
	it('reads every card once and follows writes made elsewhere', async () => {
		const cards = browse();
		expect(cards.cardsOf(CITY, false)).toEqual([
			{ cardId: 'structure/hq', isReversed: false, status: undefined }
		]);
		await vi.waitFor(() => expect(cards.isLoaded).toBe(true));
		expect(stages(cards)).toEqual([['structure/hq', 'New']]);

		// Another tab rates the card: it is in review now, due in an hour.
		const target = { cardId: CITY.id, itemId: CITY.id, topic: CITY.topic };
		await db.cards.put({
			...newCardRow(target, new Date(NOW)),
			state: 2,
			due: NOW + HOUR,
			stability: 1,
			difficulty: 5,
			lastReview: NOW - HOUR
		});
		await vi.waitFor(() => expect(stages(cards)).toEqual([['structure/hq', 'Review']]));
		expect(cards.cardsOf(CITY, false)[0]?.status?.due).toBe(NOW + HOUR);
		expect(cards.now).toBe(NOW);
	});

	it('lists the reversed card only when that setting is on and the item reverses', async () => {
		const cards = browse();
		await vi.waitFor(() => expect(cards.isLoaded).toBe(true));
		expect(stages(cards, true)).toEqual([
			['structure/hq', 'New'],
			['structure/hq:reverse', 'New']
		]);
		expect(cards.cardsOf(CITY, true)[1]?.isReversed).toBe(true);
		expect(cards.cardsOf(STATEMENT, true).map((card) => card.cardId)).toEqual([STATEMENT.id]);
	});

	it('suspends a card never seen, then unsuspends it and clears its leech mark', async () => {
		const cards = browse();
		await vi.waitFor(() => expect(cards.isLoaded).toBe(true));
		expect(cards.hasSuspended(CITY, true)).toBe(false);

		await cards.setSuspended('structure/hq:reverse', true);
		await vi.waitFor(() => expect(cards.hasSuspended(CITY, true)).toBe(true));
		expect(cards.hasSuspended(CITY, false)).toBe(false);
		expect(await db.cards.get('structure/hq:reverse')).toMatchObject({ state: 0, suspended: 1 });

		await db.cards.update('structure/hq:reverse', { leech: 1 });
		await vi.waitFor(() => expect(cards.cardsOf(CITY, true)[1]?.status?.isLeech).toBe(true));
		await cards.setSuspended('structure/hq:reverse', false);
		await vi.waitFor(() => expect(cards.hasSuspended(CITY, true)).toBe(false));
		expect(cards.cardsOf(CITY, true)[1]?.status).toMatchObject({
			stage: 'New',
			isSuspended: false,
			isLeech: false
		});
		expect(cards.failure).toBeUndefined();
		expect(cards.pending.size).toBe(0);
	});

	it('keeps a failed write as a message for that card, with nothing changed', async () => {
		const cards = browse();
		await vi.waitFor(() => expect(cards.isLoaded).toBe(true));
		db.cards.hook('creating', () => {
			throw new DOMException('The disk is full', 'QuotaExceededError');
		});
		await cards.setSuspended('structure/hq', true);
		expect(cards.failure).toEqual({
			cardId: 'structure/hq',
			message: expect.stringMatching(/^The card could not be suspended\. This device has no room/),
			detail: expect.stringContaining('QuotaExceededError: The disk is full')
		});
		expect(cards.pending.size).toBe(0);
		expect(await db.cards.count()).toBe(0);
		expect(cards.hasSuspended(CITY, false)).toBe(false);
	});
});
