import { afterEach, describe, expect, it } from 'vitest';
import { DamagedDataError } from '../domain/errors';
import { FIXTURE_NOW, quizRecord, storedQuiz } from '../domain/integrity/fixtures';
import { checkCardRow } from '../domain/integrity/rows';
import { rateCard } from './cards';
import { checkDatabase } from './check';
import { onDamage } from './damage';
import { createDb, type CstoDb } from './db';
import { addReviews, listAllReviews } from './log-bulk';

let db: CstoDb;
afterEach(async () => {
	await db?.delete();
});

const NOW = FIXTURE_NOW;
const DAY = 86_400_000;
const OPTIONS = { desiredRetention: 0.9, enableFuzz: true };
const TARGET = { cardId: 'members/current', itemId: 'members/current', topic: 'members' };

async function rate(rating: 1 | 2 | 3 | 4, at: number) {
	return rateCard(
		db,
		{ target: TARGET, rating, now: new Date(at), durationMs: 2000, source: 'review' },
		OPTIONS
	);
}

describe('a card with a damaged memory state', () => {
	it('never gets NaN written by a rating: the rating is refused, reported, and works once Check database has repaired the card', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await rate(3, NOW - 10 * DAY);
		const { after } = await rate(3, NOW - 9 * DAY);
		// What an import used to accept: a card row without its stability and difficulty.
		const { stability: _s, difficulty: _d, ...damaged } = after;
		await db.cards.put(damaged as typeof after);
		const met: string[] = [];
		const stop = onDamage(db, (notice) => met.push(`${notice.table} ${notice.key}`));

		await expect(rate(3, NOW)).rejects.toBeInstanceOf(DamagedDataError);
		expect(await db.cards.get(TARGET.cardId)).toEqual(damaged);
		expect(await db.reviews.count()).toBe(2);
		expect(met).toEqual(['cards members/current']);

		const report = await checkDatabase(db, { now: NOW, options: OPTIONS });
		expect(report.lines).toEqual([
			'Card “members/current”: stability is missing. Repaired: rebuilt its memory state from its 2 ratings.'
		]);
		expect(await db.cards.get(TARGET.cardId)).toEqual(after);
		const { after: rated } = await rate(3, NOW);
		expect(checkCardRow(rated, NOW)).toBeUndefined();
		expect(Number.isFinite(rated.stability) && Number.isFinite(rated.difficulty)).toBe(true);
		stop();
	});
});

