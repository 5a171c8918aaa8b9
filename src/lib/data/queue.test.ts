import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_ITEMS, qaItem } from '../domain/scheduling/fixtures';
import type { CardTarget } from '../domain/scheduling/card';
import { newCardRow } from '../domain/scheduling/fsrs';
import {
	buildQueue,
	findFirstFutureDue,
	nextEntry,
	type QueueOptions
} from '../domain/scheduling/queue';
import { rateCard } from './cards';
import { onDamage } from './damage';
import { createDb, type CstoDb } from './db';
import {
	addRatingToSnapshot,
	listBankCards,
	listCards,
	loadHomeCounts,
	loadQueue,
	loadQueueSnapshot,
	queueFromSnapshot
} from './queue';

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

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});
function open(): CstoDb {
	db = createDb(`test-${crypto.randomUUID()}`);
	return db;
}

function rate(target: CardTarget, rating: 1 | 2 | 3 | 4, now: Date) {
	return rateCard(
		db,
		{ target, rating, now, durationMs: 1500, source: 'review' },
		{ desiredRetention: 0.9, enableFuzz: false }
	);
}

/** A review card (state review), last seen five days before it is due, or before now. */
function reviewRow(id: string, due: number) {
	return {
		...newCardRow({ cardId: id, itemId: id, topic: id.split('/')[0]! }, NOW),
		state: 2 as const,
		due,
		stability: 5,
		difficulty: 5,
		reps: 3,
		lastReview: Math.min(due, NOW.getTime()) - 5 * DAY
	};
}

describe('listCards', () => {
	it('reads every stored card, over several pages', async () => {
		open();
		const ids = Array.from({ length: 6000 }, (_, i) => `members/c${String(i).padStart(5, '0')}`);
		await db.cards.bulkAdd(ids.map((id) => reviewRow(id, NOW.getTime())));
		expect((await listCards(db, NOW.getTime())).map((card) => card.id)).toEqual(ids);
	});

	it('leaves out and reports damaged cards, and reads on past a page that held only those', async () => {
		open();
		const ids = Array.from({ length: 6000 }, (_, i) => `members/c${String(i).padStart(5, '0')}`);
		// The whole second page (2,500 cards from the 2,501st) is damaged: a review in the future.
		const isDamaged = (i: number) => i >= 2500 && i < 5000;
		await db.cards.bulkAdd(
			ids.map((id, i) => ({
				...reviewRow(id, NOW.getTime()),
				...(isDamaged(i) ? { lastReview: NOW.getTime() + DAY } : {})
			}))
		);
		const damaged: string[] = [];
		const stop = onDamage(db, (notice) => damaged.push(notice.key));
		const cards = await listCards(db, NOW.getTime());
		stop();
		expect(cards.map((card) => card.id)).toEqual(ids.filter((_, i) => !isDamaged(i)));
		expect(damaged).toEqual(ids.filter((_, i) => isDamaged(i)));
	});
});

