import type { BankIssue } from '../errors.ts';
import { formatPartialDate } from '../format.ts';
import { normalizeAnswer } from '../text.ts';
import {
	lastDayOfMonth,
	membersOn,
	type EventRef,
	type MemberState,
	type Membership,
	type MembershipCheck,
	type Selector
} from './membership.ts';
import type { Item } from './schema.ts';

export const MEMBERSHIP_FILE = 'questions/membership.yaml';

const NUMBER_WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve'
];

/**
 * A whole number as a word where it is small, as digits otherwise.
 * @example numberWord(6) // 'six'
 */
export function numberWord(n: number): string {
	return NUMBER_WORDS[n] ?? String(n);
}

type Value =
	| { kind: 'count'; count: number }
	| { kind: 'states'; names: string[] }
	| { kind: 'text'; text: string };

class CheckFailure extends Error {}

function selectStates(data: Membership, selector: Selector, item: Item): MemberState[] {
	let states = data.states.slice();
	if (selector.on !== undefined) {
		let day = selector.on;
		if (day === 'asOf') {
			if (!item.asOf) throw new CheckFailure('the check uses "on: asOf" but the item has no asOf');
			if (item.asOf > data.asOf) {
				throw new CheckFailure(
					`the item is as of ${item.asOf} but the membership data only as of ${data.asOf}: bring questions/membership.yaml up to date`
				);
			}
			day = lastDayOfMonth(item.asOf);
		}
		const members = new Set(membersOn(data, day, { active: selector.active }));
		states = states.filter((s) => members.has(s));
	} else if (selector.active) {
		throw new CheckFailure('"active" needs "on"');
	}
	if (selector.joined !== undefined) {
		const joined = selector.joined;
		states = states.filter((s) => s.periods.some((p) => p.from.startsWith(joined)));
	}
	if (selector.left !== undefined) {
		const left = selector.left;
		states = states.filter((s) => s.periods.some((p) => p.to?.startsWith(left)));
	}
	return states;
}

/** The date an event happened, from the membership data. */
export function eventDate(data: Membership, ref: EventRef): string {
	if ('treaty' in ref) return data.treaty[ref.treaty];
	const state = data.states.find((s) => normalizeAnswer(s.name) === normalizeAnswer(ref.state));
	if (!state) throw new CheckFailure(`no state named “${ref.state}” in ${MEMBERSHIP_FILE}`);
	const date = (() => {
		switch (ref.event) {
			case 'joined':
				return state.periods[0]?.from;
			case 'rejoined':
				return state.periods[1]?.from;
			case 'left':
				return state.periods.find((p) => p.end === 'withdrawal')?.to;
			case 'suspended':
				return state.periods.find((p) => p.end === 'suspension')?.to;
			case 'froze':
				return state.freezes[0]?.from;
			case 'observer':
				return state.observer[0]?.from;
		}
	})();
	if (!date)
		throw new CheckFailure(`${state.name} has no “${ref.event}” date in ${MEMBERSHIP_FILE}`);
	return date;
}

function valueOf(data: Membership, check: MembershipCheck, item: Item): Value {
	if (check.count) return { kind: 'count', count: selectStates(data, check.count, item).length };
	const selector = check.members ?? check.subset ?? check.state;
	if (selector) {
		return { kind: 'states', names: selectStates(data, selector, item).map((s) => s.name) };
	}
	if (check.year) return { kind: 'text', text: eventDate(data, check.year).slice(0, 4) };
	if (check.month) {
		return { kind: 'text', text: formatPartialDate(eventDate(data, check.month).slice(0, 7)) };
	}
	return { kind: 'text', text: formatPartialDate(eventDate(data, check.date!)) };
}

