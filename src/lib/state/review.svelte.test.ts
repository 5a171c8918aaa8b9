import { Dexie, type DBCore } from 'dexie';
import {
	LATEST_VERSION,
	SCHEMA_VERSIONS,
	UPGRADED_ELSEWHERE,
	createDb,
	giveWayToNewerVersions,
	type CstoDb
} from '../data/db';
import type { OutdatedAppError } from '../domain/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateCard, setSuspended } from '../data/cards';
import { loadQueueSnapshot } from '../data/queue';
import { nextStudyDayStart, startOfStudyDay } from '../domain/day';
import { DEFAULT_PARAMETERS } from '../domain/scheduling/fsrs';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { FIXTURE_ITEMS } from '../domain/scheduling/fixtures';
import { ReviewSession } from './review.svelte';
import { SLOW_ACTION_MS } from './slow.svelte';

// The queue's read as it is, so that one test can make the re-read fail after a rating is saved.
vi.mock('../data/queue', async (importOriginal) => {
	const actual = await importOriginal<typeof import('../data/queue')>();
	return { ...actual, loadQueueSnapshot: vi.fn(actual.loadQueueSnapshot) };
});

let db: CstoDb;
const START = new Date(2026, 10, 28, 10, 0).getTime();
let clock = START;
afterEach(async () => {
	await db?.delete();
	clock = START;
});

const ITEMS_BY_ID = new Map(FIXTURE_ITEMS.map((item) => [item.id, item]));

/** A session on a fresh database; `getDb` as the app's own does, when a test needs it. */
function session(overrides: Partial<Settings> = {}, getDb: () => CstoDb = () => db) {
	db = createDb(`test-${crypto.randomUUID()}`);
	const settings: Settings = {
		...DEFAULT_SETTINGS,
		topics: ['members', 'history', 'structure'],
		...overrides
	};
	return new ReviewSession({
		db: getDb,
		items: FIXTURE_ITEMS,
		itemsById: ITEMS_BY_ID,
		settings: () => settings,
		now: () => new Date(clock),
		enableFuzz: false
	});
}

