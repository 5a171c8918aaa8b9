import {
	isMemberOn,
	isSteadyThrough,
	freezeOn,
	yearRange,
	type MemberState,
	type Membership,
	type MembershipItem
} from '../bank/membership.ts';
import type { Item, MapState } from '../bank/schema.ts';
import { formatPartialDate } from '../format.ts';
import { sample, shuffle, type Rng } from '../random.ts';
import type { MapQuestion, MapVariant } from './types.ts';

/** What map questions need beyond one item: every state's membership and the states on the map. */
export interface MapContext {
	membership: Membership;
	mapStates: readonly MapState[];
}

const joinNames = (names: readonly string[]) =>
	names.length <= 1
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

function base(
	item: MembershipItem & Item,
	prompt: string,
	answerText: string,
	explanation: string
) {
	return {
		itemId: item.id,
		topic: item.topic,
		difficulty: item.difficulty,
		prompt,
		answerText,
		explanation,
		sources: item.sources,
		...(item.asOf ? { asOf: item.asOf } : {})
	};
}

/** A fact about a state, and which states it is true of. */
interface Clause {
	text: string;
	holds: (state: MemberState) => boolean;
}

function clausesFor(state: MemberState): Clause[] {
	const clauses: Clause[] = [];
	const freeze = state.freezes[0];
	if (freeze) {
		const year = freeze.from.slice(0, 4);
		clauses.push({
			text: `froze its participation in the CSTO in ${year}`,
			holds: (s) => s.freezes.some((f) => f.from.startsWith(year))
		});
	}
	const suspended = state.periods.find((p) => p.end === 'suspension');
	if (suspended?.to) {
		const year = suspended.to.slice(0, 4);
		clauses.push({
			text: `had its CSTO membership suspended in ${year}`,
			holds: (s) => s.periods.some((p) => p.end === 'suspension' && p.to?.startsWith(year))
		});
	}
	const first = state.periods[0];
	const last = state.periods[state.periods.length - 1];
	if (first) {
		const month = first.from.slice(0, 7);
		const signed = `signed the Collective Security Treaty in ${formatPartialDate(month)}`;
		const signedIn = (s: MemberState) => s.periods[0]?.from.startsWith(month) ?? false;
		clauses.push({ text: signed, holds: signedIn });
		const left = first.to?.slice(0, 4);
		if (left && state.periods.length === 1) {
			clauses.push({
				text: `${signed} and left it in ${left}`,
				holds: (s) =>
					signedIn(s) && s.periods.length === 1 && (s.periods[0]!.to?.startsWith(left) ?? false)
			});
		}
		if (last && last.to === undefined && state.periods.length === 1) {
			clauses.push({
				text: `${signed} and has never left it`,
				holds: (s) => signedIn(s) && s.periods.length === 1 && s.periods[0]!.to === undefined
			});
		}
	}
	for (const seat of state.observer) {
		const from = seat.from.slice(0, 4);
		const to = seat.to?.slice(0, 4);
		clauses.push(
			to
				? {
						text: `whose parliament held an observer seat in the CSTO ${seat.body} from ${from} to ${to}`,
						holds: (s) => s.observer.some((o) => o.from.startsWith(from) && o.to?.startsWith(to))
					}
				: {
						text: `whose parliament has been an observer in the CSTO ${seat.body} since ${from}`,
						holds: (s) => s.observer.some((o) => o.from.startsWith(from) && o.to === undefined)
					}
		);
	}
	return clauses;
}

/**
 * A fact from the membership data that is true of this state and of no other state on the map, or
 * undefined when there is none (four members have the same record: signed in 1992, never left).
 * @example uniqueClause(uzbekistan, membership) // 'had its CSTO membership suspended in 2012'
 */
export function uniqueClause(state: MemberState, membership: Membership): string | undefined {
	return clausesFor(state).find((clause) =>
		membership.states.every((s) => (s === state) === clause.holds(s))
	)?.text;
}

function stateOf(item: MembershipItem, context: MapContext): MemberState | undefined {
	return context.membership.states.find((s) => s.id === item.state);
}

/** The years for which "Which of these were members in <year>?" has a clear answer for this state. */
function askableYears(state: MemberState, membership: Membership): number[] {
	const { first, last } = yearRange(membership);
	const years: number[] = [];
	// The year of signature and the current year are only partly covered: ask about whole years.
	for (let year = first + 1; year < last; year++) {
		if (isSteadyThrough(state, year) && !freezeOn(state, `${year}-06-30`)) years.push(year);
	}
	return state.periods.length > 0 ? years : [];
}

/** The map question kinds one membership item can make. */
export function mapVariantsFor(item: MembershipItem, context: MapContext): MapVariant[] {
	const state = stateOf(item, context);
	if (!state || !context.mapStates.some((s) => s.id === state.id)) return [];
	return [
		'identify',
		'locate',
		...(askableYears(state, context.membership).length > 0 ? (['years'] as const) : [])
	];
}

