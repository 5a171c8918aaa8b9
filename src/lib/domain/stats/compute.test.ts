import { describe, expect, it } from 'vitest';
import { runSteps } from '../steps';
import { computeStats, computeStatsSteps, summarizeLog } from './compute';
import { digestLogSummary } from './log-summary';
import { DAY_START, NOW, at, card, review } from './fixtures';

describe('computeStats', () => {
	it('computes every number of the stats page from one set of rows', () => {
		const report = computeStats(
			{
				cards: [card({ due: at(-1) }), card({ id: 'history/x', topic: 'history', state: 0 })],
				reviews: [review({ reviewedAt: at(0) }), review({ reviewedAt: at(1), rating: 1 })],
				quizAttempts: [{ id: 1, status: 'finished', finishedAt: at(0), score: 3, maxScore: 4 }]
			},
			NOW,
			DAY_START,
			{
				counts: new Map([
					['members', 2],
					['history', 1]
				]),
				cardIds: new Set(['members/current-six', 'members/other', 'history/x'])
			}
		);
		expect(report.reviewsPerDay.slice(-2).map((d) => d.count)).toEqual([1, 1]);
		expect(report.heatmap.total).toBe(2);
		expect(report.forecast[1]!.count).toBe(1);
		expect(report.retention.overall[0]).toEqual({ passed: 1, total: 2, rate: 0.5 });
		expect(report.mastery.map((m) => m.topic)).toEqual(['members', 'history']);
		expect(report.quizScores[0]!.ratio).toBe(0.75);
		expect(report.streak).toEqual({ days: 2, isTodayDone: true });
		expect(report.totals).toEqual({ reviews: 2, cards: 2, studiedCards: 1 });
		// Today's review came a day after yesterday's first one: one prediction, and it was recalled.
		expect(report.calibration).toEqual([expect.objectContaining({ count: 1, actual: 1 })]);
	});

	it('computes the figures in steps from the summed-up log, as computeStats does', () => {
		const cardIds = Array.from({ length: 40 }, (_, i) => `members/c${i}`);
		const rows = {
			cards: [],
			reviews: cardIds.flatMap((cardId) => [
				review({ cardId, reviewedAt: at(-3) }),
				review({ cardId, reviewedAt: at(0) })
			]),
			quizAttempts: []
		};
		const deck = { counts: new Map([['members', 40]]), cardIds: new Set(cardIds) };
		const input = { ...rows, log: digestLogSummary(summarizeLog(rows.reviews)) };
		let pauses = 0;
		const steps = computeStatsSteps(input, NOW, DAY_START, deck);
		for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
		expect(pauses).toBeGreaterThanOrEqual(3);
		expect(runSteps(computeStatsSteps(input, NOW, DAY_START, deck))).toEqual(
			computeStats(rows, NOW, DAY_START, deck)
		);
		expect(computeStats(rows, NOW, DAY_START, deck).calibration[0]!.count).toBe(40);
	});
});
