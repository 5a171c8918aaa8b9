// What a stored quiz record must be for the quiz page, Home's Resume and the results page to use
// it: options that make a working quiz link, questions the player can show, and answers that fit
// their questions (a choice within the options, a matching for every left-hand side …).
import { TOPICS } from '../bank/topics';
import { sumScore } from '../quiz/score';
import { ITEM_ID, SEED } from '../quiz/params';
import {
	MAP_VARIANTS,
	MAX_QUIZ_LENGTH,
	MIN_QUIZ_LENGTH,
	QUESTION_TYPES,
	QUIZ_MODES,
	type Question,
	type QuizRecord
} from '../quiz/types';
import {
	anyText,
	boolean,
	checkFields,
	indexList,
	isRecord,
	moment,
	nonNegative,
	numberIn,
	oneOf,
	permutation,
	text,
	textList,
	type Check,
	type RowProblem
} from './check';

/**
 * The score a quiz record gives: points (partial credit makes fractions, rounded to hundredths)
 * over the number of questions. The row's `score` and `maxScore` must equal it.
 * @example scoreQuizRecord({ ...record, answers: [] }) // { score: 0, maxScore: record.questions.length }
 */
export function scoreQuizRecord(record: Pick<QuizRecord, 'questions' | 'answers'>): {
	score: number;
	maxScore: number;
} {
	return {
		score: sumScore(record.answers.map((answer) => answer.grade)),
		maxScore: record.questions.length
	};
}

function checkOptions(value: unknown): RowProblem | undefined {
	if (!isRecord(value)) return { field: 'options', message: 'must be the quiz’s options' };
	// What a quiz link can say (see parseQuizParams): Home's Resume and Retry rebuild the link.
	const problem = checkFields(
		value,
		{
			seed: (v) =>
				typeof v === 'string' && SEED.test(v) ? undefined : 'must be 1 to 32 letters or digits',
			length: numberIn(MIN_QUIZ_LENGTH, MAX_QUIZ_LENGTH),
			topics: (v) => listOf(v, TOPICS, 'known topics'),
			types: (v) => listOf(v, QUESTION_TYPES, 'known question types'),
			mode: oneOf(QUIZ_MODES, 'practice or exam'),
			weakSpots: boolean,
			items: (v) =>
				textList(v) ??
				((v as string[]).length <= MAX_QUIZ_LENGTH &&
				(v as string[]).every((id) => ITEM_ID.test(id))
					? undefined
					: `must list at most ${MAX_QUIZ_LENGTH} question ids`)
		},
		'options.'
	);
	if (problem) return problem;
	const difficulty = value.difficulty;
	const levels = [1, 2, 3];
	if (
		!isRecord(difficulty) ||
		!levels.includes(difficulty.min as number) ||
		!levels.includes(difficulty.max as number) ||
		(difficulty.min as number) > (difficulty.max as number)
	) {
		return { field: 'options.difficulty', message: 'must be a range of levels from 1 to 3' };
	}
	return undefined;
}

function listOf(value: unknown, allowed: readonly string[], what: string): string | undefined {
	if (!Array.isArray(value) || value.length === 0) return `must list at least one of the ${what}`;
	return value.every((v) => allowed.includes(v)) ? undefined : `must hold only ${what}`;
}

const SOURCE_CHECKS = { title: text, publisher: anyText };

const BASE_CHECKS: Record<string, Check> = {
	itemId: text,
	topic: oneOf(TOPICS, 'a known topic'),
	difficulty: oneOf([1, 2, 3], '1, 2 or 3'),
	prompt: anyText,
	answerText: anyText,
	explanation: anyText,
	sources: (value) =>
		Array.isArray(value) && value.every((s) => isRecord(s) && !checkFields(s, SOURCE_CHECKS))
			? undefined
			: 'must be a list of sources with a title and a publisher',
	asOf: (value) => (value === undefined ? undefined : anyText(value))
};

