import { SvelteSet } from 'svelte/reactivity';
import { setSuspended } from '../data/cards';
import { listBankCards } from '../data/queue';
import type { CardRow, CstoDb } from '../data/db';
import type { Item } from '../domain/bank/schema';
import { describeFailure, type Failure } from '../domain/errors';
import { describeCardStatus, type CardStatus } from '../domain/scheduling/card-status';
import { cardTargetsFor, type CardSource } from '../domain/scheduling/face';
import { Live } from './live.svelte';

/** One card of an item as Browse shows it. */
export interface BrowseCard {
	cardId: string;
	isReversed: boolean;
	/** Undefined until the cards are read. */
	status: CardStatus | undefined;
}

/**
 * The learner's flashcard status for every item in Browse, read in one query and kept live (a
 * rating, suspension or import in this tab or another shows at once), and the Suspend and Unsuspend
 * actions. Create it in a component: it follows the component's life.
 */
export class BrowseCards {
	#db: () => CstoDb;
	#now: () => number;
	#cards: Live<{ byId: ReadonlyMap<string, CardRow>; now: number }>;
	/** The cards whose suspension is being saved. */
	readonly pending = new SvelteSet<string>();
	/** The last Suspend or Unsuspend that failed, with a message the learner can act on. */
	failure = $state<({ cardId: string } & Failure) | undefined>(undefined);

	/** `items`: the bank's items, whose cards are the only ones Browse shows. */
	constructor(db: () => CstoDb, items: readonly CardSource[], now: () => number = Date.now) {
		this.#db = db;
		this.#now = now;
		this.#cards = new Live(
			async () => {
				const rows = await listBankCards(db(), items, now());
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once per read, never changed
				return { byId: new Map(rows.map((row) => [row.id, row])), now: now() };
			},
			{ watch: () => db().cards.count() }
		);
	}

	get isLoaded(): boolean {
		return this.#cards.current !== undefined;
	}

	get error(): Error | undefined {
		return this.#cards.error;
	}

	/** The time the statuses were read at, for saying when cards are due. */
	get now(): number {
		return this.#cards.current?.now ?? 0;
	}

	/**
	 * The cards of one item (its reversed card too when that setting is on), each with its status;
	 * the status is undefined until the cards are read.
	 */
	cardsOf(item: Pick<Item, 'id' | 'topic' | 'kind'>, reverseCards: boolean): BrowseCard[] {
		const current = this.#cards.current;
		return cardTargetsFor(item, reverseCards).map((target) => ({
			cardId: target.cardId,
			isReversed: target.cardId !== target.itemId,
			status: current && describeCardStatus(current.byId.get(target.cardId), current.now)
		}));
	}

	/** True when any card of the item is suspended. */
	hasSuspended(item: Pick<Item, 'id' | 'topic' | 'kind'>, reverseCards: boolean): boolean {
		return this.cardsOf(item, reverseCards).some((card) => card.status?.isSuspended);
	}

	/** Suspends or unsuspends one card (unsuspending also clears a leech mark); a failure is kept in `failure`. */
	async setSuspended(cardId: string, suspended: boolean): Promise<void> {
		if (this.pending.has(cardId)) return;
		this.pending.add(cardId);
		this.failure = undefined;
		try {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a point in time handed to the data layer
			await setSuspended(this.#db(), cardId, suspended, new Date(this.#now()));
		} catch (error) {
			const action = suspended ? 'suspended' : 'unsuspended';
			this.failure = { cardId, ...describeFailure(`The card could not be ${action}.`, error) };
		} finally {
			this.pending.delete(cardId);
		}
	}
}