/** Builds one map question from a membership item; the variant is picked at random among those it can make. */
export function generateMapQuestion(
	item: MembershipItem & Item,
	rng: Rng,
	context: MapContext
): MapQuestion {
	const variants = mapVariantsFor(item, context);
	const state = stateOf(item, context);
	if (!state || variants.length === 0) {
		throw new Error(`The membership item ${item.id} has no state on the map.`);
	}
	const variant = variants[Math.floor(rng.next() * variants.length)]!;
	if (variant === 'identify') return identify(item, state, rng, context);
	if (variant === 'locate') return locate(item, state, context);
	return years(item, state, rng, context);
}

function identify(
	item: MembershipItem & Item,
	state: MemberState,
	rng: Rng,
	context: MapContext
): MapQuestion {
	const onMap = context.mapStates.find((s) => s.id === state.id)!;
	// Neighbours make the hardest distractors; other states on the map fill up.
	const near = shuffle(rng, onMap.neighbours);
	const far = shuffle(
		rng,
		context.mapStates.map((s) => s.id).filter((id) => id !== state.id && !near.includes(id))
	);
	const ids = shuffle(rng, [state.id, ...[...near, ...far].slice(0, 3)]);
	const names = ids.map((id) => nameOf(id, context));
	return {
		...base(item, 'Which state is highlighted?', state.name, item.explanation),
		type: 'map',
		variant: 'identify',
		highlight: state.id,
		optionIds: ids,
		options: names,
		correct: [ids.indexOf(state.id)]
	};
}

function locate(item: MembershipItem & Item, state: MemberState, context: MapContext): MapQuestion {
	const clause = uniqueClause(state, context.membership);
	const prompt =
		clause === undefined
			? `Select ${state.name} on the map.`
			: clause.startsWith('whose')
				? `Select the state ${clause} on the map.`
				: `Select the state that ${clause} on the map.`;
	const ids = context.mapStates.map((s) => s.id);
	return {
		...base(item, prompt, state.name, item.explanation),
		type: 'map',
		variant: 'locate',
		optionIds: ids,
		options: context.mapStates.map((s) => s.name),
		correct: [ids.indexOf(state.id)]
	};
}

function years(
	item: MembershipItem & Item,
	state: MemberState,
	rng: Rng,
	context: MapContext
): MapQuestion {
	const year = sample(rng, askableYears(state, context.membership), 1)[0]!;
	const day = `${year}-06-30`;
	const isMember = (s: MemberState) => isMemberOn(s, day);
	// Other parties whose status is as clear that year, and never-parties drawn on the map.
	const parties = context.membership.states.filter(
		(s) =>
			s !== state &&
			s.periods.length > 0 &&
			isSteadyThrough(s, year) &&
			!freezeOn(s, day) &&
			context.mapStates.some((m) => m.id === s.id)
	);
	const outsiders = context.mapStates
		.filter((m) => !context.membership.states.some((s) => s.id === m.id && s.periods.length > 0))
		.map((m) => m.id);
	const memberIds = new Set(context.membership.states.filter(isMember).map((s) => s.id));
	const ins = shuffle(rng, parties.filter(isMember)).map((s) => s.id);
	const outs = shuffle(
		rng,
		parties.filter((s) => !isMember(s))
	).map((s) => s.id);
	// Five options with the asked state among them: former and current parties first, with one to
	// three members; states that never signed only where the parties give too few options or no
	// wrong one (1994 to 1998, when all nine were in).
	const wantIn = 1 + Math.floor(rng.next() * 3) - (isMember(state) ? 1 : 0);
	const chosen = [state.id, ...ins.slice(0, Math.max(0, wantIn))];
	for (const id of [...outs, ...ins])
		if (chosen.length < 5 && !chosen.includes(id)) chosen.push(id);
	const others = shuffle(rng, outsiders);
	if (chosen.every((id) => memberIds.has(id)))
		chosen[Math.max(1, chosen.length - 1)] = others.pop()!;
	while (chosen.length < 5 && others.length > 0) chosen.push(others.pop()!);
	const ids = shuffle(rng, chosen);
	const correct = ids.flatMap((id, i) => (memberIds.has(id) ? [i] : []));
	const names = ids.map((id) => nameOf(id, context));
	const right = correct.map((i) => names[i]!);
	const wrong = names.filter((_, i) => !correct.includes(i));
	const explanation =
		`Through all of ${year}, ${joinNames(right)} ${right.length === 1 ? 'was a member' : 'were members'}` +
		`${year < 2002 ? ' (of the treaty; the CSTO itself was founded in 2002)' : ''}, and ` +
		`${joinNames(wrong)} ${wrong.length === 1 ? 'was' : 'were'} not. ${item.explanation}`;
	return {
		...base(item, `Which of these were members in ${year}?`, joinNames(right), explanation),
		type: 'map',
		variant: 'years',
		year,
		optionIds: ids,
		options: names,
		correct
	};
}

function nameOf(id: string, context: MapContext): string {
	return context.mapStates.find((s) => s.id === id)?.name ?? id;
}
