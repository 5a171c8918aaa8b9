import { describe, expect, it } from 'vitest';
import { cardTargetFromId, type Rating } from './card';
import { DEFAULT_PARAMETERS, nextMemoryState, recallProbability, replayCard } from './fsrs';
import {
	buildTrainingItems,
	calibrate,
	compareOnHoldout,
	holdoutStart,
	logLoss,
	packTrainingItems,
	predictRecall,
	sortByTime,
	type LoggedReview
} from './memory-model';
import { simulated3k } from './memory-model-fixtures';
import { SIMULATED_TRUE_PARAMETERS } from './simulated-learner';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0);

const review = (cardId: string, rating: Rating, at: number): LoggedReview => ({
	cardId,
	rating,
	reviewedAt: at
});

// Card a: learnt with a step the same day, then reviewed after 2 and 7 more days.
// Card b: forgotten after 3 days. Given out of order: the functions take a sorted log.
const LOG = sortByTime([
	review('a', 3, T0 + 9 * DAY),
	review('b', 3, T0 + 60_000),
	review('a', 3, T0),
	review('a', 3, T0 + 10 * 60_000),
	review('b', 1, T0 + 3 * DAY),
	review('a', 2, T0 + 2 * DAY)
]);

describe('buildTrainingItems', () => {
	it('makes one item per review a day or more after the previous one, with the history up to it', () => {
		expect(buildTrainingItems(LOG)).toEqual([
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 2, deltaT: 2 }
			],
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 1, deltaT: 3 }
			],
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 2, deltaT: 2 },
				{ rating: 3, deltaT: 7 }
			]
		]);
	});

	it('packs items into the flat arrays fsrs-browser takes', () => {
		const packed = packTrainingItems(buildTrainingItems(LOG));
		expect(Array.from(packed.lengths)).toEqual([3, 2, 4]);
		expect(Array.from(packed.ratings)).toEqual([3, 3, 2, 3, 1, 3, 3, 2, 3]);
		expect(Array.from(packed.deltaTs)).toEqual([0, 0, 2, 0, 3, 0, 0, 2, 7]);
	});

	it('counts days as the scheduler does, by calendar date, so a late evening and the next morning are a day apart', () => {
		const late = Date.UTC(2026, 2, 2, 23, 30);
		const items = buildTrainingItems([review('c', 3, late), review('c', 3, late + 60 * 60_000)]);
		expect(items).toEqual([
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 1 }
			]
		]);
	});
});

describe('predictRecall', () => {
	it("predicts each long-term review from the card's memory just before it", () => {
		const predictions = predictRecall(LOG);
		// Sorted: a@0, b@1m, a@10m, a@2d, b@3d, a@9d.
		expect(predictions[0]).toBeUndefined();
		expect(predictions[1]).toBeUndefined();
		expect(predictions[2]).toBeUndefined(); // same day: no long-term prediction
		const a = nextMemoryState(nextMemoryState(undefined, 0, 3), 0, 3);
		expect(predictions[3]).toBe(recallProbability(2, a.stability));
		const b = nextMemoryState(undefined, 0, 3);
		expect(predictions[4]).toBe(recallProbability(3, b.stability));
		const a2 = nextMemoryState(a, 2, 2);
		expect(predictions[5]).toBe(recallProbability(7, a2.stability));
	});

	it('depends on the parameters', () => {
		expect(predictRecall(LOG, SIMULATED_TRUE_PARAMETERS)[5]).not.toBe(predictRecall(LOG)[5]);
	});
});

describe('logLoss', () => {
	it('is −ln p for a recalled review and −ln(1 − p) for a forgotten one, averaged', () => {
		const reviews = [{ rating: 3 }, { rating: 1 }, { rating: 4 }] as const;
		const { loss, count } = logLoss(reviews, [0.9, 0.9, undefined]);
		expect(count).toBe(2);
		expect(loss).toBeCloseTo((-Math.log(0.9) - Math.log(0.1)) / 2, 12);
	});

	it('stays finite for a certain prediction that was wrong, and starts where told', () => {
		expect(Number.isFinite(logLoss([{ rating: 1 }], [1]).loss)).toBe(true);
		expect(logLoss([{ rating: 1 }, { rating: 3 }], [0.5, 0.5], 1)).toEqual({
			loss: -Math.log(0.5),
			count: 1
		});
	});
});

describe('holdoutStart', () => {
	it.each([
		[3000, 2400],
		[10, 8],
		[7, 6],
		[0, 0]
	])('of %i reviews, keeps the most recent fifth out: training ends at %i', (count, start) => {
		expect(holdoutStart(count)).toBe(start);
	});
});

describe('calibrate', () => {
	it('bins long-term reviews by predicted recall with the share actually recalled', () => {
		const bins = calibrate(LOG);
		expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
		for (const bin of bins) {
			expect(bin.predicted).toBeGreaterThanOrEqual(bin.from);
			expect(bin.predicted).toBeLessThan(bin.to);
		}
		const b = bins.find((bin) => bin.actual === 0);
		expect(b?.count).toBe(1);
	});

	it('finds the true model calibrated on the simulated learner and the defaults too hopeful', () => {
		const sorted = sortByTime(simulated3k().reviews);
		const miss = (parameters?: readonly number[]) => {
			const bins = calibrate(sorted, parameters);
			const total = bins.reduce((sum, bin) => sum + bin.count, 0);
			return bins.reduce((sum, bin) => sum + (bin.count / total) * (bin.predicted - bin.actual), 0);
		};
		expect(Math.abs(miss(SIMULATED_TRUE_PARAMETERS))).toBeLessThan(0.02);
		expect(miss()).toBeGreaterThan(0.05);
	});
});

describe('compareOnHoldout', () => {
	it('scores the true parameters better than the defaults on the simulated learner', () => {
		const sorted = sortByTime(simulated3k().reviews);
		const start = holdoutStart(sorted.length);
		const comparison = compareOnHoldout(sorted, start, SIMULATED_TRUE_PARAMETERS);
		expect(comparison.trained).toBeLessThan(comparison.defaults);
		expect(comparison.count).toBe(
			predictRecall(sorted)
				.slice(start)
				.filter((p) => p !== undefined).length
		);
	});
});

describe('replaying the simulated history', () => {
	const history = simulated3k();
	const logs = new Map<string, typeof history.reviews>();
	for (const r of history.reviews) logs.set(r.cardId, [...(logs.get(r.cardId) ?? []), r]);

	it('with the default parameters reproduces every stored card exactly', () => {
		for (const card of history.cards) {
			// Suspension and leech marks are the learner's (the app's), so they come with the card.
			const replayed = replayCard(
				cardTargetFromId(card.id),
				logs.get(card.id)!,
				{ desiredRetention: 0.9, enableFuzz: true },
				card
			);
			expect(replayed?.card).toEqual(card);
		}
		expect(history.cards).toHaveLength(200);
	});

	it("gives each card the stability and difficulty of the memory model's steps", () => {
		const sorted = sortByTime(history.reviews);
		for (const card of history.cards.slice(0, 20)) {
			let state: ReturnType<typeof nextMemoryState> | undefined;
			let last = 0;
			for (const r of sorted.filter((r) => r.cardId === card.id)) {
				state = nextMemoryState(state, state ? r.elapsedDays : 0, r.rating, DEFAULT_PARAMETERS);
				last = r.reviewedAt;
			}
			expect(state).toEqual({ stability: card.stability, difficulty: card.difficulty });
			expect(last).toBe(card.lastReview);
		}
	});
});
