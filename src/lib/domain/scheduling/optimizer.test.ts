import { beforeAll, describe, expect, it } from 'vitest';
import type { Rating } from './card';
import { DEFAULT_PARAMETERS, nextMemoryState, recallProbability } from './fsrs';
import {
	buildTrainingItems,
	compareOnHoldout,
	holdoutStart,
	predictRecall,
	sortByTime,
	type TrainingItem
} from './memory-model';
import { loadFsrsWasm, simulated3k } from './memory-model-fixtures';
import { trainParameters } from './optimizer';
import { SIMULATED_3K, SIMULATED_TRUE_PARAMETERS } from './simulated-learner';

// Histories that use every part of FSRS-6: first ratings of each kind, same-day reviews (short-term
// memory, w17-w19), Hard and Easy (w15, w16), lapses (w11-w14) and long gaps (the curve, w20).
const HISTORIES: { ratings: Rating[]; deltaTs: number[] }[] = [
	{ ratings: [3, 3, 3], deltaTs: [0, 3, 6] },
	{ ratings: [1, 1, 3, 3, 2], deltaTs: [0, 0, 0, 1, 5] },
	{ ratings: [4, 3, 1, 3, 3, 4], deltaTs: [0, 8, 20, 0, 2, 9] },
	{ ratings: [2, 3, 2, 1, 1, 3, 4, 3], deltaTs: [0, 1, 3, 7, 0, 1, 4, 30] },
	{ ratings: [3, 4, 4, 4], deltaTs: [0, 10, 60, 400] }
];

const PARAMETER_SETS = [
	['the defaults', DEFAULT_PARAMETERS],
	['the simulated learner', SIMULATED_TRUE_PARAMETERS]
] as const;

/** The memory state ts-fsrs (which schedules the app's cards) reaches after a history. */
function tsFsrsState(history: (typeof HISTORIES)[number], parameters: readonly number[]) {
	let state: ReturnType<typeof nextMemoryState> | undefined;
	history.ratings.forEach((rating, i) => {
		state = nextMemoryState(state, history.deltaTs[i]!, rating, parameters);
	});
	return state!;
}

describe('fsrs-browser and ts-fsrs', () => {
	const wasm = loadFsrsWasm();

	it('use the same 21 FSRS-6 default parameters', () => {
		// With fewer than 8 items fsrs-rs returns its defaults untouched.
		const few: TrainingItem[] = [
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 2 }
			]
		];
		const defaults = trainParameters(wasm, few);
		expect(defaults).toHaveLength(21);
		expect(defaults).toEqual(DEFAULT_PARAMETERS);
	});

	it.each(PARAMETER_SETS)(
		'reach the same memory state from the same history with %s, parameter for parameter',
		(_, parameters) => {
			const model = new wasm.Fsrs(Float32Array.from(parameters));
			for (const history of HISTORIES) {
				const [stability, difficulty] = model.memoryState(
					Uint32Array.from(history.ratings),
					Uint32Array.from(history.deltaTs)
				);
				const ours = tsFsrsState(history, parameters);
				// fsrs-rs computes in single precision.
				expect(stability! / ours.stability).toBeCloseTo(1, 3);
				expect(difficulty! / ours.difficulty).toBeCloseTo(1, 3);
			}
			model.free();
		}
	);

	it.each(PARAMETER_SETS)('share the forgetting curve (w20) with %s', (_, parameters) => {
		const model = new wasm.Fsrs(Float32Array.from(parameters));
		for (const retention of [0.7, 0.8, 0.95]) {
			// fsrs-rs's interval is when recall falls to the desired retention: ts-fsrs must agree.
			const days = model.nextInterval(12, retention, 3);
			expect(recallProbability(days, 12, parameters)).toBeCloseTo(retention, 4);
		}
		model.free();
	});
});

describe('trainParameters on the simulated learner', () => {
	const history = simulated3k();
	const sorted = sortByTime(history.reviews);
	const start = holdoutStart(sorted.length);
	const progress: [number, number][] = [];
	let trained: number[] = [];

	// Trains on the first 80 %: about 2,000 items, several seconds on a busy machine.
	beforeAll(() => {
		trained = trainParameters(
			loadFsrsWasm(),
			buildTrainingItems(sorted.slice(0, start)),
			(done, total) => progress.push([done, total])
		);
	}, 300_000);

	it('simulates 3,000 reviews of 200 cards over 200 days', () => {
		expect(history.reviews).toHaveLength(SIMULATED_3K.reviewCount);
		expect(new Set(history.reviews.map((r) => r.cardId)).size).toBe(200);
		const days = (sorted.at(-1)!.reviewedAt - sorted[0]!.reviewedAt) / 86_400_000;
		expect(days).toBeGreaterThan(150);
		expect(days).toBeLessThan(200);
	});

	it('predicts the held-out 20 % better than the defaults', () => {
		const comparison = compareOnHoldout(sorted, start, trained);
		expect(comparison.count).toBeGreaterThan(300);
		expect(comparison.trained).toBeLessThan(comparison.defaults);
	});

	it('moves toward the true parameters: in what they predict, and where the history tells', () => {
		// The recall each model predicts for the held-out reviews, against the true model's.
		const truth = predictRecall(sorted, SIMULATED_TRUE_PARAMETERS);
		const gap = (parameters?: readonly number[]) => {
			const predicted = predictRecall(sorted, parameters);
			let sum = 0;
			let count = 0;
			for (let i = start; i < sorted.length; i++) {
				if (truth[i] === undefined) continue;
				sum += Math.abs(predicted[i]! - truth[i]!);
				count++;
			}
			return sum / count;
		};
		expect(gap(trained)).toBeLessThan(gap() * 0.75);

		// 200 first ratings and about 2,000 successes inform the initial stabilities (w0-w3) and the
		// growth of stability after a success (w8); other parameters trade off against each other.
		for (const i of [0, 1, 2, 3, 8]) {
			const truth = SIMULATED_TRUE_PARAMETERS[i]!;
			expect(Math.abs(trained[i]! - truth)).toBeLessThan(Math.abs(DEFAULT_PARAMETERS[i]! - truth));
		}
	});

	it('reports its progress after each epoch, up to the whole', () => {
		expect(progress.length).toBeGreaterThanOrEqual(5);
		const [done, total] = progress.at(-1)!;
		expect(total).toBeGreaterThan(0);
		expect(done).toBe(total);
	});
});
