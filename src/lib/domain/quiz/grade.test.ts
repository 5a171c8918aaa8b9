import { describe, expect, it } from 'vitest';
import { formatPartialDate } from '../format';
import { describeAnswer, gradeAnswer, gradeTyped, quizRating, summarizeResults } from './grade';
import type {
	ChoiceQuestion,
	MatchingQuestion,
	MultiQuestion,
	OrderingQuestion,
	Question,
	QuizAnswer,
	TrueFalseQuestion
} from './types';

const base = {
	itemId: 'members/x',
	topic: 'members',
	difficulty: 1,
	prompt: 'Q?',
	answerText: 'A',
	explanation: 'E.',
	sources: []
} as const;

describe('gradeTyped', () => {
	const city = { accepted: ['Tashkent', 'Toshkent'], rejected: ['Dushanbe', 'Bishkek'] };
	const body = {
		accepted: ['the Collective Security Council', 'CSC'],
		rejected: ['the Council of Foreign Ministers']
	};
	const capital = { accepted: ['Chișinău', 'Kishinev'], rejected: ['Minsk'] };
	const year = { accepted: ['1992'], rejected: [] };
	const count = { accepted: ['6', 'six'], rejected: ['5', '7'] };
	const austria = { accepted: ['Austria'], rejected: ['Australia'] };
	const near = { accepted: ['Armenia'], rejected: ['Armenian'] };

	it.each([
		// [question, typed, score, near match]
		[city, 'Tashkent', 1, false],
		[city, '  tashkent ', 1, false],
		[city, 'TASHKENT!', 1, false],
		[city, 'Toshkent', 1, false],
		[city, 'Tashknet', 1, true],
		[city, 'Tashkend', 1, true],
		[city, 'Tashkentt', 1, true],
		[city, 'Taskent', 1, true],
		[city, 'Tshkntt', 0, false],
		[city, 'Dushanbe', 0, false],
		[city, '', 0, false],
		[body, 'Collective Security Council', 1, false],
		[body, 'the collective-security council', 1, false],
		[body, 'A Collective Security Council', 1, false],
		[body, 'csc', 1, false],
		[body, 'Collective Security Counsil', 1, true],
		[body, 'Council of Foreign Ministers', 0, false],
		[capital, 'Chisinau', 1, false],
		[capital, 'chişinău', 1, false],
		[capital, 'Kishinev', 1, false],
		[capital, 'Chisinua', 1, true],
		[year, '1992', 1, false],
		[year, '1993', 0, false],
		[year, '199', 0, false],
		[count, 'six', 1, false],
		[count, 'Six.', 1, false],
		[count, '6', 1, false],
		[count, '7', 0, false],
		[count, 'sx', 0, false],
		[austria, 'Austrai', 1, true],
		[near, 'Armenian', 0, false],
		[near, 'Armenja', 1, true]
	] as const)('%o: %s scores %i (near match: %s)', (question, typed, score, isNear) => {
		const grade = gradeTyped(question, typed);
		expect(grade.score).toBe(score);
		expect(grade.isCorrect).toBe(score === 1);
		expect(grade.isNearMatch).toBe(isNear);
		if (isNear) expect(grade.note).toMatch(/^Accepted as a near match for “.+”\.$/);
	});

	it('does not forgive a typo in a short answer', () => {
		expect(gradeTyped({ accepted: ['Baku'], rejected: [] }, 'Baky').score).toBe(0);
		expect(gradeTyped({ accepted: ['Minsk'], rejected: [] }, 'Minks').score).toBe(1);
	});
});

