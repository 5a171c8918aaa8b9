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
			  "history/armenia typed",
			  "history/kazakhstan ordering",
			  "members/headquarters choice",
			  "members/treaty-city typed",
			  "history/founding ordering",
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
		const quiz = build('spread', { length: 16 });
		const counts = new Map<QuestionType, number>();
		for (const q of quiz.questions) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
		expect(counts.size).toBe(6);
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

/** Checks the rules of one question against its item; returns where the right answer was shown. */
function checkQuestion(q: Question, item: Item): number | undefined {
	expect(supportedTypes(item)).toContain(q.type);
	expect(q.prompt.trim()).not.toBe('');
	expect(q.prompt).not.toMatch(/\{(answer|left)\}/);
	switch (q.type) {
		case 'choice': {
			expect(q.options).toHaveLength(4);
			expect(hasNoRepeats(q.options)).toBe(true);
			expect(q.options[q.correct]).toBe(q.answerText);
			const distractors = keysOf(q.options.filter((_, i) => i !== q.correct));
			let pool: string[];
			let accepted: string[];
			if (item.kind === 'qa') {
				pool = item.distractors;
				accepted = [item.answer, ...item.accept];
			} else if (item.kind === 'set') {
				const negative = q.prompt.includes(' not ');
				pool = negative ? item.members : item.others;
				accepted = negative ? item.others : item.members;
				expect(accepted).toContain(q.answerText);
			} else if (item.kind === 'timeline') {
				const years = item.events.map((e) => e.date.slice(0, 4));
				expect(years).toContain(q.answerText);
				expect(q.options.every((o) => /^\d{4}$/.test(o))).toBe(true);
				pool = q.options;
				accepted = [q.answerText];
			} else if (item.kind === 'pairs') {
				pool = item.pairs.map((p) => p.right);
				accepted = [q.answerText];
				const pair = item.pairs.find((p) => p.right === q.answerText)!;
				expect(q.prompt).toContain(pair.left);
			} else {
				pool = FIXTURE_BANK.items.flatMap((i) =>
					i.kind === 'statement' && i.topic === item.topic ? i.falsehoods : []
				);
				accepted = [item.truth];
				expect(q.answerText).toBe(item.truth);
			}
			for (const d of distractors) {
				expect(keysOf(pool)).toContain(d);
				expect(keysOf(accepted)).not.toContain(d);
			}
			return q.correct;
		}
		case 'multi': {
			if (item.kind !== 'set') throw new Error('multi from a non-set item');
			expect(q.options).toHaveLength(5);
			expect(hasNoRepeats(q.options)).toBe(true);
			expect(q.correct.length).toBeGreaterThanOrEqual(2);
			expect(q.correct.length).toBeLessThanOrEqual(4);
			q.options.forEach((o, i) => {
				expect(q.correct.includes(i) ? item.members : item.others).toContain(o);
			});
			return q.correct[0];
		}
		case 'truefalse': {
			expect(q.statement).toMatch(/^[A-Z“0-9]/);
			expect(q.statement).not.toMatch(/\{answer\}/);
			if (item.kind === 'qa') {
				const filled = (x: string) => item.statement!.replace('{answer}', x);
				if (q.isTrue) expect(q.statement).toBe(filled(item.answer));
				else expect(item.distractors.map(filled)).toContain(q.statement);
			} else if (item.kind === 'statement') {
				expect(q.isTrue ? [item.truth] : item.falsehoods).toContain(q.statement);
			} else if (item.kind === 'set') {
				const pool = q.isTrue ? item.members : item.others;
				expect(pool.some((m) => q.statement.includes(m))).toBe(true);
			}
			if (!q.isTrue) expect(q.correction).toBeTruthy();
			return q.isTrue ? 0 : 1;
		}
		case 'typed': {
			expect(q.accepted.length).toBeGreaterThan(0);
			const accepted = new Set(keysOf(q.accepted));
			expect(keysOf(q.rejected).some((r) => accepted.has(r))).toBe(false);
			return undefined;
		}
		case 'matching': {
			if (item.kind !== 'pairs') throw new Error('matching from a non-pairs item');
			expect([4, 5]).toContain(q.left.length);
			expect(q.right.slice().sort()).toEqual(q.correct.map((c) => q.right[c]).sort());
			q.left.forEach((left, i) => {
				expect(item.pairs).toContainEqual({ left, right: q.right[q.correct[i]!] });
			});
			expect(hasNoRepeats(q.left)).toBe(true);
			expect(q.correct.every((c, i) => c === i)).toBe(false);
			return q.correct[0];
		}
		case 'ordering': {
			if (item.kind !== 'timeline') throw new Error('ordering from a non-timeline item');
			expect(q.events.length).toBeGreaterThanOrEqual(3);
			expect(q.events.length).toBeLessThanOrEqual(5);
			const dates = q.correct.map((i) => q.events[i]!.date);
			for (let i = 1; i < dates.length; i++) {
				expect(dates[i]! > dates[i - 1]!).toBe(true);
				expect(dates[i]!.startsWith(dates[i - 1]!)).toBe(false);
			}
			expect(q.correct.every((c, i) => c === i)).toBe(false);
			return q.correct[0];
		}
	}
}

describe('buildQuiz: the rules of every question type over 500 seeds', () => {
	for (const type of QUESTION_TYPES) {
		it(`${type}: right options, distractors from the same pool, shuffled, no item twice`, () => {
			const positions = new Set<number>();
			let asked = 0;
			for (let seed = 0; seed < 500; seed++) {
				const quiz = build(`seed-${seed}`, { types: [type], length: 50 });
				const ids = quiz.questions.map((q) => q.itemId);
				expect(new Set(ids).size).toBe(ids.length);
				for (const q of quiz.questions) {
					expect(q.type).toBe(type);
					const position = checkQuestion(q, itemOf(q));
					if (position !== undefined) positions.add(position);
					asked++;
				}
			}
			expect(asked).toBeGreaterThan(500);
			// Shuffled: over many seeds the right answer turns up in every position.
			const expected = {
				choice: [0, 1, 2, 3],
				multi: [0, 1, 2, 3],
				truefalse: [0, 1],
				typed: [],
				matching: [0, 1, 2, 3, 4],
				ordering: [0, 1, 2, 3, 4]
			}[type];
			expect([...positions].sort()).toEqual(expected);
		});
	}
});
