import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ITEMS, qaItem } from '../domain/scheduling/fixtures';
import type { CardTarget } from '../domain/scheduling/card';
import { newCardRow } from '../domain/scheduling/fsrs';
import type { QueueOptions } from '../domain/scheduling/queue';
import { createDb, type CstoDb } from './db';
import {
	buryCard,
	getCard,
	loadHomeCounts,
	loadQueue,
	rateCard,
	restoreCard,
	setSuspended,
	undoRating
} from './cards';

const OPTIONS = { desiredRetention: 0.9, enableFuzz: false };
const QUEUE: QueueOptions = {
	newPerDay: 20,
	reviewLimit: 200,
	dayStartHour: 4,
	reverseCards: false,
	topics: ['members', 'history', 'structure']
};
const NOW = new Date(2026, 10, 28, 10, 0);
const DAY = 86_400_000;
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

/** Counts reads of the cards table: of its ids alone (primary keys, no rows), and of whole rows. */
function watchCardReads(target: CstoDb): { idReads: number; rows: number } {
	const reads = { idReads: 0, rows: 0 };
	target.use({
		stack: 'dbcore',
		name: 'watch-card-reads',
		create: (down: DBCore): DBCore => ({
			...down,
			table(tableName) {
				const table = down.table(tableName);
				if (tableName !== 'cards') return table;
				return {
					...table,
					async query(request) {
						if (!request.values && request.query.index.isPrimaryKey) reads.idReads++;
						const response = await table.query(request);
						if (request.values) reads.rows += response.result.length;
						return response;
					}
				};
			}
		})
	});
	return reads;
}

/** A review card (state review), last seen five days before it is due. */
function reviewRow(id: string, due: number) {
	return {
		...newCardRow({ cardId: id, itemId: id, topic: id.split('/')[0]! }, NOW),
		state: 2 as const,
		due,
		stability: 5,
		difficulty: 5,
		reps: 3,
		lastReview: due - 5 * DAY
	};
}

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

