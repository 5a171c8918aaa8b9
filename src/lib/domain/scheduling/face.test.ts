import { describe, expect, it } from 'vitest';
import { buildDeck, cardFace, cardTargetsFor, isReversible } from './face';
import { FIXTURE_ITEMS, qaItem, statementItem } from './fixtures';

describe('card faces', () => {
	it('asks the prompt on the front and gives answer, explanation and sources on the back', () => {
		const item = qaItem('members/a');
		expect(cardFace(item, false)).toEqual({
			cue: '',
			front: 'Prompt of members/a?',
			answer: 'Answer of members/a',
			explanation: 'Explanation of members/a.',
			sources: item.sources,
			asOf: undefined
		});
	});

	it('swaps the sides of a reversed card and says what is asked', () => {
		const face = cardFace(qaItem('members/a'), true);
		expect(face.front).toBe('Answer of members/a');
		expect(face.answer).toBe('Prompt of members/a?');
		expect(face.cue).toBe('What question has this answer?');
	});

	it.each([
		['a qa item answered by a city', qaItem('members/a', 'city'), true],
		['a qa item answered by a body', qaItem('members/a', 'body'), true],
		['a qa item answered by a year', qaItem('members/a', 'year'), false],
		['a statement', statementItem('members/s'), false]
	])('%s reverses: %s', (_name, item, reversible) => {
		expect(isReversible(item)).toBe(reversible);
		expect(cardTargetsFor(item, true).length).toBe(reversible ? 2 : 1);
		expect(cardTargetsFor(item, false).map((t) => t.cardId)).toEqual([item.id]);
	});
});

describe('buildDeck', () => {
	it('counts the cards each topic can have: reversed cards only for reversible items', () => {
		// members: a (city), b (year), c (statement); history: a, b (cities); structure: a (body).
		expect(buildDeck(FIXTURE_ITEMS, false)).toEqual({
			counts: new Map([
				['members', 3],
				['history', 2],
				['structure', 1]
			]),
			cardIds: new Set(FIXTURE_ITEMS.map((item) => item.id))
		});
		const reversed = buildDeck(FIXTURE_ITEMS, true);
		expect(reversed.counts).toEqual(
			new Map([
				['members', 4],
				['history', 4],
				['structure', 2]
			])
		);
		expect(reversed.cardIds.has('members/a:reverse')).toBe(true);
		expect(reversed.cardIds.has('members/b:reverse')).toBe(false);
		expect(reversed.cardIds.size).toBe(10);
	});
});
