import { nextStudyDayStart } from '../domain/day';
import { REVERSE_SUFFIX } from '../domain/scheduling/card';
import type { CardSource } from '../domain/scheduling/face';
import {
	addRatingToDone,
	buildQueue,
	findFirstFutureDue,
	nextDueTime,
	type Queue,
	type QueueOptions
} from '../domain/scheduling/queue';
import { checkCardRow } from '../domain/integrity/rows';
import type { CardRow, CstoDb } from './db';
import { keepValid } from './damage';
import { countReviews, logTables } from './log';
import { readInPages } from './pages';
import { loadDoneToday, loadStreak, type TodayLog } from './reviews';

/**
 * The cards that pass the validator at `now`; each one that fails is reported and left out. Here and
 * not in cards.ts, whose writes need the scheduler: Home reads cards without loading ts-fsrs.
 */
function validCards(db: CstoDb, rows: readonly CardRow[], now: number): CardRow[] {
	return keepValid(
		db,
		'cards',
		rows,
		(row) => checkCardRow(row, now),
		(row) => row.id
	);
}

/** What the queue is built from: the bank, the time, the workload settings and an optional topic. */
export interface QueueRequest {
	items: readonly CardSource[];
	now: Date;
	options: QueueOptions;
	topic?: string;
}

/**
 * Everything today's queue is built from: the stored cards of the bank's items and the current study
 * day's log.
 */
export interface QueueSnapshot {
	cards: CardRow[];
	done: TodayLog;
	/** When the study day the log belongs to ends (epoch ms): past it, the snapshot is stale. */
	dayEnd: number;
}

/** Rows per read of the cards table: each read is one short task for the page, not one long one. */
const CARD_PAGE = 2500;

/**
 * Every stored card, read in pages of primary keys. The bank makes a few hundred cards; 10,000
 * cards (the stress benchmark) take a handful of short reads in Chromium, and having them all in
 * memory keeps the queue one pure function of the rows, rebuilt after a rating without reading again.
 */
export async function listCards(db: CstoDb, now: number): Promise<CardRow[]> {
	// A damaged card (failing the validator at `now`) is left out and reported.
	const { rows } = await readInPages(
		db.cards,
		undefined,
		CARD_PAGE,
		(row) => row.id,
		(page) => validCards(db, page, now)
	);
	return rows;
}

/**
 * A stored card costs about three rows of a read in pages when it is read by its key (Chromium,
 * 2026-12-03: 261 gets 9.4 ms against 2.7 ms for the 261 rows in one page; 10,000 rows in pages
 * 120 ms).
 */
const KEYED_READ_ABOVE = 3;

/**
 * The stored cards of the bank's `items`, forward and reversed: the only ones the queue, the next
 * due time (`buildQueue`, `findFirstFutureDue`) and Browse look at. Cards of items no longer in the
 * bank stay stored for Stats and the backup. While the table holds a few times the bank's cards at
 * most (a learner's usual case), it is read whole in pages and they are left out; otherwise only the
 * bank's are read, by key: of the stress benchmark's 10,000 cards (261 of the bank's), in 15 ms
 * instead of 120 ms (Chromium, 2026-12-03), and Home's counts came in 229 ms instead of 426 ms.
 */
export async function listBankCards(
	db: CstoDb,
	items: readonly CardSource[],
	now: number
): Promise<CardRow[]> {
	const ids = items.flatMap((item) => [item.id, item.id + REVERSE_SUFFIX]);
	if ((await db.cards.count()) <= KEYED_READ_ABOVE * ids.length) {
		const wanted = new Set(ids);
		return (await listCards(db, now)).filter((card) => wanted.has(card.id));
	}
	const rows = await db.cards.bulkGet(ids);
	return validCards(
		db,
		rows.filter((row) => row !== undefined),
		now
	);
}

/**
 * Reads the stored cards of the bank's `items` and the log of the study day containing `now`, in
 * one transaction.
 */
export function loadQueueSnapshot(
	db: CstoDb,
	items: readonly CardSource[],
	now: Date,
	dayStartHour: number
): Promise<QueueSnapshot> {
	return db.transaction('r', [db.cards, ...logTables(db)], async () => {
		// Side by side: each is a few requests, which IndexedDB answers one round trip at a time.
		const [cards, done] = await Promise.all([
			listBankCards(db, items, now.getTime()),
			loadDoneToday(db, now, dayStartHour)
		]);
		return { cards, done, dayEnd: nextStudyDayStart(now.getTime(), dayStartHour) };
	});
}

/**
 * The snapshot once a rating is stored, without reading again: the card's new row, and one more
 * rating in today's log (`before` is the card's row before the rating, undefined for a new card).
 */
export function addRatingToSnapshot(
	snapshot: QueueSnapshot,
	before: CardRow | undefined,
	after: CardRow
): QueueSnapshot {
	const cards = [...snapshot.cards];
	const index = cards.findIndex((card) => card.id === after.id);
	if (index < 0) cards.push(after);
	else cards[index] = after;
	const done = addRatingToDone(snapshot.done, after.id, before?.state ?? 0);
	return { ...snapshot, cards, done: { ...done, total: done.total + 1 } };
}

/** Today's queue from a snapshot of the stored cards and today's log. */
export function queueFromSnapshot(snapshot: QueueSnapshot, request: QueueRequest): Queue {
	return buildQueue({
		items: request.items,
		cards: snapshot.cards,
		done: snapshot.done,
		now: request.now,
		options: request.options,
		topic: request.topic
	});
}

/** Builds today's queue from the database (the bank's stored cards and today's log). */
export async function loadQueue(db: CstoDb, request: QueueRequest): Promise<Queue> {
	const snapshot = await loadQueueSnapshot(
		db,
		request.items,
		request.now,
		request.options.dayStartHour
	);
	return queueFromSnapshot(snapshot, request);
}

/**
 * A cheap read that covers every row `loadHomeCounts` and `loadQueueSnapshot` read (a count of each
 * table), for a live query to watch instead of the rows themselves.
 */
export function watchCardsAndLog(db: CstoDb): Promise<number[]> {
	return Promise.all([db.cards.count(), countReviews(db)]);
}

/** The figures Home shows. */
export interface HomeCounts {
	/** Learning cards due now and review cards due today. */
	dueNow: number;
	/** New cards still to see today (within the daily limits). */
	newLeft: number;
	learningLater: number;
	reviewsToday: number;
	streakDays: number;
	/** When the next card is due, when none is due now (epoch ms); undefined when nothing is scheduled. */
	nextDue: number | undefined;
}

/**
 * Home's figures: what is due, what was done today and the next due time in one read, and the
 * streak beside it (see `loadStreak`).
 */
export async function loadHomeCounts(db: CstoDb, request: QueueRequest): Promise<HomeCounts> {
	const hour = request.options.dayStartHour;
	const [snapshot, streak] = await Promise.all([
		loadQueueSnapshot(db, request.items, request.now, hour),
		loadStreak(db, request.now, hour)
	]);
	const queue = queueFromSnapshot(snapshot, request);
	const firstFutureDue =
		queue.entries.length > 0
			? undefined
			: findFirstFutureDue({ ...request, cards: snapshot.cards });
	return {
		dueNow: queue.entries.filter((entry) => entry.kind !== 'new').length,
		newLeft: queue.counts.new,
		learningLater: queue.later.length,
		reviewsToday: snapshot.done.total,
		streakDays: streak.days,
		nextDue: nextDueTime(queue, request.now, hour, firstFutureDue)
	};
}
