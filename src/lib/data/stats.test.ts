import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from './db';
import { onDamage } from './damage';
import { loadStats } from './stats';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

const NOW = new Date(2026, 10, 28, 12).getTime();

function row(cardId: string, minutesAgo: number): ReviewRow {
	return {
		cardId,
		rating: 3,
		stateBefore: 2,
		dueBefore: 0,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		reviewedAt: NOW - minutesAgo * 60_000,
		durationMs: 1000,
		source: 'review'
	};
}

const cardsOf = (read: { input: { reviews: readonly { cardId: string }[] } }) =>
	read.input.reviews.map((review) => review.cardId);

describe('loadStats', () => {
	it('reads every rating in pages, leaving out and reporting a damaged one', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const rows = Array.from({ length: 12_001 }, (_, i) => row(`c${i}`, 12_001 - i));
		rows[7000] = { ...rows[7000]!, rating: 9 as ReviewRow['rating'] };
		await db.reviews.bulkAdd(rows);
		const damaged: string[] = [];
		onDamage(db, (notice) => damaged.push(notice.key));
		const read = await loadStats(db, NOW);
		expect(read.input.reviews).toHaveLength(12_000);
		expect(read.reviewCount).toBe(12_001);
		expect(damaged).toEqual([String(7001)]);
		expect(cardsOf(read).slice(6999, 7001)).toEqual(['c6999', 'c7001']);
	});

	it('after a rating, reads only the ratings added since the read before', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const first = await loadStats(db, NOW);
		await db.reviews.add(row('c', 1));
		const second = await loadStats(db, NOW, first);
		expect(cardsOf(second)).toEqual(['a', 'b', 'c']);
		// The rows read before are the same objects: they were not read again.
		expect(second.input.reviews[0]).toBe(first.input.reviews[0]);
		expect(second.reviewCount).toBe(3);
		const third = await loadStats(db, NOW, second);
		expect(third.input.reviews).toHaveLength(3);
		expect(third.input.reviews[2]).toBe(second.input.reviews[2]);
	});

	it('reads the whole log again when rows read before are gone or replaced', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const first = await loadStats(db, NOW);
		// A deletion, then a rating: as many rows as before plus one new, but not the same ones.
		await db.reviews.where('cardId').equals('a').delete();
		await db.reviews.bulkAdd([row('c', 10), row('d', 5)]);
		const second = await loadStats(db, NOW, first);
		expect(cardsOf(second)).toEqual(['b', 'c', 'd']);
		expect(second.input.reviews[0]).not.toBe(first.input.reviews[1]);
		// A reset: the log is empty.
		await db.reviews.clear();
		expect((await loadStats(db, NOW, second)).input.reviews).toEqual([]);
	});
});
