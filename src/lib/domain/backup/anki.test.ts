import { describe, expect, it } from 'vitest';
import type { Item } from '../bank/schema';
import { ANKI_HEADER, ankiBack, ankiField, toAnkiText } from './anki';
import { readAsAnki } from './fixtures';

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

// Every character that could break a record: a leading #, tabs, quotes, a line break.
const statement: Item = {
	id: 'history/founding',
	kind: 'statement',
	topic: 'history',
	prompt: '#1 Was the treaty\tsigned in "1992"?',
	answer: 'Yes,\tin Tashkent',
	truth: 'It was signed in 1992.',
	falsehoods: ['It was signed in 2002.'],
	explanation: 'Signed in Tashkent.\n#2 of the founding steps.',
	sources: [{ title: 'Treaty', publisher: 'UN' }],
	difficulty: 2,
	tags: []
};

describe('ankiField', () => {
	it.each([
		['plain', 'plain'],
		['tab\there', '"tab\there"'],
		['two\nlines', '"two\nlines"'],
		['win\r\nline', '"win\nline"'],
		['say "hi"', '"say ""hi"""'],
		['#not a comment', '"#not a comment"'],
		['not # a comment', 'not # a comment']
	])('%j → %j', (text, field) => {
		expect(ankiField(text)).toBe(field);
	});
});

describe('toAnkiText', () => {
	const text = toAnkiText([qa, statement]);

	it('starts with the header lines Anki reads, Basic notetype and update on re-import included', () => {
		expect(text.split('\n').slice(0, ANKI_HEADER.length)).toEqual([
			'#separator:tab',
			'#html:false',
			'#notetype:Basic',
			'#deck:CSTO Study',
			'#tags column:3',
			'#guid column:4',
			'#if matches:update current'
		]);
		expect(Object.fromEntries(readAsAnki(text).header)).toEqual({
			separator: 'tab',
			html: 'false',
			notetype: 'Basic',
			deck: 'CSTO Study',
			'tags column': '3',
			'guid column': '4',
			'if matches': 'update current'
		});
	});

	it('reads back, as Anki reads it, as one note per item of four columns holding the text', () => {
		const { records } = readAsAnki(text);
		expect(records).toEqual([
			[qa.prompt, ankiBack(qa), 'csto::structure', 'csto-study:structure/headquarters'],
			[statement.prompt, ankiBack(statement), 'csto::history', 'csto-study:history/founding']
		]);
		// Tabs, quotes and line breaks come back as they were written.
		expect(records[1]![1]).toContain('Yes,\tin Tashkent\n\nSigned in Tashkent.\n#2 of');
		expect(records[0]![1]).toContain('Source: Explainer (A "quoted"\tpublisher)');
	});

	it('writes the back as answer, explanation, sources and the as-of month', () => {
		expect(ankiBack(qa)).toBe(
			'Moscow\n\nThe Secretariat sits in Moscow.\n\n' +
				'Source: Charter (CSTO, 2002-10) https://example.org/charter\n' +
				'Source: Explainer (A "quoted"\tpublisher)\nAs of 2026-11'
		);
	});
});
