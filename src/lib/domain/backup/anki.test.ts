import { describe, expect, it } from 'vitest';
import type { Item } from '../bank/schema';
import { ANKI_HEADER, ankiField, toAnkiText } from './anki';

const qa: Item = {
	id: 'structure/headquarters',
	kind: 'qa',
	topic: 'structure',
	prompt: 'In which city is the Secretariat based?',
	answer: 'Moscow',
	accept: [],
	category: 'city',
	distractors: ['Minsk', 'Astana', 'Bishkek'],
	explanation: 'The Secretariat sits in Moscow.',
	sources: [
		{ title: 'Charter', publisher: 'CSTO', date: '2002-10', url: 'https://example.org/charter' },
		{ title: 'Explainer', publisher: 'A "quoted"\tpublisher' }
	],
	asOf: '2026-11',
	difficulty: 1,
	tags: []
};

const statement: Item = {
	id: 'history/founding',
	kind: 'statement',
	topic: 'history',
	prompt: '#1 Was the treaty\tsigned in 1992?',
	answer: 'Yes, in Tashkent',
	truth: 'It was signed in 1992.',
	falsehoods: ['It was signed in 2002.'],
	explanation: 'Signed in Tashkent.',
	sources: [{ title: 'Treaty', publisher: 'UN' }],
	difficulty: 2,
	tags: []
};

describe('ankiField', () => {
	it.each([
		['plain', 'plain'],
		['tab\there', 'tab here'],
		['two\nlines', '"two\nlines"'],
		['win\r\nline', '"win\nline"'],
		['say "hi"', '"say ""hi"""'],
		['#not a comment', '"#not a comment"']
	])('%j → %j', (text, field) => {
		expect(ankiField(text)).toBe(field);
	});
});

describe('toAnkiText', () => {
	const text = toAnkiText([qa, statement]);
	const lines = text.split('\n');

	it('starts with the header lines Anki reads', () => {
		expect(lines.slice(0, ANKI_HEADER.length)).toEqual([
			'#separator:tab',
			'#html:false',
			'#tags column:3',
			'#guid column:4',
			'#deck:CSTO Study'
		]);
	});

	it('writes front, back with answer, explanation and source, topic tag and a stable guid', () => {
		const first = text.slice(text.indexOf('In which'));
		expect(
			first.startsWith('In which city is the Secretariat based?\t"Moscow\n\nThe Secretariat')
		).toBe(true);
		expect(first).toContain(
			'Source: Charter (CSTO, 2002-10) https://example.org/charter\nSource: Explainer (A ""quoted"" publisher)\nAs of 2026-11"\tcsto::structure\tcsto-study:structure/headquarters\n'
		);
	});

	it('keeps every note on its own record: no raw tab inside a field', () => {
		const records = text.split(/\tcsto-study:[^\n]+\n/);
		expect(records).toHaveLength(3);
		expect(text).toContain(
			'"#1 Was the treaty signed in 1992?"\t"Yes, in Tashkent\n\nSigned in Tashkent.\n\nSource: Treaty (UN)"\tcsto::history\tcsto-study:history/founding\n'
		);
	});
});
