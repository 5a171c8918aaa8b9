import { AppError } from '../domain/errors';
import type { CardSource } from '../domain/scheduling/face';
import { nextStudyDayStart } from '../domain/day';
import { cardTargetFromId, type CardTarget, type Rating } from '../domain/scheduling/card';
import { newCardRow, scheduleReview, type SchedulerOptions } from '../domain/scheduling/fsrs';
import {
	buildQueue,
	buildQueueFromCount,
	countReviewSlots,
	nextDueTime,
	type Queue,
	type QueueOptions
} from '../domain/scheduling/queue';
import type { CardRow, CardState, CstoDb, ReviewRow } from './db';
import { countStreak, loadDoneToday, type TodayLog } from './reviews';

/** One rating to record: which card, how it was rated, when, how long it took and where. */
export interface RateInput {
	target: CardTarget;
	rating: Rating;
	now: Date;
	/** Time from showing the card to rating it. */
	durationMs: number;
	source: ReviewRow['source'];
}

/** What a rating changed: enough to undo it exactly. */
export interface RatingRecord {
	/** The card before the rating; undefined when it was a new card with no row. */
	before: CardRow | undefined;
	after: CardRow;
	reviewId: number;
	/** True when this rating made the card a leech (it is now suspended). */
	isNewLeech: boolean;
}

/** One card's stored row, or undefined for a card never seen. */
export function getCard(db: CstoDb, cardId: string): Promise<CardRow | undefined> {
	return db.cards.get(cardId);
}

/** Every stored card in one read: Browse shows the status of all items without a query per item. */
export function listCards(db: CstoDb): Promise<CardRow[]> {
	return db.cards.toArray();
}

/**
 * Rates a card: schedules it with FSRS and writes the card and its log row in one transaction, so
 * that either both are stored or neither is. Review and quiz both call it (`source`).
 * @example const record = await rateCard(db, { target, rating: 3, now: new Date(), durationMs: 4200, source: 'quiz' }, { desiredRetention: 0.9, enableFuzz: true });
 */
export function rateCard(
	db: CstoDb,
	input: RateInput,
	options: SchedulerOptions
): Promise<RatingRecord> {
	return db.transaction('rw', db.cards, db.reviews, async () => {
		const before = await db.cards.get(input.target.cardId);
		const { card, review, isNewLeech } = scheduleReview(
			before,
			input.target,
			input.rating,
			input.now,
			options
		);
		await db.cards.put(card);
		const reviewId = await db.reviews.add({
			...review,
			durationMs: Math.max(0, Math.round(input.durationMs)),
			source: input.source
		});
		return { before, after: card, reviewId: reviewId as number, isNewLeech };
	});
}

// A card row is flat, so a shallow copy is a plain object even when the caller kept the row in
// reactive state (a proxy, which IndexedDB's structured clone refuses with DataCloneError).
function plainRow(row: CardRow): CardRow {
	return { ...row };
}

function isSameRow(a: CardRow | undefined, b: CardRow | undefined): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Undoes one rating in one transaction: the card is restored exactly (deleted if it was new) and its
 * log row deleted. Refused, with nothing changed, when the card has changed since (another tab).
 */
export function undoRating(
	db: CstoDb,
	record: Pick<RatingRecord, 'before' | 'after' | 'reviewId'>
): Promise<void> {
	return db.transaction('rw', db.cards, db.reviews, async () => {
		const current = await db.cards.get(record.after.id);
		if (!isSameRow(current, record.after)) {
			throw new AppError('This card was changed elsewhere (another tab?), so it cannot be undone.');
		}
		if (record.before) await db.cards.put(plainRow(record.before));
		else await db.cards.delete(record.after.id);
		await db.reviews.delete(record.reviewId);
	});
}

/** Puts a card back as it was (deleting it when it had no row); used to undo a burial or suspension. */
export function restoreCard(
	db: CstoDb,
	cardId: string,
	before: CardRow | undefined
): Promise<void> {
	return db.transaction('rw', db.cards, async () => {
		if (before) await db.cards.put(plainRow(before));
		else await db.cards.delete(cardId);
	});
}

/**
 * Buries a card until the next study day starts (Anki's "Bury"); a new card gets a row for it.
 * Returns the card as it was, for undo.
 */
export function buryCard(
	db: CstoDb,
	target: CardTarget,
	now: Date,
	dayStartHour: number
): Promise<CardRow | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const before = await db.cards.get(target.cardId);
		const card = before ?? newCardRow(target, now);
		await db.cards.put({ ...card, buriedUntil: nextStudyDayStart(now.getTime(), dayStartHour) });
		return before;
	});
}

/**
 * Suspends a card (it leaves review until unsuspended) or unsuspends it; a card never seen gets a
 * row for it. Unsuspending a leech also clears its leech mark: the learner chose to study it again
 * (it becomes a leech again after four more lapses). Returns the card as it was, for undo.
 */