type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;

// One entry per question type: a new type does not compile until it says what its question and
// its answers must hold.
const QUESTIONS: {
	[T in Question['type']]: {
		question: (q: Record<string, unknown>) => RowProblem | undefined;
		answer: (a: Record<string, unknown>, q: QuestionOf<T>) => RowProblem | undefined;
	};
} = {
	map: {
		question: (q) =>
			checkFields(q, {
				variant: oneOf(MAP_VARIANTS, 'a kind of map question'),
				highlight: (v) => (v === undefined ? undefined : anyText(v)),
				year: (v) =>
					v === undefined || (typeof v === 'number' && Number.isInteger(v))
						? undefined
						: 'must be a year',
				optionIds: (v) => textList(v, 2),
				options: (v) =>
					textList(v, 2) ??
					((v as unknown[]).length === (q.optionIds as unknown[]).length
						? undefined
						: 'must name every state on offer'),
				correct: (v) => indexList(v, (q.options as unknown[]).length) ?? notEmpty(v)
			}),
		answer: (a, q) => checkFields(a, { choices: (v) => indexList(v, q.options.length) })
	},
	choice: {
		question: (q) =>
			checkFields(q, {
				options: (v) => textList(v, 2),
				correct: (v) => indexIn(v, (q.options as unknown[]).length)
			}),
		answer: (a, q) => checkFields(a, { choice: (v) => indexIn(v, q.options.length) })
	},
	multi: {
		question: (q) =>
			checkFields(q, {
				options: (v) => textList(v, 2),
				correct: (v) => indexList(v, (q.options as unknown[]).length) ?? notEmpty(v)
			}),
		answer: (a, q) => checkFields(a, { choices: (v) => indexList(v, q.options.length) })
	},
	truefalse: {
		question: (q) =>
			checkFields(q, {
				statement: anyText,
				isTrue: boolean,
				correction: (v) => (v === undefined ? undefined : anyText(v))
			}),
		answer: (a) => checkFields(a, { value: boolean })
	},
	typed: {
		question: (q) =>
			checkFields(q, { accepted: (v) => textList(v, 1), rejected: (v) => textList(v) }),
		answer: (a) => checkFields(a, { text: anyText })
	},
	matching: {
		question: (q) =>
			checkFields(q, {
				leftLabel: anyText,
				rightLabel: anyText,
				left: (v) => textList(v, 1),
				right: (v) =>
					textList(v, 1) ??
					((v as unknown[]).length === (q.left as unknown[]).length
						? undefined
						: 'must have as many entries as the left-hand side'),
				correct: (v) => permutation(v, (q.right as unknown[]).length)
			}),
		answer: (a, q) =>
			checkFields(a, {
				matches: (v) => {
					if (!Array.isArray(v) || v.length !== q.left.length) {
						return `must give one match (or none) for each of the ${q.left.length} left-hand sides`;
					}
					return v.every((m) => m === null || indexIn(m, q.right.length) === undefined)
						? undefined
						: `must hold positions from 0 to ${q.right.length - 1} or nothing`;
				}
			})
	},
	ordering: {
		question: (q) =>
			checkFields(q, {
				events: (v) =>
					Array.isArray(v) &&
					v.length >= 2 &&
					v.every((e) => isRecord(e) && typeof e.text === 'string' && typeof e.date === 'string')
						? undefined
						: 'must be a list of at least 2 events with a text and a date',
				correct: (v) => permutation(v, (q.events as unknown[]).length)
			}),
		answer: (a, q) => checkFields(a, { order: (v) => permutation(v, q.events.length) })
	}
};

function indexIn(value: unknown, size: number): string | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < size
		? undefined
		: `must be a position from 0 to ${size - 1}`;
}

function notEmpty(value: unknown): string | undefined {
	return (value as unknown[]).length > 0 ? undefined : 'must hold at least one position';
}