describe('listBankCards', () => {
	/**
	 * Stores cards of the bank's items (forward, reversed, one damaged, one future-due), and `retired`
	 * cards of items no longer in the bank; resolves to the damaged card's id.
	 */
	async function storeCards(retired: number): Promise<string> {
		await db.cards.bulkAdd([
			reviewRow('members/a', NOW.getTime() - DAY),
			{ ...reviewRow('members/a:reverse', NOW.getTime() - DAY), itemId: 'members/a' },
			reviewRow('history/b', NOW.getTime() + 3 * DAY),
			// Damaged: a review in the future.
			{ ...reviewRow('structure/a', NOW.getTime()), lastReview: NOW.getTime() + DAY },
			...Array.from({ length: retired }, (_, i) =>
				reviewRow(`members/retired-${String(i).padStart(4, '0')}`, NOW.getTime() + (i % 9) * DAY)
			)
		]);
		return 'structure/a';
	}

	// The bank's six items make 12 card ids (forward and reversed): 2 retired cards keep the table
	// under three times that and it is read in pages; 100 take it over, and the bank's are read by key.
	it.each([
		{ retired: 2, isKeyed: false },
		{ retired: 100, isKeyed: true }
	])(
		'reads the stored cards of the bank, forward and reversed, and reports a damaged one ($retired retired cards)',
		async ({ retired, isKeyed }) => {
			open();
			const damagedId = await storeCards(retired);
			const bulkGet = vi.spyOn(db.cards, 'bulkGet');
			const damaged: string[] = [];
			const stop = onDamage(db, (notice) => damaged.push(notice.key));
			const cards = await listBankCards(db, FIXTURE_ITEMS, NOW.getTime());
			stop();
			expect(cards.map((card) => card.id).sort()).toEqual([
				'history/b',
				'members/a',
				'members/a:reverse'
			]);
			expect(damaged).toEqual([damagedId]);
			expect(bulkGet).toHaveBeenCalledTimes(isKeyed ? 1 : 0);
		}
	);

	it('gives the queue and the next due time that every stored card gives', async () => {
		open();
		await storeCards(100);
		for (const reverseCards of [false, true]) {
			for (const now of [NOW, new Date(NOW.getTime() + 2 * DAY)]) {
				const options = { ...QUEUE, reverseCards };
				const request = { items: FIXTURE_ITEMS, now, options };
				const snapshot = await loadQueueSnapshot(db, FIXTURE_ITEMS, now, QUEUE.dayStartHour);
				const every = await listCards(db, now.getTime());
				expect(every.length).toBeGreaterThan(snapshot.cards.length);
				expect(queueFromSnapshot(snapshot, request)).toEqual(
					buildQueue({ ...request, cards: every, done: snapshot.done })
				);
				expect(findFirstFutureDue({ ...request, cards: snapshot.cards })).toEqual(
					findFirstFutureDue({ ...request, cards: every })
				);
			}
		}
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

	it('takes a stored card that is not due for a known card, not a new one', async () => {
		open();
		await db.cards.bulkAdd([
			reviewRow('members/a', NOW.getTime() - DAY),
			reviewRow('members/b', NOW.getTime() + 7 * DAY)
		]);
		const queue = await loadQueue(db, { items: FIXTURE_ITEMS, now: NOW, options: QUEUE });
		expect(queue.entries.map((e) => e.target.cardId)).toEqual([
			'members/a',
			'history/a',
			'structure/a',
			'history/b',
			'members/c'
		]);
	});
});

describe('addRatingToSnapshot', () => {
	it('gives the queue a fresh read gives, rating after rating', async () => {
		open();
		const items = [...FIXTURE_ITEMS, qaItem('members/d'), qaItem('history/c')];
		await db.cards.bulkAdd([
			reviewRow('members/d', NOW.getTime() - 2 * DAY),
			reviewRow('history/c', NOW.getTime() - DAY)
		]);
		const options = { ...QUEUE, newPerDay: 4, reverseCards: true };
		let snapshot = await loadQueueSnapshot(db, items, NOW, 4);
		let now = NOW.getTime();
		for (const rating of [3, 1, 4, 3, 2, 3, 3, 1] as const) {
			now += 60_000;
			const request = { items, now: new Date(now), options };
			const entry = nextEntry(queueFromSnapshot(snapshot, request), request.now)!;
			const { before, after } = await rate(entry.target, rating, new Date(now));
			snapshot = addRatingToSnapshot(snapshot, before, after);
			const fresh = await loadQueueSnapshot(db, items, new Date(now), 4);
			expect(snapshot.done).toEqual(fresh.done);
			expect(queueFromSnapshot(snapshot, request)).toEqual(queueFromSnapshot(fresh, request));
		}
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

	it('gives the day the next review card falls due when nothing is left today', async () => {
		open();
		const due = new Date(2026, 11, 5, 15, 0).getTime();
		await db.cards.bulkAdd([
			reviewRow('members/b', due),
			{ ...reviewRow('members/a', due - 2 * DAY), suspended: 1 as const },
			reviewRow('members/gone', due - 3 * DAY)
		]);
		const options = { ...QUEUE, newPerDay: 0 };
		const counts = await loadHomeCounts(db, { items: FIXTURE_ITEMS, now: NOW, options });
		expect(counts).toMatchObject({ dueNow: 0, newLeft: 0 });
		expect(counts.nextDue).toBe(new Date(2026, 11, 5, 4, 0).getTime());
	});

	it('breaks the streak after a day without ratings', async () => {
		open();
		const request = { items: FIXTURE_ITEMS, now: NOW, options: QUEUE };
		await rate(A, 4, new Date(NOW.getTime() - 3 * DAY));
		await rate(B, 4, new Date(NOW.getTime() - 2 * DAY));
		expect((await loadHomeCounts(db, request)).streakDays).toBe(0);
	});
});
