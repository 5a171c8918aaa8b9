import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { cardTargetFromId, type Rating } from '../domain/scheduling/card';
import { rateInTurn } from '../domain/scheduling/fixtures';
import { recomputeStoredDueBefore } from '../domain/scheduling/due-before';
import { replayCard, scheduleReview } from '../domain/scheduling/fsrs';
import { OutdatedAppError } from '../domain/errors';
import {
	LATEST_VERSION,
	NEWER_THAN_APP,
	QUESTION_ID_RENAMES,
	SCHEMA_VERSIONS,
	UPGRADED_ELSEWHERE,
	createDb,
	giveWayToNewerVersions,
	type CardRow,
	type CstoDb,
	type ReviewRow
} from './db';
import { readNativeSchema, storesFromDexieSchema } from './native-schema';

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
	it('stores cards by question id', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.cards.bulkPut([card, { ...card, id: 'history/tashkent', due: card.due + 86_400_000 }]);
		expect(await db.cards.orderBy('id').primaryKeys()).toEqual([
			'history/tashkent',
			'members/current'
		]);
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
		// The card's log does not reproduce it, so the due time before the rating is unknown.
		expect(await db.reviews.toArray()).toEqual([
			{ id: 1, cardId: 'members/current', rating: 3, reviewedAt: 5, dueBefore: null }
		]);
		expect((await db.quizAttempts.toArray()).map((a) => a.status)).toEqual(['finished', 'active']);
		expect(await db.quizAttempts.where('status').equals('active').count()).toBe(1);
		expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 12 });
	});
});

describe('schema upgrade from version 2', () => {
	it('keeps every row', async () => {
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
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review, dueBefore: null }]);
		expect(await db.quizAttempts.toArray()).toEqual([{ id: 1, ...attempt }]);
		expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 12 });
		expect(db.verno).toBe(LATEST_VERSION);
		// Version 8 dropped the cards' indexes (no read used them): only the id is left.
		expect(db.backendDB().transaction('cards').objectStore('cards').indexNames.length).toBe(0);
	});
});

