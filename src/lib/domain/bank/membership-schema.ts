import * as v from 'valibot';
import { DateText, SourceSchema, Text, countSentences, isValidPartialDate } from './schema.ts';

// The schema of questions/membership.yaml: who was a party to the Collective Security Treaty or a
// member of the CSTO, and when. Dates of periods and freezes are whole days; a period's `to` is the
// day its membership ended, so a state is a member on day D when `from <= D < to`. Only the build
// and the tests validate with it; the browser imports the types and membership.ts.

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
