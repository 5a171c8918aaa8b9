import { describe, expect, it } from 'vitest';
import { topicOfCardId } from './card';

describe('topicOfCardId', () => {
	it.each([
		['members/current-six', 'members'],
		['armenia/freeze:reverse', 'armenia'],
		['no-slash', '']
	])('%s is in %s', (id, topic) => {
		expect(topicOfCardId(id)).toBe(topic);
	});
});