describe('schema upgrade from version 3', () => {
	const OPTIONS = { desiredRetention: 0.85, enableFuzz: true };

	/** A card studied as the app studies it, and its log rows. */
	function studied(cardId: string, ratings: Rating[], start: number) {
		let stored: CardRow | undefined;
		let now = start;
		const rows: ReviewRow[] = ratings.map((rating) => {
			const result = scheduleReview(
				stored,
				cardTargetFromId(cardId),
				rating,
				new Date(now),
				OPTIONS
			);
			stored = result.card;
			now = stored.due + 3_600_000;
			return { ...result.review, durationMs: 1000, source: 'review' };
		});
		return { card: stored!, rows };
	}

	it('moves the progress of merged questions to the new ids, replaying the log where two cards meet', async () => {
		// Ids from the real map: renames are permanent, so these stay valid.
		expect(QUESTION_ID_RENAMES['history/crrf-year']).toBe('operations/crrf-year');
		expect(QUESTION_ID_RENAMES['comparison/article-4-cst']).toBe(
			'functions/article-4-collective-defence'
		);
		const start = Date.UTC(2026, 2, 1, 9);
		const onlyOld = studied('history/crrf-year', [3, 3], start);
		const oldTwin = studied('comparison/article-4-cst', [3, 3, 3], start);
		const newTwin = studied(
			'functions/article-4-collective-defence',
			[1, 3],
			start + 9 * 86_400_000
		);
		const oldReversed = studied('comparison/article-4-cst:reverse', [4], start);
		const other = studied('members/current', [2], start);
		const rows = [onlyOld, oldTwin, newTwin, oldReversed, other].flatMap((s) => s.rows);

		const name = `test-${crypto.randomUUID()}`;
		const v3 = new Dexie(name);
		v3.version(1).stores(SCHEMA_VERSIONS[1]);
		v3.version(2).stores(SCHEMA_VERSIONS[2]);
		v3.version(3).stores(SCHEMA_VERSIONS[3]);
		await v3
			.table('cards')
			.bulkAdd([
				onlyOld.card,
				oldTwin.card,
				newTwin.card,
				{ ...oldReversed.card, suspended: 1 },
				other.card
			]);
		await v3.table('reviews').bulkAdd(rows);
		await v3.table('settings').put({ key: 'desiredRetention', value: 0.85 });
		await v3.table('quizAttempts').add({
			status: 'finished',
			startedAt: 1,
			finishedAt: 2,
			score: 1,
			maxScore: 1,
			data: {}
		});
		v3.close();

		db = createDb(name);
		expect(db.verno).toBe(LATEST_VERSION);
		expect(await db.cards.orderBy('id').primaryKeys()).toEqual([
			'functions/article-4-collective-defence',
			'functions/article-4-collective-defence:reverse',
			'members/current',
			'operations/crrf-year'
		]);
		// A card alone under its new id is moved as it was.
		expect(await db.cards.get('operations/crrf-year')).toEqual({
			...onlyOld.card,
			id: 'operations/crrf-year',
			itemId: 'operations/crrf-year',
			topic: 'operations'
		});
		expect(await db.cards.get('functions/article-4-collective-defence:reverse')).toEqual({
			...oldReversed.card,
			suspended: 1,
			id: 'functions/article-4-collective-defence:reverse',
			itemId: 'functions/article-4-collective-defence',
			topic: 'functions'
		});
		// Two cards of one question become one: the replay of their joined log.
		const merged = await db.cards.get('functions/article-4-collective-defence');
		expect(merged).toEqual(
			replayCard(
				cardTargetFromId('functions/article-4-collective-defence'),
				[...oldTwin.rows, ...newTwin.rows],
				OPTIONS
			)?.card
		);
		expect(merged).toMatchObject({ reps: 5, lastReview: newTwin.rows.at(-1)!.reviewedAt });
		expect(await db.cards.get('members/current')).toEqual(other.card);
		// Every log row is kept, under its old row id, with the new card id.
		const stored = await db.reviews.orderBy('id').toArray();
		expect(stored).toHaveLength(rows.length);
		const cardIdOf = (cardId: string) =>
			({
				'history/crrf-year': 'operations/crrf-year',
				'comparison/article-4-cst': 'functions/article-4-collective-defence',
				'comparison/article-4-cst:reverse': 'functions/article-4-collective-defence:reverse'
			})[cardId] ?? cardId;
		// Version 5 then takes each due-before from the moved cards' logs (tested on its own below).
		const moved = rows.map((row, i) => ({ ...row, id: i + 1, cardId: cardIdOf(row.cardId) }));
		const dueBefore = recomputeStoredDueBefore({
			cards: await db.cards.toArray(),
			reviews: moved,
			settings: [{ key: 'desiredRetention', value: 0.85 }]
		});
		expect(stored).toEqual(moved.map((row) => ({ ...row, dueBefore: dueBefore.get(row.id) })));
		expect(
			await db.reviews.where('cardId').equals('functions/article-4-collective-defence').count()
		).toBe(5);
		expect(await db.quizAttempts.count()).toBe(1);
		expect(await db.settings.get('desiredRetention')).toEqual({
			key: 'desiredRetention',
			value: 0.85
		});
	});

	it('changes nothing in a database without renamed questions', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v3 = new Dexie(name);
		v3.version(3).stores(SCHEMA_VERSIONS[3]);
		await v3.table('cards').add(card);
		await v3.table('reviews').add(review);
		v3.close();
		db = createDb(name);
		expect(await db.cards.toArray()).toEqual([card]);
		// Version 5: this one row does not reproduce the card, so its due-before is unknown.
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review, dueBefore: null }]);
	});
});

