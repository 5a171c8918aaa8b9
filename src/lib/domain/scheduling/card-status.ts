// What Browse says about one card: whether it is new, being learnt or in review, when it is next
// due, and its workload marks (suspended, leech, buried). Takes `now`; reads no clock.
import type { CardRow } from './card';

/** The three stages a learner sees, as Anki names them (relearning counts as learning). */
export type CardStage = 'New' | 'Learning' | 'Review';

/** One card's status. */
export interface CardStatus {
	stage: CardStage;
	/** When the card is next due (epoch ms); undefined for a new card, which has no due time. */
	due: number | undefined;
	isSuspended: boolean;
	isLeech: boolean;
	/** When a burial ends (epoch ms); undefined when the card is not buried at `now`. */
	buriedUntil: number | undefined;
}

const STAGES: Record<CardRow['state'], CardStage> = {
	0: 'New',
	1: 'Learning',
	2: 'Review',
	3: 'Learning'
};

/**
 * The status of a card from its stored row; a card with no row has never been seen and is new.
 * @example describeCardStatus(undefined, now) // { stage: 'New', due: undefined, isSuspended: false, isLeech: false, buriedUntil: undefined }
 */
export function describeCardStatus(card: CardRow | undefined, now: number): CardStatus {
	if (!card) {
		return {
			stage: 'New',
			due: undefined,
			isSuspended: false,
			isLeech: false,
			buriedUntil: undefined
		};
	}
	return {
		stage: STAGES[card.state],
		// A new card's row (made by Bury or Suspend) carries a placeholder due time, not a schedule.
		due: card.state === 0 ? undefined : card.due,
		isSuspended: card.suspended === 1,
		isLeech: card.leech === 1,
		buriedUntil: card.buriedUntil > now ? card.buriedUntil : undefined
	};
}
