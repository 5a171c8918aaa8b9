import type {
	Bank,
	Item,
	PairsItem,
	QaItem,
	SetItem,
	StatementItem,
	TimelineEvent,
	TimelineItem,
	Topic
} from '../bank/schema.ts';
import { randomInt, sample, shuffle, type Rng } from '../random.ts';
import { normalizeAnswer } from '../text.ts';
import type { Question, QuestionType } from './types.ts';
import { formatPartialDate } from '../format.ts';
import { generateMapQuestion, type MapContext } from './map.ts';

/**
 * What generation needs to know beyond one item: false statements by topic, for topping up options,
 * and the membership data and the states on the map, for map questions.
 */
export interface GenerationContext {
	falsehoodsByTopic: ReadonlyMap<Topic, readonly { itemId: string; text: string }[]>;
	map?: MapContext;
}

/** Compares by UTF-16 code units: the same order on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

// Bank text is normalised again and again while building quizzes; the bank is fixed, so remember.
const normalized = new Map<string, string>();

/** normalizeAnswer, remembered: for bank text only (user input would grow the memory). */
export function normalizeBankText(text: string): string {
	let key = normalized.get(text);
	if (key === undefined) {
		key = normalizeAnswer(text);
		normalized.set(text, key);
	}
	return key;
}

/** Collects what generation needs from the whole bank, in a stable order. */
export function createGenerationContext(
	items: readonly Item[],
	extra: Pick<Bank, 'membership' | 'mapStates'> = {}
): GenerationContext {
	const falsehoodsByTopic = new Map<Topic, { itemId: string; text: string }[]>();
	const statements = items
		.filter((item): item is Item & StatementItem => item.kind === 'statement')
		.sort((a, b) => compareText(a.id, b.id));
	for (const item of statements) {
		const list = falsehoodsByTopic.get(item.topic) ?? [];
		for (const text of item.falsehoods) list.push({ itemId: item.id, text });
		falsehoodsByTopic.set(item.topic, list);
	}
	return {
		falsehoodsByTopic,
		...(extra.membership && extra.mapStates
			? { map: { membership: extra.membership, mapStates: extra.mapStates } }
			: {})
	};
}

/**
 * Joins texts as a sentence list.
 * @example joinList(['Armenia', 'Belarus', 'Russia']) // 'Armenia, Belarus and Russia'
 */