describe('schema upgrade to version 5: due-before', () => {
	const DAY = 86_400_000;
	const start = Date.UTC(2026, 10, 1, 9);
	const options = { desiredRetention: 0.85, enableFuzz: true };

	/** A card rated in turn, with its log rows as version 3 stored them (previous review as due-before). */
	function rated(cardId: string, ratings: [Rating, number][]) {
		const { card, reviews } = rateInTurn(cardId, ratings, options);
		const rows: ReviewRow[] = reviews.map((r, i) => ({
			...r,
			dueBefore: reviews[i - 1]?.reviewedAt ?? r.reviewedAt,
			durationMs: 3000,
			source: 'review'
		}));
		return { card, rows, dueBefore: reviews.map((r) => r.dueBefore) };
	}

	it('recomputes each due-before from the card’s log, and marks it unknown where the log cannot', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v3 = new Dexie(name);
		v3.version(1).stores(SCHEMA_VERSIONS[1]);
		v3.version(2).stores(SCHEMA_VERSIONS[2]);
		v3.version(3).stores(SCHEMA_VERSIONS[3]);
		// Rated at the stored desired retention, which the upgrade replays with.
		const whole = rated('members/current', [
			[3, start],
			[3, start + 10 * 60_000],
			[3, start + 6 * DAY],
			[1, start + 30 * DAY]
		]);
		// One rating of this card's log is gone (an old merge, say): its replay cannot be trusted.
		const gapped = rated('history/tashkent', [
			[4, start],
			[3, start + 9 * DAY],
			[2, start + 40 * DAY]
		]);
		await v3.table('cards').bulkAdd([whole.card, gapped.card]);
		await v3.table('reviews').bulkAdd([...whole.rows, gapped.rows[0], gapped.rows[2]]);
		await v3.table('settings').put({ key: 'desiredRetention', value: 0.85 });
		v3.close();

		db = createDb(name);
		const reviews = await db.reviews.orderBy('id').toArray();
		expect(reviews.map((r) => r.dueBefore)).toEqual([...whole.dueBefore, null, null]);
		// The third rating came late: its due-before is the due time, not the previous review.
		expect(whole.dueBefore[2]).not.toBe(whole.rows[2]!.dueBefore);
		// Everything else is as it was.
		expect(reviews.map(({ id: _id, dueBefore: _d, ...rest }) => rest)).toEqual(
			[...whole.rows, gapped.rows[0]!, gapped.rows[2]!].map(({ dueBefore: _d, ...rest }) => rest)
		);
		expect(await db.cards.orderBy('id').toArray()).toEqual([gapped.card, whole.card]);
	});
});
describe('schema upgrade to version 7: summaries', () => {
	it('keeps every row and adds an empty summaries table', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v6 = new Dexie(name);
		v6.version(6).stores(SCHEMA_VERSIONS[6]);
		await v6.table('cards').add(card);
		await v6.table('reviews').add({ ...review, dueBefore: null });
		v6.close();

		db = createDb(name);
		expect(db.verno).toBe(LATEST_VERSION);
		expect(await db.cards.toArray()).toEqual([card]);
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review, dueBefore: null }]);
		expect(await db.summaries.count()).toBe(0);
	});
});
describe('schema upgrade to version 6: quarantine', () => {
	it('keeps every row and adds an empty quarantine table that keeps rows by table', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const v5 = new Dexie(name);
		v5.version(5).stores(SCHEMA_VERSIONS[5]);
		await v5.table('cards').add(card);
		await v5.table('reviews').add({ ...review, dueBefore: null });
		await v5.table('settings').put({ key: 'theme', value: 'dark' });
		v5.close();

		db = createDb(name);
		expect(db.verno).toBe(LATEST_VERSION);
		expect(await db.cards.toArray()).toEqual([card]);
		expect(await db.reviews.toArray()).toEqual([{ id: 1, ...review, dueBefore: null }]);
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

describe('schema upgrade from every released version', () => {
	// createDb declares only the versions with an upgrade() and the latest one; a database at any
	// other version is upgraded from the schema IndexedDB reports.
	it.each([1, 2, 3, 4, 5, 6, 7] as const)(
		'brings a database of version %i to the schema of a new one, keeping its rows',
		async (version) => {
			const fresh = `test-${crypto.randomUUID()}`;
			const freshDb = createDb(fresh);
			await freshDb.open();
			freshDb.close();
			const expected = await readNativeSchema(fresh);
			await Dexie.delete(fresh);

			const name = `test-${crypto.randomUUID()}`;
			const old = new Dexie(name);
			old.version(version).stores(SCHEMA_VERSIONS[version]);
			await old.table('cards').add(card);
			await old.table('reviews').add({ ...review, dueBefore: null });
			await old.table('quizAttempts').add({ startedAt: 1, finishedAt: 9, status: 'finished' });
			await old.table('settings').put({ key: 'newPerDay', value: 12 });
			old.close();

			db = createDb(name);
			await db.open();
			expect(db.verno).toBe(LATEST_VERSION);
			expect(await db.cards.toArray()).toEqual([card]);
			expect(await db.reviews.count()).toBe(1);
			expect(await db.quizAttempts.count()).toBe(1);
			expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 12 });
			db.close();
			expect(await readNativeSchema(name)).toEqual(expected);
		}
	);
});

describe('the schema readers the tests use', () => {
	it('reads the latest schema from Dexie’s syntax as Dexie creates it', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.open();
		db.close();
		expect((await readNativeSchema(db.name)).stores).toEqual(
			storesFromDexieSchema(SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS])
		);
	});

	it('reads unique, multi-entry, compound and outbound keys as Dexie creates them', async () => {
		const schema = {
			things: '++id, &code, *tags, [kind+at]',
			notes: ', at',
			pairs: '[a+b], &[b+a]'
		};
		const name = `test-${crypto.randomUUID()}`;
		const other = new Dexie(name);
		other.version(1).stores(schema);
		await other.open();
		other.close();
		try {
			const read = await readNativeSchema(name);
			expect(read.stores).toEqual(storesFromDexieSchema(schema));
			expect(read.stores['things']!.indexes).toContainEqual({
				name: 'tags',
				keyPath: 'tags',
				unique: false,
				multiEntry: true
			});
			expect(read.stores['notes']!.keyPath).toBeNull();
		} finally {
			await Dexie.delete(name);
		}
	});

	it('says when there is no such database, and does not create one', async () => {
		const name = `test-${crypto.randomUUID()}`;
		await expect(readNativeSchema(name)).rejects.toThrow(`There is no database named “${name}”.`);
		expect(await Dexie.exists(name)).toBe(false);
	});

	it('reads a database with no tables', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const empty = new Dexie(name);
		empty.version(3).stores({});
		await empty.open();
		empty.close();
		try {
			expect(await readNativeSchema(name)).toEqual({ version: 30, stores: {} });
		} finally {
			await Dexie.delete(name);
		}
	});
});

