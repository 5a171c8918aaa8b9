import { describe, expect, it } from 'vitest';
import { scorePercent, sumScore } from './score';

describe('sumScore', () => {
	it.each([
		[[], 0],
		[[1, 0, 1], 2],
		[[1, 2 / 3], 1.67],
		[[1 / 3, 1 / 3, 1 / 3], 1],
		[[0.1, 0.2], 0.3]
	])('%j → %d', (scores, sum) => {
		expect(sumScore(scores.map((score) => ({ score })))).toBe(sum);
	});
});

describe('scorePercent', () => {
	it.each([
		[0, 0, 0],
		[0, 10, 0],
		[10, 10, 100],
		// Rounded down: almost everything right is not 100 %.
		[19.9, 20, 99],
		[1.67, 3, 55],
		// Floating point gives 13.99… and 57.99…: the per cent is still what the score is.
		[1.4, 10, 14],
		[2.9, 5, 58]
	])('%d of %d → %d %', (score, maxScore, percent) => {
		expect(scorePercent(score, maxScore)).toBe(percent);
	});
});
