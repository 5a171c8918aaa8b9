// Fixed review logs for the stats tests: local times, so the tests hold in any time zone.
import type { StatsCard, StatsReview } from './types';

/** Today in the tests: 28 November 2026, 12:00 local time; the study day starts at 04:00. */
export const NOW = new Date(2026, 10, 28, 12, 0).getTime();
export const DAY_START = 4;

/** A local time `daysAgo` calendar days before 28 November 2026, at `hour`:`minute`. */
export function at(daysAgo: number, hour = 12, minute = 0): number {
	return new Date(2026, 10, 28 - daysAgo, hour, minute).getTime();
}

/** A review-state rating of a card last seen `elapsedDays` ago, with any field overridden. */
export function review(overrides: Partial<StatsReview> = {}): StatsReview {
	return {
		cardId: 'members/current-six',
		rating: 3,
		stateBefore: 2,
		elapsedDays: 3,
		reviewedAt: NOW,
		...overrides
	};
}

/** A card in the review state, with any field overridden. */
export function card(overrides: Partial<StatsCard> = {}): StatsCard {
	return {
		id: 'members/current-six',
		topic: 'members',
		due: NOW,
		stability: 10,
		state: 2,
		suspended: 0,
		buriedUntil: 0,
		...overrides
	};
}
