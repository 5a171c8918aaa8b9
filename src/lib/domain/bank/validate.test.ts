import { describe, expect, it } from 'vitest';
import { BankValidationError } from '../errors';
import { deepFreeze } from '../freeze';
import { validateBank, type RawBankFile } from './validate';

const SOURCE = { title: 'CSTO', publisher: 'Encyclopaedia', date: '2024-02' };

function qa(overrides: Record<string, unknown> = {}) {
	return {
		id: 'structure/hq',
		kind: 'qa',
		prompt: 'Where is the Secretariat?',
		answer: 'Moscow',
		accept: ['Moskva'],
		category: 'city',
		distractors: ['Minsk', 'Astana', 'Bishkek'],
		explanation: 'The Secretariat works in Moscow.',
		sources: [SOURCE],
		asOf: '2026-01',
		difficulty: 1,
		tags: ['bodies'],
		...overrides
	};
}

function setItem(overrides: Record<string, unknown> = {}) {
	return {
		id: 'structure/members',
		kind: 'set',
		prompt: 'Which states are members?',
		answer: 'A, B and C',
		label: 'a member',
		category: 'country',
		members: ['Armenia', 'Belarus', 'Russia'],
		others: ['Georgia', 'Serbia', 'Turkmenistan'],
		explanation: 'Three members.',
		sources: [SOURCE],
		difficulty: 1,
		...overrides
	};
}

function timeline(overrides: Record<string, unknown> = {}) {
	return {
		id: 'structure/steps',
		kind: 'timeline',
		prompt: 'Order the steps.',
		answer: '1992, 1994, 2002',
		events: [
			{ date: '1992-05-15', text: 'Treaty signed', ask: 'When was the treaty signed?' },
			{ date: '1994-04-20', text: 'Treaty in force', ask: 'When did it enter into force?' },
			{ date: '2002-10-07', text: 'Charter signed', ask: 'When was the Charter signed?' }
		],
		explanation: 'Steps.',
		sources: [SOURCE],
		difficulty: 2,
		...overrides
	};
}

function file(
	items: unknown[],
	topic = 'structure',
	name = `questions/${topic}.yaml`
): RawBankFile {
	return { file: name, data: { topic, title: 'Structure', description: 'Bodies.', items } };
}

function issuesOf(files: RawBankFile[]) {
	try {
		validateBank(files, { currentMonth: '2026-11' });
	} catch (error) {
		expect(error).toBeInstanceOf(BankValidationError);
		return (error as BankValidationError).issues;
	}
	throw new Error('expected the bank to be refused');
}

