import { afterEach, describe, expect, it } from 'vitest';
import { summarizeLog } from '../domain/stats/log';
import { createDb, type CstoDb, type ReviewRow } from './db';
import { loadLogSummary } from './stats';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

const HOUR = 3_600_000;
const START = new Date(2026, 10, 1, 12).getTime();

function review(reviewedAt: number, i: number): ReviewRow {
	return {
		cardId: `members/c${i % 7}`,
		rating: ((i % 4) + 1) as ReviewRow['rating'],
		stateBefore: 2,
		dueBefore: reviewedAt,
		stability: 10,
		difficulty: 5,
		elapsedDays: i % 3,
		scheduledDays: 10,
		reviewedAt,
		durationMs: 1000,
		source: 'review'
	};
}

describe('loadLogSummary', () => {
	it('sums up the log page by page, ratings at one time across pages included', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		// 6,000 ratings at one moment (an import can do that) among 6,000 others over 25 days.
		const rows = [
			...Array.from({ length: 6000 }, (_, i) => review(START + (i % 600) * HOUR, i)),
			...Array.from({ length: 6000 }, (_, i) => review(START + 100 * HOUR, i))
		];
		await db.reviews.bulkAdd(rows);
		const summary = await loadLogSummary(db, {}, 4);
		expect(summary).toEqual(summarizeLog(rows, 4));
		expect(summary.total).toBe(12_000);

		const split = START + 100 * HOUR;
		const before = rows.filter((row) => row.reviewedAt < split);
		expect((await loadLogSummary(db, { before: split }, 4)).total).toBe(before.length);
		expect((await loadLogSummary(db, { from: split }, 4)).total).toBe(12_000 - before.length);
	}, 60_000);
});
