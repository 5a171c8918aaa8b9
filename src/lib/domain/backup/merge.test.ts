import { describe, expect, it } from 'vitest';
import { backupCard, backupQuiz, backupReview, sampleTables } from './fixtures';
import { planMerge, summarizeBackup } from './merge';

describe('planMerge', () => {
	it('keeps, for each card, the more recently reviewed version', () => {
		const stored = [
			backupCard({ id: 'a/newer-here', lastReview: 200 }),
			backupCard({ id: 'a/newer-there', lastReview: 100 }),
			backupCard({ id: 'a/tie', lastReview: 100, reps: 1 }),
			backupCard({ id: 'a/never-there', lastReview: null })
		];
		const incoming = [
			backupCard({ id: 'a/newer-here', lastReview: 100 }),
			backupCard({ id: 'a/newer-there', lastReview: 300 }),
			backupCard({ id: 'a/tie', lastReview: 100, reps: 9 }),
			backupCard({ id: 'a/never-there', lastReview: 50 }),
			backupCard({ id: 'a/only-there', lastReview: null })
		];
		const plan = planMerge(
			{ cards: stored, reviews: [], quizAttempts: [], settingKeys: [] },
			{ ...sampleTables(), cards: incoming, reviews: [], quizAttempts: [], settings: [] }
		);
		expect(plan.cards.map((c) => c.id)).toEqual(['a/newer-there', 'a/never-there', 'a/only-there']);
	});

	it('unites the logs without duplicates, with new ids in time order', () => {
		const plan = planMerge(
			{
				cards: [],
				reviews: [backupReview({ id: 7, reviewedAt: 100 })],
				quizAttempts: [backupQuiz({ startedAt: 10 })],
				settingKeys: ['theme']
			},
			{
				cards: [],
				reviews: [
					backupReview({ id: 1, reviewedAt: 300 }),
					backupReview({ id: 2, reviewedAt: 100 }),
					backupReview({ id: 3, reviewedAt: 100, cardId: 'other/card' }),
					backupReview({ id: 4, reviewedAt: 300 })
				],
				quizAttempts: [backupQuiz({ id: 1, startedAt: 10 }), backupQuiz({ id: 2, startedAt: 20 })],
				settings: [
					{ key: 'theme', value: 'light' },
					{ key: 'newPerDay', value: 5 }
				]
			}
		);
		expect(plan.reviews.map((r) => [r.cardId, r.reviewedAt])).toEqual([
			['other/card', 100],
			['members/current-six', 300]
		]);
		expect(plan.reviews.every((r) => !('id' in r))).toBe(true);
		expect(plan.quizAttempts.map((a) => a.startedAt)).toEqual([20]);
		expect(plan.settings).toEqual([{ key: 'newPerDay', value: 5 }]);
	});

	it("adds the backup's unfinished quiz only when no quiz is in progress here", () => {
		const active = backupQuiz({ id: 3, status: 'active', startedAt: 30, finishedAt: 0 });
		const incoming = { cards: [], reviews: [], quizAttempts: [active], settings: [] };
		const none = { cards: [], reviews: [], quizAttempts: [], settingKeys: [] };
		expect(planMerge(none, incoming).quizAttempts).toHaveLength(1);
		const busy = { ...none, quizAttempts: [{ startedAt: 5, status: 'active' as const }] };
		expect(planMerge(busy, incoming).quizAttempts).toHaveLength(0);
	});
});

describe('summarizeBackup', () => {
	it('counts rows and spans the reviews and quizzes', () => {
		const tables = sampleTables();
		const summary = summarizeBackup({ appVersion: '0.1.0', exportedAt: 5, ...tables });
		expect(summary).toEqual({
			appVersion: '0.1.0',
			exportedAt: 5,
			counts: { cards: 4, reviews: 3, quizAttempts: 2, settings: 2 },
			firstActivity: tables.reviews[2]!.reviewedAt,
			lastActivity: tables.reviews[1]!.reviewedAt
		});
	});

	it('has no span for a backup without activity', () => {
		const summary = summarizeBackup({
			appVersion: '0.1.0',
			exportedAt: 5,
			cards: [],
			reviews: [],
			quizAttempts: [],
			settings: []
		});
		expect([summary.firstActivity, summary.lastActivity]).toEqual([null, null]);
	});
});
