import { AppError, DamagedDataError } from '../domain/errors';
import { checkCardRow, checkReviewRow, describeProblem } from '../domain/integrity/rows';
import { nextStudyDayStart } from '../domain/day';
import { cardTargetFromId, type CardTarget, type Rating } from '../domain/scheduling/card';
import { newCardRow, scheduleReview, type SchedulerOptions } from '../domain/scheduling/fsrs';
import type { CardRow, CstoDb, ReviewRow } from './db';
import { reportDamage } from './damage';
import { addReview, deleteAddedReview, logTables } from './log';

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
	return db.transaction('rw', [db.cards, ...logTables(db)], async () => {
		const before = await readCardToChange(db, input.target.cardId, input.now);
		// Another tab may have rated this card a moment after this tab's click (its rating was stored
		// first): this rating then comes at that time, so the log stays in time order and FSRS never
		// sees a review before the last one.
		const at = new Date(Math.max(input.now.getTime(), before?.lastReview ?? -Infinity));
		const { card, review, isNewLeech } = scheduleReview(
			before,
			input.target,
			input.rating,
			at,
			options
		);
		const row: ReviewRow = {
			...review,
			durationMs: Math.max(0, Math.round(input.durationMs)),
			source: input.source
		};
		assertStorable('card', checkCardRow(card, at.getTime()));
		assertStorable('rating', checkReviewRow(row));
		// Both writes are sent at once (IndexedDB runs them in order): waiting for the first before
		// sending the second cost a round trip to the browser's database on every rating.
		const [, reviewId] = await Promise.all([db.cards.put(card), addReview(db, row)]);
		return { before, after: card, reviewId, isNewLeech };
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
	return db.transaction('rw', [db.cards, ...logTables(db)], async () => {
		const current = await db.cards.get(record.after.id);
		if (!isSameRow(current, record.after)) {
			throw new AppError('This card was changed elsewhere (another tab?), so it cannot be undone.');
		}
		if (record.before) await db.cards.put(plainRow(record.before));
		else await db.cards.delete(record.after.id);
		await deleteAddedReview(db, record.reviewId);
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
