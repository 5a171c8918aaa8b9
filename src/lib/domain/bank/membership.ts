import { formatPartialDate } from '../format.ts';
import type { Source } from './schema.ts';
import type {
	EndKind,
	Freeze,
	MemberState,
	Membership,
	ObserverSeat,
	Period
} from './membership-schema.ts';

// Who was a member when, from questions/membership.yaml (validated by membership-schema.ts): a
// state is a member on day D when `from <= D < to` for one of its periods.

export type {
	EndKind,
	EventRef,
	Freeze,
	MemberState,
	Membership,
	MembershipCheck,
	ObserverSeat,
	Period,
	Selector
} from './membership-schema.ts';

/** Where a state stands on a day: the map's and the table's categories. */
export const STATUSES = [
	'member',
	'frozen',
	'former',
	'observer',
	'former-observer',
	'none'
] as const;
export type Status = (typeof STATUSES)[number];

/** The start of a partial date as a day: `2013` is `2013-01-01`. */
function startDay(date: string): string {
	return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day of a `YYYY-MM` month. */
export function lastDayOfMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${month}-${String(days).padStart(2, '0')}`;
}

/** The period a state was in on a day, if any. */
export function periodOn(state: MemberState, day: string): Period | undefined {
	return state.periods.find((p) => p.from <= day && (p.to === undefined || day < p.to));
}

/** The freeze in force on a day, if any. */
export function freezeOn(state: MemberState, day: string): Freeze | undefined {
	return state.freezes.find((f) => f.from <= day && (f.to === undefined || day < f.to));
}

/** The observer seat held on a day, if any. */
export function observerSeatOn(state: MemberState, day: string): ObserverSeat | undefined {
	return state.observer.find(
		(o) => startDay(o.from) <= day && (o.to === undefined || day < startDay(o.to))
	);
}

/**
 * Where a state stood on a day.
 * @example statusOn(uzbekistan, '2003-01-01') // 'former'
 */
export function statusOn(state: MemberState, day: string): Status {
	if (periodOn(state, day)) return freezeOn(state, day) ? 'frozen' : 'member';
	if (observerSeatOn(state, day)) return 'observer';
	if (state.periods.some((p) => p.to !== undefined && p.to <= day)) return 'former';
	if (state.observer.some((o) => o.to !== undefined && startDay(o.to) <= day)) {
		return 'former-observer';
	}
	return 'none';
}

/** True when the state was formally a party or member on the day (a frozen member counts). */
export function isMemberOn(state: MemberState, day: string): boolean {
	return periodOn(state, day) !== undefined;
}

/** The states that were members on a day; with `active`, without those whose participation was frozen. */
export function membersOn(
	data: Pick<Membership, 'states'>,
	day: string,
	options: { active?: boolean } = {}
): MemberState[] {
	return data.states.filter(
		(s) => isMemberOn(s, day) && !(options.active && freezeOn(s, day) !== undefined)
	);
}

/** The first and last year the data can show: the treaty's signature to the `asOf` year. */
export function yearRange(data: Pick<Membership, 'asOf' | 'treaty'>): {
	first: number;
	last: number;
} {
	return { first: Number(data.treaty.signed.slice(0, 4)), last: Number(data.asOf.slice(0, 4)) };
}

/** The day a year's map shows: 31 December, or the last day of `asOf` in the `asOf` year. */
export function dayShownFor(data: Pick<Membership, 'asOf'>, year: number): string {
	const end = lastDayOfMonth(data.asOf);
	const day = `${year}-12-31`;
	return day < end ? day : end;
}

/** True when a state's status stays the same on every day of a year (so "in <year>" is clear). */
export function isSteadyThrough(state: MemberState, year: number): boolean {
	const first = `${year}-01-01`;
	const last = `${year}-12-31`;
	const changes = [
		...state.periods.flatMap((p) => [p.from, p.to]),
		...state.freezes.flatMap((f) => [f.from, f.to])
	].filter((d): d is string => d !== undefined);
	return !changes.some((d) => d > first && d <= last);
}

function yearsOf(from: string, to: string | undefined): string {
	const start = from.slice(0, 4);
	return to === undefined ? `since ${start}` : `${start}–${to.slice(0, 4)}`;
}

/**
 * The membership periods in years, for names and short cards; with `day`, only as known on that day.
 * @example periodYears(uzbekistan) // '1992–1999, 2006–2012'
 * @example periodYears(uzbekistan, '2003-12-31') // '1992–1999'
 */
export function periodYears(state: MemberState, day?: string): string {
	return state.periods
		.filter((p) => day === undefined || p.from <= day)
		.map((p) =>
			yearsOf(p.from, day !== undefined && p.to !== undefined && p.to > day ? undefined : p.to)
		)
		.join(', ');
}

/** How a status reads in a sentence, e.g. "member, participation frozen (de facto) since 2024". */
export function describeStatus(state: MemberState, day: string): string {
	const status = statusOn(state, day);
	switch (status) {
		case 'member':
			return `member ${yearsOf(periodOn(state, day)!.from, undefined)}`;
		case 'frozen': {
			const freeze = freezeOn(state, day)!;
			return `member ${yearsOf(periodOn(state, day)!.from, undefined)}, participation frozen${freeze.formal ? '' : ' (de facto)'} since ${freeze.from.slice(0, 4)}`;
		}
		case 'former':
			return `former member (${periodYears(state, day)})`;
		case 'observer': {
			const seat = observerSeatOn(state, day)!;
			return `observer in the ${seat.body} ${yearsOf(seat.from, undefined)}`;
		}
		case 'former-observer': {
			const seat = state.observer[state.observer.length - 1]!;
			return `former observer in the ${seat.body} (${yearsOf(seat.from, seat.to)})`;
		}
		case 'none': {
			const period = state.periods[0];
			if (period) return `not yet a party (signed ${period.from.slice(0, 4)})`;
			const seat = state.observer[0];
			return seat
				? `never a party; not yet an observer (from ${seat.from.slice(0, 4)})`
				: 'never a party';
		}
	}
}

/** One line per change, in date order, for the timeline table and the state's card. */
export interface MembershipEvent {
	date: string;
	kind: 'joined' | EndKind | 'freeze' | 'observer' | 'observer-ended';
	text: string;
}

/** Every dated change of one state, oldest first. */
export function eventsOf(state: MemberState): MembershipEvent[] {
	const events: MembershipEvent[] = [];
	for (const p of state.periods) {
		events.push({ date: p.from, kind: 'joined', text: p.how });
		if (p.to && p.end) {
			const what = p.end === 'withdrawal' ? 'Left' : 'Membership suspended';
			events.push({ date: p.to, kind: p.end, text: `${what}: ${p.why ?? ''}`.trim() });
		}
	}
	for (const f of state.freezes) {
		events.push({
			date: f.from,
			kind: 'freeze',
			text: `Participation frozen (${f.formal ? 'formally' : 'de facto, no formal decision'}): ${f.text}`
		});
	}
	for (const o of state.observer) {
		events.push({
			date: o.from,
			kind: 'observer',
			text: `${o.holder} became an observer in the ${o.body}`
		});
		if (o.to) {
			events.push({
				date: o.to,
				kind: 'observer-ended',
				text: `Observer seat lapsed${o.why ? `: ${o.why}` : ''}`
			});
		}
	}
	return events.sort((a, b) => (startDay(a.date) < startDay(b.date) ? -1 : 1));
}

/** The membership periods written out with days, e.g. "15 May 1992 – 20 April 1999". */
export function describePeriods(state: MemberState): string {
	return state.periods
		.map((p) =>
			p.to
				? `${formatPartialDate(p.from)} – ${formatPartialDate(p.to)} (${p.end === 'withdrawal' ? 'left' : 'suspended'})`
				: `since ${formatPartialDate(p.from)}`
		)
		.join('; ');
}

/** A bank item made from one state's membership: its flashcard and its map questions. */
export interface MembershipItem {
	id: string;
	kind: 'membership';
	/** The state's id in questions/membership.yaml (and on the map). */
	state: string;
	prompt: string;
	answer: string;
	explanation: string;
	sources: Source[];
	asOf?: string;
	difficulty: 1 | 2 | 3;
	tags: string[];
	changed?: string;
}

/** The id of a state's membership item. */
export function membershipItemId(stateId: string): string {
	return `members/periods-${stateId}`;
}

/**
 * The flashcard item of one state: asks when it belonged, answers with its periods, its freeze or
 * its observer seat. Its map questions come from the quiz generator.
 */
export function toMembershipItem(state: MemberState): MembershipItem {
	const isParty = state.periods.length > 0;
	const prompt = isParty
		? `When was ${state.name} a party to the Collective Security Treaty or a member of the CSTO?`
		: `What has ${state.name}'s link to the CSTO been?`;
	const parts: string[] = [];
	if (isParty) parts.push(capitalize(describePeriods(state)));
	else parts.push('Never a party to the treaty');
	for (const f of state.freezes) {
		parts.push(
			`participation frozen ${f.formal ? 'formally' : 'de facto'} since ${formatPartialDate(f.from)}`
		);
	}
	for (const o of state.observer) {
		parts.push(
			`its parliament an observer in the ${o.body} ${o.to ? `from ${o.from.slice(0, 4)} until ${o.to.slice(0, 4)}` : `since ${o.from.slice(0, 4)}`}`
		);
	}
	return {
		id: membershipItemId(state.id),
		kind: 'membership',
		state: state.id,
		prompt,
		answer: parts.join('; ') + '.',
		explanation: state.explanation,
		sources: state.sources,
		...(state.asOf ? { asOf: state.asOf } : {}),
		difficulty: state.difficulty,
		tags: ['membership', 'map']
	};
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