/** The text of the item the check is about, and the other forms an answer may take. */
function targetOf(check: MembershipCheck, item: Item): { field: string; texts: string[] } {
	if (check.pair !== undefined) {
		if (item.kind !== 'pairs') throw new CheckFailure('"pair" needs a pairs item');
		const index = item.pairs.findIndex((p) => p.left === check.pair);
		if (index < 0) throw new CheckFailure(`has no pair whose left side is “${check.pair}”`);
		return { field: `pairs.${index}.right`, texts: [item.pairs[index]!.right] };
	}
	if (check.event !== undefined) {
		if (item.kind !== 'timeline') throw new CheckFailure('"event" needs a timeline item');
		const index = item.events.findIndex((e) => e.date === check.event);
		if (index < 0) throw new CheckFailure(`has no event dated ${check.event}`);
		return { field: `events.${index}.text`, texts: [item.events[index]!.text] };
	}
	switch (item.kind) {
		case 'qa':
			return { field: 'answer', texts: [item.answer, ...item.accept] };
		case 'statement':
			return { field: 'truth', texts: [item.truth] };
		case 'set':
			return { field: 'members', texts: item.members };
		default:
			return { field: 'answer', texts: [item.answer] };
	}
}

function display(value: Value): string {
	if (value.kind === 'count') return String(value.count);
	if (value.kind === 'text') return value.text;
	return value.names.join(', ') || '(none)';
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	const x = new Set(a.map(normalizeAnswer));
	const y = new Set(b.map(normalizeAnswer));
	return x.size === y.size && [...x].every((n) => y.has(n));
}

/** Checks one item against one check; returns what is wrong, or undefined when it agrees. */
function verify(check: MembershipCheck, item: Item, value: Value): string | undefined {
	const { texts } = targetOf(check, item);
	if (check.says !== undefined) {
		const word = value.kind === 'count' ? numberWord(value.count) : display(value);
		const expected = check.says
			.replaceAll('{value}', word)
			.replaceAll('{Value}', word.charAt(0).toUpperCase() + word.slice(1));
		return texts.some((t) => t.includes(expected))
			? undefined
			: `should say “${expected}”, as questions/membership.yaml gives ${display(value)}`;
	}
	if (check.members) {
		if (item.kind !== 'set') return '"members" needs a set item';
		return value.kind === 'states' && sameNames(item.members, value.names)
			? undefined
			: `lists ${item.members.join(', ')}, but questions/membership.yaml gives ${display(value)}`;
	}
	if (check.subset) {
		if (item.kind !== 'set') return '"subset" needs a set item';
		const allowed = new Set(value.kind === 'states' ? value.names.map(normalizeAnswer) : []);
		const outside = item.members.filter((m) => !allowed.has(normalizeAnswer(m)));
		return outside.length === 0
			? undefined
			: `lists ${outside.join(', ')}, which questions/membership.yaml does not count as members then`;
	}
	if (check.state) {
		if (value.kind !== 'states' || value.names.length !== 1) {
			return `questions/membership.yaml matches ${display(value)}, not exactly one state`;
		}
	}
	const accepted =
		value.kind === 'count' ? [String(value.count), numberWord(value.count)] : [display(value)];
	const keys = new Set(accepted.map(normalizeAnswer));
	return texts.some((t) => keys.has(normalizeAnswer(t)))
		? undefined
		: `says “${texts[0]}”, but questions/membership.yaml gives ${display(value)}`;
}

/**
 * Runs the membership file's checks against the bank: every item they name must exist and agree
 * with the membership data (a member count in a year, a set of members, the year of an event).
 * Returns one issue per disagreement, named by the item's file, id and field.
 */
export function checkBankAgainstMembership(
	data: Membership,
	items: readonly Item[],
	/** Ids of items that exist but failed validation: their own issues are reported already. */
	invalidIds: ReadonlySet<string> = new Set()
): BankIssue[] {
	const byId = new Map(items.map((item) => [item.id, item]));
	const issues: BankIssue[] = [];
	data.checks.forEach((check, index) => {
		const item = byId.get(check.item);
		if (!item && invalidIds.has(check.item)) return;
		if (!item) {
			issues.push({
				file: MEMBERSHIP_FILE,
				field: `checks.${index}.item`,
				message: `no bank item has the id “${check.item}”`
			});
			return;
		}
		const file = `questions/${item.topic}.yaml`;
		try {
			const { field } = targetOf(check, item);
			const problem = verify(check, item, valueOf(data, check, item));
			if (problem) {
				issues.push({
					file,
					id: item.id,
					field,
					message: `contradicts the membership data: it ${problem}`
				});
			}
		} catch (error) {
			if (!(error instanceof CheckFailure)) throw error;
			issues.push({
				file: MEMBERSHIP_FILE,
				field: `checks.${index}`,
				message: `${check.item}: ${error.message}`
			});
		}
	});
	return issues;
}
