import { nextStudyDayStart, startOfStudyDay } from '../day';
import { REVERSE_SUFFIX, type CardRow, type CardState, type CardTarget } from './card';
import { cardTargetsFor, type CardSource } from './face';

/** How far ahead a learning card may be shown when nothing else is left (Anki's "learn ahead limit"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** The workload settings the queue obeys. */
export interface QueueOptions {
	newPerDay: number;
	reviewLimit: number;
	dayStartHour: number;
	reverseCards: boolean;
	/** The topics the learner studies (Settings); a card of any other topic never appears. */
	topics: readonly string[];
}

/** What was already done in the current study day, from the review log. */
export interface DoneToday {
	/** New cards seen for the first time today. */
	newCards: number;
	/** Review cards (state review before the rating) rated today. */
	reviews: number;
	/** Every card rated today (a new reversed card waits while its forward card was seen today). */
	cardIds: ReadonlySet<string>;
}

export interface QueueInput {
	/** The bank's items in bank order: cards whose item is not here never appear. */
	items: readonly CardSource[];
	/** Every stored card: a bank card with no row here is new. */
	cards: readonly CardRow[];
	done: DoneToday;
	now: Date;
	options: QueueOptions;
	/** One topic to review, or undefined for all the learner's topics. */
	topic?: string;
}

export type QueueKind = 'learning' | 'review' | 'new';

/** One card in the queue: which card, its stored row (none for a new card never touched) and its kind. */
export interface QueueEntry {
	target: CardTarget;
	card: CardRow | undefined;
	kind: QueueKind;
}

export interface Queue {
	/** Due now, in order: learning and relearning (earliest first), review (most overdue first), new. */
	entries: QueueEntry[];
	/** Learning cards due later in this study day, earliest first. */
	later: QueueEntry[];
	/** Cards left today by kind (learning includes `later`). */
	counts: Record<QueueKind, number>;
	/** True when cards wait for the next study day: buried, over a daily limit, or a new sibling. */
	hasWaiting: boolean;
}

function isAvailable(card: CardRow, now: number): boolean {
	return card.suspended === 0 && card.leech === 0 && card.buriedUntil <= now;
}

function byDueThenId(a: QueueEntry, b: QueueEntry): number {
	return a.card!.due - b.card!.due || (a.target.cardId < b.target.cardId ? -1 : 1);
}

/** A new card in the making, with what orders it: its item's place in its topic, the topic, the side. */
interface NewCandidate {
	entry: QueueEntry;
	rank: number;
	topicOrder: number;
	side: number;
}

/** How many review cards today's review limit still admits (new cards seen today count too). */
export function countReviewSlots(options: QueueOptions, done: DoneToday): number {
	return Math.max(0, options.reviewLimit - done.reviews - done.newCards);
}

/**
 * Today's review queue, as Anki builds it: due learning and relearning cards first, then due review
 * cards (most overdue first), then new cards up to the daily new-card limit, the review and new cards
 * together within the daily review limit. New cards follow bank order within a topic and alternate
 * between topics. Suspended, buried and leech cards are left out.
 */
