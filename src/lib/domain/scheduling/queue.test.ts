import { describe, expect, it } from 'vitest';
import type { CardRow } from './card';
import { FIXTURE_ITEMS, qaItem } from './fixtures';
import { newCardRow } from './fsrs';
import {
	LEARN_AHEAD_MS,
	buildQueue,
	nextDueTime,
	nextEntry,
	type QueueInput,
	type QueueOptions
} from './queue';

const NOW = new Date(2026, 10, 28, 10, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPTIONS: QueueOptions = {
	newPerDay: 20,
	reviewLimit: 200,
	dayStartHour: 4,
	reverseCards: false,
	topics: ['members', 'history', 'structure']
};
const NOTHING_DONE = { newCards: 0, reviews: 0, cardIds: new Set<string>() };

function card(id: string, fields: Partial<CardRow>): CardRow {
	const base = newCardRow(
		{ cardId: id, itemId: id.replace(/:reverse$/, ''), topic: id.split('/')[0]! },
		NOW
	);
	return {
		...base,
		reps: 1,
		lastReview: NOW.getTime() - DAY,
		stability: 3,
		difficulty: 5,
		...fields
	};
}

function queue(overrides: Partial<QueueInput> = {}) {
	return buildQueue({
		items: FIXTURE_ITEMS,
		cards: [],
		done: NOTHING_DONE,
		now: NOW,
		options: OPTIONS,
		...overrides
	});
}

const ids = (q: ReturnType<typeof queue>) => q.entries.map((e) => e.target.cardId);

describe('buildQueue', () => {
	it('makes every item a new card, alternating topics and in bank order within one', () => {
		const q = queue();
		expect(ids(q)).toEqual([
			'members/a',
			'history/a',
			'structure/a',
			'members/b',
			'history/b',
			'members/c'
		]);
		expect(q.entries.every((e) => e.kind === 'new' && e.card === undefined)).toBe(true);
		expect(q.counts).toEqual({ learning: 0, review: 0, new: 6 });
	});

	it('keeps the alternation in step as new cards are seen', () => {
		const cards = [card('members/a', { state: 1, due: NOW.getTime() + 10 * 60_000 })];
		expect(ids(queue({ cards }))).toEqual([
			'history/a',
			'structure/a',
			'members/b',
			'history/b',
			'members/c'
		]);
	});

	it('puts due learning first, then review most overdue first, then new', () => {
		const cards = [
			card('members/a', { state: 2, due: NOW.getTime() - DAY }),
			card('history/a', { state: 2, due: NOW.getTime() - 5 * DAY }),
			card('history/b', { state: 1, due: NOW.getTime() - 60_000 }),
			card('structure/a', { state: 3, due: NOW.getTime() - 120_000 })
		];
		const q = queue({ cards });
		expect(q.entries.map((e) => [e.target.cardId, e.kind])).toEqual([
			['structure/a', 'learning'],
			['history/b', 'learning'],
			['history/a', 'review'],
			['members/a', 'review'],
			['members/b', 'new'],
			['members/c', 'new']
		]);
		expect(q.counts).toEqual({ learning: 2, review: 2, new: 2 });
	});

	it('holds learning cards that are not yet due, and shows them within the learn-ahead limit', () => {
		const cards = [
			card('members/a', { state: 1, due: NOW.getTime() + 10 * 60_000 }),
			card('members/b', { state: 1, due: NOW.getTime() + 2 * HOUR }),
			card('members/c', { state: 2, due: NOW.getTime() + 3 * DAY }),
			card('history/a', { state: 2, due: NOW.getTime() + 3 * DAY }),
			card('history/b', { state: 2, due: NOW.getTime() + 3 * DAY }),
			card('structure/a', { state: 2, due: NOW.getTime() + 3 * DAY })
		];
		const q = queue({ cards });
		expect(q.entries).toEqual([]);
		expect(q.later.map((e) => e.target.cardId)).toEqual(['members/a', 'members/b']);
		expect(q.counts).toEqual({ learning: 2, review: 0, new: 0 });
		expect(nextEntry(q, NOW)?.target.cardId).toBe('members/a');
		const afterFirst = { ...q, later: q.later.slice(1) };
		expect(nextEntry(afterFirst, NOW)).toBeUndefined();
		expect(nextEntry(afterFirst, new Date(NOW.getTime() + 2 * HOUR - LEARN_AHEAD_MS))).toBe(
			q.later[1]
		);
	});

	it('leaves out suspended, buried and leech cards, and cards not due today', () => {
		const cards = [
			card('members/a', { state: 2, due: NOW.getTime() - DAY, suspended: 1 }),
			card('members/b', { state: 2, due: NOW.getTime() - DAY, buriedUntil: NOW.getTime() + HOUR }),
			card('members/c', { state: 2, due: NOW.getTime() - DAY, leech: 1 }),
			card('history/a', { state: 0, buriedUntil: NOW.getTime() + HOUR }),
			card('history/b', { state: 2, due: NOW.getTime() + 2 * DAY })
		];
		expect(ids(queue({ cards }))).toEqual(['structure/a']);
	});

	it('shows a card again once its burial has ended', () => {
		const cards = [
			card('members/a', { state: 2, due: NOW.getTime() - DAY, buriedUntil: NOW.getTime() })
		];
		expect(ids(queue({ cards }))[0]).toBe('members/a');
	});

	it('never shows cards whose item left the bank, and shows new items as new cards', () => {
		const cards = [card('members/gone', { state: 2, due: NOW.getTime() - DAY })];
		const items = [...FIXTURE_ITEMS, qaItem('members/added')];
		const q = queue({ cards, items, options: { ...OPTIONS, topics: ['members'] } });
		expect(ids(q)).toEqual(['members/a', 'members/b', 'members/c', 'members/added']);
	});

	it('treats a stored card that is not due as known, not new', () => {
		const q = queue({ cards: [card('members/a', { state: 2, due: NOW.getTime() + 7 * DAY })] });
		expect(ids(q)).not.toContain('members/a');
	});

	it('limits new cards by what is left of the daily new-card limit', () => {
		const q = queue({
			options: { ...OPTIONS, newPerDay: 4 },
			done: { newCards: 2, reviews: 0, cardIds: new Set() }
		});
		expect(ids(q)).toEqual(['members/a', 'history/a']);
		const none = queue({
			options: { ...OPTIONS, newPerDay: 4 },
			done: { newCards: 5, reviews: 0, cardIds: new Set() }
		});
		expect(none.entries).toEqual([]);
	});

	it('keeps review and new cards together within the daily review limit, learning cards aside', () => {
		const cards = [
			card('members/a', { state: 2, due: NOW.getTime() - DAY }),
			card('members/b', { state: 2, due: NOW.getTime() - 2 * DAY }),
			card('members/c', { state: 1, due: NOW.getTime() - 60_000 })
		];
		const q = queue({
			cards,
			options: { ...OPTIONS, reviewLimit: 4 },
			done: { newCards: 1, reviews: 1, cardIds: new Set() }
		});
		expect(ids(q)).toEqual(['members/c', 'members/b', 'members/a']);
		const tight = queue({
			cards,
			options: { ...OPTIONS, reviewLimit: 5 },
			done: { newCards: 1, reviews: 1, cardIds: new Set() }
		});
		expect(ids(tight)).toEqual(['members/c', 'members/b', 'members/a', 'history/a']);
	});

	it('reviews one topic only when asked, or only the topics chosen in Settings', () => {
		expect(ids(queue({ topic: 'history' }))).toEqual(['history/a', 'history/b']);
		expect(ids(queue({ options: { ...OPTIONS, topics: ['structure'] } }))).toEqual(['structure/a']);
	});

	it('adds reversed cards for reversible items only, never beside their forward card on one day', () => {
		const q = queue({ options: { ...OPTIONS, reverseCards: true } });
		// members/b answers with a year and members/c is a statement: neither reverses.
		expect(ids(q).filter((id) => id.endsWith(':reverse'))).toEqual([]);
		const seen = new Set(['members/a', 'history/a', 'history/b', 'structure/a']);
		const cards = [...seen].map((id) => card(id, { state: 2, due: NOW.getTime() + 5 * DAY }));
		const tomorrow = queue({ cards, options: { ...OPTIONS, reverseCards: true } });
		expect(ids(tomorrow)).toEqual([
			'members/a:reverse',
			'history/a:reverse',
			'structure/a:reverse',
			'members/b',
			'history/b:reverse',
			'members/c'
		]);
		const sameDay = queue({
			cards,
			options: { ...OPTIONS, reverseCards: true },
			done: { newCards: 4, reviews: 0, cardIds: seen }
		});
		expect(ids(sameDay)).toEqual(['members/b', 'members/c']);
	});

	describe('the study day starts at 04:00', () => {
		// A review card due at 10:00 on 28 November belongs to the study day that starts at 04:00.
		const due = new Date(2026, 10, 28, 10, 0).getTime();
		const cards = [card('members/a', { state: 2, due })];
		const only = { ...OPTIONS, topics: ['members'], newPerDay: 0 };

		it('at 03:59 the card is not due yet: that is still the day before', () => {
			const q = queue({ cards, options: only, now: new Date(2026, 10, 28, 3, 59) });
			expect(ids(q)).toEqual([]);
		});

		it('at 04:00 the new day has begun and the card is due', () => {
			const q = queue({ cards, options: only, now: new Date(2026, 10, 28, 4, 0) });
			expect(ids(q)).toEqual(['members/a']);
		});

		it('follows the day start hour from Settings', () => {
			const q = queue({
				cards,
				options: { ...only, dayStartHour: 5 },
				now: new Date(2026, 10, 28, 4, 30)
			});
			expect(ids(q)).toEqual([]);
		});
	});
});

describe('hasWaiting', () => {
	const tomorrow = new Date(2026, 10, 29, 4).getTime();

	it('is true when new cards are over the daily limit, and the next card is due tomorrow', () => {
		const q = queue({ options: { ...OPTIONS, newPerDay: 2 } });
		expect(q.hasWaiting).toBe(true);
		const done = { newCards: 2, reviews: 0, cardIds: new Set<string>() };
		const finished = queue({ options: { ...OPTIONS, newPerDay: 2 }, done });
		expect(finished.entries).toEqual([]);
		expect(nextDueTime(finished, NOW, 4, undefined)).toBe(tomorrow);
	});

	it('is true for a buried card or review cards over the limit, false when nothing waits', () => {
		// Every bank item has a row; those not named here are due next week.
		const withRows = (rows: CardRow[]) => [
			...rows,
			...FIXTURE_ITEMS.filter((item) => !rows.some((row) => row.id === item.id)).map((item) =>
				card(item.id, { state: 2, due: NOW.getTime() + 7 * DAY })
			)
		];
		const buried = withRows([card('members/a', { state: 2, buriedUntil: NOW.getTime() + HOUR })]);
		expect(queue({ cards: buried }).hasWaiting).toBe(true);
		const due = withRows([
			card('members/a', { state: 2, due: NOW.getTime() - DAY }),
			card('members/b', { state: 2, due: NOW.getTime() - DAY })
		]);
		const limited = { ...OPTIONS, reviewLimit: 1 };
		expect(queue({ cards: due, options: limited }).hasWaiting).toBe(true);
		const none = queue({ cards: due });
		expect(none.hasWaiting).toBe(false);
		expect(nextDueTime({ ...none, entries: [] }, NOW, 4, undefined)).toBeUndefined();
	});
});
