import type { Source } from '../bank/schema.ts';
import { TOPICS, type Topic } from '../bank/topics.ts';
import type { Rating } from '../scheduling/card.ts';

/** The six question types, in the order the set-up form lists them. */
export const QUESTION_TYPES = [
	'choice',
	'multi',
	'truefalse',
	'typed',
	'matching',
	'ordering',
	'map'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How each question type is named to the learner. */
export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
	choice: 'Multiple choice',
	multi: 'Select all that apply',
	truefalse: 'True or false',
	typed: 'Typed answer',
	matching: 'Matching',
	ordering: 'Ordering',
	map: 'Map'
};

/**
 * The three kinds of map question: "Which state is highlighted?", "Select the state that … on the
 * map" and "Which of these were members in <year>?".
 */
export const MAP_VARIANTS = ['identify', 'locate', 'years'] as const;
export type MapVariant = (typeof MAP_VARIANTS)[number];

/** Practice shows feedback after each answer; exam only at the end. */
export const QUIZ_MODES = ['practice', 'exam'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export const MIN_QUIZ_LENGTH = 5;
export const MAX_QUIZ_LENGTH = 50;
export const DEFAULT_QUIZ_LENGTH = 10;

export type Difficulty = 1 | 2 | 3;

/** Everything that decides which quiz is built; it all lives in the quiz URL. */
export interface QuizOptions {
	seed: string;
	/** How many questions (5–50); ignored when `items` is given. */
	length: number;
	topics: Topic[];
	types: QuestionType[];
	difficulty: { min: Difficulty; max: Difficulty };
	mode: QuizMode;
	/** Prefer the items the learner is weakest on, then items never seen. */
	weakSpots: boolean;
	/** When not empty, the quiz asks exactly these items (a retry of wrong answers). */
	items: string[];
}

/** The options of a quiz plus what only the learner's device knows. */
export interface BuildOptions extends QuizOptions {
	/** Retrievability (0..1) by item id, for weak spots; an absent id has never been reviewed. */
	retrievability?: ReadonlyMap<string, number>;
}

/** The default options, without a seed. */
export const DEFAULT_QUIZ_OPTIONS: Readonly<Omit<QuizOptions, 'seed'>> = Object.freeze<
	Omit<QuizOptions, 'seed'>
>({
	length: DEFAULT_QUIZ_LENGTH,
	topics: [...TOPICS],
	types: [...QUESTION_TYPES],
	difficulty: { min: 1, max: 3 },
	mode: 'practice',
	weakSpots: false,
	items: []
});

interface QuestionBase {
	itemId: string;
	topic: Topic;
	difficulty: Difficulty;
	/** The question as asked. */
	prompt: string;
	/** The right answer, written out for feedback and results. */
	answerText: string;
	explanation: string;
	sources: readonly Source[];
	asOf?: string;
}

export interface ChoiceQuestion extends QuestionBase {
	type: 'choice';
	options: string[];
	correct: number;
}

export interface MultiQuestion extends QuestionBase {
	type: 'multi';
	options: string[];
	/** Indexes of the right options, ascending. */
	correct: number[];
}

export interface TrueFalseQuestion extends QuestionBase {
	type: 'truefalse';
	statement: string;
	isTrue: boolean;
	/** What is true instead, when the statement is false. */
	correction?: string;
}

export interface TypedQuestion extends QuestionBase {
	type: 'typed';
	/** Every answer that counts as right; the first is the one shown. */
	accepted: string[];
	/** Wrong answers that are close to a right one and so must never pass as a typo. */
	rejected: string[];
}

export interface MatchingQuestion extends QuestionBase {
	type: 'matching';
	leftLabel: string;
	rightLabel: string;
	left: string[];
	/** The right-hand sides, shuffled. */
	right: string[];
	/** For each left side, the index of its right side in `right`. */
	correct: number[];
}

export interface OrderingEvent {
	text: string;
	date: string;
}

export interface OrderingQuestion extends QuestionBase {
	type: 'ordering';
	/** The events in the (shuffled) order they are first shown. */
	events: OrderingEvent[];
	/** Indexes into `events`, earliest first. */
	correct: number[];
}

export interface MapQuestion extends QuestionBase {
	type: 'map';
	variant: MapVariant;
	/** "Which state is highlighted?": the state drawn highlighted (its map id). */
	highlight?: string;
	/** "Which of these were members in <year>?": the year. */
	year?: number;
	/** The states on offer, by map id, in the order shown (every state on the map for "locate"). */
	optionIds: string[];
	/** Their names, in the same order. */
	options: string[];
	/** Indexes of the right options, ascending (one, except for "years"). */
	correct: number[];
}

export type Question =
	| MapQuestion
	| ChoiceQuestion
	| MultiQuestion
	| TrueFalseQuestion
	| TypedQuestion
	| MatchingQuestion
	| OrderingQuestion;

/** A built quiz: its options and its questions, in the order they are asked. */
export interface Quiz {
	options: QuizOptions;
	questions: Question[];
}

/** A learner's answer to one question. */
export type QuizAnswer =
	| { type: 'choice'; choice: number }
	| { type: 'multi'; choices: number[] }
	| { type: 'truefalse'; value: boolean }
	| { type: 'typed'; text: string }
	| { type: 'matching'; matches: (number | null)[] }
	| { type: 'ordering'; order: number[] }
	| { type: 'map'; choices: number[] }
	| { type: 'dontknow' };

/** The verdict on one answer. */
export interface Grade {
	/** From 0 to 1; multiple select, matching and ordering give partial credit. */
	score: number;
	isCorrect: boolean;
	/** A typed answer accepted although it was not spelt exactly right. */
	isNearMatch: boolean;
	/** A short verdict for the learner, e.g. "3 of 5 pairs right." */
	note: string;
}

/** What a quiz answer did to its item's flashcard: the rating it counted as (quizRating). */
export interface CardEffect {
	rating: Rating;
	/** True when this answer made the card a leech, which suspends it. */
	isNewLeech: boolean;
}

/** One answered question as stored: the answer, its grade and how long it took. */
export interface AnswerRecord {
	answer: QuizAnswer;
	grade: Grade;
	durationMs: number;
	answeredAt: number;
	/** What the answer did to the item's flashcard; absent when quiz answers leave flashcards alone. */
	card?: CardEffect;
}

/**
 * A quiz as stored in `quizAttempts.data`: its options, the questions as they were asked (so that a
 * resumed quiz and its results do not depend on a later bank) and the answers so far, in order.
 */
export interface QuizRecord {
	version: 1;
	options: QuizOptions;
	questions: Question[];
	answers: AnswerRecord[];
}
