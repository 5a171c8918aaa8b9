import { describe, expect, it } from 'vitest';
import { cardTargetFromId } from '../scheduling/card';
import { replayCard } from '../scheduling/fsrs';
import { backupCard, backupReview, sampleTables } from './fixtures';
import { renameBackupIds } from './rename';

const RENAMES = { 'members/current-six': 'members/current' };
const DAY = 86_400_000;

describe('renameBackupIds', () => {
	it('moves cards and log rows of renamed questions and leaves the rest of the backup as it was', () => {
		const tables = sampleTables();
		const renamed = renameBackupIds(tables, RENAMES);
		expect(renamed.quizAttempts).toBe(tables.quizAttempts);
		expect(renamed.settings).toBe(tables.settings);
		expect(renamed.cards.map((c) => c.id).sort()).toEqual(
			tables.cards.map((c) => c.id.replace('members/current-six', 'members/current')).sort()
		);
		expect(renamed.cards.find((c) => c.id === 'members/current')).toEqual({
			...tables.cards.find((c) => c.id === 'members/current-six'),
			id: 'members/current',
			itemId: 'members/current'
		});
		expect(renamed.reviews).toEqual(
			tables.reviews.map((r) =>
				r.cardId === 'members/current-six' ? { ...r, cardId: 'members/current' } : r
			)
		);
	});

	it('replays the joined log, with the backup’s desired retention, where both ids have a card', () => {
		const first = backupReview({ id: 1, rating: 3, reviewedAt: Date.UTC(2026, 0, 5) });
		const second = backupReview({
			id: 2,
			cardId: 'members/current',
			rating: 4,
			reviewedAt: Date.UTC(2026, 0, 5) + 3 * DAY
		});
		const renamed = renameBackupIds(
			{
				cards: [
					backupCard({ reps: 1 }),
					backupCard({ id: 'members/current', itemId: 'members/current', reps: 1 })
				],
				reviews: [first, second],
				quizAttempts: [],
				settings: [{ key: 'desiredRetention', value: 0.8 }]
			},
			RENAMES
		);
		const options = { desiredRetention: 0.8, enableFuzz: true };
		expect(renamed.cards).toEqual([
			replayCard(cardTargetFromId('members/current'), [first, second], options)?.card
		]);
		expect(renamed.reviews.map((r) => [r.id, r.cardId])).toEqual([
			[1, 'members/current'],
			[2, 'members/current']
		]);
	});
});
