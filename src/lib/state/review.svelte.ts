import {
	buryCard,
	rateCard,
	restoreCard,
	setSuspended,
	undoRating,
	type RatingRecord
} from '../data/cards';
import {
	addRatingToSnapshot,
	loadQueueSnapshot,
	queueFromSnapshot,
	type QueueSnapshot
} from '../data/queue';
import { explainDbError } from '../data/app-db';
import type { CardRow, CstoDb } from '../data/db';
import type { Item } from '../domain/bank/schema';
import { describeFailure, type Failure } from '../domain/errors';
import { schedulerParameters, type Settings } from '../domain/settings';
import { isReversedCardId, type Rating } from '../domain/scheduling/card';
import { cardFace, type CardFace } from '../domain/scheduling/face';
import { previewIntervals, type SchedulerOptions } from '../domain/scheduling/fsrs';
import {
	findFirstFutureDue,
	nextDueTime,
	nextEntry,
	type Queue,
	type QueueEntry,
	type QueueOptions
} from '../domain/scheduling/queue';
import { ActionState } from './slow.svelte';

/** Time spent on one card is capped here, as Anki caps it, so a card left open overnight does not skew stats. */
export const MAX_ANSWER_MS = 60_000;

export interface ReviewSessionDeps {
	db: () => CstoDb;
	/** The bank's items in bank order. */
	items: readonly Item[];
	itemsById: ReadonlyMap<string, Item>;
	/** The learner's settings, read when needed (reactive when it reads runes state). */
	settings: () => Settings;
	now?: () => Date;
	/** Interval fuzz: on in the app, off in tests that assert due dates. */
	enableFuzz?: boolean;
}

/** One undoable step: a rating, or a burial or suspension, with what is needed to put it back. */
type UndoStep =
	| { kind: 'rating'; record: RatingRecord; entry: QueueEntry }
	| { kind: 'bury' | 'suspend'; before: CardRow | undefined; entry: QueueEntry };

/** A Date for an epoch time; the scheduler takes Dates and never changes them. */
function dateAt(time: number): Date {
	return new Date(time);
}

/**
 * A review session: today's queue, the card on screen, its answer, the four intervals, and the
 * actions (show answer, rate, undo, bury, suspend). Every action writes to IndexedDB before the
 * next card is shown; when a write fails the card stays with a message in `error`.
 */
export class ReviewSession {
	queue = $state<Queue | undefined>(undefined);
	/** One topic, or undefined for all the learner's topics. */
	topic = $state<string | undefined>(undefined);
	isAnswerShown = $state(false);
	#action = new ActionState();
	/** An action is running: every action waits for it (a second key press rates nothing). */
	get isBusy(): boolean {
		return this.#action.isBusy;
	}
	/**
	 * The action has run for longer than `SLOW_ACTION_MS`: only then do the buttons show as
	 * disabled (a slow phone still sees its key press taken). A rating is stored in well under that,
	 * and drawing the buttons disabled meanwhile cost the next card a frame: Chromium painted them at
	 * once, and the next card waited for the frame after. Measured in Chromium with every card of the
	 * bank and 20,000 reviews, key press to the next card painted: 19–20 ms median and 22 ms p95
	 * with the buttons disabled at once, 8 ms and 11 ms without.
	 */
	get isSlow(): boolean {
		return this.#action.isSlow;
	}
	/** What failed, in our words, with the raw error behind it; undefined when nothing did. */
	failure = $state.raw<Failure | undefined>(undefined);
	/** The failure's message the learner can act on; empty when nothing failed. */
	readonly error = $derived(this.failure?.message ?? '');
	/** A notice about the last action (a leech, a suspension); empty otherwise. */
	notice = $state('');
	/** Ratings given in this session (undo takes one back). */
	reviewed = $state(0);
	/** When the next card is due, once nothing is left now. */
	nextDue = $state<number | undefined>(undefined);
	/** When the queue was last read: the time the intervals are previewed at. */
	checkedAt = $state(0);
	#pinned = $state<QueueEntry | undefined>(undefined);
	// Raw, and each step a snapshot taken when it is pushed: a deeply reactive array would hand the
	// data layer proxies, which IndexedDB cannot clone (DataCloneError on undo, issue 18).
	#undo = $state.raw<UndoStep[]>([]);
	#shownAt = 0;
	/** Every stored card and today's log, as last read and updated by this session's ratings. */
	#snapshot: QueueSnapshot | undefined;
	#deps: ReviewSessionDeps;

	constructor(deps: ReviewSessionDeps) {
		this.#deps = deps;
	}

