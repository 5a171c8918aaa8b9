// node.quiz.build.50: median milliseconds to build a 50-question quiz over the whole real bank, in Node.
import { readBank } from '../../src/lib/content/read-bank.ts';
import { buildQuiz } from '../../src/lib/domain/quiz/build.ts';
import { DEFAULT_QUIZ_OPTIONS } from '../../src/lib/domain/quiz/types.ts';
import { createRng } from '../../src/lib/domain/random.ts';
import { median } from './lib/summary.js';

type Report = (figure: { name: string; value: number; unit: string }) => void;

export async function run(report: Report): Promise<void> {
	const bank = readBank('questions');
	const build = (seed: string) =>
		buildQuiz(bank, { ...DEFAULT_QUIZ_OPTIONS, seed, length: 50 }, createRng(seed));
	for (let i = 0; i < 200; i++) build(`warm-${i}`);
	const times: number[] = [];
	for (let i = 0; i < 1000; i++) {
		const start = performance.now();
		const quiz = build(`bench-${i}`);
		times.push(performance.now() - start);
		if (quiz.questions.length !== 50)
			throw new Error(`Expected 50 questions, got ${quiz.questions.length}.`);
	}
	report({
		name: 'node.quiz.build.50',
		value: Math.round(median(times) * 1000) / 1000,
		unit: 'ms'
	});
}
