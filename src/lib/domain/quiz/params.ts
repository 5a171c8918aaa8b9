import { TOPICS, type Topic } from '../bank/topics.ts';
import {
	DEFAULT_QUIZ_OPTIONS,
	MAX_QUIZ_LENGTH,
	MIN_QUIZ_LENGTH,
	QUESTION_TYPES,
	QUIZ_MODES,
	type Difficulty,
	type QuestionType,
	type QuizMode,
	type QuizOptions
} from './types.ts';

/** A quiz seed: 1 to 32 letters or digits. */
export const SEED = /^[a-z0-9]{1,32}$/i;
/** A question id as a quiz link names it: `topic/slug`. */
export const ITEM_ID = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Writes quiz options as URL search parameters; defaults are left out so that links stay short.
 * @example quizToSearchParams({ ...DEFAULT_QUIZ_OPTIONS, seed: 'k3x9a0' }).toString() // 'seed=k3x9a0&n=10&mode=practice'
 */
export function quizToSearchParams(options: QuizOptions): URLSearchParams {
	const params = new URLSearchParams();
	params.set('seed', options.seed);
	if (options.items.length > 0) params.set('items', options.items.join(','));
	else params.set('n', String(options.length));
	if (options.topics.length !== TOPICS.length) {
		params.set('topics', TOPICS.filter((t) => options.topics.includes(t)).join(','));
	}
	if (options.types.length !== QUESTION_TYPES.length) {
		params.set('types', QUESTION_TYPES.filter((t) => options.types.includes(t)).join(','));
	}
	if (options.difficulty.min !== 1 || options.difficulty.max !== 3) {
		params.set('difficulty', `${options.difficulty.min}-${options.difficulty.max}`);
	}
	params.set('mode', options.mode);
	if (options.weakSpots) params.set('weak', '1');
	return params;
}

/** What reading a quiz URL gives: the options, or a message that says what is wrong with it. */
export type ParsedQuizParams = { ok: true; options: QuizOptions } | { ok: false; message: string };

function fail(message: string): ParsedQuizParams {
	return { ok: false, message: `This quiz link is not valid: ${message}` };
}

function parseList<T extends string>(
	text: string | null,
	allowed: readonly T[],
	what: string
): T[] | string {
	if (text === null) return [...allowed];
	const values = text.split(',').filter((v) => v !== '');
	const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
	if (unknown.length > 0) {
		return `unknown ${what} “${unknown.join('”, “')}” (known: ${allowed.join(', ')}).`;
	}
	if (values.length === 0) return `choose at least one ${what}.`;
	return allowed.filter((a) => values.includes(a));
}

/**
 * Reads quiz options from URL search parameters, or says exactly what is wrong with them. Missing
 * parameters take their defaults; a missing seed is an error (the page shows the set-up form then).
 */
export function parseQuizParams(params: URLSearchParams): ParsedQuizParams {
	const seed = params.get('seed') ?? '';
	if (!SEED.test(seed)) {
		return fail('the seed must be 1 to 32 letters or digits.');
	}

	const itemsText = params.get('items');
	const items = itemsText === null ? [] : itemsText.split(',').filter((id) => id !== '');
	const badId = items.find((id) => !ITEM_ID.test(id));
	if (badId !== undefined) return fail(`“${badId}” is not a question id.`);
	if (itemsText !== null && items.length === 0) return fail('the list of questions is empty.');
	if (items.length > MAX_QUIZ_LENGTH) {
		return fail(`a quiz can ask at most ${MAX_QUIZ_LENGTH} questions.`);
	}

	const nText = params.get('n');
	let length = items.length > 0 ? items.length : DEFAULT_QUIZ_OPTIONS.length;
	if (nText !== null && items.length === 0) {
		length = Number(nText);
		if (!/^\d+$/.test(nText) || length < MIN_QUIZ_LENGTH || length > MAX_QUIZ_LENGTH) {
			return fail(
				`the length must be a whole number from ${MIN_QUIZ_LENGTH} to ${MAX_QUIZ_LENGTH} (it was “${nText}”).`
			);
		}
	}

	const topics = parseList<Topic>(params.get('topics'), TOPICS, 'topic');
	if (typeof topics === 'string') return fail(topics);
	const types = parseList<QuestionType>(params.get('types'), QUESTION_TYPES, 'question type');
	if (typeof types === 'string') return fail(types);

	const modeText = params.get('mode') ?? DEFAULT_QUIZ_OPTIONS.mode;
	if (!(QUIZ_MODES as readonly string[]).includes(modeText)) {
		return fail(`the mode must be practice or exam (it was “${modeText}”).`);
	}

	const difficultyText = params.get('difficulty') ?? '1-3';
	const range = /^([123])-([123])$/.exec(difficultyText);
	if (!range || Number(range[1]) > Number(range[2])) {
		return fail(`the difficulty must be a range such as 1-3 or 2-2 (it was “${difficultyText}”).`);
	}

	const weakText = params.get('weak');
	if (weakText !== null && weakText !== '1' && weakText !== '0') {
		return fail(`weak must be 1 or 0 (it was “${weakText}”).`);
	}

	return {
		ok: true,
		options: {
			seed,
			length,
			topics,
			types,
			difficulty: { min: Number(range[1]) as Difficulty, max: Number(range[2]) as Difficulty },
			mode: modeText as QuizMode,
			weakSpots: weakText === '1',
			items
		}
	};
}