export function buildQueue(input: QueueInput): Queue {
	const { options, done } = input;
	const now = input.now.getTime();
	const dayEnd = nextStudyDayStart(now, options.dayStartHour);
	const topics = new Set(input.topic === undefined ? options.topics : [input.topic]);
	const cardsById = new Map(input.cards.map((card) => [card.id, card]));

	const learning: QueueEntry[] = [];
	const later: QueueEntry[] = [];
	const review: QueueEntry[] = [];
	// New cards are ranked by their item's place within its topic, so that topics alternate
	// (first of each topic, then second of each …) and the order stays the same as cards are seen.
	const fresh: NewCandidate[] = [];
	const topicOrder = new Map<string, number>();
	const positionInTopic = new Map<string, number>();
	let buried = 0;

	for (const item of input.items) {
		if (!topics.has(item.topic)) continue;
		if (!topicOrder.has(item.topic)) topicOrder.set(item.topic, topicOrder.size);
		const rank = positionInTopic.get(item.topic) ?? 0;
		positionInTopic.set(item.topic, rank + 1);
		const order = topicOrder.get(item.topic)!;
		const targets = cardTargetsFor(item, options.reverseCards);
		for (let side = 0; side < targets.length; side++) {
			const target = targets[side]!;
			const card = cardsById.get(target.cardId);
			if (!card) {
				fresh.push({
					entry: { target, card: undefined, kind: 'new' },
					rank,
					topicOrder: order,
					side
				});
				continue;
			}
			if (!isAvailable(card, now)) {
				if (card.suspended === 0 && card.leech === 0) buried++;
				continue;
			}
			if (card.state === 0) {
				fresh.push({ entry: { target, card, kind: 'new' }, rank, topicOrder: order, side });
			} else if (card.state === 2) {
				if (card.due < dayEnd) review.push({ target, card, kind: 'review' });
			} else if (card.due <= now) {
				learning.push({ target, card, kind: 'learning' });
			} else if (card.due < dayEnd) {
				later.push({ target, card, kind: 'learning' });
			}
		}
	}

	learning.sort(byDueThenId);
	later.sort(byDueThenId);
	review.sort(byDueThenId);

	let capacity = countReviewSlots(options, done);
	const reviews = review.slice(0, capacity);
	capacity -= reviews.length;

	const newLimit = Math.min(capacity, Math.max(0, options.newPerDay - done.newCards));
	fresh.sort((a, b) => a.rank - b.rank || a.topicOrder - b.topicOrder || a.side - b.side);
	const news: QueueEntry[] = [];
	const chosen = new Set<string>();
	for (const { entry } of fresh) {
		if (news.length >= newLimit) break;
		const { cardId, itemId } = entry.target;
		// A new reversed card waits for another day when its forward card is seen today.
		if (cardId.endsWith(REVERSE_SUFFIX) && (done.cardIds.has(itemId) || chosen.has(itemId))) {
			continue;
		}
		news.push(entry);
		chosen.add(cardId);
	}
	const hasWaiting =
		buried > 0 ||
		review.length > reviews.length ||
		(options.newPerDay > 0 && fresh.length > news.length);

	return {
		entries: [...learning, ...reviews, ...news],
		later,
		counts: { learning: learning.length + later.length, review: reviews.length, new: news.length },
		hasWaiting
	};
}

/**
 * What was done today once one more card is rated: `stateBefore` is the card's state before the
 * rating (0 for a card never seen), as the log row records it.
 */
export function addRatingToDone<T extends DoneToday>(
	done: T,
	cardId: string,
	stateBefore: CardState
): T {
	return {
		...done,
		newCards: done.newCards + (stateBefore === 0 ? 1 : 0),
		reviews: done.reviews + (stateBefore === 2 ? 1 : 0),
		cardIds: new Set(done.cardIds).add(cardId)
	};
}

/**
 * The earliest due time among available cards due after the current study day, for the given items
 * and topics; undefined when there is none.
 */
export function findFirstFutureDue(input: Omit<QueueInput, 'done'>): number | undefined {
	const dayEnd = nextStudyDayStart(input.now.getTime(), input.options.dayStartHour);
	const topics = new Set(input.topic === undefined ? input.options.topics : [input.topic]);
	const itemIds = new Set(input.items.map((item) => item.id));
	let first: number | undefined;
	for (const card of input.cards) {
		if (
			card.due >= dayEnd &&
			(first === undefined || card.due < first) &&
			card.suspended === 0 &&
			card.leech === 0 &&
			card.state !== 0 &&
			topics.has(card.topic) &&
			itemIds.has(card.itemId) &&
			(input.options.reverseCards || card.id === card.itemId)
		) {
			first = card.due;
		}
	}
	return first;
}

/**
 * The entry to show at `now`: the first due entry, else a learning card due within the learn-ahead
 * limit (as Anki does when nothing else is left), else none.
 */
export function nextEntry(queue: Queue, now: Date): QueueEntry | undefined {
	const first = queue.entries[0];
	if (first) return first;
	const soonest = queue.later[0];
	if (soonest && soonest.card!.due <= now.getTime() + LEARN_AHEAD_MS) return soonest;
	return undefined;
}

/**
 * When the next card becomes available after `queue` is done: the first learning card due later
 * today, a review card on the study day it falls due, or the next study day when new cards or
 * buried cards wait for it. `firstFutureDue` is the earliest due time of an available review card
 * after today (undefined when there is none).
 */
export function nextDueTime(
	queue: Queue,
	now: Date,
	dayStartHour: number,
	firstFutureDue: number | undefined
): number | undefined {
	const times: number[] = [];
	if (queue.entries.length > 0) times.push(now.getTime());
	if (queue.later[0]) times.push(queue.later[0].card!.due);
	if (firstFutureDue !== undefined) times.push(startOfStudyDay(firstFutureDue, dayStartHour));
	if (queue.hasWaiting) times.push(nextStudyDayStart(now.getTime(), dayStartHour));
	return times.length > 0 ? Math.min(...times) : undefined;
}
