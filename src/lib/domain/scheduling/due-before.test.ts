import { describe, expect, it } from 'vitest';
import type { Rating } from './card';
import { recomputeDueBefore, recomputeStoredDueBefore, type LoggedReview } from './due-before';
import { rateInTurn } from './fixtures';

const START = new Date(2026, 10, 28, 10, 0).getTime();
const DAY = 86_400_000;
const OPTIONS = { desiredRetention: 0.9, enableFuzz: true };

// Early, late and same-day ratings; the fourth comes days after the card was due.
const RATINGS: [Rating, number][] = [
	[3, START],
	[1, START + 10 * 60_000],
	[3, START + 30 * 60_000],
	[3, START + 5 * DAY],
	[2, START + 20 * DAY],
	[4, START + 21 * DAY]
];

/** A card rated in turn, with its log rows numbered from `firstId` as schema version 3 stored them (the previous review time as the due-before). */
function storedLog(
	cardId: string,
	ratings: [Rating, number][],
	firstId: number,
	options = OPTIONS
) {
	const { card, reviews } = rateInTurn(cardId, ratings, options);
	const rows: LoggedReview[] = reviews.map((review, i) => ({
		...review,
		id: firstId + i,
		dueBefore: reviews[i - 1]?.reviewedAt ?? review.reviewedAt
	}));
	return { card, rows, dueBefore: reviews.map((review) => review.dueBefore) };
}

describe('recomputeDueBefore', () => {
	it('gives every row the due time its card had before it, when the replay reproduces the card', () => {
		const { card, rows, dueBefore } = storedLog('members/a', RATINGS, 1);
		const result = recomputeDueBefore([card], [...rows].reverse(), OPTIONS);
		expect(rows.map((row) => result.get(row.id))).toEqual(dueBefore);
		expect(result.size).toBe(rows.length);
		// The due time, not the last review: the fourth rating came days after the card was due.
		expect(result.get(4)).not.toBe(rows[2]!.reviewedAt);
		expect(result.get(1)).toBe(START);
	});

	it('marks every row of a card unknown when its log is missing a rating', () => {
		const { card, rows } = storedLog('members/a', RATINGS, 1);
		const result = recomputeDueBefore(
			[card],
			rows.filter((r) => r.id !== 3),
			OPTIONS
		);
		expect([...result.values()]).toEqual([null, null, null, null, null]);
	});

	it('marks a card unknown when it was rated under other settings, or when it is not stored', () => {
		const other = storedLog('members/a', RATINGS, 1, { desiredRetention: 0.8, enableFuzz: true });
		expect([...recomputeDueBefore([other.card], other.rows, OPTIONS).values()]).toEqual(
			RATINGS.map(() => null)
		);
		const { rows } = storedLog('members/a', RATINGS, 1);
		expect([...recomputeDueBefore([], rows, OPTIONS).values()]).toEqual(RATINGS.map(() => null));
	});

	it('replays each card on its own, and keeps the written order of ratings at the same moment', () => {
		const a = storedLog('members/a', RATINGS, 1);
		// Two ratings at one moment: Again then Good (ids 11 then 12) is not Good then Again.
		const b = storedLog(
			'history/b:reverse',
			[
				[1, START],
				[3, START]
			],
			11
		);
		const broken = storedLog('armenia/c', RATINGS.slice(0, 2), 21);
		const result = recomputeDueBefore(
			[a.card, b.card, { ...broken.card, stability: broken.card.stability + 1 }],
			[...b.rows].reverse().concat(broken.rows, a.rows),
			OPTIONS
		);
		expect([result.get(11), result.get(12)]).toEqual(b.dueBefore);
		expect(result.get(6)).toBe(a.dueBefore[5]);
		expect([result.get(21), result.get(22)]).toEqual([null, null]);
	});
});

describe('recomputeStoredDueBefore', () => {
	it('replays with the stored desired retention', () => {
		const { card, rows, dueBefore } = storedLog('members/a', RATINGS, 1, {
			desiredRetention: 0.8,
			enableFuzz: true
		});
		const settings = [{ key: 'desiredRetention', value: 0.8 }];
		const result = recomputeStoredDueBefore({ cards: [card], reviews: rows, settings });
		expect(rows.map((row) => result.get(row.id))).toEqual(dueBefore);
		const byDefault = recomputeStoredDueBefore({ cards: [card], reviews: rows, settings: [] });
		expect([...byDefault.values()]).toEqual(RATINGS.map(() => null));
	});
});
