import { describe, expect, it } from 'vitest';
import type { CardRow, CardTarget, Rating } from './card';
import { scheduleReview, type SchedulerOptions } from './fsrs';
import { renameProgress } from './rename';
import { replayCard } from './fsrs';

const OPTIONS: SchedulerOptions = { desiredRetention: 0.9, enableFuzz: true };
const RENAMES = { 'history/old': 'operations/new', 'comparison/gone': 'operations/new' };
const START = Date.UTC(2026, 5, 1, 8);
const DAY = 86_400_000;

const target = (cardId: string): CardTarget => {
	const itemId = cardId.replace(/:reverse$/, '');
	return { cardId, itemId, topic: itemId.split('/')[0]! };
};

/** A stored card and its log rows (with ids, as the reviews table keeps them). */
function studied(cardId: string, ratings: Rating[], start: number, firstRowId: number) {
	let card: CardRow | undefined;
	let now = start;
	const reviews = ratings.map((rating, i) => {
		const result = scheduleReview(card, target(cardId), rating, new Date(now), OPTIONS);
		card = result.card;
		now = card.due + 3_600_000;
		return { id: firstRowId + i, ...result.review, durationMs: 900, source: 'review' as const };
	});
	return { card: card!, reviews };
}

describe('renameProgress', () => {
	it('moves a card with no counterpart, and its reversed card, unchanged but for id, question and topic', () => {
		const forward = studied('history/old', [3, 3], START, 1);
		const reversed = studied('history/old:reverse', [1, 3], START, 3);
		const result = renameProgress(
			{
				cards: [forward.card, reversed.card],
				reviews: [...forward.reviews, ...reversed.reviews]
			},
			RENAMES,
			OPTIONS
		);
		expect(result.cards).toEqual([
			{ ...forward.card, id: 'operations/new', itemId: 'operations/new', topic: 'operations' },
			{
				...reversed.card,
				id: 'operations/new:reverse',
				itemId: 'operations/new',
				topic: 'operations'
			}
		]);
		expect(result.reviews.map((r) => [r.id, r.cardId])).toEqual([
			[1, 'operations/new'],
			[2, 'operations/new'],
			[3, 'operations/new:reverse'],
			[4, 'operations/new:reverse']
		]);
		expect(result.removedCardIds).toEqual(['history/old', 'history/old:reverse']);
	});

	it('makes one card of an old and a new card, replaying their joined log, and keeps every row', () => {
		const old = studied('history/old', [3, 3, 3], START, 1);
		const gone = studied('comparison/gone', [4], START + 2 * DAY, 4);
		const current = studied('operations/new', [1, 3, 3], START + 20 * DAY, 5);
		const other = studied('members/kept', [3], START, 8);
		const result = renameProgress(
			{
				cards: [other.card, old.card, current.card, gone.card],
				reviews: [...other.reviews, ...old.reviews, ...current.reviews, ...gone.reviews]
			},
			RENAMES,
			OPTIONS
		);
		const joined = [...old.reviews, ...gone.reviews, ...current.reviews];
		expect(result.cards).toEqual([
			other.card,
			replayCard(target('operations/new'), joined, OPTIONS)?.card
		]);
		expect(result.cards[1]).toMatchObject({ id: 'operations/new', reps: 7 });
		expect(result.reviews).toHaveLength(8);
		// Rows keep their ids and their order; only the card id of moved rows changes.
		expect(result.reviews.map((r) => [r.id, r.cardId])).toEqual([
			[8, 'members/kept'],
			[1, 'operations/new'],
			[2, 'operations/new'],
			[3, 'operations/new'],
			[5, 'operations/new'],
			[6, 'operations/new'],
			[7, 'operations/new'],
			[4, 'operations/new']
		]);
		expect(result.reviews.find((r) => r.id === 8)).toBe(other.reviews[0]);
		expect(result.removedCardIds.sort()).toEqual(['comparison/gone', 'history/old']);
	});

	it('moves log rows whose card has no row any more, and leaves everything else alone', () => {
		const orphan = studied('history/old', [3], START, 1).reviews;
		const result = renameProgress({ cards: [], reviews: orphan }, RENAMES, OPTIONS);
		expect(result).toEqual({
			cards: [],
			reviews: [{ ...orphan[0], cardId: 'operations/new' }],
			removedCardIds: []
		});
		const untouched = studied('members/kept', [3], START, 1);
		const same = renameProgress(
			{ cards: [untouched.card], reviews: untouched.reviews },
			RENAMES,
			OPTIONS
		);
		expect(same).toEqual({
			cards: [untouched.card],
			reviews: untouched.reviews,
			removedCardIds: []
		});
	});
});
