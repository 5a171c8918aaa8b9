import { describe, expect, it } from 'vitest';
import { cardTargetFromId, topicOfCardId } from './card';

describe('topicOfCardId', () => {
	it.each([
		['members/current-six', 'members'],
		['armenia/freeze:reverse', 'armenia'],
		['no-slash', '']
	])('%s is in %s', (id, topic) => {
		expect(topicOfCardId(id)).toBe(topic);
	});
});

describe('cardTargetFromId', () => {
	it.each([
		['members/current-six', 'members/current-six', 'members'],
		['armenia/freeze:reverse', 'armenia/freeze', 'armenia'],
		// The same topic as topicOfCardId gives, so that a card and its question agree.
		['no-slash', 'no-slash', ''],
		['no-slash:reverse', 'no-slash', '']
	])('%s is question %s of topic "%s"', (cardId, itemId, topic) => {
		expect(cardTargetFromId(cardId)).toEqual({ cardId, itemId, topic });
		expect(cardTargetFromId(cardId).topic).toBe(topicOfCardId(cardId));
	});
});
