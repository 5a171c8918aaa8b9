import { AppError } from '../domain/errors';
import { nextStudyDayStart } from '../domain/day';
import { cardTargetFromId, type CardTarget, type Rating } from '../domain/scheduling/card';
import { newCardRow, scheduleReview, type SchedulerOptions } from '../domain/scheduling/fsrs';
import type { CardRow, CstoDb, ReviewRow } from './db';

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
		if (record.before) await db.cards.put(record.before);
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
		if (before) await db.cards.put(before);
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
