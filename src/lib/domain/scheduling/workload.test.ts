import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { SIMULATED_TRUE_PARAMETERS } from './simulated-learner';
import { retentionChoices, simulateWorkload } from './workload';

const DECK = { cardCount: 170, newPerDay: 20, reviewLimit: 200, days: 365 };
const cost = (desiredRetention: number, parameters?: readonly number[]) =>
	simulateWorkload({ ...DECK, desiredRetention, parameters }, createRng('workload'));

describe('simulateWorkload', () => {
	it('costs more reviews a day the higher the desired retention', () => {
		const [low, mid, high] = [cost(0.8), cost(0.9), cost(0.95)];
		expect(low).toBeLessThan(mid);
		expect(mid).toBeLessThan(high);
		// Learning 170 cards takes at least 170 reviews, spread over the year.
		expect(low).toBeGreaterThan(170 / 365);
	});

	it('costs more for a learner who forgets faster than the defaults assume', () => {
		expect(cost(0.9, SIMULATED_TRUE_PARAMETERS)).toBeGreaterThan(cost(0.9));
	});

	it('is the same for the same seed, and stays within the daily limit', () => {
		expect(cost(0.9)).toBe(cost(0.9));
		const limited = simulateWorkload(
			{ ...DECK, desiredRetention: 0.97, reviewLimit: 3, newPerDay: 50 },
			createRng('workload')
		);
		// A card's learning steps may finish past the limit: at most 3 more than the limit a day.
		expect(limited).toBeLessThanOrEqual(3 + 3);
	});

	it('counts every review of a year of learning a small deck', () => {
		// One card learnt with Easy never needs a step; each review is counted once.
		const one = simulateWorkload(
			{ cardCount: 1, newPerDay: 1, reviewLimit: 10, days: 10, desiredRetention: 0.9 },
			createRng('one')
		);
		expect(one * 10).toBeGreaterThanOrEqual(1);
		expect(one * 10).toBeLessThanOrEqual(10);
	});
});

describe('retentionChoices', () => {
	it.each([
		[0.9, [0.85, 0.9, 0.95]],
		[0.8, [0.75, 0.8, 0.85]],
		[0.7, [0.7, 0.75, 0.8]],
		[0.72, [0.72, 0.75, 0.8]],
		[0.95, [0.87, 0.92, 0.95]],
		[0.97, [0.87, 0.92, 0.97]]
	])('around %f: %j', (retention, choices) => {
		expect(retentionChoices(retention)).toEqual(choices);
	});
});
