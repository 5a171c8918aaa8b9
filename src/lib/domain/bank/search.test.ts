import { describe, expect, it } from 'vitest';
import type { Item } from './schema';
import { searchItems, searchableText } from './search';

const base = {
	sources: [{ title: 'T', publisher: 'P' }],
	difficulty: 1 as const,
	tags: ['charter'],
	explanation: 'Signed in Chișinău by six states.'
};
const items: Item[] = [
	{
		...base,
		id: 'history/charter',
		topic: 'history',
		kind: 'qa',
		prompt: 'Where was the Charter signed?',
		answer: 'Chișinău',
		accept: ['Kishinev'],
		category: 'city',
		distractors: ['Minsk', 'Moscow', 'Astana']
	},
	{
		...base,
		id: 'structure/bodies',
		topic: 'structure',
		kind: 'pairs',
		prompt: 'Match bodies',
		answer: 'See pairs',
		tags: ['bodies'],
		explanation: 'The supreme body meets yearly.',
		leftLabel: 'Body',
		rightLabel: 'Role',
		ask: 'What does the {left} do?',
		pairs: [
			{ left: 'Collective Security Council', right: 'Heads of state' },
			{ left: 'Secretariat', right: 'Administration' },
			{ left: 'Joint Staff', right: 'Military planning' },
			{ left: 'Permanent Council', right: 'Coordination between sessions' }
		]
	}
];

describe('searchItems', () => {
	it.each([
		['', ['history/charter', 'structure/bodies']],
		['chisinau', ['history/charter']],
		['CHISINAU charter', ['history/charter']],
		['kishinev', ['history/charter']],
		['supreme', ['structure/bodies']],
		['joint staff', ['structure/bodies']],
		['signed supreme', []],
		['bodies', ['structure/bodies']]
	])('"%s" finds %j', (query, ids) => {
		expect(searchItems(items, query).map((i) => i.id)).toEqual(ids);
	});

	it('uses a prepared index when given one', () => {
		const index = new Map(items.map((i) => [i.id, searchableText(i)]));
		expect(searchItems(items, 'administration', index).map((i) => i.id)).toEqual([
			'structure/bodies'
		]);
	});
});
