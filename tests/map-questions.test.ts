// Map questions from the real membership data and the real map, over many seeds: every question has
// exactly one right answer, and what it shows exists on the map.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBank } from '../src/lib/content/read-bank';
import { readMapGeometry } from '../src/lib/content/read-map';
import { freezeOn, isMemberOn, isSteadyThrough } from '../src/lib/domain/bank/membership';
import { buildQuiz } from '../src/lib/domain/quiz/build';
import { gradeAnswer } from '../src/lib/domain/quiz/grade';
import { uniqueClause } from '../src/lib/domain/quiz/map';
import { DEFAULT_QUIZ_OPTIONS, type MapQuestion } from '../src/lib/domain/quiz/types';
import { createRng } from '../src/lib/domain/random';

const bank = readBank(resolve(import.meta.dirname, '..', 'questions'));
const membership = bank.membership!;
const mapStates = bank.mapStates!;
const geometry = readMapGeometry(membership);
const drawn = new Set([
	...geometry.main.shapes.map((s) => s.id),
	...geometry.inset.shapes.map((s) => s.id)
]);
const SEEDS = 300;

function mapQuizzes(): MapQuestion[] {
	const questions: MapQuestion[] = [];
	for (let seed = 0; seed < SEEDS; seed++) {
		const quiz = buildQuiz(
			bank,
			{ ...DEFAULT_QUIZ_OPTIONS, seed: `m${seed}`, types: ['map'], length: 50 },
			createRng(`m${seed}`)
		);
		for (const q of quiz.questions) if (q.type === 'map') questions.push(q);
	}
	return questions;
}

const questions = mapQuizzes();

/** Every way of answering with one state, or every subset for "years" (five options: 31 subsets). */
function answersOf(q: MapQuestion): number[][] {
	if (q.variant !== 'years') return q.options.map((_, i) => [i]);
	const all: number[][] = [];
	for (let mask = 1; mask < 1 << q.options.length; mask++) {
		all.push(q.options.flatMap((_, i) => (mask & (1 << i) ? [i] : [])));
	}
	return all;
}

// Thousands of questions, each checked in full: a busy two-core machine needs its time.
describe('map questions over many seeds', { timeout: 60_000 }, () => {
	it('come in all three kinds, from every state of the membership data', () => {
		expect(questions.length).toBeGreaterThan(SEEDS * 5);
		expect(new Set(questions.map((q) => q.variant))).toEqual(
			new Set(['identify', 'locate', 'years'])
		);
		expect(new Set(questions.map((q) => q.itemId)).size).toBe(membership.states.length);
	});

	it('have exactly one right answer, which grades as right', () => {
		const problems: string[] = [];
		for (const q of questions) {
			const right = answersOf(q).filter(
				(choices) => gradeAnswer(q, { type: 'map', choices }).isCorrect
			);
			if (right.length !== 1)
				problems.push(`${q.itemId} ${q.variant}: ${right.length} right answers`);
			else if (right[0]!.join() !== q.correct.join()) problems.push(`${q.itemId}: wrong key`);
			if (new Set(q.optionIds).size !== q.optionIds.length)
				problems.push(`${q.itemId}: repeated option`);
			if (
				q.options.join() !==
				q.optionIds.map((id) => mapStates.find((s) => s.id === id)?.name).join()
			) {
				problems.push(`${q.itemId}: option names do not match their states`);
			}
		}
		expect(problems.slice(0, 10)).toEqual([]);
	});

	it('"Which state is highlighted?" highlights a state that is drawn, and offers it once', () => {
		const identify = questions.filter((q) => q.variant === 'identify');
		expect(identify.length).toBeGreaterThan(100);
		const positions = new Set<number>();
		for (const q of identify) {
			expect(drawn.has(q.highlight!), q.highlight).toBe(true);
			expect(q.options).toHaveLength(4);
			expect(q.optionIds.filter((id) => id === q.highlight)).toHaveLength(1);
			expect(q.optionIds[q.correct[0]!]).toBe(q.highlight);
			expect(q.itemId).toBe(`members/periods-${q.highlight}`);
			positions.add(q.correct[0]!);
		}
		expect([...positions].sort()).toEqual([0, 1, 2, 3]);
	});

	it('"Select the state … on the map" asks for a fact true of that state alone, from every state drawn', () => {
		for (const q of questions.filter((q) => q.variant === 'locate')) {
			const id = q.optionIds[q.correct[0]!]!;
			expect(q.itemId).toBe(`members/periods-${id}`);
			expect(q.optionIds).toEqual(mapStates.map((s) => s.id));
			expect(q.optionIds.every((s) => drawn.has(s))).toBe(true);
			const state = membership.states.find((s) => s.id === id)!;
			const clause = uniqueClause(state, membership);
			expect(q.prompt).toBe(
				clause === undefined
					? `Select ${state.name} on the map.`
					: clause.startsWith('whose')
						? `Select the state ${clause} on the map.`
						: `Select the state that ${clause} on the map.`
			);
		}
		expect(
			uniqueClause(
				membership.states.find((s) => s.id === 'uzbekistan')!,
				membership
			)
		).toBe('had its CSTO membership suspended in 2012');
		expect(
			uniqueClause(
				membership.states.find((s) => s.id === 'georgia')!,
				membership
			)
		).toBe('signed the Collective Security Treaty in December 1993 and left it in 1999');
	});

	it('"Which of these were members in <year>?" offers only states whose status that year is clear', () => {
		const years = questions.filter((q) => q.variant === 'years');
		expect(years.length).toBeGreaterThan(100);
		for (const q of years) {
			expect(q.prompt).toBe(`Which of these were members in ${q.year}?`);
			expect(q.options).toHaveLength(5);
			expect(q.correct.length).toBeGreaterThan(0);
			expect(q.correct.length).toBeLessThan(5);
			q.optionIds.forEach((id, i) => {
				const state = membership.states.find((s) => s.id === id);
				const isMember = state ? isMemberOn(state, `${q.year}-06-30`) : false;
				expect(q.correct.includes(i), `${id} in ${q.year}`).toBe(isMember);
				if (state) {
					expect(isSteadyThrough(state, q.year!), `${id} changed in ${q.year}`).toBe(true);
					expect(freezeOn(state, `${q.year}-06-30`)).toBeUndefined();
				}
			});
		}
	});
});
