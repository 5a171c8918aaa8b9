import { describe, expect, it } from 'vitest';
import type { Item } from '../bank/schema';
import { createRng } from '../random';
import { normalizeAnswer } from '../text';
import { buildQuiz, orderWeakSpots } from './build';
import { FIXTURE_BANK } from './fixtures';
import { supportedTypes } from './generate';
import {
	DEFAULT_QUIZ_OPTIONS,
	QUESTION_TYPES,
	type BuildOptions,
	type Question,
	type QuestionType
} from './types';

const ITEMS = new Map(FIXTURE_BANK.items.map((item) => [item.id, item]));
const itemOf = (q: Question) => ITEMS.get(q.itemId)!;

function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
	return { ...DEFAULT_QUIZ_OPTIONS, seed: 'test', ...overrides };
}

function build(seed: string, overrides: Partial<BuildOptions> = {}) {
	return buildQuiz(FIXTURE_BANK, options({ seed, ...overrides }), createRng(seed));
}

const keysOf = (texts: readonly string[]) => texts.map(normalizeAnswer);
const hasNoRepeats = (texts: readonly string[]) => new Set(keysOf(texts)).size === texts.length;

describe('buildQuiz: determinism', () => {
	it('gives the same quiz for the same seed and options', () => {
		for (const seed of ['a', 'k3x9a0', 'zzzzzz']) {
			expect(build(seed, { length: 12 })).toEqual(build(seed, { length: 12 }));
		}
	});

	it('gives different quizzes for different seeds', () => {
		const quizzes = ['s1', 's2', 's3', 's4'].map((s) => JSON.stringify(build(s).questions));
		expect(new Set(quizzes).size).toBe(4);
	});

	it('does not depend on the order of the bank’s items', () => {
		const reversed = { ...FIXTURE_BANK, items: FIXTURE_BANK.items.slice().reverse() };
		const a = buildQuiz(FIXTURE_BANK, options({ seed: 'order' }), createRng('order'));
		const b = buildQuiz(reversed, options({ seed: 'order' }), createRng('order'));
		expect(b).toEqual(a);
	});

	it('pins the first questions of one seed, so that a change to generation is noticed', () => {
		const quiz = build('pinned', { length: 6 });
		expect(quiz.questions.map((q) => `${q.itemId} ${q.type}`)).toMatchInlineSnapshot(`
			[
			  "members/headquarters truefalse",
			  "history/armenia ordering",
			  "members/duties multi",
			  "history/kazakhstan typed",
			  "members/treaty-city choice",
			  "members/pairs-capitals matching",
			]
		`);
	});
});

describe('buildQuiz: choosing items', () => {
	it('asks the requested number of questions, each item at most once', () => {
		for (let seed = 0; seed < 100; seed++) {
			const quiz = build(`n${seed}`, { length: 10 });
			expect(quiz.questions).toHaveLength(10);
			const ids = quiz.questions.map((q) => q.itemId);
			expect(new Set(ids).size).toBe(ids.length);
		}
	});

	it('asks fewer questions when fewer items fit the options', () => {
		const quiz = build('few', { length: 50, topics: ['history'] });
		expect(quiz.questions).toHaveLength(6);
		expect(quiz.questions.every((q) => q.topic === 'history')).toBe(true);
	});

	it('keeps to the topics, types and difficulty chosen', () => {
		const quiz = build('filters', {
			topics: ['members'],
			types: ['choice', 'typed'],
			difficulty: { min: 1, max: 2 }
		});
		expect(quiz.questions.length).toBeGreaterThan(0);
		for (const q of quiz.questions) {
			expect(q.topic).toBe('members');
			expect(['choice', 'typed']).toContain(q.type);
			expect(q.difficulty).toBeLessThanOrEqual(2);
		}
	});

	it('spreads question types as evenly as the items allow', () => {
		for (let seed = 0; seed < 50; seed++) {
			const quiz = build(`spread${seed}`, { length: 12 });
			const counts = new Map<QuestionType, number>();
			for (const q of quiz.questions) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
			expect(counts.size).toBe(6);
			expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(2);
		}
	});

	it('asks exactly the given items for a retry, even where no chosen type fits', () => {
		const items = ['history/founding', 'members/seven', 'members/headquarters'];
		const quiz = build('retry', { items, types: ['multi'] });
		expect(quiz.questions.map((q) => q.itemId).sort()).toEqual(items.slice().sort());
	});

	it('skips unknown ids in a retry', () => {
		const quiz = build('retry', { items: ['members/seven', 'members/gone'] });
		expect(quiz.questions.map((q) => q.itemId)).toEqual(['members/seven']);
	});

	it('avoids a question that states another question’s answer where it can', () => {
		for (let seed = 0; seed < 200; seed++) {
			const quiz = build(`g${seed}`, { length: 8 });
			const typed = quiz.questions.filter(
				(q) => q.type === 'typed' && q.itemId === 'members/headquarters'
			);
			for (const q of typed) {
				const others = quiz.questions.filter((o) => o !== q);
				const stated = others.flatMap((o) =>
					o.type === 'truefalse' && o.isTrue ? [o.prompt, o.statement] : [o.prompt]
				);
				expect(stated.some((text) => /\bmoscow\b/i.test(text))).toBe(false);
			}
		}
	});
});

