import { afterEach, describe, expect, it } from 'vitest';
import { AppError, SettingsError } from '../domain/errors';
import { createRng } from '../domain/random';
import { DEFAULT_PARAMETERS } from '../domain/scheduling/fsrs';
import { loadFsrsWasm, simulated3k } from '../domain/scheduling/memory-model-fixtures';
import {
	SIMULATED_3K,
	SIMULATED_TRUE_PARAMETERS,
	simulateLearner,
	type SimulatedHistory
} from '../domain/scheduling/simulated-learner';
import { BackupError } from '../domain/errors';
import { applyBackup, exportBackup, readBackupFile, resetProgress } from './backup';
import { loadSettings } from './settings';
import { createDb, type CstoDb } from './db';
import { loadReviewLog, setMemoryModel, trainOnLog } from './memory-model';

let db: CstoDb;
afterEach(async () => {
	await db?.delete();
});

async function seed(history: SimulatedHistory): Promise<CstoDb> {
	db = createDb(`test-${crypto.randomUUID()}`);
	await db.cards.bulkAdd(history.cards);
	await db.reviews.bulkAdd(history.reviews);
	return db;
}

const MODEL = {
	parameters: [...SIMULATED_TRUE_PARAMETERS],
	trainedAt: Date.UTC(2026, 11, 2),
	reviewCount: 3000,
	comparedCount: 540,
	logLoss: { defaults: 0.45, trained: 0.43 }
};

// The 3,000-review history takes a few seconds to simulate and replay on a busy machine.
describe('setMemoryModel', { timeout: 60_000 }, () => {
	it('with the defaults, replays every card to exactly the state it has', async () => {
		const history = simulated3k();
		await seed(history);
		const recomputed = await setMemoryModel(db, null);
		expect(recomputed).toBe(200);
		expect(await db.cards.toArray()).toEqual(
			[...history.cards].sort((a, b) => a.id.localeCompare(b.id))
		);
	});

	it("stores the learner's parameters and moves every card to them; Back to defaults moves them back", async () => {
		const history = simulated3k();
		await seed(history);
		const before = await db.cards.toArray();

		await setMemoryModel(db, MODEL);
		expect((await loadSettings(db)).memoryModel).toEqual(MODEL);
		const own = await db.cards.toArray();
		const changed = own.filter((card, i) => card.due !== before[i]!.due);
		expect(changed.length).toBeGreaterThan(150);
		for (const [i, card] of own.entries()) {
			expect(card.stability).not.toBe(before[i]!.stability);
			expect(card).toMatchObject({
				reps: before[i]!.reps,
				lastReview: before[i]!.lastReview,
				suspended: before[i]!.suspended,
				leech: before[i]!.leech
			});
		}
		// Weaker memory than the defaults assume: reviews come sooner.
		const sooner = own.filter((card, i) => card.due < before[i]!.due).length;
		expect(sooner).toBeGreaterThan(own.length / 2);

		await setMemoryModel(db, null);
		expect((await loadSettings(db)).memoryModel).toBeNull();
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('keeps cards without a log (buried or suspended before any rating) as they are', async () => {
		await seed(simulated3k());
		const unseen = { ...simulated3k().cards[0]!, id: 'members/never-rated', state: 0 as const };
		await db.cards.put(unseen);
		await setMemoryModel(db, MODEL);
		expect(await db.cards.get('members/never-rated')).toEqual(unseen);
	});

	it('refuses an invalid model and changes nothing', async () => {
		await seed(simulated3k());
		const before = await db.cards.toArray();
		const invalid = { ...MODEL, parameters: DEFAULT_PARAMETERS.slice(0, 19) };
		await expect(setMemoryModel(db, invalid)).rejects.toThrow(SettingsError);
		expect(await db.settings.count()).toBe(0);
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('writes nothing when one card cannot be replayed: one transaction', async () => {
		await seed(simulated3k());
		const before = await db.cards.toArray();
		const first = (await db.reviews.toCollection().first())!;
		await db.reviews.update(first.id!, { rating: 9 as never });
		await expect(setMemoryModel(db, MODEL)).rejects.toThrow();
		expect(await db.settings.count()).toBe(0);
		expect(await db.cards.toArray()).toEqual(before);
	});
});

describe('trainOnLog', { timeout: 60_000 }, () => {
	it('reads the log in time order', async () => {
		const history = simulated3k();
		await seed({ cards: history.cards, reviews: [...history.reviews].reverse() });
		const log = await loadReviewLog(db);
		expect(log.map((r) => r.reviewedAt)).toEqual(history.reviews.map((r) => r.reviewedAt));
	});

	it('refuses fewer than 400 reviews, saying how many there are', async () => {
		const history = simulated3k();
		await seed({ cards: history.cards, reviews: history.reviews.slice(0, 399) });
		const training = trainOnLog(db, loadFsrsWasm(), { now: 0 });
		await expect(training).rejects.toThrow(AppError);
		await expect(training).rejects.toThrow(
			'Training needs at least 400 reviews, and there are 399.'
		);
	});

	it('trains on the older 80 % and compares on the rest, writing nothing', async () => {
		// A short history, so that training is quick: 600 reviews.
		const history = simulateLearner(
			{ ...SIMULATED_3K, reviewCount: 600 },
			createRng('short-history')
		);
		await seed(history);
		const steps: number[] = [];
		const model = await trainOnLog(db, loadFsrsWasm(), {
			now: 1234,
			onProgress: (done) => steps.push(done)
		});
		expect(model).toMatchObject({ trainedAt: 1234, reviewCount: 600 });
		expect(model.parameters).toHaveLength(21);
		expect(model.parameters).not.toEqual(DEFAULT_PARAMETERS);
		// Of the last 120 reviews, those a day or more after the card's previous one.
		expect(model.comparedCount).toBeGreaterThan(10);
		expect(model.comparedCount).toBeLessThanOrEqual(120);
		expect(model.logLoss.defaults).toBeGreaterThan(0);
		expect(model.logLoss.trained).toBeGreaterThan(0);
		expect(steps.length).toBeGreaterThan(0);
		expect(await db.settings.count()).toBe(0);
	});
});

describe('the backup', { timeout: 60_000 }, () => {
	it("carries the learner's parameters, with their date and review count, and brings them back", async () => {
		await seed(simulated3k());
		await setMemoryModel(db, MODEL);
		const cards = await db.cards.toArray();
		const now = Date.UTC(2026, 11, 3);
		const { file } = await exportBackup(db, { appVersion: '0.1.0', now });
		const settings = JSON.parse(await file.text()).settings;
		expect(settings).toContainEqual({ key: 'memoryModel', value: MODEL });

		await resetProgress(db);
		await db.settings.clear();
		await applyBackup(db, await readBackupFile(file, { now }), 'replace');
		expect((await loadSettings(db)).memoryModel).toEqual(MODEL);
		expect(await db.cards.toArray()).toEqual(cards);
	});

	it('refuses a backup whose parameters FSRS cannot use, naming the setting', async () => {
		await seed(simulated3k());
		await setMemoryModel(db, MODEL);
		const now = Date.UTC(2026, 11, 3);
		const text = await (await exportBackup(db, { appVersion: '0.1.0', now })).file.text();
		const broken = text.replace(/"parameters":\[[^\]]*\]/, '"parameters":[0.2,1.3]');
		await expect(readBackupFile(new Blob([broken]), { now })).rejects.toThrow(BackupError);
		await expect(readBackupFile(new Blob([broken]), { now })).rejects.toThrow(
			"settings[0] (memoryModel): Your memory model must have 21 parameters, each a number within FSRS's limits."
		);
	});
});