	readonly isLoaded = $derived(this.queue !== undefined);

	/** The card on screen: a card brought back by undo, else the next in the queue. */
	readonly current = $derived.by((): QueueEntry | undefined => {
		if (this.#pinned) return this.#pinned;
		return this.queue ? nextEntry(this.queue, dateAt(this.checkedAt)) : undefined;
	});

	/** The item the current card asks about (undefined if it left the bank). */
	readonly item = $derived.by(() =>
		this.current ? this.#deps.itemsById.get(this.current.target.itemId) : undefined
	);

	readonly face = $derived.by((): CardFace | undefined => {
		if (!this.current || !this.item) return undefined;
		return cardFace(this.item, isReversedCardId(this.current.target.cardId));
	});

	/** The interval each rating would give the current card ("10m", "4d" …). */
	readonly intervals = $derived.by((): Record<Rating, string> | undefined => {
		if (!this.current) return undefined;
		return previewIntervals(
			this.current.card,
			this.current.target,
			dateAt(this.checkedAt),
			this.#schedulerOptions()
		);
	});

	/** Cards left by kind, the card on screen included. */
	readonly counts = $derived(this.queue?.counts ?? { new: 0, learning: 0, review: 0 });

	readonly remaining = $derived(this.counts.new + this.counts.learning + this.counts.review);

	/** The share of this session done, 0 to 1. */
	readonly progress = $derived(
		this.reviewed + this.remaining === 0 ? 1 : this.reviewed / (this.reviewed + this.remaining)
	);

	readonly canUndo = $derived(this.#undo.length > 0);

	#now(): Date {
		return this.#deps.now?.() ?? dateAt(Date.now());
	}

	#schedulerOptions(): SchedulerOptions {
		const settings = this.#deps.settings();
		const parameters = schedulerParameters(settings);
		return {
			desiredRetention: settings.desiredRetention,
			enableFuzz: this.#deps.enableFuzz ?? true,
			...(parameters ? { parameters } : {})
		};
	}

