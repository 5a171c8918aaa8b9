import { describe, expect, it } from 'vitest';
import { card } from './fixtures';
import { computeMastery } from './mastery';

describe('computeMastery', () => {
	it('shares cards with stability of 21 days or more out of the bank count per topic', () => {
		const cards = [
			card({ topic: 'members', stability: 21 }),
			card({ topic: 'members', stability: 20.9 }),
			card({ topic: 'members', stability: 90 }),
			card({ topic: 'history', stability: 5 }),
			card({ topic: 'gone', stability: 30 })
		];
		const bank = new Map([
			['members', 6],
			['history', 2],
			['armenia', 4]
		]);
		expect(computeMastery(cards, bank)).toEqual([
			{ topic: 'members', mastered: 2, total: 6, rate: 1 / 3 },
			{ topic: 'history', mastered: 0, total: 2, rate: 0 },
			{ topic: 'armenia', mastered: 0, total: 4, rate: 0 },
			{ topic: 'gone', mastered: 1, total: 1, rate: 1 }
		]);
	});

	it('counts stored cards when there are more than in the bank, and never counts new cards', () => {
		const cards = [
			card({ topic: 'members', stability: 40 }),
			card({ topic: 'members', stability: 40, state: 0 }),
			card({ topic: 'members', stability: 1 })
		];
		expect(computeMastery(cards, new Map([['members', 2]]))).toEqual([
			{ topic: 'members', mastered: 1, total: 3, rate: 1 / 3 }
		]);
		expect(computeMastery([], new Map([['members', 0]]))[0]!.rate).toBeNull();
	});
});
