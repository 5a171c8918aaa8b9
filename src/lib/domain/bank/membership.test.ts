import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixtureMembership, rawMembership } from './fixtures-membership';
import { createMembershipSchema } from './membership-schema';
import {
	dayShownFor,
	describeStatus,
	isSteadyThrough,
	membersOn,
	statusOn,
	toMembershipItem,
	yearRange
} from './membership';

const data = fixtureMembership();
const state = (id: string) => data.states.find((s) => s.id === id)!;

/** The messages the schema gives for a changed fixture, as `path: message`. */
function refusals(change: (raw: ReturnType<typeof rawMembership>) => void): string[] {
	const raw = rawMembership();
	change(raw);
	const result = v.safeParse(createMembershipSchema('2026-12'), raw);
	if (result.success) return [];
	return result.issues.map(
		(issue) => `${(issue.path ?? []).map((p) => String(p.key)).join('.')}: ${issue.message}`
	);
}

describe('membership status on a day', () => {
	it.each([
		['alpha', '1992-05-14', 'none'],
		['alpha', '1992-05-15', 'member'],
		['alpha', '1999-04-19', 'member'],
		['alpha', '1999-04-20', 'former'],
		['alpha', '2008-01-01', 'member'],
		['alpha', '2012-12-19', 'former'],
		['beta', '2024-02-21', 'member'],
		['beta', '2024-02-22', 'frozen'],
		['gamma', '1993-06-01', 'none'],
		['delta', '2012-12-31', 'none'],
		['delta', '2013-01-01', 'observer']
	])('%s on %s is %s', (id, day, status) => {
		expect(statusOn(state(id), day)).toBe(status);
	});

	it('counts members, and only active ones when asked', () => {
		expect(membersOn(data, '1994-01-01').map((s) => s.id)).toEqual(['alpha', 'beta', 'gamma']);
		expect(membersOn(data, '2003-01-01').map((s) => s.id)).toEqual(['beta', 'gamma']);
		expect(membersOn(data, '2025-06-30').map((s) => s.id)).toEqual(['beta', 'gamma']);
		expect(membersOn(data, '2025-06-30', { active: true }).map((s) => s.id)).toEqual(['gamma']);
	});

	it('describes a status in words', () => {
		expect(describeStatus(state('alpha'), '2013-01-01')).toBe(
			'former member (1992–1999, 2006–2012)'
		);
		expect(describeStatus(state('alpha'), '2003-12-31')).toBe('former member (1992–1999)');
		expect(describeStatus(state('beta'), '2025-01-01')).toBe(
			'member since 1992, participation frozen (de facto) since 2024'
		);
		expect(describeStatus(state('gamma'), '1992-12-31')).toBe('not yet a party (signed 1993)');
		expect(describeStatus(state('delta'), '2000-12-31')).toBe(
			'never a party; not yet an observer (from 2013)'
		);
	});

	it('knows which years have one status throughout', () => {
		expect(isSteadyThrough(state('alpha'), 1999)).toBe(false);
		expect(isSteadyThrough(state('alpha'), 2000)).toBe(true);
		expect(isSteadyThrough(state('beta'), 2024)).toBe(false);
		expect(isSteadyThrough(state('gamma'), 1993)).toBe(false);
	});

	it('shows 31 December of a year, and the asOf month in the last year', () => {
		expect(yearRange(data)).toEqual({ first: 1992, last: 2026 });
		expect(dayShownFor(data, 1999)).toBe('1999-12-31');
		expect(dayShownFor(data, 2026)).toBe('2026-01-31');
	});
});

describe('the membership schema', () => {
	it('accepts the fixture', () => {
		expect(refusals(() => {})).toEqual([]);
	});

	it.each<[string, (raw: ReturnType<typeof rawMembership>) => void, string]>([
		[
			'overlapping periods',
			(raw) => {
				const periods = raw.states[0]!.periods as { from: string }[];
				periods[1]!.from = '1998-01-01';
			},
			'states.0.periods: periods must be in order, must not overlap, and only the last may be open'
		],
		[
			'an end without its reason',
			(raw) => {
				const periods = raw.states[0]!.periods as { why?: string }[];
				delete periods[0]!.why;
			},
			'states.0.periods.0.why: say why the period ended'
		],
		[
			'a freeze outside any period',
			(raw) => {
				raw.states[2]!.freezes = [{ from: '1993-01-01', formal: true, text: 'x' }];
			},
			'states.2.freezes: a freeze must fall within a membership period'
		],
		[
			'an open membership without asOf',
			(raw) => {
				delete raw.states[1]!.asOf;
			},
			'states.1.asOf: is required: this state is still a member, frozen or an observer, which can change'
		],
		[
			'a date after the file asOf',
			(raw) => {
				raw.states[2]!.periods = [{ from: '2026-05-01', how: 'Signed' }];
			},
			"states: no date may be later than the file's asOf month"
		],
		[
			'a state with neither period nor seat',
			(raw) => {
				raw.states[3]!.observer = [];
			},
			'states.3.periods: a state here was a party, a member or an observer: give at least one period or observer seat'
		],
		[
			'an impossible day',
			(raw) => {
				raw.states[2]!.periods = [{ from: '1993-02-30', how: 'Signed' }];
			},
			'states.2.periods.0.from: must be a real date'
		],
		[
			'two states with one id',
			(raw) => {
				raw.states[3]!.id = 'alpha';
			},
			'states: two states share an id'
		]
	])('refuses %s', (_, change, message) => {
		expect(refusals(change)).toContain(message);
	});
});

describe('membership items', () => {
	it('asks when a state belonged and answers with its periods, freeze or seat', () => {
		expect(toMembershipItem(state('alpha'))).toMatchObject({
			id: 'members/periods-alpha',
			kind: 'membership',
			state: 'alpha',
			prompt: 'When was Alpha a party to the Collective Security Treaty or a member of the CSTO?',
			answer: '15 May 1992 – 20 April 1999 (left); 23 June 2006 – 19 December 2012 (suspended).'
		});
		expect(toMembershipItem(state('beta')).answer).toBe(
			'Since 15 May 1992; participation frozen de facto since 22 February 2024.'
		);
		expect(toMembershipItem(state('beta')).asOf).toBe('2026-01');
		expect(toMembershipItem(state('delta')).answer).toBe(
			'Never a party to the treaty; its parliament an observer in the Parliamentary Assembly since 2013.'
		);
	});
});