export function joinList(texts: readonly string[]): string {
	if (texts.length <= 1) return texts[0] ?? '';
	return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Short enough to type: a name, not a sentence. */
function isTypable(text: string): boolean {
	return text.length <= 40 && text.trim().split(/\s+/).length <= 5;
}

/**
 * Picks `count` distractors from `pool`: never equal (case and accents ignored) to an accepted
 * answer or to each other.
 */
function pickDistractors(
	rng: Rng,
	pool: readonly string[],
	accepted: readonly string[],
	count: number
): string[] {
	const seen = new Set(accepted.map(normalizeBankText));
	const unique: string[] = [];
	for (const text of pool) {
		const key = normalizeBankText(text);
		if (seen.has(key)) continue;
		seen.add(key);
		unique.push(text);
	}
	return sample(rng, unique, count);
}

/** Shuffles the right answer among distractors; returns the options and where the answer landed. */
function placeAnswer(
	rng: Rng,
	answer: string,
	distractors: readonly string[]
): { options: string[]; correct: number } {
	const options = shuffle(rng, [answer, ...distractors]);
	return { options, correct: options.indexOf(answer) };
}

function base(item: Item, prompt: string, answerText: string) {
	return {
		itemId: item.id,
		topic: item.topic,
		difficulty: item.difficulty,
		prompt,
		answerText,
		explanation: item.explanation,
		sources: item.sources,
		...(item.asOf ? { asOf: item.asOf } : {})
	};
}

const yearOfDate = (date: string) => date.slice(0, 4);

// Two partial dates can be ordered unless one is a prefix of the other ("2022-01" and "2022-01-06").
const isComparable = (a: string, b: string) => !a.startsWith(b) && !b.startsWith(a);

/**
 * Picks up to `count` events that can be put in order, preferring events in different years (so that
 * the order is a question of history, not of the day of the month).
 */
function pickOrderableEvents(
	events: readonly TimelineEvent[],
	count: number,
	rng?: Rng
): TimelineEvent[] {
	// An event whose date is a prefix of another's can be ordered against fewer events: try it last.
	const isVague = (e: TimelineEvent) => events.some((o) => o !== e && o.date.startsWith(e.date));
	const shuffled = rng ? shuffle(rng, events) : events.slice();
	const pool = [...shuffled.filter((e) => !isVague(e)), ...shuffled.filter(isVague)];
	const chosen: TimelineEvent[] = [];
	for (const event of pool) {
		if (chosen.length >= count) break;
		if (chosen.every((c) => yearOfDate(c.date) !== yearOfDate(event.date))) chosen.push(event);
	}
	for (const event of pool) {
		if (chosen.length >= count) break;
		if (!chosen.includes(event) && chosen.every((c) => isComparable(c.date, event.date))) {
			chosen.push(event);
		}
	}
	return chosen;
}

const typesByItem = new WeakMap<Item, readonly QuestionType[]>();

/** The question types an item can yield, in QUESTION_TYPES order. */
export function supportedTypes(item: Item): readonly QuestionType[] {
	let types = typesByItem.get(item);
	if (!types) {
		types = findSupportedTypes(item);
		typesByItem.set(item, types);
	}
	return types;
}

function findSupportedTypes(item: Item): QuestionType[] {
	switch (item.kind) {
		case 'qa':
			return [
				'choice',
				...(item.statement ? (['truefalse'] as const) : []),
				...([item.answer, ...item.accept].some(isTypable) ? (['typed'] as const) : [])
			];
		case 'set':
			return [
				'choice',
				'multi',
				'truefalse',
				...(item.members.every(isTypable) ? (['typed'] as const) : [])
			];
		case 'timeline':
			return [
				'choice',
				'typed',
				...(pickOrderableEvents(item.events, 3).length >= 3 ? (['ordering'] as const) : [])
			];
		case 'pairs':
			return ['choice', 'matching'];
		case 'statement':
			return ['choice', 'truefalse'];
		case 'membership':
			return ['map'];
	}
}

/** Builds one question of `type` from `item`; `type` must be one of `supportedTypes(item)`. */
export function generateQuestion(
	item: Item,
	type: QuestionType,
	rng: Rng,
	context: GenerationContext
): Question {
	switch (item.kind) {
		case 'qa':
			return fromQa(item, type, rng);
		case 'set':
			return fromSet(item, type, rng);
		case 'timeline':
			return fromTimeline(item, type, rng);
		case 'pairs':
			return fromPairs(item, type, rng);
		case 'statement':
			return fromStatement(item, type, rng, context);
		case 'membership':
			if (type !== 'map' || !context.map) return unsupported(item, type);
			return generateMapQuestion(item, rng, context.map);
	}
}

function unsupported(item: Item, type: QuestionType): never {
	throw new Error(`A ${item.kind} item (${item.id}) cannot make a ${type} question.`);
}

function fromQa(item: QaItem & Item, type: QuestionType, rng: Rng): Question {
	const accepted = [item.answer, ...item.accept];
	if (type === 'choice') {
		const distractors = pickDistractors(rng, item.distractors, accepted, 3);
		return {
			...base(item, item.prompt, item.answer),
			type,
			...placeAnswer(rng, item.answer, distractors)
		};
	}
	if (type === 'typed') {
		return {
			...base(item, item.prompt, item.answer),
			type,
			accepted,
			rejected: [...item.distractors]
		};
	}
	if (type === 'truefalse' && item.statement) {
		const template = item.statement;
		const isTrue = rng.next() < 0.5;
		const shown = isTrue ? item.answer : pickDistractors(rng, item.distractors, accepted, 1)[0]!;
		const correction = capitalize(template.replaceAll('{answer}', item.answer));
		return {
			...base(item, 'True or false?', isTrue ? 'True' : 'False'),
			type,
			statement: capitalize(template.replaceAll('{answer}', shown)),
			isTrue,
			...(isTrue ? {} : { correction })
		};
	}
	return unsupported(item, type);
}

function quoteIfLong(item: SetItem, text: string): string {
	return item.category === 'concept' || text.split(/\s+/).length > 3 ? `“${text}”` : text;
}

function fromSet(item: SetItem & Item, type: QuestionType, rng: Rng): Question {
	if (type === 'choice') {
		const isNegative = rng.next() < 0.5;
		const answer = sample(rng, isNegative ? item.others : item.members, 1)[0]!;
		const accepted = isNegative ? item.members : item.others;
		const wrongs = pickDistractors(rng, accepted, [answer], 3);
		const prompt = `Which of these is ${isNegative ? 'not ' : ''}${item.label}?`;
		return { ...base(item, prompt, answer), type, ...placeAnswer(rng, answer, wrongs) };
	}
	if (type === 'multi') {
		const most = Math.min(4, item.members.length);
		const least = Math.max(2, 5 - item.others.length);
		const rightCount = least + randomInt(rng, most - least + 1);
		const rights = sample(rng, item.members, rightCount);
		const wrongs = sample(rng, item.others, 5 - rightCount);
		const options = shuffle(rng, [...rights, ...wrongs]);
		const correct = options.flatMap((o, i) => (rights.includes(o) ? [i] : []));
		return {
			...base(item, `Which of these is ${item.label}? Select all that apply.`, joinList(rights)),
			type,
			options,
			correct
		};
	}
	if (type === 'truefalse') {
		const isTrue = rng.next() < 0.5;
		const subject = sample(rng, isTrue ? item.members : item.others, 1)[0]!;
		const shown = capitalize(quoteIfLong(item, subject));
		return {
			...base(item, 'True or false?', isTrue ? 'True' : 'False'),
			type,
			statement: `${shown} is ${item.label}.`,
			isTrue,
			...(isTrue ? {} : { correction: `${shown} is not ${item.label}.` })
		};
	}
	if (type === 'typed') {
		const accepted = item.members.flatMap((m) => [m, ...(item.accept[m] ?? [])]);
		return {
			...base(item, `Name ${item.label}.`, `Any of: ${joinList(item.members)}`),
			type,
			accepted,
			rejected: [...item.others]
		};
	}
	return unsupported(item, type);
}

function fromTimeline(item: TimelineItem & Item, type: QuestionType, rng: Rng): Question {
	if (type === 'ordering') {
		const count = Math.min(item.events.length, 3 + randomInt(rng, 3));
		const chosen = pickOrderableEvents(item.events, count, rng);
		const chronological = chosen.slice().sort((a, b) => compareText(a.date, b.date));
		let shown = shuffle(rng, chronological);
		// Never show the events already in order: that would answer the question.
		if (shown.every((e, i) => e === chronological[i])) shown = [...shown.slice(1), shown[0]!];
		const events = shown.map((e) => ({ text: e.text, date: e.date }));
		const correct = chronological.map((e) => shown.indexOf(e));
		const answerText = chronological
			.map((e) => `${formatPartialDate(e.date)}: ${e.text}`)
			.join('; ');
		return { ...base(item, item.prompt, answerText), type, events, correct };
	}
	const event = sample(rng, item.events, 1)[0]!;
	const year = yearOfDate(event.date);
	if (type === 'typed') {
		return { ...base(item, event.ask, year), type, accepted: [year], rejected: [] };
	}
	if (type === 'choice') {
		const latest = Math.max(...item.events.map((e) => Number(yearOfDate(e.date))));
		const others = [...new Set(item.events.map((e) => yearOfDate(e.date)))];
		const fromEvents = pickDistractors(rng, others, [year], 2);
		const near: string[] = [];
		for (let d = -4; d <= 4; d++) {
			const y = Number(year) + d;
			if (d !== 0 && y <= latest) near.push(String(y));
		}
		const fill = pickDistractors(rng, near, [year, ...fromEvents], 3 - fromEvents.length);
		return {
			...base(item, event.ask, year),
			type,
			...placeAnswer(rng, year, [...fromEvents, ...fill])
		};
	}
	return unsupported(item, type);
}

function fromPairs(item: PairsItem & Item, type: QuestionType, rng: Rng): Question {
	if (type === 'matching') {
		const count = item.pairs.length >= 5 ? 4 + randomInt(rng, 2) : 4;
		const chosen = sample(rng, item.pairs, count);
		const rights = chosen.map((p) => p.right);
		let right = shuffle(rng, rights);
		if (right.every((r, i) => r === rights[i])) right = [...right.slice(1), right[0]!];
		const answerText = chosen.map((p) => `${p.left}: ${p.right}`).join('; ');
		return {
			...base(item, item.prompt, answerText),
			type,
			leftLabel: item.leftLabel,
			rightLabel: item.rightLabel,
			left: chosen.map((p) => p.left),
			right,
			correct: chosen.map((p) => right.indexOf(p.right))
		};
	}
	if (type === 'choice') {
		const pair = sample(rng, item.pairs, 1)[0]!;
		const distractors = pickDistractors(
			rng,
			item.pairs.map((p) => p.right),
			[pair.right],
			3
		);
		return {
			...base(item, item.ask.replaceAll('{left}', pair.left), pair.right),
			type,
			...placeAnswer(rng, pair.right, distractors)
		};
	}
	return unsupported(item, type);
}

function fromStatement(
	item: StatementItem & Item,
	type: QuestionType,
	rng: Rng,
	context: GenerationContext
): Question {
	if (type === 'truefalse') {
		const isTrue = rng.next() < 0.5;
		const statement = isTrue ? item.truth : sample(rng, item.falsehoods, 1)[0]!;
		return {
			...base(item, 'True or false?', isTrue ? 'True' : 'False'),
			type,
			statement,
			isTrue,
			...(isTrue ? {} : { correction: item.truth })
		};
	}
	if (type === 'choice') {
		const own = pickDistractors(rng, item.falsehoods, [item.truth], 3);
		// Too few false statements of its own: top up with false statements from the same topic.
		const others = (context.falsehoodsByTopic.get(item.topic) ?? [])
			.filter((f) => f.itemId !== item.id)
			.map((f) => f.text);
		const extra = pickDistractors(rng, others, [item.truth, ...own], 3 - own.length);
		return {
			...base(item, 'Which of these statements is true?', item.truth),
			type,
			...placeAnswer(rng, item.truth, [...own, ...extra])
		};
	}
	return unsupported(item, type);
}
