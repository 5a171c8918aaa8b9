import { describe, expect, it } from 'vitest';
import { BankValidationError } from '../errors';
import { rawMembership } from './fixtures-membership';
import { numberWord } from './membership-checks';
import { validateBank } from './validate';

const SOURCE = { title: 'CSTO', publisher: 'Encyclopaedia', date: '2024-02' };
const common = { explanation: 'Short.', sources: [SOURCE], difficulty: 1, tags: [] };

/** A members topic file with one item of each kind the checks read. */
function topicFile(overrides: Record<string, Record<string, unknown>> = {}) {
	const items = [
		{
			...common,
			id: 'members/count',
			kind: 'qa',
			prompt: 'How many full members does the CSTO have?',
			answer: '3',
			accept: ['three'],
			category: 'number',
			distractors: ['2', '4', '5'],
			asOf: '2026-01'
		},
		{
			...common,
			id: 'members/current',
			kind: 'set',
			prompt: 'Which states are members?',
			answer: 'Beta, Epsilon and Gamma',
			label: 'a member',
			category: 'country',
			members: ['Beta', 'Epsilon', 'Gamma'],
			others: ['Alpha', 'Delta', 'Zeta'],
			asOf: '2026-01'
		},
		{
			...common,
			id: 'members/alpha-back',
			kind: 'qa',
			prompt: 'In which year did Alpha come back?',
			answer: '2006',
			category: 'year',
			distractors: ['2004', '2005', '2007']
		},
		{
			...common,
			id: 'members/steps',
			kind: 'timeline',
			prompt: 'Order the changes.',
			answer: 'Three sign, four after Gamma',
			events: [
				{ date: '1992-05-15', text: 'Three states sign', ask: 'When did three sign?' },
				{ date: '1993-12-31', text: 'Gamma signs, making four parties', ask: 'When?' },
				{ date: '2006-06-23', text: 'Alpha comes back', ask: 'When?' }
			]
		}
	].map((item) => ({ ...item, ...overrides[item.id] }));
	return {
		file: 'questions/members.yaml',
		data: { topic: 'members', title: 'Members', description: 'Who.', items }
	};
}

const CHECKS = [
	{ item: 'members/count', count: { on: 'asOf' } },
	{ item: 'members/current', members: { on: 'asOf' } },
	{ item: 'members/alpha-back', year: { state: 'Alpha', event: 'rejoined' } },
	{
		item: 'members/steps',
		event: '1992-05-15',
		count: { on: '1992-05-15' },
		says: '{Value} states sign'
	},
	{
		item: 'members/steps',
		event: '1993-12-31',
		count: { on: '1993-12-31' },
		says: 'making {value} parties'
	}
];

/** The fixture with one more founding member that never left, so that three are members today. */
function withEpsilon(raw: ReturnType<typeof rawMembership>) {
	raw.states.push({
		id: 'epsilon',
		name: 'Epsilon',
		iso: '005',
		periods: [{ from: '1992-05-15', how: 'Signed' }],
		explanation: 'Stayed.',
		sources: [SOURCE],
		asOf: '2026-01',
		difficulty: 1
	});
	return raw;
}

function validate(
	overrides: Record<string, Record<string, unknown>> = {},
	checks: unknown[] = CHECKS
) {
	const membership = withEpsilon({ ...rawMembership(), checks });
	return validateBank([topicFile(overrides)], { currentMonth: '2026-12', membership });
}

function problems(
	overrides: Record<string, Record<string, unknown>>,
	checks?: unknown[]
): string[] {
	try {
		validate(overrides, checks);
	} catch (error) {
		if (error instanceof BankValidationError) return error.message.split('\n').slice(1);
		throw error;
	}
	return [];
}

describe('bank items checked against the membership data', () => {
	it('passes a bank that agrees, and adds one membership item per state to the members topic', () => {
		const bank = validate();
		expect(bank.items.filter((i) => i.kind === 'membership').map((i) => i.id)).toEqual([
			'members/periods-alpha',
			'members/periods-beta',
			'members/periods-gamma',
			'members/periods-delta',
			'members/periods-epsilon'
		]);
		expect(bank.topics[0]).toMatchObject({ id: 'members', count: 9 });
		expect(bank.membership?.states).toHaveLength(5);
	});

	it('refuses a member count that contradicts the data, naming file, item and field', () => {
		expect(
			problems({ 'members/count': { answer: '2', accept: [], distractors: ['3', '4', '5'] } })
		).toEqual([
			'questions/members.yaml › members/count › answer: contradicts the membership data: it says “2”, but questions/membership.yaml gives 3'
		]);
	});

	it('refuses a set of members, a year and a timeline text that contradict the data', () => {
		expect(
			problems({
				'members/current': {
					members: ['Alpha', 'Beta', 'Gamma'],
					others: ['Epsilon', 'Delta', 'Zeta']
				},
				'members/alpha-back': { answer: '2005', distractors: ['2004', '2006', '2007'] },
				'members/steps': {
					events: [
						{ date: '1992-05-15', text: 'Two states sign', ask: 'When?' },
						{ date: '1993-12-31', text: 'Gamma signs, making four parties', ask: 'When?' },
						{ date: '2006-06-23', text: 'Alpha comes back', ask: 'When?' }
					]
				}
			})
		).toEqual([
			'questions/members.yaml › members/current › members: contradicts the membership data: it lists Alpha, Beta, Gamma, but questions/membership.yaml gives Beta, Gamma, Epsilon',
			'questions/members.yaml › members/alpha-back › answer: contradicts the membership data: it says “2005”, but questions/membership.yaml gives 2006',
			'questions/members.yaml › members/steps › events.0.text: contradicts the membership data: it should say “Three states sign”, as questions/membership.yaml gives 3'
		]);
	});

	it('refuses an item newer than the data, and a check naming an item that does not exist', () => {
		expect(
			problems({ 'members/count': { asOf: '2026-03' } }, [
				{ item: 'members/count', count: { on: 'asOf' } },
				{ item: 'members/gone', count: { on: 'asOf' } }
			])
		).toEqual([
			'questions/membership.yaml › checks.0: members/count: the item is as of 2026-03 but the membership data only as of 2026-01: bring questions/membership.yaml up to date',
			'questions/membership.yaml › checks.1.item: no bank item has the id “members/gone”'
		]);
	});

	it('names a broken membership file by state and field', () => {
		const membership = rawMembership();
		(membership.states[2]!.periods as { from: string }[])[0]!.from = '1993-13-01';
		expect(() => validateBank([topicFile()], { currentMonth: '2026-12', membership })).toThrow(
			'questions/membership.yaml › gamma › periods.0.from: must be a real date'
		);
	});

	it('writes small counts as words', () => {
		expect([numberWord(6), numberWord(9), numberWord(32)]).toEqual(['six', 'nine', '32']);
	});
});
