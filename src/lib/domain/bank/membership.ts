import * as v from 'valibot';
import { formatPartialDate } from '../format.ts';
import {
	DateText,
	SourceSchema,
	Text,
	countSentences,
	isValidPartialDate,
	type Source
} from './schema.ts';

// questions/membership.yaml: who was a party to the Collective Security Treaty or a member of the
// CSTO, and when. Dates of periods and freezes are whole days; a period's `to` is the day its
// membership ended, so a state is a member on day D when `from <= D < to`.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Day = v.pipe(
	DateText,
	v.regex(DAY, 'must be a day as YYYY-MM-DD'),
	v.check(isValidPartialDate, 'must be a real date')
);
const PartialDay = v.pipe(
	DateText,
	v.check(isValidPartialDate, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
);
const Month = v.pipe(DateText, v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'));

/** How a membership period ended. */
export const END_KINDS = ['withdrawal', 'suspension'] as const;
export type EndKind = (typeof END_KINDS)[number];

const PeriodSchema = v.pipe(
	v.object({
		from: Day,
		how: Text,
		to: v.optional(Day),
		end: v.optional(v.picklist(END_KINDS, `must be one of: ${END_KINDS.join(', ')}`)),
		/** The day the state announced the end, when that came before the end itself. */
		notice: v.optional(Day),
		why: v.optional(Text)
	}),
	v.forward(
		v.check((p) => p.to === undefined || p.from < p.to, 'must be after from'),
		['to']
	),
	v.forward(
		v.check(
			(p) => (p.to === undefined) === (p.end === undefined),
			'a period that ended says how (end: withdrawal or suspension), and only such a period'
		),
		['end']
	),
	v.forward(
		v.check((p) => p.to === undefined || p.why !== undefined, 'say why the period ended'),
		['why']
	)
);
export type Period = v.InferOutput<typeof PeriodSchema>;

const FreezeSchema = v.object({
	from: Day,
	to: v.optional(Day),
	/** True when the freeze was decided by the CSTO's bodies; false when it is the state's own, de facto. */
	formal: v.boolean('must be true (decided formally) or false (de facto)'),
	text: Text
});
export type Freeze = v.InferOutput<typeof FreezeSchema>;

const ObserverSchema = v.object({
	body: Text,
	holder: Text,
	from: PartialDay,
	to: v.optional(PartialDay),
	why: v.optional(Text)
});
export type ObserverSeat = v.InferOutput<typeof ObserverSchema>;

function createStateSchema(currentMonth: string) {
	return v.pipe(
		v.object({
			id: v.pipe(
				v.string('must be text'),
				v.regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a kebab-case name such as north-macedonia')
			),
			name: Text,
			/** ISO 3166-1 numeric code: how the map finds the state's boundary. */
			iso: v.pipe(v.string('must be text'), v.regex(/^\d{3}$/, 'must be three digits')),
			periods: v.optional(v.array(PeriodSchema, 'must be a list of periods'), []),
			freezes: v.optional(v.array(FreezeSchema, 'must be a list of freezes'), []),
			observer: v.optional(v.array(ObserverSchema, 'must be a list of observer seats'), []),
			explanation: v.pipe(
				Text,
				v.check(
					(text) => countSentences(text) <= 3,
					'must be one to three sentences in our own words'
				)
			),
			sources: v.pipe(
				v.array(SourceSchema, 'must be a list of sources'),
				v.minLength(1, 'at least one source is required')
			),
			asOf: v.optional(
				v.pipe(
					Month,
					v.check(
						(month) => month <= currentMonth,
						`must not be in the future (after ${currentMonth})`
					)
				)
			),
			difficulty: v.picklist([1, 2, 3], 'must be 1, 2 or 3')
		}),
		v.forward(
			v.check(
				(s) => s.periods.length > 0 || s.observer.length > 0,
				'a state here was a party, a member or an observer: give at least one period or observer seat'
			),
			['periods']
		),
		v.forward(
			v.check(
				(s) =>
					s.periods.every((p, i) => i === 0 || (s.periods[i - 1]!.to ?? '9') <= p.from) &&
					s.periods.slice(0, -1).every((p) => p.to !== undefined),
				'periods must be in order, must not overlap, and only the last may be open'
			),
			['periods']
		),
		v.forward(
			v.check(
				(s) => s.freezes.every((f) => s.periods.some((p) => isWithin(p, f.from, f.to))),
				'a freeze must fall within a membership period'
			),
			['freezes']
		),
		v.forward(
			v.check(
				(s) => s.asOf !== undefined || !isOpen(s),
				'is required: this state is still a member, frozen or an observer, which can change'
			),
			['asOf']
		)
	);
}

function isWithin(period: Period, from: string, to: string | undefined): boolean {
	if (from < period.from) return false;
	if (period.to === undefined) return true;
	return from < period.to && (to === undefined ? false : to <= period.to);
}

function isOpen(state: {
	periods: readonly Period[];
	freezes: readonly Freeze[];
	observer: readonly ObserverSeat[];
}): boolean {
	return (
		state.periods.some((p) => p.to === undefined) ||
		state.freezes.some((f) => f.to === undefined) ||
		state.observer.some((o) => o.to === undefined)
	);
}

const EventRefSchema = v.union(
	[
		v.object({
			treaty: v.picklist(['signed', 'inForce', 'renewed', 'charterSigned', 'charterInForce'])
		}),
		v.object({
			state: Text,
			event: v.picklist(['joined', 'rejoined', 'left', 'suspended', 'froze', 'observer'])
		})
	],
	'must be { treaty: signed | inForce | renewed | charterSigned | charterInForce } or { state, event: joined | rejoined | left | suspended | froze | observer }'
);
export type EventRef = v.InferOutput<typeof EventRefSchema>;

const SelectorSchema = v.object({
	/** Members on this day, or on the last day of the item's `asOf` month. */
	on: v.optional(v.union([v.literal('asOf'), Day], 'must be asOf or a day as YYYY-MM-DD')),
	/** Only members whose participation is not frozen. */
	active: v.optional(v.boolean()),
	/** States with a period that began on this (partial) date. */
	joined: v.optional(PartialDay),
	/** States with a period that ended on this (partial) date. */
	left: v.optional(PartialDay)
});
export type Selector = v.InferOutput<typeof SelectorSchema>;

const CheckSchema = v.pipe(
	v.object({
		item: v.pipe(
			v.string('must be an item id'),
			v.regex(/^[a-z]+\/[a-z0-9-]+$/, 'must be an item id')
		),
		/** A timeline item's event (by its date) whose text is checked. */
		event: v.optional(PartialDay),
		/** A pairs item's pair (by its left side) whose right side is checked. */
		pair: v.optional(Text),
		/** The text the item must contain, with {value} (or {Value}) where the value goes. */
		says: v.optional(v.pipe(Text, v.regex(/\{[vV]alue\}/, 'must contain {value}'))),
		count: v.optional(SelectorSchema),
		members: v.optional(SelectorSchema),
		subset: v.optional(SelectorSchema),
		state: v.optional(SelectorSchema),
		year: v.optional(EventRefSchema),
		month: v.optional(EventRefSchema),
		date: v.optional(EventRefSchema)
	}),
	v.check(
		(c) =>
			[c.count, c.members, c.subset, c.state, c.year, c.month, c.date].filter(
				(x) => x !== undefined
			).length === 1,
		'a check gives exactly one of count, members, subset, state, year, month, date'
	)
);
export type MembershipCheck = v.InferOutput<typeof CheckSchema>;

/** The schema of questions/membership.yaml, for a given current month (a later `asOf` is refused). */
export function createMembershipSchema(currentMonth: string) {
	return v.pipe(
		v.object({
			asOf: v.pipe(
				Month,
				v.check((m) => m <= currentMonth, `must not be in the future (after ${currentMonth})`)
			),
			treaty: v.object({
				signed: Day,
				inForce: Day,
				renewed: Day,
				charterSigned: Day,
				charterInForce: Day,
				sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'at least one source is required'))
			}),
			states: v.pipe(
				v.array(createStateSchema(currentMonth), 'must be a list of states'),
				v.minLength(1, 'at least one state is required')
			),
			checks: v.optional(v.array(CheckSchema, 'must be a list of checks'), [])
		}),
		v.forward(
			v.check(
				(m) => new Set(m.states.map((s) => s.id)).size === m.states.length,
				'two states share an id'
			),
			['states']
		),
		v.forward(
			v.check(
				(m) => new Set(m.states.map((s) => s.iso)).size === m.states.length,
				'two states share an ISO code'
			),
			['states']
		),
		v.forward(
			v.check(
				(m) => m.states.every((s) => latestDate(s) <= `${m.asOf}-31`),
				`no date may be later than the file's asOf month`
			),
			['states']
		),
		v.forward(
			v.check(
				(m) => m.states.every((s) => s.asOf === undefined || s.asOf <= m.asOf),
				`a state's asOf may not be later than the file's asOf`
			),
			['states']
		)
	);
}

function latestDate(state: {
	periods: readonly Period[];
	freezes: readonly Freeze[];
	observer: readonly ObserverSeat[];
}): string {
	const dates = [
		...state.periods.flatMap((p) => [p.from, p.to ?? '']),
		...state.freezes.flatMap((f) => [f.from, f.to ?? '']),
		...state.observer.flatMap((o) => [o.from, o.to ?? ''])
	];
	return dates.reduce((a, b) => (a > b ? a : b), '');
}

export type Membership = v.InferOutput<ReturnType<typeof createMembershipSchema>>;
export type MemberState = Membership['states'][number];

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
