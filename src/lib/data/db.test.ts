import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { SCHEMA_VERSIONS, createDb, type CardRow, type CstoDb, type ReviewRow } from './db';

let db: CstoDb | undefined;
afterEach(async () => {
	await db?.delete();
	db = undefined;
});

const card: CardRow = {
	id: 'members/current',
	due: Date.UTC(2026, 10, 28),
	stability: 3.2,
	difficulty: 5.1,
	elapsedDays: 0,
	scheduledDays: 3,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2,
	lastReview: Date.UTC(2026, 10, 25),
	itemId: 'members/current',
	topic: 'members',
	suspended: 0,
	leech: 0,
	buriedUntil: 0
};

const review: ReviewRow = {
	cardId: 'members/current',
	rating: 3,
	stateBefore: 0,
	dueBefore: 0,
	stability: 1,
	difficulty: 5,
	elapsedDays: 0,
	scheduledDays: 0,
	reviewedAt: 5,
	durationMs: 1200,
	source: 'review'
};

describe('database', () => {
	it('stores cards by question id and finds them by due date', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.cards.bulkPut([card, { ...card, id: 'history/tashkent', due: card.due + 86_400_000 }]);
		const due = await db.cards.where('due').belowOrEqual(card.due).toArray();
		expect(due.map((c) => c.id)).toEqual(['members/current']);
		expect(await db.cards.get('members/current')).toEqual(card);
	});

	it('numbers reviews and finds them by card and by time', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const first = await db.reviews.add({ ...review, cardId: 'a/x', reviewedAt: 1000 });
		const second = await db.reviews.add({ ...review, cardId: 'b/y', reviewedAt: 2000 });
		expect(second).toBeGreaterThan(first!);
		expect(await db.reviews.where('cardId').equals('b/y').count()).toBe(1);
		expect(await db.reviews.where('reviewedAt').above(1500).count()).toBe(1);
	});

	it('keeps quiz attempts by time and settings by key', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.quizAttempts.add({
			status: 'finished',
			startedAt: 1,
			finishedAt: 5,
			score: 3,
			maxScore: 10,
			data: {}
		});
		await db.settings.put({ key: 'theme', value: 'dark' });
		await db.settings.put({ key: 'theme', value: 'light' });
		expect(await db.quizAttempts.orderBy('finishedAt').first()).toMatchObject({ finishedAt: 5 });
		expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'light' });
	});
});

describe('schema upgrade from version 1', () => {
	it('keeps every row and fills the new fields', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_VERSIONS[1]);
		const { itemId: _i, topic: _t, suspended: _s, leech: _l, buriedUntil: _b, ...oldCard } = card;
		await v1.table('cards').bulkAdd([oldCard, { ...oldCard, id: 'armenia/freeze:reverse' }]);
		await v1.table('reviews').add({ cardId: 'members/current', rating: 3, reviewedAt: 5 });
		await v1.table('quizAttempts').bulkAdd([
			{ startedAt: 1, finishedAt: 9, data: { score: 7 } },
			{ startedAt: 2, finishedAt: 0, data: {} }
		]);
		await v1.table('settings').put({ key: 'newPerDay', value: 12 });
		v1.close();

		db = createDb(name);
		expect(await db.cards.get('members/current')).toEqual(card);
		expect(await db.cards.get('armenia/freeze:reverse')).toMatchObject({
			itemId: 'armenia/freeze',
			topic: 'armenia',
			suspended: 0
		});
		expect(await db.reviews.toArray()).toEqual([
			{ id: 1, cardId: 'members/current', rating: 3, reviewedAt: 5 }
		]);
		expect((await db.quizAttempts.toArray()).map((a) => a.status)).toEqual(['finished', 'active']);
		expect(await db.quizAttempts.where('status').equals('active').count()).toBe(1);
		expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 12 });
	});
});

describe('schema upgrade from version 2', () => {
	it('keeps every row and finds cards by state and due time', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v2 = new Dexie(name);
		v2.version(1).stores(SCHEMA_VERSIONS[1]);
		v2.version(2).stores(SCHEMA_VERSIONS[2]);
		const learning: CardRow = { ...card, id: 'history/tashkent', state: 1, due: card.due - 1 };
		const later: CardRow = { ...card, id: 'members/later', due: card.due + 86_400_000 };
		await v2.table('cards').bulkAdd([card, learning, later]);
		await v2.table('reviews').add(review);
		const attempt = {
			status: 'active',
			startedAt: 1,
			finishedAt: 0,
			score: 0,
			maxScore: 0,
			data: {}
		};
		await v2.table('quizAttempts').add(attempt);
		await v2.table('settings').put({ key: 'newPerDay', value: 12 });
		v2.close();

		db = createDb(name);
		expect(await db.cards.orderBy('id').toArray()).toEqual([learning, card, later]);
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review }]);
		expect(await db.quizAttempts.toArray()).toEqual([{ id: 1, ...attempt }]);
		expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 12 });
		expect(db.verno).toBeGreaterThanOrEqual(3);
		// The new index holds the rows written before it existed, by state then due time.
		const reviewDue = await db.cards
			.where('[state+due]')
			.between([2, -Infinity], [2, later.due], true, false)
			.primaryKeys();
		expect(reviewDue).toEqual(['members/current']);
		expect(await db.cards.where('[state+due]').between([1, 0], [2, 0]).primaryKeys()).toEqual([
			'history/tashkent'
		]);
	});
});

describe('schema upgrade from version 3', () => {
	it('keeps every row and adds an empty quarantine table that keeps rows by table', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v3 = new Dexie(name);
		v3.version(1).stores(SCHEMA_VERSIONS[1]);
		v3.version(2).stores(SCHEMA_VERSIONS[2]);
		v3.version(3).stores(SCHEMA_VERSIONS[3]);
		await v3.table('cards').add(card);
		await v3.table('reviews').add(review);
		await v3.table('settings').put({ key: 'theme', value: 'dark' });
		v3.close();

		db = createDb(name);
		expect(await db.cards.toArray()).toEqual([card]);
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review }]);
		expect(await db.settings.toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
		expect(await db.quarantine.count()).toBe(0);
		const entry = {
			table: 'cards' as const,
			key: 'members/x',
			row: { id: 'members/x', stability: NaN },
			problem: 'stability must be a number',
			action: 'set aside' as const,
			quarantinedAt: 7
		};
		await db.quarantine.add(entry);
		expect(await db.quarantine.where('table').equals('cards').toArray()).toEqual([
			{ id: 1, ...entry }
		]);
	});
});