describe('ReviewSession', () => {
	it('shows the front, then the answer, and stores a rating before moving on', async () => {
		const s = session();
		await s.start();
		expect(s.current?.target.cardId).toBe('members/a');
		expect(s.face?.front).toBe('Prompt of members/a?');
		expect(s.counts).toEqual({ new: 6, learning: 0, review: 0 });
		expect(s.intervals).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '8d' });

		await s.rate(3);
		expect(await db.reviews.count()).toBe(0);

		s.showAnswer();
		expect(s.isAnswerShown).toBe(true);
		clock += 4200;
		await s.rate(3);
		const log = await db.reviews.toArray();
		expect(log).toEqual([
			expect.objectContaining({
				cardId: 'members/a',
				rating: 3,
				durationMs: 4200,
				source: 'review'
			})
		]);
		expect(s.current?.target.cardId).toBe('history/a');
		expect(s.isAnswerShown).toBe(false);
		expect(s.counts).toEqual({ new: 5, learning: 1, review: 0 });
		expect(s.reviewed).toBe(1);
		expect(s.progress).toBeCloseTo(1 / 7);
	});

	it("schedules with the learner's own parameters when they are in use", async () => {
		// Easy on a new card waits the initial stability w3: 8 days by default, 3 here.
		const parameters = DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? 3 : w));
		const s = session({
			memoryModel: {
				parameters,
				trainedAt: START,
				reviewCount: 500,
				comparedCount: 90,
				logLoss: { defaults: 0.4, trained: 0.35 }
			}
		});
		await s.start();
		expect(s.intervals).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '3d' });
		s.showAnswer();
		await s.rate(4);
		const card = await db.cards.get('members/a');
		expect(card?.stability).toBe(3);
		expect(card!.due - clock).toBe(3 * 86_400_000);
	});

	it('caps the time taken on one card at a minute', async () => {
		const s = session();
		await s.start();
		s.showAnswer();
		clock += 10 * 60_000;
		await s.rate(4);
		expect((await db.reviews.toArray())[0]?.durationMs).toBe(60_000);
	});

	it('is busy from the key press, but shows it (isSlow) only once the write takes longer than SLOW_ACTION_MS', async () => {
		const s = session();
		await s.start();
		// Only the page's timers are faked: fake-indexeddb runs its requests on setImmediate.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			s.showAnswer();
			const rating = s.rate(3);
			expect(s.isBusy).toBe(true);
			expect(s.isSlow).toBe(false);
			// A second key press meanwhile rates nothing.
			await s.rate(1);
			vi.advanceTimersByTime(SLOW_ACTION_MS - 1);
			expect(s.isSlow).toBe(false);
			vi.advanceTimersByTime(1);
			expect(s.isSlow).toBe(true);
			await rating;
			expect([s.isBusy, s.isSlow]).toEqual([false, false]);
			expect((await db.reviews.toArray()).map((row) => row.rating)).toEqual([3]);

			// A rating stored at once never shows as busy: its timer is cleared.
			s.showAnswer();
			await s.rate(3);
			vi.advanceTimersByTime(10 * SLOW_ACTION_MS);
			expect([s.isBusy, s.isSlow]).toEqual([false, false]);
			expect(await db.reviews.count()).toBe(2);
		} finally {
			vi.useRealTimers();
		}
	});

	it('undoes ratings one by one, bringing each card back exactly', async () => {
		const s = session();
		await s.start();
		s.showAnswer();
		await s.rate(3);
		s.showAnswer();
		await s.rate(1);
		expect(await db.cards.count()).toBe(2);

		await s.undo();
		expect(s.current?.target.cardId).toBe('history/a');
		expect(s.isAnswerShown).toBe(false);
		expect(await db.cards.get('history/a')).toBeUndefined();
		expect(s.canUndo).toBe(true);

		await s.undo();
		expect(s.current?.target.cardId).toBe('members/a');
		expect(await db.cards.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		expect(s.canUndo).toBe(false);
		expect(s.reviewed).toBe(0);
	});

	it('keeps the card on screen with a message when the rating cannot be saved', async () => {
		const s = session();
		await s.start();
		db.reviews.hook('creating', () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		s.showAnswer();
		await s.rate(3);
		expect(s.error).toMatch(
			/^Your rating could not be saved, so the card is still here\. This device has no room left/
		);
		expect(s.failure?.detail).toMatch(/QuotaExceededError: The quota has been exceeded\./);
		expect(s.current?.target.cardId).toBe('members/a');
		expect(s.isAnswerShown).toBe(true);
		expect(await db.cards.count()).toBe(0);
		expect(s.canUndo).toBe(false);
	});

	it('after another tab upgraded the database, a rating is refused with the reason and the card stays', async () => {
		let outdated: OutdatedAppError | undefined;
		// As the app's getDb() does: the reason, once there is one, instead of the closed connection.
		const s = session({}, () => {
			if (outdated) throw outdated;
			return db;
		});
		giveWayToNewerVersions(db, (error) => (outdated = error));
		await s.start();
		s.showAnswer();

		const newer = new Dexie(db.name);
		newer
			.version(LATEST_VERSION + 1)
			.stores(SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS]);
		await newer.open();
		await s.rate(3);
		expect(s.error).toBe(
			`Your rating could not be saved, so the card is still here. ${UPGRADED_ELSEWHERE}`
		);
		expect(s.current?.target.cardId).toBe('members/a');
		expect(s.isAnswerShown).toBe(true);
		expect(await newer.table('reviews').count()).toBe(0);
		newer.close();
	});

	it('says the rating was saved when only the re-read of the queue fails', async () => {
		const s = session();
		await s.start();
		vi.mocked(loadQueueSnapshot).mockRejectedValueOnce(new Error('disk error'));
		s.showAnswer();
		// Within the study day the next card comes without a read; a rating in the next one reads.
		clock = nextStudyDayStart(clock, DEFAULT_SETTINGS.dayStartHour);
		await s.rate(3);
		expect(s.error).toMatch(
			/^Your rating was saved, but the next cards could not be read\. .*Reload the page/
		);
		expect(s.failure?.detail).toBe('Error: disk error');
		expect(s.error).not.toMatch(/could not be saved/);
		expect(await db.reviews.count()).toBe(1);
		// The rated card has left the screen, and undo can still take the rating back.
		expect(s.current?.target.cardId).not.toBe('members/a');
		expect(s.canUndo).toBe(true);
	});

	it('undoes only the ratings of the session on screen: another topic starts with nothing to undo', async () => {
		const s = session();
		await s.start();
		s.showAnswer();
		await s.rate(3);
		expect(s.canUndo).toBe(true);
		await s.start('history');
		expect(s.canUndo).toBe(false);
		await s.undo();
		expect(await db.reviews.count()).toBe(1);
		expect(s.current?.target.cardId).toBe('history/a');
	});

	it('buries and suspends cards, and undo brings them back', async () => {
		const s = session();
		await s.start();
		await s.bury();
		expect(s.current?.target.cardId).toBe('history/a');
		expect(s.notice).toBe('Card buried until tomorrow.');
		await s.suspend();
		expect(s.current?.target.cardId).toBe('structure/a');
		expect(await db.cards.get('history/a')).toMatchObject({ suspended: 1 });
		await s.undo();
		expect(s.current?.target.cardId).toBe('history/a');
		expect(await db.cards.get('history/a')).toBeUndefined();
		await s.undo();
		expect(s.current?.target.cardId).toBe('members/a');
	});

	it('shows as busy while it reads the queue again after Bury, Suspend or Undo, with the next card already on screen', async () => {
		const s = session();
		await s.start();
		/** Whether the session showed as busy at each step where it was busy with another card shown. */
		const watch = async (action: Promise<void>, shownBefore: string) => {
			let isDone = false;
			void action.then(() => (isDone = true));
			const seen: boolean[] = [];
			// fake-indexeddb answers on setImmediate: look after each of its steps.
			while (!isDone) {
				await new Promise((resolve) => setImmediate(resolve));
				if (s.isBusy && s.current?.target.cardId !== shownBefore) seen.push(s.isSlow);
			}
			return seen;
		};
		const buried = await watch(s.bury(), 'members/a');
		expect(s.current?.target.cardId).toBe('history/a');
		expect(buried.length).toBeGreaterThan(0);
		expect(buried).not.toContain(false);
		const undone = await watch(s.undo(), 'history/a');
		expect(s.current?.target.cardId).toBe('members/a');
		expect(undone.length).toBeGreaterThan(0);
		expect(undone).not.toContain(false);
		expect([s.isBusy, s.isSlow]).toEqual([false, false]);
	});

	it('says when a card becomes a leech', async () => {
		const s = session();
		await s.start();
		s.showAnswer();
		await s.rate(4);
		const card = (await db.cards.get('members/a'))!;
		await db.cards.put({ ...card, lapses: 7 });
		clock = card.due;
		await s.start('members');
		expect(s.current?.target.cardId).toBe('members/a');
		s.showAnswer();
		await s.rate(1);
		expect(s.notice).toMatch(/leech and suspended/);
		expect(await db.cards.get('members/a')).toMatchObject({ leech: 1, suspended: 1 });
	});

	it('reviews one topic, and says when the next card is due once nothing is left', async () => {
		const s = session({ newPerDay: 20 });
		await s.start('structure');
		expect(s.remaining).toBe(1);
		s.showAnswer();
		await s.rate(4);
		expect(s.current).toBeUndefined();
		expect(s.remaining).toBe(0);
		expect(s.progress).toBe(1);
		const card = await db.cards.get('structure/a');
		expect(s.nextDue).toBe(startOfStudyDay(card!.due, 4));
	});

	it('shows a learning card again within the learn-ahead limit when nothing else is left', async () => {
		const s = session();
		await s.start('structure');
		s.showAnswer();
		await s.rate(1);
		expect(s.current?.target.cardId).toBe('structure/a');
		expect(s.current?.kind).toBe('learning');
		expect(s.counts.learning).toBe(1);
	});

	it('moves on after a rating without reading the cards again, until a new study day', async () => {
		const s = session();
		let cardReads = 0;
		db.use({
			stack: 'dbcore',
			name: 'count-card-reads',
			create: (down: DBCore): DBCore => ({
				...down,
				table(name) {
					const table = down.table(name);
					if (name !== 'cards') return table;
					return {
						...table,
						query: (request) => {
							cardReads++;
							return table.query(request);
						}
					};
				}
			})
		});
		await s.start();
		const afterStart = cardReads;
		for (const expected of ['members/a', 'history/a', 'structure/a']) {
			expect(s.current?.target.cardId).toBe(expected);
			s.showAnswer();
			clock += 5000;
			await s.rate(3);
		}
		expect(cardReads).toBe(afterStart);
		expect(s.counts).toEqual({ new: 3, learning: 3, review: 0 });

		// The next study day starts: the queue is read again, with the day's new cards.
		clock = new Date(2026, 10, 29, 4, 0).getTime();
		s.showAnswer();
		await s.rate(3);
		expect(cardReads).toBeGreaterThan(afterStart);
	});
});

