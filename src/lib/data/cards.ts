import { AppError, DamagedDataError } from '../domain/errors';
import { checkCardRow, checkReviewRow, describeProblem } from '../domain/integrity/rows';
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
import { loadDoneToday, loadStreak, type TodayLog } from './reviews';
import { keepValid, reportDamage } from './damage';

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

/**
 * Every stored card in one read: Browse shows the status of all items without a query per item.
 * A damaged card (failing the validator at `now`) is left out and reported.
 */
export async function listCards(db: CstoDb, now: number): Promise<CardRow[]> {
	return validCards(db, await db.cards.toArray(), now);
}

/** The cards that pass the validator at `now`; each one that fails is reported and left out. */
function validCards(db: CstoDb, rows: readonly CardRow[], now: number): CardRow[] {
	return keepValid(
		db,
		'cards',
		rows,
		(row) => checkCardRow(row, now),
		(row) => row.id
	);
}

/**
 * The stored row of the card an action changes, refused (DamagedDataError, reported) when it fails
 * the validator: a rating on a damaged memory state would write NaN or be refused by FSRS.
 */
async function readCardToChange(
	db: CstoDb,
	cardId: string,
	now: Date
): Promise<CardRow | undefined> {
	const row = await db.cards.get(cardId);
	const problem = row && checkCardRow(row, now.getTime());
	if (problem) {
		const described = describeProblem(problem);
		reportDamage(db, { table: 'cards', key: cardId, problem: described });
		throw new DamagedDataError('card', cardId, described);
	}
	return row;
}

/** Refuses to write a row the validator refuses (a bug: never store it). */
function assertStorable(what: string, problem: { field: string; message: string } | undefined) {
	if (problem) {
		throw new AppError(`The ${what} was not saved: ${describeProblem(problem)}.`);
	}
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
		const before = await readCardToChange(db, input.target.cardId, input.now);
		const { card, review, isNewLeech } = scheduleReview(
			before,
			input.target,
			input.rating,
			input.now,
			options
		);
		const row: ReviewRow = {
			...review,
			durationMs: Math.max(0, Math.round(input.durationMs)),
			source: input.source
		};
		assertStorable('card', checkCardRow(card, input.now.getTime()));
		assertStorable('rating', checkReviewRow(row));
		await db.cards.put(card);
		const reviewId = await db.reviews.add(row);
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
		const before = await readCardToChange(db, target.cardId, now);
		const card = before ?? newCardRow(target, now);
		const buried = { ...card, buriedUntil: nextStudyDayStart(now.getTime(), dayStartHour) };
		assertStorable('card', checkCardRow(buried, now.getTime()));
		await db.cards.put(buried);
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
	suspended: boolean,
	now: Date
): Promise<CardRow | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const before = await readCardToChange(db, cardId, now);
		// A card never seen is new whatever its due time; epoch 0 keeps it among the due rows.
		const card = before ?? newCardRow(cardTargetFromId(cardId), new Date(0));
		const changed: CardRow = suspended
			? { ...card, suspended: 1 }
			: { ...card, suspended: 0, leech: 0 };
		assertStorable('card', checkCardRow(changed, now.getTime()));
		await db.cards.put(changed);
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
	const at = now.getTime();
	// A damaged card is left out (and reported): its intervals cannot be shown nor its rating saved.
	const others = validCards(
		db,
		[
			...(await dueToday(0).toArray()),
			...(await dueToday(1).toArray()),
			...(await dueToday(3).toArray())
		],
		at
	);
	// Reading rows is most of the time with a large collection, so first only the review cards the
	// daily limit admits, one more to tell that some wait, and a quarter more in case some of them
	// cannot be shown (suspended, buried, another topic).
	const wanted = countReviewSlots(options, done) + 1;
	const limit = wanted + Math.ceil(wanted / 4);
	const firstRows = await dueToday(2).limit(limit).toArray();
	const firstReviews = validCards(db, firstRows, at);
	const inputWith = (cards: CardRow[]) => ({
		items: request.items,
		cards,
		done,
		now,
		options,
		topic: request.topic
	});
	let cards = [...others, ...firstReviews];
	const isCut = firstRows.length === limit;
	let queue = buildQueueFromCount(inputWith(cards), rowCount - cards.length, isCut);
	if (!queue && isCut) {
		cards = [...others, ...validCards(db, await dueToday(2).toArray(), at)];
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
		const streak = await loadStreak(db, request.now, hour);
		const firstFutureDue =
			queue.entries.length > 0 ? undefined : await findFirstFutureDue(db, request);
		const dueNow = queue.entries.filter((entry) => entry.kind !== 'new').length;
		return {
			dueNow,
			newLeft: queue.counts.new,
			learningLater: queue.later.length,
			reviewsToday: today.total,
			streakDays: streak.days,
			nextDue: nextDueTime(queue, request.now, hour, firstFutureDue)
		};
	});
}