/** The schema a newer release might bring: the newest one with one more index. */
function openNewer(name: string): Dexie {
	const newer = new Dexie(name);
	newer.version(LATEST_VERSION + 1).stores({
		...SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS],
		reviews: '++id, cardId, reviewedAt, source'
	});
	return newer;
}

/** The version IndexedDB itself reports, read without Dexie. */
function nativeVersion(name: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name);
		request.onsuccess = () => {
			resolve(request.result.version);
			request.result.close();
		};
		request.onerror = () => reject(request.error);
	});
}

describe('a newer version of the app in another tab', () => {
	let newer: Dexie | undefined;
	afterEach(() => {
		newer?.close();
		newer = undefined;
	});

	it('upgrades without being blocked; this connection closes, stays closed and refuses writes with the reason', async () => {
		const name = `test-${crypto.randomUUID()}`;
		db = createDb(name);
		const outdated: OutdatedAppError[] = [];
		giveWayToNewerVersions(db, (error) => outdated.push(error));
		await db.reviews.add({ ...review });

		newer = openNewer(name);
		let blocked = 0;
		newer.on('blocked', () => void blocked++);
		await newer.open();
		expect(blocked).toBe(0);
		expect(outdated).toEqual([new OutdatedAppError(UPGRADED_ELSEWHERE)]);
		expect(db.isOpen()).toBe(false);

		// Dexie would reopen on the next write, at the newer version, with the older code: it does not.
		await expect(db.reviews.add({ ...review, reviewedAt: 6 })).rejects.toThrow(/closed/i);
		await expect(db.cards.toArray()).rejects.toThrow(/closed/i);
		expect(db.isOpen()).toBe(false);
		expect(outdated).toHaveLength(1);
		expect(await newer.table('reviews').toArray()).toEqual([{ id: 1, ...review }]);
		expect(await newer.table('reviews').where('source').equals('review').count()).toBe(1);
	});

	it('an older app that opens a newer database refuses it, says why, and changes nothing', async () => {
		const name = `test-${crypto.randomUUID()}`;
		newer = openNewer(name);
		await newer.table('cards').add(card);
		await newer.table('reviews').add({ ...review });
		newer.close();
		const version = await nativeVersion(name);
		expect(version).toBe((LATEST_VERSION + 1) * 10);

		db = createDb(name);
		const outdated: OutdatedAppError[] = [];
		giveWayToNewerVersions(db, (error) => outdated.push(error));
		await expect(db.cards.toArray()).rejects.toThrow(NEWER_THAN_APP);
		expect(outdated).toEqual([new OutdatedAppError(NEWER_THAN_APP)]);
		// No second try opens it either.
		await expect(db.reviews.add({ ...review })).rejects.toThrow();
		expect(db.isOpen()).toBe(false);

		expect(await nativeVersion(name)).toBe(version);
		newer = openNewer(name);
		expect(await newer.table('cards').toArray()).toEqual([card]);
		expect(await newer.table('reviews').toArray()).toEqual([{ id: 1, ...review }]);
	});

	it('the current app opens the current schema without complaint', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const outdated: OutdatedAppError[] = [];
		giveWayToNewerVersions(db, (error) => outdated.push(error));
		await db.cards.add(card);
		db.close({ disableAutoOpen: false });
		expect(await db.cards.toArray()).toEqual([card]);
		expect(outdated).toEqual([]);
	});
});