describe('loadQueue', () => {
	it('counts what was done today towards the new-card limit, from the 04:00 day start', async () => {
		open();
		const options = { ...QUEUE, newPerDay: 2 };
		await rate(A, 4, new Date(2026, 10, 28, 3, 59));
		const atDayEnd = await loadQueue(db, {
			items: FIXTURE_ITEMS,
			now: new Date(2026, 10, 28, 3, 59),
			options
		});
		expect(atDayEnd.counts.new).toBe(1);
		const nextDay = await loadQueue(db, {
			items: FIXTURE_ITEMS,
			now: new Date(2026, 10, 28, 4, 0),
			options
		});
		expect(nextDay.counts.new).toBe(2);
		expect(nextDay.entries.map((e) => e.target.cardId)).not.toContain('members/a');
	});

	it('never shows a stored card whose item left the bank', async () => {
		open();
		await rate({ cardId: 'members/gone', itemId: 'members/gone', topic: 'members' }, 1, NOW);
		const queue = await loadQueue(db, {
			items: FIXTURE_ITEMS,
			now: new Date(NOW.getTime() + DAY),
			options: QUEUE
		});
		expect(queue.entries.map((e) => e.target.cardId)).not.toContain('members/gone');
		expect(await db.cards.count()).toBe(1);
	});

	it('reads every stored id only when new cards could be shown today', async () => {
		open();
		const reads = watchCardReads(db);
		// Two review cards due today and one due next week; the other three bank items are new.
		await db.cards.bulkAdd([
			reviewRow('members/a', NOW.getTime() - DAY),
			reviewRow('history/a', NOW.getTime() - 2 * DAY),
			reviewRow('members/b', NOW.getTime() + 7 * DAY)
		]);
		const request = { items: FIXTURE_ITEMS, now: NOW, options: { ...QUEUE, reviewLimit: 2 } };

		// The review limit leaves no room for new cards: the count of rows is enough.
		const full = await loadQueue(db, request);
		expect(full.entries.map((e) => e.target.cardId)).toEqual(['history/a', 'members/a']);
		expect(full.hasWaiting).toBe(true);
		expect(reads.idReads).toBe(0);
		expect((await loadHomeCounts(db, request)).nextDue).toBe(NOW.getTime());

		// With room for new cards, members/b (stored, not due) must not be taken for a new card.
		const roomy = await loadQueue(db, { ...request, options: QUEUE });
		expect(roomy.entries.map((e) => e.target.cardId)).toEqual([
			'history/a',
			'members/a',
			'structure/a',
			'history/b',
			'members/c'
		]);
		expect(reads.idReads).toBe(1);
	});

	it('reads only the most overdue review cards when they fill the review limit', async () => {
		open();
		const reads = watchCardReads(db);
		const items = Array.from({ length: 12 }, (_, i) => qaItem(`members/r${i}`));
		// r0 is the most overdue, r11 the least; a learning card is due too.
		await db.cards.bulkAdd([
			...items.map((item, i) => reviewRow(item.id, NOW.getTime() - (12 - i) * DAY)),
			{ ...reviewRow('members/learning', NOW.getTime() - 60_000), state: 1 as const }
		]);
		items.push(qaItem('members/learning'));
		const request = { items, now: NOW, options: { ...QUEUE, reviewLimit: 2 } };

		// Two review slots: three rows tell that more wait, one more in case one cannot be shown.
		const queue = await loadQueue(db, request);
		expect(queue.entries.map((e) => e.target.cardId)).toEqual([
			'members/learning',
			'members/r0',
			'members/r1'
		]);
		expect(queue.hasWaiting).toBe(true);
		expect(reads).toEqual({ idReads: 0, rows: 1 + 4 });

		// When the first rows read cannot be shown, every review row due today is read.
		for (const id of ['members/r0', 'members/r1', 'members/r2'])
			await setSuspended(db, id, true, NOW);
		await db.cards.update('members/r3', { buriedUntil: NOW.getTime() + DAY });
		Object.assign(reads, { idReads: 0, rows: 0 });
		const later = await loadQueue(db, request);
		expect(later.entries.map((e) => e.target.cardId)).toEqual([
			'members/learning',
			'members/r4',
			'members/r5'
		]);
		expect(reads).toEqual({ idReads: 0, rows: 1 + 4 + 12 });
	});
});

describe('loadHomeCounts', () => {
	it('counts due, new left, reviews today, the streak and the next due time', async () => {
		open();
		const items = FIXTURE_ITEMS.filter((item) => item.topic === 'members');
		const request = { items, now: NOW, options: QUEUE };
		expect(await loadHomeCounts(db, request)).toEqual({
			dueNow: 0,
			newLeft: 3,
			learningLater: 0,
			reviewsToday: 0,
			streakDays: 0,
			nextDue: NOW.getTime()
		});

		// Yesterday and the day before each had a rating: a streak of two that today extends.
		await rate(
			{ ...A, cardId: 'members/c', itemId: 'members/c' },
			4,
			new Date(NOW.getTime() - 2 * DAY)
		);
		await rate(
			{ ...A, cardId: 'members/b', itemId: 'members/b' },
			4,
			new Date(NOW.getTime() - DAY)
		);
		expect((await loadHomeCounts(db, request)).streakDays).toBe(2);

		const again = await rate(A, 1, NOW);
		const counts = await loadHomeCounts(db, request);
		expect(counts).toMatchObject({
			dueNow: 0,
			newLeft: 0,
			learningLater: 1,
			reviewsToday: 1,
			streakDays: 3
		});
		expect(counts.nextDue).toBe(again.after.due);

		const later = await loadHomeCounts(db, { ...request, now: new Date(again.after.due) });
		expect(later.dueNow).toBe(1);
	});

	it('breaks the streak after a day without ratings', async () => {
		open();
		const request = { items: FIXTURE_ITEMS, now: NOW, options: QUEUE };
		await rate(A, 4, new Date(NOW.getTime() - 3 * DAY));
		await rate(B, 4, new Date(NOW.getTime() - 2 * DAY));
		expect((await loadHomeCounts(db, request)).streakDays).toBe(0);
	});
});
