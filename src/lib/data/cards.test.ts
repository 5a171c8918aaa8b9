import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ITEMS } from '../domain/scheduling/fixtures';
import type { CardTarget } from '../domain/scheduling/card';
import type { QueueOptions } from '../domain/scheduling/queue';
import { createDb, type CstoDb } from './db';
import { loadQueue } from './queue';
import { buryCard, getCard, rateCard, restoreCard, setSuspended, undoRating } from './cards';

const OPTIONS = { desiredRetention: 0.9, enableFuzz: false };
const QUEUE: QueueOptions = {
	newPerDay: 20,
	reviewLimit: 200,
	dayStartHour: 4,
	reverseCards: false,
	topics: ['members', 'history', 'structure']
};
const NOW = new Date(2026, 10, 28, 10, 0);
const A: CardTarget = { cardId: 'members/a', itemId: 'members/a', topic: 'members' };
const B: CardTarget = { cardId: 'history/a', itemId: 'history/a', topic: 'history' };

let name = '';
let db: CstoDb;
function open(): CstoDb {
	name ||= `test-${crypto.randomUUID()}`;
	db = createDb(name);
	return db;
}
afterEach(async () => {
	await db.delete();
	name = '';
});

function rate(target: CardTarget, rating: 1 | 2 | 3 | 4, now: Date, durationMs = 1500) {
	return rateCard(db, { target, rating, now, durationMs, source: 'review' }, OPTIONS);
}

describe('rateCard', () => {
	it('takes a new card rated Good, then Good when due, to review, across a reload', async () => {
		open();
		const first = await rate(A, 3, NOW);
		expect(first.before).toBeUndefined();
		expect(first.after).toMatchObject({ state: 1, learningSteps: 1 });
		db.close();

		open();
		const stored = await getCard(db, A.cardId);
		expect(stored).toEqual(first.after);
		const second = await rate(A, 3, new Date(stored!.due));
		expect(second.after.state).toBe(2);
		db.close();

		open();
		expect((await getCard(db, A.cardId))?.state).toBe(2);
		const log = await db.reviews.orderBy('id').toArray();
		expect(log.map((row) => [row.cardId, row.rating, row.stateBefore, row.source])).toEqual([
			['members/a', 3, 0, 'review'],
			['members/a', 3, 1, 'review']
		]);
		expect(log[0]).toMatchObject({
			durationMs: 1500,
			reviewedAt: NOW.getTime(),
			dueBefore: NOW.getTime()
		});
		expect(log[1]!.stability).toBe(second.after.stability);
	});

	it('leaves nothing half-written when the write fails', async () => {
		open();
		const before = (await rate(A, 3, NOW)).after;
		db.reviews.hook('creating', () => {
			throw new Error('The disk is full');
		});
		await expect(rate(A, 3, new Date(before.due))).rejects.toThrow('The disk is full');
		await expect(rate(B, 3, NOW)).rejects.toThrow('The disk is full');
		expect(await getCard(db, A.cardId)).toEqual(before);
		expect(await getCard(db, B.cardId)).toBeUndefined();
		expect(await db.reviews.count()).toBe(1);
	});

	it('records the quiz as the source when the quiz rates a card', async () => {
		open();
		const record = await rateCard(
			db,
			{ target: A, rating: 1, now: NOW, durationMs: 812.4, source: 'quiz' },
			OPTIONS
		);
		expect(await db.reviews.get(record.reviewId)).toMatchObject({
			source: 'quiz',
			durationMs: 812
		});
	});

	it('stores a rating given a moment before another tab stored its rating of the same card', async () => {
		open();
		// Tab A's click came 3 ms after tab B's, and its rating was stored first.
		const first = await rate(A, 3, new Date(NOW.getTime() + 3));
		const second = await rate(A, 3, NOW);
		expect(second.before).toEqual(first.after);
		expect(second.after.reps).toBe(2);
		const log = await db.reviews.orderBy('id').toArray();
		expect(log.map((row) => row.reviewedAt)).toEqual([NOW.getTime() + 3, NOW.getTime() + 3]);
		expect(second.after.lastReview).toBe(NOW.getTime() + 3);
	});

	it('still refuses a card whose last review is hours ahead (a wrong clock)', async () => {
		open();
		const ahead = (await rate(A, 3, new Date(NOW.getTime() + 3_600_000))).after;
		await expect(rate(A, 3, NOW)).rejects.toThrow(/future/);
		expect(await getCard(db, A.cardId)).toEqual(ahead);
		expect(await db.reviews.count()).toBe(1);
	});

	it('suspends a card as a leech at its eighth lapse', async () => {
		open();
		const graduated = (await rate(A, 4, NOW)).after;
		await db.cards.put({ ...graduated, lapses: 7 });
		const record = await rate(A, 1, new Date(graduated.due));
		expect(record.isNewLeech).toBe(true);
		expect(await getCard(db, A.cardId)).toMatchObject({ lapses: 8, leech: 1, suspended: 1 });
	});
});

