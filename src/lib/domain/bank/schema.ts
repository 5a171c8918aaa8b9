import * as v from 'valibot';
import { normalizeAnswer } from '../text.ts';
import { TOPICS, type Topic } from './topics.ts';
import type { Membership, MembershipItem } from './membership.ts';

export { TOPICS, type Topic };

export const ITEM_KINDS = ['qa', 'set', 'timeline', 'pairs', 'statement'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CATEGORIES = [
	'country',
	'city',
	'year',
	'date',
	'number',
	'person',
	'body',
	'organisation',
	'treaty',
	'operation',
	'concept',
	'place',
	'event'
] as const;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * True when a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar date.
 * @example isValidPartialDate('2023-02-30') // false
 */
export function isValidPartialDate(text: string): boolean {
	const m = PARTIAL_DATE.exec(text);
	if (!m) return false;
	if (!m[3]) return true;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The year of a partial date. */
export function yearOf(date: string): number {
	return Number(date.slice(0, 4));
}

// YAML turns unquoted dates and years into Date objects and numbers; the bank wants strings.
export const DateText = v.pipe(
	v.union([v.string(), v.number(), v.date()]),
	v.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
);

// YAML reads `2022` or `6` as numbers; where the bank wants text, a number is taken as its digits.
export const Text = v.pipe(
	v.union([v.string(), v.number()], 'must be text'),
	v.transform(String),
	v.trim(),
	v.nonEmpty('must not be empty')
);
const TextList = v.array(Text, 'must be a list of text');

export const SourceSchema = v.object({
	title: Text,
	publisher: Text,
	date: v.optional(
		v.pipe(DateText, v.check(isValidPartialDate, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'))
	),
	url: v.optional(v.pipe(v.string(), v.url('must be a full URL')))
});
export type Source = v.InferOutput<typeof SourceSchema>;

function createBase(currentMonth: string) {
	return {
		id: v.pipe(
			v.string('must be text'),
			v.regex(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like topic/kebab-case-slug')
		),
		prompt: Text,
		answer: Text,
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
				DateText,
				v.regex(YEAR_MONTH, 'must be a month as YYYY-MM'),
				v.check(
					(month) => month <= currentMonth,
					`must not be in the future (after ${currentMonth})`
				)
			)
		),
		difficulty: v.picklist([1, 2, 3], 'must be 1, 2 or 3'),
		tags: v.optional(TextList, []),
		changed: v.optional(Text)
	};
}

/** Counts sentences roughly: full stops followed by a space and a capital or the end of the text. */
export function countSentences(text: string): number {
	return text.split(/[.!?](?:\s+(?=[A-Z“"'(])|\s*$)/).filter((part) => part.trim().length > 0)
		.length;
}

function hasDuplicates(values: readonly string[]): boolean {
	const seen = new Set(values.map(normalizeAnswer));
	return seen.size !== values.length;
}

function createItemSchema(currentMonth: string) {
	const base = createBase(currentMonth);
	const category = v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`);

	const qa = v.pipe(
		v.object({
			...base,
			kind: v.literal('qa'),
			accept: v.optional(TextList, []),
			category,
			distractors: v.pipe(TextList, v.minLength(3, 'at least three distractors are required')),
			statement: v.optional(
				v.pipe(Text, v.includes('{answer}', 'must contain {answer} where the answer goes'))
			)
		}),
		v.forward(
			v.check((item) => {
				const answers = new Set([item.answer, ...item.accept].map(normalizeAnswer));
				return item.distractors.every((d) => !answers.has(normalizeAnswer(d)));
			}, 'a distractor equals the answer or an accepted answer'),
			['distractors']
		),
		v.forward(
			v.check((item) => !hasDuplicates(item.distractors), 'distractors must not repeat'),
			['distractors']
		)
	);

	const set = v.pipe(
		v.object({
			...base,
			kind: v.literal('set'),
			label: Text,
			category,
			members: v.pipe(TextList, v.minLength(3, 'at least three members are required')),
			others: v.pipe(TextList, v.minLength(3, 'at least three non-members are required')),
			accept: v.optional(v.record(v.string(), TextList), {})
		}),
		v.forward(
			v.check((item) => {
				const members = new Set(item.members.map(normalizeAnswer));
				return item.others.every((o) => !members.has(normalizeAnswer(o)));
			}, 'a non-member is also listed as a member'),
			['others']
		),
		v.forward(
			v.check((item) => {
				// Another name of a member among the others would make two options right.
				const names = new Set(Object.values(item.accept).flat().map(normalizeAnswer));
				return item.others.every((o) => !names.has(normalizeAnswer(o)));
			}, 'a non-member equals another name of a member (in accept)'),
			['others']
		),
		v.forward(
			v.check((item) => !hasDuplicates(item.members), 'members must not repeat'),
			['members']
		),
		v.forward(
			v.check((item) => !hasDuplicates(item.others), 'others must not repeat'),
			['others']
		),
		v.forward(
			v.check(
				(item) => Object.keys(item.accept).every((key) => item.members.includes(key)),
				'every key of accept must be one of the members'
			),
			['accept']
		)
	);

	const EventSchema = v.object({
		date: v.pipe(
			DateText,
			v.check(isValidPartialDate, 'must be a real date as YYYY, YYYY-MM or YYYY-MM-DD')
		),
		text: Text,
		ask: Text
	});

	const timeline = v.pipe(
		v.object({
			...base,
			kind: v.literal('timeline'),
			events: v.pipe(
				v.array(EventSchema, 'must be a list of events'),
				v.minLength(3, 'at least three events are required')
			)
		}),
		v.forward(
			v.check(
				(item) => new Set(item.events.map((e) => e.date)).size === item.events.length,
				'two events share a date, so their order is undefined'
			),
			['events']
		)
	);

	const PairSchema = v.object({ left: Text, right: Text });
	const pairs = v.pipe(
		v.object({
			...base,
			kind: v.literal('pairs'),
			leftLabel: Text,
			rightLabel: Text,
			ask: v.pipe(Text, v.includes('{left}', 'must contain {left}')),
			pairs: v.pipe(
				v.array(PairSchema, 'must be a list of pairs'),
				v.minLength(4, 'at least four pairs are required')
			)
		}),
		v.forward(
			v.check(
				(item) =>
					!hasDuplicates(item.pairs.map((p) => p.left)) &&
					!hasDuplicates(item.pairs.map((p) => p.right)),
				'no left or right side may repeat'
			),
			['pairs']
		)
	);

	const statement = v.pipe(
		v.object({
			...base,
			kind: v.literal('statement'),
			truth: Text,
			falsehoods: v.pipe(TextList, v.minLength(1, 'at least one falsehood is required'))
		}),
		v.forward(
			v.check(
				(item) => item.falsehoods.every((f) => normalizeAnswer(f) !== normalizeAnswer(item.truth)),
				'a falsehood equals the truth'
			),
			['falsehoods']
		)
	);

	return v.pipe(
		v.variant('kind', [qa, set, timeline, pairs, statement], (issue) =>
			issue.input === undefined
				? 'kind is required'
				: `kind must be one of: ${ITEM_KINDS.join(', ')} (got ${JSON.stringify(issue.input)})`
		),
		v.forward(
			v.check(
				(item) => item.asOf !== undefined || !speaksOfThePresent(item),
				'is required: this item speaks of the present ("current", "now", "as of" …), so it must say when that was true'
			),
			['asOf']
		)
	);
}

const PRESENT_TENSE = /\b(current(ly)?|now|today|still|latest|as of|at present|presently)\b/i;

/**
 * True when what an item asks or teaches (question, answer, label, true statement or statement
 * template) describes the present, which can change.
 */
function speaksOfThePresent(item: {
	prompt: string;
	answer: string;
	label?: string;
	truth?: string;
	statement?: string;
}): boolean {
	const taught = [item.prompt, item.answer, item.label, item.truth, item.statement];
	return PRESENT_TENSE.test(taught.filter(Boolean).join(' '));
}

/** The schema of one topic file, for a given current month (an `asOf` after it is refused). */
export function createTopicFileSchema(currentMonth: string) {
	return v.object({
		topic: v.picklist(TOPICS, `must be one of the known topics: ${TOPICS.join(', ')}`),
		title: Text,
		description: Text,
		items: v.pipe(
			v.array(createItemSchema(currentMonth), 'must be a list of items'),
			v.minLength(1, 'a topic needs at least one item')
		)
	});
}

export type TopicFile = v.InferOutput<ReturnType<typeof createTopicFileSchema>>;
export type BankItem = TopicFile['items'][number];
export type QaItem = Extract<BankItem, { kind: 'qa' }>;
export type SetItem = Extract<BankItem, { kind: 'set' }>;
export type TimelineItem = Extract<BankItem, { kind: 'timeline' }>;
export type PairsItem = Extract<BankItem, { kind: 'pairs' }>;
export type StatementItem = Extract<BankItem, { kind: 'statement' }>;
export type TimelineEvent = TimelineItem['events'][number];

/** An item as the app uses it: the topic is carried on the item. Membership items are made from questions/membership.yaml. */
export type Item = (BankItem | MembershipItem) & { topic: Topic };

/** A state on the map: its id, name and the states it borders (by id). */
export interface MapState {
	id: string;
	name: string;
	neighbours: string[];
}

/** The validated bank: topics in order, every item with its topic. */
export interface Bank {
	topics: { id: Topic; title: string; description: string; count: number }[];
	items: Item[];
	/** The latest `asOf` month of any item: "Facts as of …". */
	asOf: string;
	/** questions/membership.yaml, validated (absent from a bank without one, such as a test fixture). */
	membership?: Membership;
	/** The states drawn on the map, for map questions; absent without membership data. */
	mapStates?: MapState[];
}