export function setSuspended(
	db: CstoDb,
	cardId: string,
	suspended: boolean
): Promise<CardRow | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const before = await db.cards.get(cardId);
		// A card never seen is new whatever its due time; epoch 0 keeps it among the due rows.
		const card = before ?? newCardRow(cardTargetFromId(cardId), new Date(0));
		await db.cards.put(suspended ? { ...card, suspended: 1 } : { ...card, suspended: 0, leech: 0 });
		return before;
	});
}

/** What the queue is built from: the bank, the time, the workload settings and an optional topic. */
export interface QueueRequest {
	items: readonly CardSource[];
	now: Date;
	options: QueueOptions;
	topic?: string;
}

/**
 * Builds today's queue from the database: the cards due before the next study day (of review cards,
 * only the most overdue when they are enough), what was done today and, only when new cards could
 * be shown, the ids of all stored cards (any other bank item is a new card).
 */
export function loadQueue(db: CstoDb, request: QueueRequest): Promise<Queue> {
	return db.transaction(
		'r',
		db.cards,
		db.reviews,
		async () => (await readQueue(db, request)).queue
	);
}

/** The queue and today's log, read in the caller's transaction. */
async function readQueue(
	db: CstoDb,
	request: QueueRequest
): Promise<{ queue: Queue; done: TodayLog }> {
	const { now, options } = request;
	const dayEnd = nextStudyDayStart(now.getTime(), options.dayStartHour);
	const dueToday = (state: CardState) =>
		db.cards.where('[state+due]').between([state, -Infinity], [state, dayEnd], true, false);
	// One after another: on fake-indexeddb, parallel requests in one transaction were slower.
	const done = await loadDoneToday(db, now, options.dayStartHour);
	const rowCount = await db.cards.count();
	const others = [
		...(await dueToday(0).toArray()),
		...(await dueToday(1).toArray()),
		...(await dueToday(3).toArray())
	];
	// Reading rows is most of the time with a large collection, so first only the review cards the
	// daily limit admits, one more to tell that some wait, and a quarter more in case some of them
	// cannot be shown (suspended, buried, another topic).
	const wanted = countReviewSlots(options, done) + 1;
	const limit = wanted + Math.ceil(wanted / 4);
	const firstReviews = await dueToday(2).limit(limit).toArray();
	const inputWith = (cards: CardRow[]) => ({
		items: request.items,
		cards,
		done,
		now,
		options,
		topic: request.topic
	});
	let cards = [...others, ...firstReviews];
	const isCut = firstReviews.length === limit;
	let queue = buildQueueFromCount(inputWith(cards), rowCount - cards.length, isCut);
	if (!queue && isCut) {
		cards = [...others, ...(await dueToday(2).toArray())];
		queue = buildQueueFromCount(inputWith(cards), rowCount - cards.length);
	}
	// Every stored id (10,000 took about 10 ms on fake-indexeddb) only when new cards could be shown.
	queue ??= buildQueue({
		...inputWith(cards),
		storedCardIds: new Set(await db.cards.toCollection().primaryKeys())
	});
	return { queue, done };
}

/**
 * The earliest due time among available cards due after the current study day, for the given items
 * and topics; undefined when there is none.
 */
export async function findFirstFutureDue(
	db: CstoDb,
	request: Omit<QueueRequest, 'now'> & { now: Date }
): Promise<number | undefined> {
	const dayEnd = nextStudyDayStart(request.now.getTime(), request.options.dayStartHour);
	const topics = new Set(request.topic === undefined ? request.options.topics : [request.topic]);
	const itemIds = new Set(request.items.map((item) => item.id));
	const first = await db.cards
		.where('due')
		.aboveOrEqual(dayEnd)
		.filter(
			(card) =>
				card.suspended === 0 &&
				card.leech === 0 &&
				card.state !== 0 &&
				topics.has(card.topic) &&
				itemIds.has(card.itemId) &&
				(request.options.reverseCards || card.id === card.itemId)
		)
		.first();
	return first?.due;
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

/** Home's figures in one read: what is due, what was done today, the streak and the next due time. */
export function loadHomeCounts(db: CstoDb, request: QueueRequest): Promise<HomeCounts> {
	return db.transaction('r', db.cards, db.reviews, async () => {
		const hour = request.options.dayStartHour;
		const { queue, done: today } = await readQueue(db, request);
		const streakDays = await countStreak(db, request.now, hour, today);
		const firstFutureDue =
			queue.entries.length > 0 ? undefined : await findFirstFutureDue(db, request);
		const dueNow = queue.entries.filter((entry) => entry.kind !== 'new').length;
		return {
			dueNow,
			newLeft: queue.counts.new,
			learningLater: queue.later.length,
			reviewsToday: today.total,
			streakDays,
			nextDue: nextDueTime(queue, request.now, hour, firstFutureDue)
		};
	});
}
