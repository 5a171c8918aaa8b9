import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../random';
import { DAY_START, at, review } from './fixtures';
import { addToLogSummary, mergeLogSummaries, summarizeLog, type LogSummary } from './log';

/** A summary as plain data, its days in key order, for comparing two summaries. */
function plain(summary: LogSummary) {
	return {
		total: summary.total,
		days: [...summary.days]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([key, day]) => ({
				key,
				start: day.start,
				count: day.count,
				recall: [...day.recall].sort(([a], [b]) => (a < b ? -1 : 1))
			}))
	};
}

describe('summarizeLog', () => {
	it('counts ratings by study day, and those that tested recall by topic', () => {
		const summary = summarizeLog(
			[
				review({ cardId: 'members/a', reviewedAt: at(0, 9) }),
				review({ cardId: 'members/a:reverse', rating: 1, reviewedAt: at(0, 10) }),
				review({ cardId: 'history/b', rating: 2, reviewedAt: at(0, 11) }),
				// 01:00 belongs to the study day before.
				review({ cardId: 'history/b', reviewedAt: at(0, 1) }),
				// Not a test of recall: learning, or seen the same day.
				review({ stateBefore: 1, reviewedAt: at(0, 12) }),
				review({ elapsedDays: 0, reviewedAt: at(0, 13) })
			],
			DAY_START
		);
		expect(plain(summary)).toEqual({
			total: 6,
			days: [
				{
					key: '2026-11-27',
					start: at(1, 4),
					count: 1,
					recall: [['history', { passed: 1, total: 1 }]]
				},
				{
					key: '2026-11-28',
					start: at(0, 4),
					count: 5,
					recall: [
						['history', { passed: 1, total: 1 }],
						['members', { passed: 1, total: 2 }]
					]
				}
			]
		});
	});

	it('gives the same summary read whole, page by page in any order, or in parts merged', () => {
		const rng = createRng('log-summary');
		for (let run = 0; run < 50; run++) {
			const rows = Array.from({ length: randomInt(rng, 60) }, () =>
				review({
					cardId: ['members/a', 'history/b', 'armenia/c:reverse'][randomInt(rng, 3)]!,
					rating: 1 + randomInt(rng, 4),
					stateBefore: randomInt(rng, 4),
					elapsedDays: randomInt(rng, 3),
					reviewedAt: at(randomInt(rng, 40), randomInt(rng, 24), randomInt(rng, 60))
				})
			);
			const whole = plain(summarizeLog(rows, DAY_START));
			const paged = summarizeLog([], DAY_START);
			const shuffled = [...rows].sort(() => rng.next() - 0.5);
			for (let i = 0; i < shuffled.length; i += 7) {
				addToLogSummary(paged, shuffled.slice(i, i + 7), DAY_START);
			}
			expect(plain(paged)).toEqual(whole);
			const cut = randomInt(rng, rows.length + 1);
			const merged = mergeLogSummaries(
				summarizeLog(rows.slice(0, cut), DAY_START),
				summarizeLog(rows.slice(cut), DAY_START)
			);
			expect(plain(merged)).toEqual(whole);
		}
	});
});