describe('ReviewSession undo on cards that already have a stored row', () => {
	const MINUTE = 60_000;
	const DAY = 86_400_000;
	const options = { desiredRetention: 0.9, enableFuzz: false };

	/** Brings members/a into `state` through real ratings, and moves the clock to when it is due. */
	async function cardIn(state: 'learning' | 'review' | 'relearning') {
		const target = { cardId: 'members/a', itemId: 'members/a', topic: 'members' };
		const ratings = ({ learning: [1], review: [4], relearning: [4, 1] } as const)[state];
		let at = START - 30 * DAY;
		for (const rating of ratings) {
			const { after } = await rateCard(
				db,
				{ target, rating, now: new Date(at), durationMs: 1000, source: 'review' },
				options
			);
			at = after.due;
		}
		clock = at + MINUTE;
		return (await db.cards.get('members/a'))!;
	}

	for (const state of ['learning', 'review', 'relearning'] as const) {
		it(`undoes a rating of a ${state} card, restoring its row and removing its log row`, async () => {
			const s = session();
			const before = await cardIn(state);
			const logBefore = await db.reviews.count();
			await s.start('members');
			expect(s.current?.target.cardId).toBe('members/a');
			s.showAnswer();
			await s.rate(3);
			expect(s.error).toBe('');
			expect(await db.reviews.count()).toBe(logBefore + 1);

			await s.undo();
			expect(s.error).toBe('');
			expect(await db.cards.get('members/a')).toEqual(before);
			expect(await db.reviews.count()).toBe(logBefore);
			expect(s.current?.target.cardId).toBe('members/a');
			expect(s.canUndo).toBe(false);
		});

		it(`undoes Bury and Suspend of a ${state} card`, async () => {
			const s = session();
			const before = await cardIn(state);
			await s.start('members');
			await s.bury();
			expect(await db.cards.get('members/a')).toMatchObject({ buriedUntil: expect.any(Number) });
			await s.undo();
			expect(s.error).toBe('');
			expect(await db.cards.get('members/a')).toEqual(before);

			await s.suspend();
			expect(await db.cards.get('members/a')).toMatchObject({ suspended: 1 });
			await s.undo();
			expect(s.error).toBe('');
			expect(await db.cards.get('members/a')).toEqual(before);
			expect(s.current?.target.cardId).toBe('members/a');
		});
	}

	it('undoes a rating of a new card that has a row (made by Bury), and of a card unsuspended after a suspension', async () => {
		const s = session();
		await s.start('members');
		await s.bury();
		const buried = (await db.cards.get('members/a'))!;
		// The next study day: the burial is over, the card is new with a stored row.
		clock = buried.buriedUntil + MINUTE;
		await s.start('members');
		expect(s.current?.target.cardId).toBe('members/a');
		s.showAnswer();
		await s.rate(3);
		await s.undo();
		expect(s.error).toBe('');
		expect(await db.cards.get('members/a')).toEqual(buried);

		// A suspended card, unsuspended (from Browse), then rated and the rating undone.
		await s.suspend();
		await setSuspended(db, 'members/a', false, new Date(clock));
		const unsuspended = (await db.cards.get('members/a'))!;
		await s.start('members');
		s.showAnswer();
		await s.rate(1);
		await s.undo();
		expect(s.error).toBe('');
		expect(await db.cards.get('members/a')).toEqual(unsuspended);
	});
});