describe('orderWeakSpots', () => {
	const items = FIXTURE_BANK.items;
	const r = new Map([
		['members/count', 0.95],
		['members/seven', 0.42],
		['history/founding', 0.1],
		['members/current', 0.42],
		['history/renewal', 0.89]
	]);

	it('puts weak items first (weakest first, ties by id), then never-seen items, then known ones', () => {
		const ordered = orderWeakSpots(items, r, createRng('w')).map((i) => i.id);
		expect(ordered.slice(0, 4)).toEqual([
			'history/founding',
			'members/current',
			'members/seven',
			'history/renewal'
		]);
		expect(ordered.at(-1)).toBe('members/count');
		expect(new Set(ordered.slice(4, -1))).toEqual(
			new Set(items.map((i) => i.id).filter((id) => !r.has(id)))
		);
	});

	it('builds a weak-spots quiz from the weakest items', () => {
		const quiz = build('weak', { weakSpots: true, length: 5, retrievability: r });
		const ids = quiz.questions.map((q) => q.itemId);
		expect(ids).toHaveLength(5);
		for (const id of ['history/founding', 'members/current', 'members/seven', 'history/renewal']) {
			expect(ids).toContain(id);
		}
		expect(ids).not.toContain('members/count');
	});
});

/**
 * Checks the rules of one question against its item; returns where the right answer was shown.
 * Problems are collected rather than asserted one by one, so that 500 seeds run quickly.
 */
