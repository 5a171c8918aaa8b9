import { describe, expect, it } from 'vitest';
import type { CardRow, CardTarget, Rating } from './card';
import {
	LEECH_LAPSES,
	newCardRow,
	replayCard,
	scheduleReview,
	type LoggedRating,
	type SchedulerOptions
} from './fsrs';
import { mergeCardRows } from './replay';

const TARGET: CardTarget = { cardId: 'members/a', itemId: 'members/a', topic: 'members' };
const START = Date.UTC(2026, 10, 2, 9, 30);
const HOUR = 3_600_000;
// The app's scheduler: default FSRS parameters and retention, fuzz on.
const APP_DEFAULTS: SchedulerOptions = { desiredRetention: 0.9, enableFuzz: true };

/**
 * Rates a card as the app does, one rating after another, each `lateness` hours after the card fell
 * due, and returns the stored card and its log.
 */
function study(
	ratings: readonly Rating[],
	options: SchedulerOptions,
	target: CardTarget = TARGET,
	start = START,
	lateness = 5
): { card: CardRow | undefined; log: LoggedRating[] } {
	let card: CardRow | undefined;
	let now = start;
	const log: LoggedRating[] = [];
	for (const rating of ratings) {
		const result = scheduleReview(card, target, rating, new Date(now), options);
		card = result.card;
		log.push({ rating, reviewedAt: result.review.reviewedAt });
		now = card.due + lateness * HOUR;
	}
	return { card, log };
}

const HISTORIES: { name: string; ratings: Rating[] }[] = [
	{ name: 'one Good', ratings: [3] },
	{ name: 'Good through the steps into review', ratings: [3, 3, 3, 3, 3] },
	{ name: 'an Easy start', ratings: [4, 3, 3] },
	{ name: 'a lapse and relearning', ratings: [3, 3, 3, 1, 2, 3, 4] },
	{ name: 'mixed ratings', ratings: [2, 1, 3, 4, 2, 3, 1, 1, 3, 4] }
];

describe('replayCard on logs the app wrote', () => {
	it.each(HISTORIES)(
		'reproduces the stored card exactly from its log with the default parameters ($name)',
		({ ratings }) => {
			const { card, log } = study(ratings, APP_DEFAULTS);
			expect(replayCard(TARGET, log, APP_DEFAULTS)?.card).toEqual(card);
		}
	);

	it.each([
		{ desiredRetention: 0.8, enableFuzz: true },
		{ desiredRetention: 0.95, enableFuzz: false }
	])('reproduces it under other options too (%o)', (options) => {
		const { card, log } = study([3, 3, 1, 3, 4, 2], options);
		expect(replayCard(TARGET, log, options)?.card).toEqual(card);
	});

	it('reproduces a card that was buried before its first rating', () => {
		const buried = { ...newCardRow(TARGET, new Date(START - 40 * HOUR)), buriedUntil: START };
		const first = scheduleReview(buried, TARGET, 3, new Date(START), APP_DEFAULTS).card;
		const second = scheduleReview(first, TARGET, 3, new Date(first.due + HOUR), APP_DEFAULTS);
		const log = [
			{ rating: 3 as const, reviewedAt: START },
			{ rating: 3 as const, reviewedAt: first.due + HOUR }
		];
		expect(replayCard(TARGET, log, APP_DEFAULTS)?.card).toEqual(second.card);
	});

	it('reproduces a leech: suspended after its eighth lapse', () => {
		const ratings: Rating[] = [3, 3, 3];
		for (let i = 0; i < LEECH_LAPSES; i++) ratings.push(1, 3, 3);
		const { card, log } = study(ratings, APP_DEFAULTS);
		expect(card).toMatchObject({ lapses: LEECH_LAPSES, leech: 1, suspended: 1 });
		expect(replayCard(TARGET, log, APP_DEFAULTS)?.card).toEqual(card);
	});

	it('replays in time order whatever order the rows come in', () => {
		const { card, log } = study(HISTORIES[4]!.ratings, APP_DEFAULTS);
		const shuffled = [log[3]!, log[0]!, ...log.slice(5).reverse(), log[1]!, log[4]!, log[2]!];
		expect(shuffled).toHaveLength(log.length);
		expect(replayCard(TARGET, shuffled, APP_DEFAULTS)?.card).toEqual(card);
	});

	it('gives no card for an empty log', () => {
		expect(replayCard(TARGET, [], APP_DEFAULTS)?.card).toBeUndefined();
	});
});

describe('mergeCardRows', () => {
	const OLD: CardTarget = { cardId: 'history/a', itemId: 'history/a', topic: 'history' };
	// Two cards of one question studied in turn: the old id first, then the new one.
	const old = study([3, 3, 3], APP_DEFAULTS, OLD);
	const later = START + 30 * 24 * HOUR;
	const current = study([3, 1, 3], APP_DEFAULTS, TARGET, later);

	it('gives the target one card whose memory is the replay of the joined log', () => {
		const log = [...current.log, ...old.log];
		const merged = mergeCardRows(TARGET, [old.card!, current.card!], log, APP_DEFAULTS);
		expect(merged).toEqual(replayCard(TARGET, log, APP_DEFAULTS)?.card);
		expect(merged).toMatchObject({
			id: 'members/a',
			itemId: 'members/a',
			topic: 'members',
			reps: 6
		});
		expect(merged.lastReview).toBe(current.log.at(-1)!.reviewedAt);
		expect(merged.stability).not.toBe(current.card!.stability);
	});

	it('keeps the most recently reviewed card as it was when the log misses rows', () => {
		const merged = mergeCardRows(TARGET, [old.card!, current.card!], current.log, APP_DEFAULTS);
		expect(merged).toEqual(current.card);
		const onlyOld = mergeCardRows(
			TARGET,
			[old.card!, newCardRow(TARGET, new Date(0))],
			[],
			APP_DEFAULTS
		);
		expect(onlyOld).toEqual({
			...old.card,
			id: 'members/a',
			itemId: 'members/a',
			topic: 'members'
		});
	});

	it('keeps a suspension, a leech mark and the longest burial of any of the cards', () => {
		const log = [...old.log, ...current.log];
		const merged = mergeCardRows(
			TARGET,
			[
				{ ...old.card!, suspended: 1, leech: 1, buriedUntil: later },
				{ ...current.card!, buriedUntil: later + HOUR }
			],
			log,
			APP_DEFAULTS
		);
		expect(merged).toMatchObject({ suspended: 1, leech: 1, buriedUntil: later + HOUR });
	});

	it('refuses to merge no cards at all', () => {
		expect(() => mergeCardRows(TARGET, [], [], APP_DEFAULTS)).toThrow(RangeError);
	});
});
