import type { Bank, Item } from '../bank/schema.ts';
import { randomInt, shuffle, type Rng } from '../random.ts';
import {
	compareText,
	createGenerationContext,
	generateQuestion,
	normalizeBankText,
	supportedTypes,
	type GenerationContext
} from './generate.ts';
import {
	MAX_QUIZ_LENGTH,
	MIN_QUIZ_LENGTH,
	QUESTION_TYPES,
	type BuildOptions,
	type Question,
	type QuestionType,
	type Quiz,
	type QuizOptions
} from './types.ts';

/** Below this retrievability an item counts as a weak spot (the usual desired retention). */
export const WEAK_RETRIEVABILITY = 0.9;

/**
 * Orders items for a weak-spots quiz: items seen and at risk of being forgotten (weakest first),
 * then items never seen (in random order), then items seen and well known (weakest first).
 */
export function orderWeakSpots(
	items: readonly Item[],
	retrievability: ReadonlyMap<string, number>,
	rng: Rng
): Item[] {
	const sorted = items.slice().sort((a, b) => compareText(a.id, b.id));
	const weak: Item[] = [];
	const unseen: Item[] = [];
	const strong: Item[] = [];
	for (const item of sorted) {
		const r = retrievability.get(item.id);
		if (r === undefined || Number.isNaN(r)) unseen.push(item);
		else if (r < WEAK_RETRIEVABILITY) weak.push(item);
		else strong.push(item);
	}
	const byRetrievability = (a: Item, b: Item) =>
		retrievability.get(a.id)! - retrievability.get(b.id)! || compareText(a.id, b.id);
	return [
		...weak.sort(byRetrievability),
		...shuffle(rng, unseen),
		...strong.sort(byRetrievability)
	];
}

/** The items a set of options can draw from, sorted by id. */
export function eligibleItems(bank: Bank, options: QuizOptions): Item[] {
	return bank.items
		.filter(
			(item) =>
				options.topics.includes(item.topic) &&
				item.difficulty >= options.difficulty.min &&
				item.difficulty <= options.difficulty.max &&
				supportedTypes(item).some((t) => options.types.includes(t))
		)
		.sort((a, b) => compareText(a.id, b.id));
}

function leastUsed(
	types: readonly QuestionType[],
	counts: ReadonlyMap<QuestionType, number>,
	rng: Rng
): QuestionType {
	const fewest = Math.min(...types.map((t) => counts.get(t) ?? 0));
	const ties = types.filter((t) => (counts.get(t) ?? 0) === fewest);
	return ties[randomInt(rng, ties.length)]!;
}

interface Revealing {
	/** The one answer this question asks for, normalised, when it is specific enough to be given away. */
	key: string | null;
	/** Everything the question asserts as true, normalised and padded for whole-word search. */
	shown: string;
}

function revealingOf(question: Question): Revealing {
	let answer: string | null = null;
	if (question.type === 'choice') answer = question.options[question.correct]!;
	else if (question.type === 'map' && question.variant === 'identify') {
		answer = question.options[question.correct[0]!]!;
	} else if (question.type === 'typed' && question.accepted.length === 1) {
		answer = question.accepted[0]!;
	}
	const normalized = answer === null ? '' : normalizeBankText(answer);
	const key = normalized.length >= 4 && !/^[\d ]+$/.test(normalized) ? normalized : null;
	const asserted = [question.prompt];
	if (question.type === 'truefalse' && question.isTrue) asserted.push(question.statement);
	if (question.type === 'ordering') asserted.push(...question.events.map((e) => e.text));
	return { key, shown: ` ${asserted.map(normalizeBankText).join(' | ')} ` };
}

function givesAway(a: Revealing, b: Revealing): boolean {
	return (
		(a.key !== null && b.shown.includes(` ${a.key} `)) ||
		(b.key !== null && a.shown.includes(` ${b.key} `))
	);
}