describe('gradeAnswer', () => {
	const choice: ChoiceQuestion = {
		...base,
		type: 'choice',
		options: ['a', 'b', 'c', 'd'],
		correct: 2
	};
	const tf: TrueFalseQuestion = { ...base, type: 'truefalse', statement: 'S.', isTrue: false };
	const multi: MultiQuestion = {
		...base,
		type: 'multi',
		options: ['a', 'b', 'c', 'd', 'e'],
		correct: [0, 2, 4]
	};
	const matching: MatchingQuestion = {
		...base,
		type: 'matching',
		leftLabel: 'L',
		rightLabel: 'R',
		left: ['l0', 'l1', 'l2', 'l3'],
		right: ['r2', 'r0', 'r3', 'r1'],
		correct: [1, 3, 0, 2]
	};
	const ordering: OrderingQuestion = {
		...base,
		type: 'ordering',
		events: [
			{ text: 'c', date: '2003' },
			{ text: 'a', date: '1992' },
			{ text: 'd', date: '2010' },
			{ text: 'b', date: '1994' }
		],
		correct: [1, 3, 0, 2]
	};

	it.each([
		[choice, { type: 'choice', choice: 2 }, 1, 3],
		[choice, { type: 'choice', choice: 0 }, 0, 1],
		[tf, { type: 'truefalse', value: false }, 1, 3],
		[tf, { type: 'truefalse', value: true }, 0, 1],
		[multi, { type: 'multi', choices: [0, 2, 4] }, 1, 3],
		[multi, { type: 'multi', choices: [4, 0, 2] }, 1, 3],
		[multi, { type: 'multi', choices: [0, 2] }, 2 / 3, 2],
		[multi, { type: 'multi', choices: [0, 2, 4, 1] }, 2 / 3, 2],
		[multi, { type: 'multi', choices: [0, 1] }, 0, 1],
		[multi, { type: 'multi', choices: [0, 1, 3] }, 0, 1],
		[multi, { type: 'multi', choices: [] }, 0, 1],
		[matching, { type: 'matching', matches: [1, 3, 0, 2] }, 1, 3],
		[matching, { type: 'matching', matches: [1, 3, 2, 0] }, 0.5, 2],
		[matching, { type: 'matching', matches: [1, null, null, null] }, 0.25, 2],
		[matching, { type: 'matching', matches: [null, null, null, null] }, 0, 1],
		[ordering, { type: 'ordering', order: [1, 3, 0, 2] }, 1, 3],
		[ordering, { type: 'ordering', order: [3, 1, 0, 2] }, 0.5, 2],
		[ordering, { type: 'ordering', order: [0, 1, 2, 3] }, 0, 1],
		[choice, { type: 'dontknow' }, 0, 1],
		[matching, { type: 'dontknow' }, 0, 1]
	] as const)('%#: %o scores %d and counts as rating %d', (question, answer, score, rating) => {
		const grade = gradeAnswer(question as Question, answer as QuizAnswer);
		expect(grade.score).toBeCloseTo(score, 10);
		expect(grade.isCorrect).toBe(score === 1);
		// Fully right is Good (3), partly right Hard (2), wrong or "Don't know" Again (1).
		expect(quizRating(grade)).toBe(rating);
	});

	it('explains partial credit', () => {
		expect(gradeAnswer(multi, { type: 'multi', choices: [0, 1] }).note).toBe(
			'1 of 3 right options picked, and 1 wrong one picked.'
		);
		expect(gradeAnswer(matching, { type: 'matching', matches: [1, 3, 2, 0] }).note).toBe(
			'2 of 4 pairs matched.'
		);
		expect(gradeAnswer(ordering, { type: 'ordering', order: [3, 1, 0, 2] }).note).toBe(
			'2 of 4 events in the right place.'
		);
	});

	it('refuses an answer of the wrong type', () => {
		expect(() => gradeAnswer(choice, { type: 'truefalse', value: true })).toThrow(/cannot answer/);
	});

	it('writes answers out for the results', () => {
		expect(describeAnswer(choice, { type: 'choice', choice: 1 })).toBe('b');
		expect(describeAnswer(multi, { type: 'multi', choices: [4, 0] })).toBe('a; e');
		expect(describeAnswer(matching, { type: 'matching', matches: [1, null, 0, 2] })).toBe(
			'l0: r0; l1: (none); l2: r2; l3: r3'
		);
		expect(describeAnswer(ordering, { type: 'ordering', order: [1, 3, 0, 2] })).toBe('a; b; c; d');
		expect(describeAnswer(tf, { type: 'dontknow' })).toBe('Don’t know');
	});
});

describe('summarizeResults', () => {
	const q = (itemId: string): Question => ({
		...base,
		itemId,
		type: 'typed',
		accepted: ['x'],
		rejected: []
	});
	const g = (score: number) => ({ score, isCorrect: score === 1, isNearMatch: false, note: '' });
	it('adds partial credit, rounds the percentage down and lists the items to retry', () => {
		const results = summarizeResults([
			{ question: q('a/one'), answer: { type: 'typed', text: 'x' }, grade: g(1) },
			{ question: q('a/two'), answer: { type: 'dontknow' }, grade: g(0) },
			{ question: q('a/three'), answer: { type: 'typed', text: 'x' }, grade: g(2 / 3) }
		]);
		expect(results).toEqual({
			score: 1.67,
			maxScore: 3,
			percent: 55,
			rightCount: 1,
			wrongItemIds: ['a/two', 'a/three']
		});
	});
	it('gives zero for an empty quiz', () => {
		expect(summarizeResults([]).percent).toBe(0);
	});
});

describe('formatPartialDate', () => {
	it.each([
		['1992', '1992'],
		['2024-02', 'February 2024'],
		['1992-05-15', '15 May 1992']
	])('%s reads as %s', (date, text) => {
		expect(formatPartialDate(date)).toBe(text);
	});
});
