import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from './db';
import { onDamage } from './damage';
import { runSteps } from '../domain/steps';
import {
	foldSteps,
	fromStoredLogSummarySteps,
	toStoredLogSummary,
	type LogSummary
} from '../domain/stats/log-summary';
import { applyBackup, resetProgress } from './backup';
import { checkDatabase } from './check';
import { loadStats, saveLogSummary, type StatsRead } from './stats';

let db: CstoDb;
afterEach(async () => {
	await db.delete();
});

const NOW = new Date(2026, 10, 28, 12).getTime();

function row(cardId: string, minutesAgo: number): ReviewRow {
	return {
		cardId,
		rating: 3,
		stateBefore: 2,
		dueBefore: 0,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		reviewedAt: NOW - minutesAgo * 60_000,
		durationMs: 1000,
		source: 'review'
	};
}

const cardsOf = (read: { added: readonly { cardId: string }[] }) =>
	read.added.map((review) => review.cardId);

/** Sums up what a read gives, as the Stats page does, and returns the summary. */
function sumUp(read: StatsRead): LogSummary {
	const summary = unpack(read.summary);
	runSteps(foldSteps(summary, read.added));
	summary.lastReviewId = read.lastReviewId;
	summary.rowCount = read.rowCount;
	return summary;
}

const unpack = (summary: StatsRead['summary']) =>
	'perQuarter' in summary ? summary : runSteps(fromStoredLogSummarySteps(summary));

describe('loadStats', () => {
	it('reads every rating in pages, leaving out and reporting a damaged one', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		const rows = Array.from({ length: 12_001 }, (_, i) => row(`c${i}`, 12_001 - i));
		rows[7000] = { ...rows[7000]!, rating: 9 as ReviewRow['rating'] };
		await db.reviews.bulkAdd(rows);
		const damaged: string[] = [];
		onDamage(db, (notice) => damaged.push(notice.key));
		const read = await loadStats(db, NOW, undefined);
		expect(read.isWholeLog).toBe(true);
		expect(read.added).toHaveLength(12_000);
		expect(read.rowCount).toBe(12_001);
		expect(read.lastReviewId).toBe(12_001);
		expect(damaged).toEqual([String(7001)]);
		expect(cardsOf(read).slice(6999, 7001)).toEqual(['c6999', 'c7001']);
	});

	it('after a rating, reads only the ratings added since the summary before', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		await db.reviews.add(row('c', 1));
		const second = await loadStats(db, NOW, undefined, summary);
		expect(second.isWholeLog).toBe(false);
		expect(second.summary).toBe(summary);
		expect(cardsOf(second)).toEqual(['c']);
		expect(second.rowCount).toBe(3);
		sumUp(second);
		expect((await loadStats(db, NOW, undefined, summary)).added).toEqual([]);
		expect(summary.reviews).toBe(3);
	});

	it('reads the whole log again when rows summed up before are gone or replaced', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		// A deletion, then a rating: as many rows as before plus one new, but not the same ones.
		await db.reviews.where('cardId').equals('a').delete();
		await db.reviews.bulkAdd([row('c', 10), row('d', 5)]);
		const second = await loadStats(db, NOW, undefined, summary);
		expect(second.isWholeLog).toBe(true);
		expect(second.summary).not.toBe(summary);
		expect(cardsOf(second)).toEqual(['b', 'c', 'd']);
		// A reset: the log is empty.
		await db.reviews.clear();
		const third = await loadStats(db, NOW, undefined, sumUp(second));
		expect([third.isWholeLog, third.added]).toEqual([true, []]);
	});

	it('reads the whole log for other FSRS parameters than the summary was made with', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		const trained = Array.from({ length: 21 }, (_, i) => i / 10);
		const read = await loadStats(db, NOW, trained, summary);
		expect(read.isWholeLog).toBe(true);
		expect(read.summary.parameters).toEqual(trained);
	});
});

describe('saveLogSummary', () => {
	it('stores the summary, which the next visit starts from, reading only what came since', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('members/a', 30), row('members/b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		expect(await saveLogSummary(db, summary)).toBe(true);
		await db.reviews.add(row('members/c', 1));
		// A new page: no summary of its own, so the stored one (a structured clone) is used.
		const read = await loadStats(db, NOW, undefined);
		expect(read.isWholeLog).toBe(false);
		expect(cardsOf(read)).toEqual(['members/c']);
		expect(read.summary).toEqual(toStoredLogSummary(summary));
		expect(unpack(read.summary)).toEqual(summary);
	});

	it('stores the summary as it was when called, whatever is added to it meanwhile', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		const saving = saveLogSummary(db, summary);
		// The next read's ratings, summed up before the store's transaction has run.
		runSteps(foldSteps(summary, [row('c', 1)]));
		expect(await saving).toBe(true);
		const stored = unpack((await loadStats(db, NOW, undefined)).summary);
		expect([stored.reviews, stored.lastReviewId, stored.rowCount]).toEqual([2, 2, 2]);
	});

	it('does not store a summary whose rows have changed since (a rating undone meanwhile)', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const summary = sumUp(await loadStats(db, NOW, undefined));
		await db.reviews.delete(2);
		expect(await saveLogSummary(db, summary)).toBe(false);
		expect(await db.summaries.count()).toBe(0);
	});

	it('is not used when damaged, for other parameters, or after a reset, import or repair', async () => {
		db = createDb(`test-${crypto.randomUUID()}`);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		const save = async () => {
			await saveLogSummary(db, sumUp(await loadStats(db, NOW, undefined)));
			expect(await db.summaries.toCollection().primaryKeys()).toEqual(['log', 'log-days']);
		};
		await save();
		expect((await loadStats(db, NOW, [1, 2, 3])).isWholeLog).toBe(true);
		await db.summaries.put({ key: 'log', value: { format: 1, perQuarter: 'damaged' } });
		expect((await loadStats(db, NOW, undefined)).isWholeLog).toBe(true);
		await save();
		await resetProgress(db);
		expect(await db.summaries.count()).toBe(0);
		await db.reviews.bulkAdd([row('a', 30), row('b', 20)]);
		await save();
		await applyBackup(db, { cards: [], reviews: [], quizAttempts: [], settings: [] }, 'merge');
		expect(await db.summaries.count()).toBe(0);
		await save();
		const [first] = await db.reviews.toCollection().primaryKeys();
		await db.reviews.update(first!, { rating: 9 as ReviewRow['rating'] });
		await checkDatabase(db, { now: NOW, options: { desiredRetention: 0.9, enableFuzz: false } });
		expect(await db.summaries.count()).toBe(0);
	});
});
