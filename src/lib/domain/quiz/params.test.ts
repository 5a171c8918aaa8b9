import { describe, expect, it } from 'vitest';
import { parseQuizParams, quizToSearchParams } from './params';
import { DEFAULT_QUIZ_OPTIONS, type QuizOptions } from './types';

const defaults: QuizOptions = { ...DEFAULT_QUIZ_OPTIONS, seed: 'k3x9a0' };

describe('quiz URL parameters', () => {
	it('round-trips options', () => {
		const cases: QuizOptions[] = [
			defaults,
			{ ...defaults, length: 25, topics: ['members', 'armenia'], mode: 'exam' },
			{
				...defaults,
				types: ['typed', 'ordering'],
				difficulty: { min: 2, max: 3 },
				weakSpots: true
			},
			{ ...defaults, items: ['members/current', 'history/founding-steps'], length: 2 }
		];
		for (const options of cases) {
			const text = quizToSearchParams(options).toString();
			expect(parseQuizParams(new URLSearchParams(text))).toEqual({ ok: true, options });
		}
	});

	it('keeps links short by leaving out defaults', () => {
		expect(quizToSearchParams(defaults).toString()).toBe('seed=k3x9a0&n=10&mode=practice');
	});

	it('writes topics and types in a fixed order', () => {
		const text = quizToSearchParams({
			...defaults,
			topics: ['armenia', 'members'],
			types: ['typed', 'choice']
		}).toString();
		expect(text).toBe(
			'seed=k3x9a0&n=10&topics=members%2Carmenia&types=choice%2Ctyped&mode=practice'
		);
	});

	it('fills in defaults for missing parameters', () => {
		expect(parseQuizParams(new URLSearchParams('seed=abc'))).toEqual({
			ok: true,
			options: { ...defaults, seed: 'abc' }
		});
	});

	it.each([
		['', /seed must be 1 to 32 letters or digits/],
		['seed=a b', /seed/],
		['seed=abc&n=4', /length must be a whole number from 5 to 50 \(it was “4”\)/],
		['seed=abc&n=51', /from 5 to 50/],
		['seed=abc&n=ten', /it was “ten”/],
		['seed=abc&topics=members,nato', /unknown topic “nato”/],
		['seed=abc&topics=', /at least one topic/],
		['seed=abc&types=essay', /unknown question type “essay”/],
		['seed=abc&mode=fast', /mode must be practice or exam/],
		['seed=abc&difficulty=3-1', /difficulty must be a range/],
		['seed=abc&difficulty=easy', /difficulty/],
		['seed=abc&weak=yes', /weak must be 1 or 0/],
		['seed=abc&items=members/x,<script>', /“<script>” is not a question id/],
		['seed=abc&items=', /list of questions is empty/]
	])('refuses %s with a message that says what is wrong', (query, message) => {
		const parsed = parseQuizParams(new URLSearchParams(query));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.message).toMatch(/^This quiz link is not valid: /);
			expect(parsed.message).toMatch(message);
		}
	});
});