const contexts = new WeakMap<Bank, GenerationContext>();
function contextOf(bank: Bank): GenerationContext {
	let context = contexts.get(bank);
	if (!context) {
		context = createGenerationContext(bank.items, bank);
		contexts.set(bank, context);
	}
	return context;
}

/**
 * Builds a quiz from the bank: the same bank, options and seeded rng give the same quiz on every
 * machine. Each item appears at most once; question types are spread as evenly as the items allow;
 * where it can be avoided, no question states another question's answer. With `items`, the quiz asks
 * exactly those items (unknown ids are skipped).
 */
export function buildQuiz(bank: Bank, options: BuildOptions, rng: Rng): Quiz {
	const { retrievability, ...quizOptions } = options;
	const context = contextOf(bank);
	const isRetry = options.items.length > 0;
	let candidates: Item[];
	let count: number;
	if (isRetry) {
		const byId = new Map(bank.items.map((item) => [item.id, item]));
		const wanted = [...new Set(options.items)].flatMap((id) => byId.get(id) ?? []);
		candidates = shuffle(rng, wanted);
		count = Math.min(candidates.length, MAX_QUIZ_LENGTH);
	} else {
		const eligible = eligibleItems(bank, options);
		candidates = options.weakSpots
			? orderWeakSpots(eligible, retrievability ?? new Map(), rng)
			: shuffle(rng, eligible);
		count = Math.max(MIN_QUIZ_LENGTH, Math.min(MAX_QUIZ_LENGTH, Math.round(options.length)));
	}

	const counts = new Map<QuestionType, number>();
	const chosen: { question: Question; revealing: Revealing }[] = [];
	const deferred: typeof chosen = [];
	const take = (entry: (typeof chosen)[number]) => {
		chosen.push(entry);
		counts.set(entry.question.type, (counts.get(entry.question.type) ?? 0) + 1);
	};
	const typesFor = (item: Item): readonly QuestionType[] => {
		const types = supportedTypes(item).filter((t) => options.types.includes(t));
		// A retry asks every missed item even if none of the chosen types fits it.
		return types.length === 0 && isRetry ? supportedTypes(item) : types;
	};
	const pool = candidates
		.map((item) => ({ item, types: typesFor(item) }))
		.filter((entry) => entry.types.length > 0);
	// How many items left in the pool can take each type.
	const supply = new Map<QuestionType, number>();
	for (const entry of pool) for (const t of entry.types) supply.set(t, (supply.get(t) ?? 0) + 1);
	// A random quiz picks the least-used type first and then the next item that can take it, so that
	// types are spread as evenly as the items allow. Weak spots and retries keep their item order.
	const isTypeFirst = !isRetry && !options.weakSpots;
	while (chosen.length < count && pool.length > 0) {
		let index = 0;
		let type: QuestionType;
		if (isTypeFirst) {
			const available = QUESTION_TYPES.filter((t) => (supply.get(t) ?? 0) > 0);
			type = leastUsed(available, counts, rng);
			index = pool.findIndex((entry) => entry.types.includes(type));
		} else {
			type = leastUsed(pool[0]!.types, counts, rng);
		}
		const { item, types } = pool.splice(index, 1)[0]!;
		for (const t of types) supply.set(t, supply.get(t)! - 1);
		const question = generateQuestion(item, type, rng, context);
		const entry = { question, revealing: revealingOf(question) };
		if (!isRetry && chosen.some((c) => givesAway(c.revealing, entry.revealing))) {
			deferred.push(entry);
		} else {
			take(entry);
		}
	}
	for (const entry of deferred) {
		if (chosen.length >= count) break;
		take(entry);
	}
	const questions = chosen.map((c) => c.question);
	// Weak spots are picked weakest first; ask them in a random order all the same.
	return {
		options: quizOptions,
		questions: options.weakSpots ? shuffle(rng, questions) : questions
	};
}