describe('undoRating', () => {
	it('restores the card exactly and deletes its log row, back through several ratings', async () => {
		open();
		const first = await rate(A, 3, NOW);
		const second = await rate(A, 1, new Date(first.after.due));
		const third = await rate(B, 4, NOW);

		await undoRating(db, third);
		expect(await getCard(db, B.cardId)).toBeUndefined();
		await undoRating(db, second);
		expect(await getCard(db, A.cardId)).toEqual(first.after);
		expect(await db.reviews.toArray()).toEqual([expect.objectContaining({ id: first.reviewId })]);
		await undoRating(db, first);
		expect(await db.cards.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
	});

	it('refuses, changing nothing, when the card changed since (another tab rated it)', async () => {
		open();
		const first = await rate(A, 3, NOW);
		const elsewhere = await rate(A, 3, new Date(first.after.due));
		await expect(undoRating(db, first)).rejects.toThrow(/changed elsewhere/);
		expect(await getCard(db, A.cardId)).toEqual(elsewhere.after);
		expect(await db.reviews.count()).toBe(2);
	});
});

describe('bury and suspend', () => {
	it('buries a card until the next study day and undoes it', async () => {
		open();
		const before = await buryCard(db, A, NOW, 4);
		expect(before).toBeUndefined();
		expect((await getCard(db, A.cardId))?.buriedUntil).toBe(new Date(2026, 10, 29, 4).getTime());
		const today = await loadQueue(db, { items: FIXTURE_ITEMS, now: NOW, options: QUEUE });
		expect(today.entries.map((e) => e.target.cardId)).not.toContain('members/a');
		const tomorrow = await loadQueue(db, {
			items: FIXTURE_ITEMS,
			now: new Date(2026, 10, 29, 4),
			options: QUEUE
		});
		expect(tomorrow.entries[0]?.target.cardId).toBe('members/a');
		await restoreCard(db, A.cardId, before);
		expect(await db.cards.count()).toBe(0);
	});

	it('keeps a card buried at 04:30 on a spring-change night away until the next day starts', async () => {
		open();
		// In Europe the clocks went from 02:00 to 03:00 that night: 04:30 is 3.5 hours after 00:00.
		const night = new Date(2026, 2, 29, 4, 30);
		await buryCard(db, A, night, 4);
		const nextDay = new Date(2026, 2, 30, 4);
		expect((await getCard(db, A.cardId))?.buriedUntil).toBe(nextDay.getTime());
		const queueAt = async (now: Date) =>
			(await loadQueue(db, { items: FIXTURE_ITEMS, now, options: QUEUE })).entries.map(
				(e) => e.target.cardId
			);
		expect(await queueAt(night)).not.toContain('members/a');
		expect(await queueAt(new Date(2026, 2, 30, 3, 59))).not.toContain('members/a');
		expect((await queueAt(nextDay))[0]).toBe('members/a');
	});

	it('suspends a card never seen and unsuspends a leech', async () => {
		open();
		await setSuspended(db, 'history/b', true, NOW);
		expect(await getCard(db, 'history/b')).toMatchObject({
			itemId: 'history/b',
			topic: 'history',
			state: 0,
			suspended: 1
		});
		let queue = await loadQueue(db, { items: FIXTURE_ITEMS, now: NOW, options: QUEUE });
		expect(queue.entries.map((e) => e.target.cardId)).not.toContain('history/b');

		await db.cards.update('history/b', { leech: 1 });
		await setSuspended(db, 'history/b', false, NOW);
		expect(await getCard(db, 'history/b')).toMatchObject({ suspended: 0, leech: 0 });
		queue = await loadQueue(db, { items: FIXTURE_ITEMS, now: NOW, options: QUEUE });
		expect(queue.entries.map((e) => e.target.cardId)).toContain('history/b');
	});
});
