import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCards } from '../data/queue';
import { createDb, type CstoDb } from '../data/db';
import { FIXTURE_NOW, storedCard } from '../domain/integrity/fixtures';
import { DatabaseCheck } from './database-check.svelte';

let db: CstoDb;
afterEach(async () => {
	await db?.delete();
});

function check() {
	db = createDb(`test-${crypto.randomUUID()}`);
	return new DatabaseCheck({
		db: () => db,
		now: () => FIXTURE_NOW,
		options: () => ({ desiredRetention: 0.9, enableFuzz: true })
	});
}

describe('DatabaseCheck', () => {
	it('runs by itself when a read meets a damaged row, and keeps the report to show', async () => {
		const databaseCheck = check();
		const stop = databaseCheck.watch();
		await db.cards.bulkPut([
			storedCard(),
			storedCard({ id: 'history/x', itemId: 'history/x', stability: 0 })
		]);
		expect(await listCards(db, FIXTURE_NOW)).toEqual([storedCard()]);
		expect(databaseCheck.isRunning).toBe(true);
		await vi.waitFor(() => expect(databaseCheck.report).toBeDefined());
		expect(databaseCheck.isRunning).toBe(false);
		expect(databaseCheck.isAutomatic).toBe(true);
		expect(databaseCheck.repairs).toBe(1);
		expect(databaseCheck.report?.lines).toEqual([
			expect.stringMatching(/^Card “history\/x”: stability must be above 0 .* Set aside: /)
		]);
		expect(await db.quarantine.count()).toBe(1);
		databaseCheck.dismiss();
		expect(databaseCheck.report).toBeUndefined();
		stop();
	});

	it('says nothing after an automatic run that found nothing, but always reports a run asked for', async () => {
		const databaseCheck = check();
		await databaseCheck.run(true);
		expect(databaseCheck.report).toBeUndefined();
		const report = await databaseCheck.run();
		expect(databaseCheck.report).toBe(report);
		expect(databaseCheck.isAutomatic).toBe(false);
		expect(report?.summary).toBe(
			'Checked 0 settings, 0 cards, 0 reviews and 0 quizzes: everything is in order.'
		);
		expect(databaseCheck.repairs).toBe(0);
	});

	it('keeps the reason when a run fails, and changes nothing', async () => {
		const databaseCheck = check();
		await db.cards.put(storedCard({ stability: -1 }));
		db.quarantine.hook('creating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		expect(await databaseCheck.run()).toBeUndefined();
		expect(String(databaseCheck.error)).toMatch(/QuotaExceededError|full/);
		expect(await db.cards.get('members/headquarters')).toMatchObject({ stability: -1 });
	});
});
