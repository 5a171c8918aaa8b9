import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CardRow, type CstoDb } from './db';

let db: CstoDb | undefined;
afterEach(async () => {
	await db?.delete();
	db = undefined;
});

const card: CardRow = {
	id: 'members/current',
	due: Date.UTC(2026, 10, 28),
	stability: 3.2,
	difficulty: 5.1,
	elapsedDays: 0,
	scheduledDays: 3,
	learningSteps: 0,
	reps: 1,
	lapses: 0,
	state: 2,
	lastReview: Date.UTC(2026, 10, 25)
};

describe('database', () => {
	it('stores cards by question id and finds them by due date', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.cards.bulkPut([card, { ...card, id: 'history/tashkent', due: card.due + 86_400_000 }]);
		const due = await db.cards.where('due').belowOrEqual(card.due).toArray();
		expect(due.map((c) => c.id)).toEqual(['members/current']);
		expect(await db.cards.get('members/current')).toEqual(card);
	});

	it('numbers reviews and finds them by card and by time', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const base = {
			rating: 3,
			stateBefore: 0,
			dueBefore: 0,
			stability: 1,
			difficulty: 5,
			elapsedDays: 0,
			scheduledDays: 0,
			durationMs: 1200,
			source: 'review'
		} as const;
		const first = await db.reviews.add({ ...base, cardId: 'a/x', reviewedAt: 1000 });
		const second = await db.reviews.add({ ...base, cardId: 'b/y', reviewedAt: 2000 });
		expect(second).toBeGreaterThan(first!);
		expect(await db.reviews.where('cardId').equals('b/y').count()).toBe(1);
		expect(await db.reviews.where('reviewedAt').above(1500).count()).toBe(1);
	});

	it('keeps quiz attempts by time and settings by key', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.quizAttempts.add({ startedAt: 1, finishedAt: 5, data: { score: 3 } });
		await db.settings.put({ key: 'theme', value: 'dark' });
		await db.settings.put({ key: 'theme', value: 'light' });
		expect(await db.quizAttempts.orderBy('finishedAt').first()).toMatchObject({ finishedAt: 5 });
		expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'light' });
	});
});