function checkQuestion(value: unknown, at: string): RowProblem | undefined {
	if (!isRecord(value)) return { field: at, message: 'must be a question' };
	const type = value.type;
	if (!(QUESTION_TYPES as readonly unknown[]).includes(type) || !(String(type) in QUESTIONS)) {
		return { field: `${at}.type`, message: `must be one of ${QUESTION_TYPES.join(', ')}` };
	}
	const problem =
		checkFields(value, BASE_CHECKS) ?? QUESTIONS[type as Question['type']].question(value);
	return problem && { field: `${at}.${problem.field}`, message: problem.message };
}

const GRADE_CHECKS = {
	score: numberIn(0, 1),
	isCorrect: boolean,
	isNearMatch: boolean,
	note: anyText
};

/** The problem with one answer's grade, or undefined; a bad grade can be given again (regraded). */
export function checkGrade(value: unknown): string | undefined {
	if (!isRecord(value)) return 'must be a grade';
	const problem = checkFields(value, GRADE_CHECKS);
	return problem && `${problem.field} ${problem.message}`;
}

/**
 * The problem with the answer given to `question` (not its grade), or undefined when it fits: of
 * the question's type (or "Don't know") and within its options.
 */
export function checkAnswerFits(answer: unknown, question: Question): RowProblem | undefined {
	if (!isRecord(answer)) return { field: 'answer', message: 'must be an answer' };
	if (answer.type === 'dontknow') return undefined;
	if (answer.type !== question.type) {
		return {
			field: 'answer.type',
			message: `must be ${question.type} or dontknow, as its question is ${question.type}`
		};
	}
	const check = QUESTIONS[question.type].answer as (
		a: Record<string, unknown>,
		q: Question
	) => RowProblem | undefined;
	const problem = check(answer, question);
	return problem && { field: `answer.${problem.field}`, message: problem.message };
}

/** The problem with a record's options and questions (not its answers), or undefined. */
export function checkQuizQuestions(value: unknown): RowProblem | undefined {
	if (!isRecord(value)) return { field: '', message: 'must be a quiz record' };
	if (value.version !== 1) return { field: 'version', message: 'must be 1' };
	const options = checkOptions(value.options);
	if (options) return options;
	const questions = value.questions;
	if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUIZ_LENGTH) {
		return { field: 'questions', message: `must be a list of 1 to ${MAX_QUIZ_LENGTH} questions` };
	}
	for (let i = 0; i < questions.length; i++) {
		const problem = checkQuestion(questions[i], `questions[${i}]`);
		if (problem) return problem;
	}
	return undefined;
}

/**
 * The first problem with a stored quiz record (`quizAttempts.data`), or undefined when the app can
 * use it: valid options and questions, and at most one answer per question, each fitting its
 * question, with a grade, the time taken and the time it was given.
 * @example checkQuizRecord({ version: 1 })?.field // 'options'
 */
export function checkQuizRecord(value: unknown): RowProblem | undefined {
	const questionProblem = checkQuizQuestions(value);
	if (questionProblem) return questionProblem;
	const record = value as Record<string, unknown> & { questions: Question[] };
	const answers = record.answers;
	if (!Array.isArray(answers) || answers.length > record.questions.length) {
		return { field: 'answers', message: 'must be a list with at most one answer per question' };
	}
	for (let i = 0; i < answers.length; i++) {
		const at = `answers[${i}]`;
		const entry = answers[i];
		if (!isRecord(entry)) return { field: at, message: 'must be an answer record' };
		const fits = checkAnswerFits(entry.answer, record.questions[i]!);
		if (fits) return { field: `${at}.${fits.field}`, message: fits.message };
		const grade = checkGrade(entry.grade);
		if (grade) return { field: `${at}.grade`, message: grade };
		const timing = checkFields(entry, { durationMs: nonNegative, answeredAt: moment }, `${at}.`);
		if (timing) return timing;
	}
	return undefined;
}