	#queueOptions(): QueueOptions {
		const s = this.#deps.settings();
		return {
			newPerDay: s.newPerDay,
			reviewLimit: s.reviewLimit,
			dayStartHour: s.dayStartHour,
			reverseCards: s.reverseCards,
			topics: s.topics
		};
	}

	/** Reads today's queue again (after an action, a topic change, or when a learning card falls due). */
	async load(): Promise<void> {
		const now = this.#now();
		this.#snapshot = await loadQueueSnapshot(
			this.#deps.db(),
			this.#deps.items,
			now,
			this.#deps.settings().dayStartHour
		);
		this.#build(now);
	}

	/** Builds the queue at `now` from the snapshot: a pure computation, no reading. */
	#build(now: Date): void {
		const snapshot = this.#snapshot!;
		const options = this.#queueOptions();
		const request = { items: this.#deps.items, now, options, topic: this.topic };
		const queue = queueFromSnapshot(snapshot, request);
		const empty = !this.#pinned && !nextEntry(queue, now);
		const future = empty ? findFirstFutureDue({ ...request, cards: snapshot.cards }) : undefined;
		this.queue = queue;
		this.checkedAt = now.getTime();
		this.nextDue = empty ? nextDueTime(queue, now, options.dayStartHour, future) : undefined;
		this.#shownAt = now.getTime();
	}

	/**
	 * Starts (or restarts) the session on one topic or on all. A new session has nothing to undo:
	 * undo goes back only through the ratings of the session on screen.
	 */
	async start(topic?: string): Promise<void> {
		this.topic = topic;
		this.#pinned = undefined;
		this.#undo = [];
		this.isAnswerShown = false;
		this.reviewed = 0;
		this.notice = '';
		await this.#run(() => this.load(), 'Your cards could not be read.');
	}

	showAnswer(): void {
		if (this.current && !this.isBusy) this.isAnswerShown = true;
	}

	/** Rates the current card and, once the rating is stored, shows the next one. */
	async rate(rating: Rating): Promise<void> {
		const entry = this.current;
		if (!entry || !this.isAnswerShown || this.isBusy) return;
		const now = this.#now();
		let saved: RatingRecord | undefined;
		await this.#run(async () => {
			const record = await rateCard(
				this.#deps.db(),
				{
					target: entry.target,
					rating,
					now,
					durationMs: Math.min(MAX_ANSWER_MS, now.getTime() - this.#shownAt),
					source: 'review'
				},
				this.#schedulerOptions()
			);
			this.#pushUndo({ kind: 'rating', record, entry });
			this.reviewed++;
			this.notice = record.isNewLeech
				? 'This card has now been forgotten 8 times, so it is marked as a leech and suspended. Rewrite it in your own words or unsuspend it from Browse when you want to study it again.'
				: '';
			saved = record;
		}, 'Your rating could not be saved, so the card is still here');
		if (!saved) return;
		// The rating is stored: the next card comes from the snapshot with the rated card's new row,
		// the same queue a new read would give, without waiting for one (a new study day reads again).
		const snapshot = this.#snapshot;
		const next = this.#now();
		if (snapshot && next.getTime() < snapshot.dayEnd) {
			this.#pinned = undefined;
			this.isAnswerShown = false;
			this.#snapshot = addRatingToSnapshot(snapshot, saved.before, saved.after);
			this.#build(next);
		} else {
			await this.#advance(entry, 'Your rating was saved');
		}
	}

	/** Hides the current card until the next study day starts. */
	async bury(): Promise<void> {
		const entry = this.current;
		if (!entry || this.isBusy) return;
		await this.#run(async () => {
			const before = await buryCard(
				this.#deps.db(),
				entry.target,
				this.#now(),
				this.#deps.settings().dayStartHour
			);
			this.#pushUndo({ kind: 'bury', before, entry });
			this.notice = 'Card buried until tomorrow.';
		}, 'The card could not be buried');
		if (!this.error) await this.#advance(entry, 'The card was buried');
	}

	/** Removes the current card from review until it is unsuspended (from Browse). */
	async suspend(): Promise<void> {
		const entry = this.current;
		if (!entry || this.isBusy) return;
		await this.#run(async () => {
			const before = await setSuspended(this.#deps.db(), entry.target.cardId, true, this.#now());
			this.#pushUndo({ kind: 'suspend', before, entry });
			this.notice = 'Card suspended. Unsuspend it from Browse to study it again.';
		}, 'The card could not be suspended');
		if (!this.error) await this.#advance(entry, 'The card was suspended');
	}

	/** Takes back the last rating, burial or suspension and shows that card again. */
	async undo(): Promise<void> {
		const step = this.#undo.at(-1);
		if (!step || this.isBusy) return;
		await this.#run(async () => {
			const db = this.#deps.db();
			if (step.kind === 'rating') await undoRating(db, step.record);
			else await restoreCard(db, step.entry.target.cardId, step.before);
			this.#undo = this.#undo.slice(0, -1);
			if (step.kind === 'rating') this.reviewed = Math.max(0, this.reviewed - 1);
			const before = step.kind === 'rating' ? step.record.before : step.before;
			this.#pinned = { ...step.entry, card: before };
			this.isAnswerShown = false;
			this.notice = '';
		}, 'That could not be undone');
		if (!this.error) await this.#refresh('It was undone');
	}

	#pushUndo(step: UndoStep): void {
		this.#undo = [...this.#undo, $state.snapshot(step) as UndoStep];
	}

	/** Drops the card just handled from the screen, then reads the queue again. */
	async #advance(done: QueueEntry, saved: string): Promise<void> {
		this.#pinned = undefined;
		this.isAnswerShown = false;
		// Drop the card at once, so that a failed re-read never shows the card just handled.
		if (this.queue) {
			const id = done.target.cardId;
			this.queue = {
				...this.queue,
				entries: this.queue.entries.filter((e) => e.target.cardId !== id),
				later: this.queue.later.filter((e) => e.target.cardId !== id)
			};
		}
		await this.#refresh(saved);
	}

	/**
	 * Reads the queue again after an action that was saved; a failure here says that the action
	 * was saved and only the next cards could not be read, never that it was lost.
	 */
	async #refresh(saved: string): Promise<void> {
		// Shown as busy at once: the next card is already on screen (Bury, Suspend) or back (Undo), and
		// an action on it waits for this read. Its buttons looking enabled meanwhile, a click on Undo
		// right after Bury did nothing.
		await this.#run(() => this.load(), `${saved}, but the next cards could not be read`, true);
	}

	/**
	 * Runs an action; a failure shows `failure` (what did not happen), then what the error means and
	 * what to do (describeFailure), with the raw error behind Details. The action shows as busy
	 * (`isSlow`) once it has run for SLOW_ACTION_MS, or at once when `isShownAtOnce`.
	 */
	async #run(action: () => Promise<void>, failure: string, isShownAtOnce = false): Promise<void> {
		await this.#action.run(async () => {
			this.failure = undefined;
			try {
				await action();
			} catch (error) {
				this.failure = describeFailure(failure, explainDbError(error));
			}
		}, isShownAtOnce);
	}
}