describe('validateBank', () => {
	it('accepts a valid bank and carries the topic on each item', () => {
		const bank = validateBank([file([qa(), setItem(), timeline()])], { currentMonth: '2026-11' });
		expect(bank.items.map((i) => [i.id, i.topic])).toEqual([
			['structure/hq', 'structure'],
			['structure/members', 'structure'],
			['structure/steps', 'structure']
		]);
		expect(bank.asOf).toBe('2026-01');
		expect(bank.topics).toEqual([
			{ id: 'structure', title: 'Structure', description: 'Bodies.', count: 3 }
		]);
	});

	it.each([
		['a missing source', [qa({ sources: [] })], 'structure/hq', 'sources', /at least one source/],
		['no sources field', [qa({ sources: undefined })], 'structure/hq', 'sources', /required/],
		[
			'a distractor equal to the answer',
			[qa({ distractors: ['moscow', 'Minsk', 'Astana'] })],
			'structure/hq',
			'distractors',
			/equals the answer/
		],
		[
			'a distractor equal to an accepted answer',
			[qa({ distractors: ['Moskva', 'Minsk', 'Astana'] })],
			'structure/hq',
			'distractors',
			/accepted answer/
		],
		[
			'duplicate distractors',
			[qa({ distractors: ['Minsk', 'Minsk', 'Astana'] })],
			'structure/hq',
			'distractors',
			/repeat/
		],
		[
			'fewer than three distractors',
			[qa({ distractors: ['Minsk', 'Astana'] })],
			'structure/hq',
			'distractors',
			/three distractors/
		],
		['an asOf in the future', [qa({ asOf: '2027-01' })], 'structure/hq', 'asOf', /future/],
		['an asOf that is not a month', [qa({ asOf: '2026-13' })], 'structure/hq', 'asOf', /YYYY-MM/],
		[
			'a set whose non-members overlap its members',
			[setItem({ others: ['Russia', 'Serbia', 'Georgia'] })],
			'structure/members',
			'others',
			/also listed as a member/
		],
		[
			'a set whose non-members overlap its members after normalisation',
			[setItem({ others: ['  the russia!', 'Serbia', 'Georgia'] })],
			'structure/members',
			'others',
			/also listed as a member/
		],
		[
			'a set whose non-members include another name of a member',
			[
				setItem({
					others: ['Russian Federation', 'Serbia', 'Georgia'],
					accept: { Russia: ['Russian Federation'] }
				})
			],
			'structure/members',
			'others',
			/another name of a member/
		],
		[
			'a distractor equal to the answer after normalisation',
			[qa({ distractors: ['The MOSCOW.', 'Minsk', 'Astana'] })],
			'structure/hq',
			'distractors',
			/equals the answer/
		],
		[
			'a true statement about the present without asOf',
			[
				{
					id: 'structure/claim',
					kind: 'statement',
					prompt: 'Who leads it?',
					answer: 'Russia.',
					truth: 'Russia still leads it.',
					falsehoods: ['Belarus leads it.'],
					explanation: 'It does.',
					sources: [SOURCE],
					difficulty: 1
				}
			],
			'structure/claim',
			'asOf',
			/speaks of the present/
		],
		[
			'a qa statement template about the present without asOf',
			[qa({ asOf: undefined, statement: 'The Secretariat is now in {answer}.' })],
			'structure/hq',
			'asOf',
			/speaks of the present/
		],
		[
			'a timeline event with an invalid date',
			[
				timeline({
					events: [
						{ date: '2023-02-30', text: 'x', ask: 'y?' },
						{ date: '1994', text: 'a', ask: 'b?' },
						{ date: '2002', text: 'c', ask: 'd?' }
					]
				})
			],
			'structure/steps',
			'events.0.date',
			/real date/
		],
		['an empty prompt', [qa({ prompt: '  ' })], 'structure/hq', 'prompt', /empty/],
		['an empty answer', [qa({ answer: '' })], 'structure/hq', 'answer', /empty/],
		['an unknown kind', [qa({ kind: 'essay' })], 'structure/hq', 'kind', /kind must be one of/],
		[
			'a difficulty out of range',
			[qa({ difficulty: 4 })],
			'structure/hq',
			'difficulty',
			/1, 2 or 3/
		],
		['an id without a topic', [qa({ id: 'hq' })], 'hq', 'id', /topic\/kebab-case-slug/],
		[
			'an item about the present without asOf',
			[qa({ asOf: undefined, prompt: 'Who is the current Secretary General?' })],
			'structure/hq',
			'asOf',
			/speaks of the present/
		],
		[
			'an explanation of four sentences',
			[qa({ explanation: 'One. Two. Three. Four.' })],
			'structure/hq',
			'explanation',
			/one to three sentences/
		]
	])('refuses %s, naming file, item and field', (_what, items, id, field, message) => {
		const issues = issuesOf([file(items)]);
		expect(issues).toContainEqual({
			file: 'questions/structure.yaml',
			id,
			field,
			message: expect.stringMatching(message)
		});
	});

	it('refuses an unknown topic', () => {
		const issues = issuesOf([file([qa({ id: 'geography/hq' })], 'geography')]);
		expect(issues).toEqual([
			{
				file: 'questions/geography.yaml',
				field: 'topic',
				message: expect.stringMatching(/known topics/)
			}
		]);
	});

	it('refuses duplicate ids across files, naming both files', () => {
		const issues = issuesOf([
			file([qa()]),
			file(
				[
					{ ...qa(), id: 'members/hq' },
					{ ...qa(), id: 'structure/hq' }
				],
				'members'
			)
		]);
		expect(issues).toContainEqual({
			file: 'questions/members.yaml',
			id: 'structure/hq',
			field: 'id',
			message: 'duplicate id (also in questions/structure.yaml)'
		});
		expect(issues).toContainEqual({
			file: 'questions/members.yaml',
			id: 'structure/hq',
			field: 'id',
			message: 'must start with "members/"'
		});
	});

	it('reports every problem at once, and the error message lists them', () => {
		try {
			validateBank([file([qa({ sources: [] }), setItem({ members: ['Armenia'] })])], {
				currentMonth: '2026-11'
			});
			expect.unreachable();
		} catch (error) {
			expect((error as Error).message).toContain(
				'questions/structure.yaml › structure/hq › sources: at least one source is required'
			);
			expect((error as Error).message).toContain(
				'questions/structure.yaml › structure/members › members: at least three members are required'
			);
		}
	});

	it('turns YAML dates and numbers into strings', () => {
		const bank = validateBank(
			[
				file([
					timeline({
						events: [
							{ date: 1992, text: 'a', ask: 'b?' },
							{ date: new Date(Date.UTC(1994, 3, 20)), text: 'c', ask: 'd?' },
							{ date: '2002-10', text: 'e', ask: 'f?' }
						]
					})
				])
			],
			{ currentMonth: '2026-11' }
		);
		const item = bank.items[0]!;
		expect(item.kind === 'timeline' && item.events.map((e) => e.date)).toEqual([
			'1992',
			'1994-04-20',
			'2002-10'
		]);
	});
});

describe('deepFreeze', () => {
	it('freezes nested objects and arrays', () => {
		const value = deepFreeze({ items: [{ tags: ['a'] }] });
		expect(Object.isFrozen(value.items[0]!.tags)).toBe(true);
		expect(() => (value.items as unknown[]).push(1)).toThrow(TypeError);
	});
});
