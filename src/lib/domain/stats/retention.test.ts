import { describe, expect, it } from 'vitest';
import { DAY_START, NOW, at, review } from './fixtures';
import { computeTrueRetention, tallyRetention } from './retention';

describe('computeTrueRetention', () => {
	const reviews = [
		// Counted: review state, a day or more since the last review.
		review({ cardId: 'members/a', rating: 3, reviewedAt: at(0) }),
		review({ cardId: 'members/a', rating: 1, reviewedAt: at(3) }),
		review({ cardId: 'history/b:reverse', rating: 2, reviewedAt: at(10) }),
		review({ cardId: 'history/b:reverse', rating: 4, reviewedAt: at(100) }),
		review({ cardId: 'history/c', rating: 1, reviewedAt: at(200) }),
		// Not counted: learning, relearning, new, same-day review, older than a year.
		review({ stateBefore: 1, rating: 1, reviewedAt: at(0) }),
		review({ stateBefore: 3, rating: 1, reviewedAt: at(0) }),
		review({ stateBefore: 0, rating: 1, reviewedAt: at(0) }),
		review({ elapsedDays: 0, rating: 1, reviewedAt: at(0) }),
		review({ rating: 1, reviewedAt: at(365) })
	];

	it('counts review-state ratings after a day or more, not rated Again, over 7, 30 and 365 days', () => {
		const retention = computeTrueRetention(tallyRetention(reviews), NOW, DAY_START);
		expect(retention.days).toEqual([7, 30, 365]);
		expect(retention.overall).toEqual([
			{ passed: 1, total: 2, rate: 0.5 },
			{ passed: 2, total: 3, rate: 2 / 3 },
			{ passed: 3, total: 5, rate: 0.6 }
		]);
	});

	it('splits by topic in the given order, adding unlisted topics after', () => {
		const retention = computeTrueRetention(tallyRetention(reviews), NOW, DAY_START, [
			'history',
			'armenia'
		]);
		expect(retention.byTopic.map((t) => t.topic)).toEqual(['history', 'armenia', 'members']);
		expect(retention.byTopic[0]!.cells).toEqual([
			{ passed: 0, total: 0, rate: null },
			{ passed: 1, total: 1, rate: 1 },
			{ passed: 2, total: 3, rate: 2 / 3 }
		]);
		expect(retention.byTopic[1]!.cells.every((c) => c.rate === null)).toBe(true);
		expect(retention.byTopic[2]!.cells[0]).toEqual({ passed: 1, total: 2, rate: 0.5 });
	});

	it('starts each period at the start of its first study day', () => {
		const edge = [
			review({ reviewedAt: at(6, 4) }),
			review({ reviewedAt: at(6, 3, 59), rating: 1 })
		];
		const retention = computeTrueRetention(tallyRetention(edge), NOW, DAY_START, [], [7]);
		expect(retention.overall).toEqual([{ passed: 1, total: 1, rate: 1 }]);
	});
});