describe('checkDatabase', () => {
	it('repairs what can be derived, sets the rest aside in the quarantine table, and reports it in plain words', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await rate(3, NOW - 10 * DAY);
		const good = (await db.cards.get(TARGET.cardId))!;
		await db.cards.put({ ...good, difficulty: 0 });
		await db.cards.put({ ...good, id: 'history/lonely', itemId: 'history/lonely', stability: -1 });
		const record = quizRecord(3);
		const badOptions = structuredClone(quizRecord(2));
		delete (badOptions.options as Partial<typeof badOptions.options>).topics;
		await db.quizAttempts.bulkAdd([
			storedQuiz(record, { id: 1, score: 99 }),
			storedQuiz(badOptions, { id: 2, status: 'active', finishedAt: 0 })
		]);
		await db.settings.bulkPut([
			{ key: 'theme', value: 'purple' },
			{ key: 'newPerDay', value: 12 }
		]);

		const report = await checkDatabase(db, { now: NOW, options: OPTIONS });
		expect(report.summary).toBe(
			'Checked 2 settings, 2 cards, 1 review and 2 quizzes: found 5 damaged rows, repaired 2 and set aside 3. ' +
				'The damaged originals are kept in the quarantine table, which is never emptied and goes into every backup.'
		);
		expect(report.lines).toEqual([
			'Setting “theme”: Theme must be system, light or dark. Set aside: the default value applies instead.',
			'Card “history/lonely”: stability must be above 0 for a studied card (FSRS allows 0.001 to 36500 days). Set aside: the card starts again as a new card (its ratings stay in the log).',
			'Card “members/current”: difficulty must be from 1 to 10 (FSRS’s range). Repaired: rebuilt its memory state from its 1 rating.',
			'Quiz no. 1: score must be the record’s score (2 of 8). Repaired: counted its score again from its answers.',
			'Quiz no. 2: data.options.topics is missing. Set aside: it no longer shows among your quizzes.'
		]);
		expect(await db.cards.toArray()).toEqual([good]);
		expect(await db.quizAttempts.toArray()).toEqual([storedQuiz(record, { id: 1 })]);
		expect(await db.settings.toArray()).toEqual([{ key: 'newPerDay', value: 12 }]);
		const kept = await db.quarantine.toArray();
		expect(kept.map((row) => [row.table, row.key, row.action])).toEqual([
			['settings', 'theme', 'set aside'],
			['cards', 'history/lonely', 'set aside'],
			['cards', 'members/current', 'repaired'],
			['quizAttempts', '1', 'repaired'],
			['quizAttempts', '2', 'set aside']
		]);
		expect(kept[0]!.row).toEqual({ key: 'theme', value: 'purple' });

		// A second run finds nothing, and the quarantine keeps what it had.
		const again = await checkDatabase(db, { now: NOW, options: OPTIONS });
		expect(again.findings).toEqual([]);
		expect(again.summary).toMatch(/everything is in order\.$/);
		expect(await db.quarantine.count()).toBe(5);
	});

	it('sets aside a block of ratings that cannot be read, whole, as one damaged row: a damaged one, a head without ratings and ratings without a head', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const fields = { cardId: TARGET.cardId, rating: 3, stateBefore: 2, dueBefore: null };
		const memory = { stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 3 };
		const ratings = Array.from({ length: 2_600 }, (_, i) => ({
			id: i + 1,
			...fields,
			...memory,
			reviewedAt: NOW - 100 * DAY + i * 60_000,
			durationMs: 2000,
			source: 'review' as const
		}));
		await addReviews(db, ratings as never);
		const [full, small] = await db.reviewBlocks.toArray();
		const broken = { id: small!.id!, cardIds: [TARGET.cardId], log: 'not numbers' };
		await db.reviewBlockLogs.put(broken as never);
		const { id: _, ...shape } = full!;
		await db.reviewBlocks.put({ ...shape, id: 90 });
		const orphan = { id: 91, cardIds: [], log: new Float64Array(0) };
		await db.reviewBlockLogs.put(orphan);
		await db.summaries.put({ key: 'log', value: 'a summary that counted the lost ratings' });

		// A read that meets them leaves them out and says so (the app runs Check database then).
		const notices: string[] = [];
		const stop = onDamage(db, (notice) => notices.push(`${notice.table} ${notice.key}`));
		expect(await listAllReviews(db)).toHaveLength(2_500);
		stop();
		expect(notices).toEqual([`reviews block ${small!.id}`, 'reviews block 90', 'reviews block 91']);

		const report = await checkDatabase(db, { now: NOW, options: OPTIONS });
		const outcome =
			'Set aside: its ratings no longer count in your stats or in their cards’ histories.';
		expect(report.lines.slice(-3)).toEqual([
			`Stored block of reviews no. ${small!.id}: it is not stored in the shape the app writes, so its ratings cannot be read. It held 100 ratings. ${outcome}`,
			`Stored block of reviews no. 90: the record that holds its ratings is missing. It held 2500 ratings. ${outcome}`,
			`Stored block of reviews no. 91: its ratings are stored without the record of their ids and times. ${outcome}`
		]);
		const kept = await db.quarantine.toArray();
		expect(kept.map((row) => [row.table, row.key, row.action])).toEqual([
			['reviews', `block ${small!.id}`, 'set aside'],
			['reviews', 'block 90', 'set aside'],
			['reviews', 'block 91', 'set aside']
		]);
		expect(kept[0]!.row).toEqual({ head: small, ratings: broken });
		expect(kept[2]!.row).toEqual({ head: undefined, ratings: orphan });
		// Only the readable block is left, its ratings untouched, and the stale summary is gone.
		expect(await db.reviewBlocks.toCollection().primaryKeys()).toEqual([full!.id]);
		expect(await db.reviewBlockLogs.toCollection().primaryKeys()).toEqual([full!.id]);
		expect((await listAllReviews(db)).map((row) => row.id)).toEqual(
			ratings.slice(0, 2_500).map((row) => row.id)
		);
		expect(await db.summaries.count()).toBe(0);

		const again = await checkDatabase(db, { now: NOW, options: OPTIONS });
		expect(again.lines.filter((line) => line.startsWith('Stored block'))).toEqual([]);
		expect(await db.quarantine.count()).toBe(3);
	});
});
