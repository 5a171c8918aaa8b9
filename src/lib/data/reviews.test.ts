import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from './db';
import { countStreak, listReviewsOfCard, loadDoneToday } from './reviews';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

function row(cardId: string, reviewedAt: Date, stateBefore: ReviewRow['stateBefore']): ReviewRow {
	return {
		cardId,
		rating: 3,
		stateBefore,
		dueBefore: 0,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		reviewedAt: reviewedAt.getTime(),
		durationMs: 1000,
		source: 'review'
	};
}

describe('loadDoneToday', () => {
	it('counts a rating at 03:59 for the day before and one at 04:00 for the new day', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([
			row('members/a', new Date(2026, 10, 28, 3, 59), 0),
			row('members/b', new Date(2026, 10, 28, 4, 0), 2),
			row('members/c', new Date(2026, 10, 28, 9, 0), 1)
		]);
		const early = await loadDoneToday(db, new Date(2026, 10, 28, 3, 59, 30), 4);
		expect(early).toEqual({
			newCards: 1,
			reviews: 0,
			cardIds: new Set(['members/a']),
			total: 1
		});
		const later = await loadDoneToday(db, new Date(2026, 10, 28, 12, 0), 4);
		expect(later).toEqual({
			newCards: 0,
			reviews: 1,
			cardIds: new Set(['members/b', 'members/c']),
			total: 2
		});
	});
});

describe('countStreak', () => {
	it('counts study days in a row and keeps a streak alive until today is over', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = new Date(2026, 10, 28, 12, 0);
		// 01:00 on the 27th belongs to the study day of the 26th.
		await db.reviews.bulkAdd([
			row('a', new Date(2026, 10, 24, 10), 2),
			row('a', new Date(2026, 10, 27, 1), 2),
			row('a', new Date(2026, 10, 27, 20), 2)
		]);
		expect(await countStreak(db, now, 4)).toBe(2);
		await db.reviews.add(row('b', new Date(2026, 10, 28, 11), 0));
		expect(await countStreak(db, now, 4)).toBe(3);
		await db.reviews.add(row('c', new Date(2026, 10, 25, 11), 0));
		expect(await countStreak(db, now, 4)).toBe(5);
		expect(await countStreak(db, new Date(2026, 10, 30, 12), 4)).toBe(0);
	});

	it('counts long streaks across many days, stopping at the first day without a rating', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const now = new Date(2026, 10, 28, 12, 0);
		const days = (count: number, from = 1) =>
			Array.from({ length: count }, (_, i) => row('a', new Date(2026, 10, 28 - from - i, 9), 2));
		await db.reviews.bulkAdd(days(70));
		expect(await countStreak(db, now, 4)).toBe(70);
		await db.reviews
			.where('reviewedAt')
			.equals(new Date(2026, 10, 28 - 41, 9).getTime())
			.delete();
		expect(await countStreak(db, now, 4)).toBe(40);
	});
});

describe('listReviewsOfCard', () => {
	it('lists one card’s log, oldest first', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([
			row('a', new Date(2026, 10, 28, 9), 1),
			row('b', new Date(2026, 10, 28, 8), 0),
			row('a', new Date(2026, 10, 27, 9), 0)
		]);
		const rows = await listReviewsOfCard(db, 'a');
		expect(rows.map((r) => r.stateBefore)).toEqual([0, 1]);
	});
});