function checkQuestion(q: Question, item: Item, problems: string[]): number | undefined {
	const check = (ok: boolean, what: string) => {
		if (!ok) problems.push(`${q.itemId} (${q.type}): ${what}`);
	};
	const within = (texts: readonly string[], pool: readonly string[]) => {
		const keys = new Set(keysOf(pool));
		return keysOf(texts).every((k) => keys.has(k));
	};
	check(supportedTypes(item).includes(q.type), 'type not supported by the item');
	check(q.prompt.trim() !== '', 'empty prompt');
	check(!/\{(answer|left)\}/.test(q.prompt), 'unfilled template');
	switch (q.type) {
		case 'choice': {
			check(q.options.length === 4, 'not four options');
			check(hasNoRepeats(q.options), 'repeated option');
			check(q.options[q.correct] === q.answerText, 'right option is not the answer');
			const distractors = q.options.filter((_, i) => i !== q.correct);
			let pool: string[] = [];
			let accepted: string[] = [];
			if (item.kind === 'qa') {
				pool = item.distractors;
				accepted = [item.answer, ...item.accept];
			} else if (item.kind === 'set') {
				const negative = q.prompt.includes(' not ');
				pool = negative ? item.members : item.others;
				accepted = negative ? item.others : item.members;
				check(accepted.includes(q.answerText), 'answer not in the set');
			} else if (item.kind === 'timeline') {
				const years = item.events.map((e) => e.date.slice(0, 4));
				check(years.includes(q.answerText), 'answer is not an event year');
				check(
					q.options.every((o) => /^\d{4}$/.test(o)),
					'an option is not a year'
				);
				pool = q.options;
				accepted = [q.answerText];
			} else if (item.kind === 'pairs') {
				pool = item.pairs.map((p) => p.right);
				accepted = [q.answerText];
				const pair = item.pairs.find((p) => p.right === q.answerText);
				check(
					pair !== undefined && q.prompt.includes(pair.left),
					'prompt does not name the left side'
				);
			} else if (item.kind === 'statement') {
				pool = FIXTURE_BANK.items.flatMap((i) =>
					i.kind === 'statement' && i.topic === item.topic ? i.falsehoods : []
				);
				accepted = [item.truth];
				check(q.answerText === item.truth, 'answer is not the truth');
			}
			check(within(distractors, pool), 'a distractor is not from the same pool');
			const acceptedKeys = new Set(keysOf(accepted));
			check(!keysOf(distractors).some((d) => acceptedKeys.has(d)), 'a distractor is accepted');
			return q.correct;
		}
		case 'multi': {
			if (item.kind !== 'set') throw new Error('multi from a non-set item');
			check(q.options.length === 5, 'not five options');
			check(hasNoRepeats(q.options), 'repeated option');
			check(q.correct.length >= 2 && q.correct.length <= 4, 'not 2-4 right options');
			check(
				q.options.every((o, i) => (q.correct.includes(i) ? item.members : item.others).includes(o)),
				'an option is marked wrongly'
			);
			return q.correct[0];
		}
		case 'truefalse': {
			check(/^[A-Z“0-9]/.test(q.statement), 'statement does not start with a capital');
			check(!q.statement.includes('{answer}'), 'unfilled statement');
			if (item.kind === 'qa') {
				const filled = (x: string) => item.statement!.replace('{answer}', x);
				check(
					q.isTrue
						? q.statement === filled(item.answer)
						: item.distractors.map(filled).includes(q.statement),
					'statement does not match its truth value'
				);
			} else if (item.kind === 'statement') {
				check(
					(q.isTrue ? [item.truth] : item.falsehoods).includes(q.statement),
					'statement does not match its truth value'
				);
			} else if (item.kind === 'set') {
				const pool = q.isTrue ? item.members : item.others;
				check(
					pool.some((m) => q.statement.includes(m)),
					'statement does not match its truth value'
				);
			}
			check(q.isTrue || Boolean(q.correction), 'a false statement has no correction');
			return q.isTrue ? 0 : 1;
		}
		case 'typed': {
			check(q.accepted.length > 0, 'nothing accepted');
			const accepted = new Set(keysOf(q.accepted));
			check(!keysOf(q.rejected).some((r) => accepted.has(r)), 'a rejected answer is accepted');
			return undefined;
		}
		case 'matching': {
			if (item.kind !== 'pairs') throw new Error('matching from a non-pairs item');
			check(q.left.length === 4 || q.left.length === 5, 'not four or five pairs');
			check(
				new Set(q.correct).size === q.left.length && q.right.length === q.left.length,
				'right sides are not a permutation'
			);
			check(
				q.left.every((left, i) =>
					item.pairs.some((p) => p.left === left && p.right === q.right[q.correct[i]!])
				),
				'a pair is matched wrongly'
			);
			check(hasNoRepeats(q.left), 'repeated left side');
			check(!q.correct.every((c, i) => c === i), 'shown already matched');
			return q.correct[0];
		}
		case 'ordering': {
			if (item.kind !== 'timeline') throw new Error('ordering from a non-timeline item');
			check(q.events.length >= 3 && q.events.length <= 5, 'not three to five events');
			const dates = q.correct.map((i) => q.events[i]!.date);
			for (let i = 1; i < dates.length; i++) {
				check(dates[i]! > dates[i - 1]!, 'not in chronological order');
				check(!dates[i]!.startsWith(dates[i - 1]!), 'two dates cannot be ordered');
			}
			check(!q.correct.every((c, i) => c === i), 'shown already in order');
			return q.correct[0];
		}
	}
}

describe('buildQuiz: the rules of every question type over 500 seeds', () => {
	// Map questions need membership data, which this fixture bank has not: see map.test.ts.
	for (const type of QUESTION_TYPES.filter((t) => t !== 'map')) {
		it(`${type}: right options, distractors from the same pool, shuffled, no item twice`, () => {
			const positions = new Set<number>();
			const problems: string[] = [];
			let asked = 0;
			for (let seed = 0; seed < 500; seed++) {
				const quiz = build(`seed-${seed}`, { types: [type], length: 50 });
				const ids = quiz.questions.map((q) => q.itemId);
				if (new Set(ids).size !== ids.length) problems.push(`seed ${seed}: an item twice`);
				for (const q of quiz.questions) {
					if (q.type !== type) problems.push(`seed ${seed}: a ${q.type} question`);
					const position = checkQuestion(q, itemOf(q), problems);
					if (position !== undefined) positions.add(position);
					asked++;
				}
			}
			expect(problems.slice(0, 10)).toEqual([]);
			expect(asked).toBeGreaterThan(500);
			// Shuffled: over many seeds the right answer turns up in every position.
			const expected = {
				choice: [0, 1, 2, 3],
				multi: [0, 1, 2, 3],
				truefalse: [0, 1],
				typed: [],
				matching: [0, 1, 2, 3, 4],
				ordering: [0, 1, 2, 3, 4],
				map: []
			}[type];
			expect([...positions].sort()).toEqual(expected);
			// 500 quizzes of 50 questions over the whole bank: several seconds on two busy cores.
		}, 60_000);
	}
});
