import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { DEFAULT_PARAMETERS, newCardRow, scheduleReview } from '../scheduling/fsrs';
import type { CardRow, Rating } from '../scheduling/card';
import { orderWeakSpots } from './build';
import { FIXTURE_BANK } from './fixtures';
import { retrievabilityByItem } from './weak-spots';

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 28, 12));
const OPTIONS = { desiredRetention: 0.9, enableFuzz: false };

/** A card rated with `ratings`, one every `gapDays`, the last one `daysAgo` days before NOW. */
function reviewed(cardId: string, ratings: Rating[], gapDays: number, daysAgo: number): CardRow {
	const itemId = cardId.replace(/:reverse$/, '');
	const target = { cardId, itemId, topic: itemId.split('/')[0]! };
	let card: CardRow | undefined;
	ratings.forEach((rating, i) => {
		const at = new Date(NOW.getTime() - (daysAgo + (ratings.length - 1 - i) * gapDays) * DAY);
		card = scheduleReview(card, target, rating, at, OPTIONS).card;
	});
	return card!;
}

describe('weak spots with a fixed now', () => {
	const cards = [
		reviewed('members/headquarters', [3, 3, 3, 3], 10, 1), // well known, seen yesterday
		reviewed('members/count', [1, 1, 3], 1, 20), // barely learnt, three weeks ago
		reviewed('history/founding', [3, 3], 3, 12),
		reviewed('members/seven', [3, 4, 4], 5, 2),
		reviewed('members/seven:reverse', [1], 1, 30), // the weaker of an item's two cards counts
		newCardRow({ cardId: 'members/current', itemId: 'members/current', topic: 'members' }, NOW)
	];

	it('reads retrievability per item, leaving out cards never reviewed', () => {
		const r = retrievabilityByItem(cards, NOW);
		expect([...r.keys()].sort()).toEqual([
			'history/founding',
			'members/count',
			'members/headquarters',
			'members/seven'
		]);
		for (const value of r.values()) {
			expect(value).toBeGreaterThan(0);
			expect(value).toBeLessThanOrEqual(1);
		}
		expect(r.get('members/headquarters')!).toBeGreaterThan(0.9);
		expect(r.get('members/count')!).toBeLessThan(r.get('history/founding')!);
	});

	it("reads retrievability by the learner's own forgetting curve when given one", () => {
		const steep = DEFAULT_PARAMETERS.map((w, i) => (i === 20 ? 0.6 : w));
		const own = retrievabilityByItem(cards, NOW, steep);
		const defaults = retrievabilityByItem(cards, NOW);
		expect(own.get('members/count')!).toBeLessThan(defaults.get('members/count')!);
	});

	it('orders the weakest first, then items never seen, then items well known', () => {
		const r = retrievabilityByItem(cards, NOW);
		const ordered = orderWeakSpots(FIXTURE_BANK.items, r, createRng('x')).map((i) => i.id);
		const weak = [...r.entries()]
			.filter(([, v]) => v < 0.9)
			.sort((a, b) => a[1] - b[1])
			.map(([id]) => id);
		expect(weak.length).toBeGreaterThanOrEqual(2);
		expect(ordered.slice(0, weak.length)).toEqual(weak);
		expect(ordered.at(-1)).toBe('members/headquarters');
		expect(ordered).toContain('members/current');
		expect(ordered.indexOf('members/current')).toBeGreaterThan(weak.length - 1);
	});
});
