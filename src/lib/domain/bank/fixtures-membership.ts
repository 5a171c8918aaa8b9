// A small membership file for tests, shaped like questions/membership.yaml: a founding member that
// left and came back, one that froze its participation, one that joined late, and an observer.
import * as v from 'valibot';
import { createMembershipSchema, type Membership } from './membership-schema.ts';

const SOURCES = [{ title: 'Test source', publisher: 'Test publisher', date: '2024-01' }];

/** The raw file, before validation: tests change it to see what the schema refuses. */
export function rawMembership(): Record<string, unknown> & { states: Record<string, unknown>[] } {
	return {
		asOf: '2026-01',
		treaty: {
			signed: '1992-05-15',
			inForce: '1994-04-20',
			renewed: '1999-04-02',
			charterSigned: '2002-10-07',
			charterInForce: '2003-09-18',
			sources: SOURCES
		},
		states: [
			{
				id: 'alpha',
				name: 'Alpha',
				iso: '001',
				periods: [
					{
						from: '1992-05-15',
						how: 'Signed',
						to: '1999-04-20',
						end: 'withdrawal',
						why: 'Did not renew.'
					},
					{
						from: '2006-06-23',
						how: 'Came back',
						to: '2012-12-19',
						end: 'suspension',
						why: 'Suspended.'
					}
				],
				explanation: 'Left twice.',
				sources: SOURCES,
				difficulty: 2
			},
			{
				id: 'beta',
				name: 'Beta',
				iso: '002',
				periods: [{ from: '1992-05-15', how: 'Signed' }],
				freezes: [{ from: '2024-02-22', formal: false, text: 'Stays away.' }],
				explanation: 'Frozen.',
				sources: SOURCES,
				asOf: '2026-01',
				difficulty: 1
			},
			{
				id: 'gamma',
				name: 'Gamma',
				iso: '003',
				periods: [{ from: '1993-12-31', how: 'Signed' }],
				explanation: 'Joined late.',
				sources: SOURCES,
				asOf: '2026-01',
				difficulty: 1
			},
			{
				id: 'delta',
				name: 'Delta',
				iso: '004',
				observer: [{ body: 'Parliamentary Assembly', holder: 'Its parliament', from: 2013 }],
				explanation: 'Observes.',
				sources: SOURCES,
				asOf: '2025-12',
				difficulty: 3
			}
		],
		checks: []
	};
}

/** The fixture, validated. */
export function fixtureMembership(
	change: (raw: ReturnType<typeof rawMembership>) => void = () => {}
): Membership {
	const raw = rawMembership();
	change(raw);
	return v.parse(createMembershipSchema('2026-12'), raw);
}
