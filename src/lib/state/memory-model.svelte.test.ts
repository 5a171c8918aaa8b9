import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type CstoDb, type ReviewRow } from '../data/db';
import { DEFAULT_PARAMETERS } from '../domain/scheduling/fsrs';
import type { MemoryModel } from '../domain/settings';
import type { WorkerReply, WorkerRequest } from './memory-model-protocol';
import { MemoryModelTrainer, type WorkerLike } from './memory-model.svelte';

let db: CstoDb;
afterEach(async () => {
	await db?.delete();
});

const MODEL: MemoryModel = {
	parameters: DEFAULT_PARAMETERS.map((w, i) => (i === 2 ? 1.5 : w)),
	trainedAt: 1000,
	reviewCount: 450,
	comparedCount: 80,
	logLoss: { defaults: 0.45, trained: 0.43 }
};

/** A worker driven by the test: it records requests and answers when told. */
class FakeWorker implements WorkerLike {
	requests: WorkerRequest[] = [];
	isTerminated = false;
	onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	postMessage(message: WorkerRequest): void {
		this.requests.push(message);
	}
	terminate(): void {
		this.isTerminated = true;
	}
	reply(data: WorkerReply): void {
		this.onmessage?.({ data } as MessageEvent<WorkerReply>);
	}
}

async function trainer(reviews: number) {
	db = createDb(`test-${crypto.randomUUID()}`);
	const rows: ReviewRow[] = Array.from({ length: reviews }, (_, i) => ({
		cardId: `members/c${i % 50}`,
		rating: 3,
		stateBefore: 2,
		dueBefore: i,
		stability: 3,
		difficulty: 5,
		elapsedDays: 3,
		scheduledDays: 3,
		reviewedAt: i * 1000,
		durationMs: 1000,
		source: 'review'
	}));
	await db.reviews.bulkAdd(rows);
	const workers: FakeWorker[] = [];
	const onModelChanged = vi.fn(async () => {});
	const panel = new MemoryModelTrainer({
		db: () => db,
		createWorker: () => {
			workers.push(new FakeWorker());
			return workers.at(-1)!;
		},
		now: () => 1000,
		onModelChanged
	});
	await panel.load();
	return { panel, workers, onModelChanged };
}

describe('MemoryModelTrainer', () => {
	it('counts the reviews and says how many more training needs', async () => {
		const { panel } = await trainer(150);
		expect(panel.reviewCount).toBe(150);
		expect(panel.reviewsNeeded).toBe(250);
		expect(panel.canTrain).toBe(false);
		await panel.train();
		expect(panel.phase).toBe('idle');
	});

	it('trains in the worker, showing progress, then the comparison', async () => {
		const { panel, workers } = await trainer(450);
		expect(panel.canTrain).toBe(true);
		const done = panel.train();
		expect(panel.phase).toBe('loading');
		const worker = workers[0]!;
		expect(worker.requests).toEqual([{ type: 'train', now: 1000 }]);
		worker.reply({ type: 'progress', phase: 'training' });
		expect(panel.phase).toBe('training');
		expect(panel.progress).toBeUndefined();
		worker.reply({ type: 'progress', phase: 'training', done: 2, total: 10 });
		expect(panel.progress).toEqual({ done: 2, total: 10 });
		expect(panel.isBusy).toBe(true);
		worker.reply({ type: 'trained', model: MODEL });
		await done;
		expect(panel.phase).toBe('trained');
		expect(panel.result).toEqual(MODEL);
		expect(panel.isBetter).toBe(true);
	});

	it('cancels a training at once, ending the worker; the next training starts a new one', async () => {
		const { panel, workers } = await trainer(450);
		const done = panel.train();
		workers[0]!.reply({ type: 'progress', phase: 'training', done: 1, total: 10 });
		panel.cancel();
		await done;
		expect(workers[0]!.isTerminated).toBe(true);
		expect(panel.phase).toBe('idle');
		expect(panel.progress).toBeUndefined();
		expect(panel.result).toBeUndefined();
		expect(panel.message).toBe('Training cancelled. Nothing was changed.');

		const again = panel.train();
		expect(workers).toHaveLength(2);
		workers[1]!.reply({ type: 'trained', model: MODEL });
		await again;
		expect(panel.result).toEqual(MODEL);
	});

	it('offers to use trained parameters only when they beat the defaults', async () => {
		const { panel, workers } = await trainer(450);
		const done = panel.train();
		workers[0]!.reply({
			type: 'trained',
			model: { ...MODEL, logLoss: { defaults: 0.4, trained: 0.42 } }
		});
		await done;
		expect(panel.isBetter).toBe(false);
		await panel.useTrained();
		expect(workers[0]!.requests).toHaveLength(1);
	});

	it('puts the trained parameters in use, then the defaults back, through the worker', async () => {
		const { panel, workers, onModelChanged } = await trainer(450);
		const done = panel.train();
		const worker = workers[0]!;
		worker.reply({ type: 'trained', model: MODEL });
		await done;

		const using = panel.useTrained();
		expect(panel.phase).toBe('applying');
		expect(worker.requests.at(-1)).toEqual({ type: 'use', model: MODEL });
		worker.reply({ type: 'applied', cards: 50 });
		await using;
		expect(onModelChanged).toHaveBeenCalledTimes(1);
		expect(panel.phase).toBe('trained');
		expect(panel.message).toBe('Your parameters are in use: 50 cards rescheduled.');

		const back = panel.useDefaults();
		expect(worker.requests.at(-1)).toEqual({ type: 'use', model: null });
		worker.reply({ type: 'applied', cards: 1 });
		await back;
		expect(onModelChanged).toHaveBeenCalledTimes(2);
		expect(panel.message).toBe('The default parameters are in use: 1 card rescheduled.');
	});

	it('says what failed and that nothing changed, and starts a new worker next time', async () => {
		const { panel, workers, onModelChanged } = await trainer(450);
		const done = panel.train();
		workers[0]!.reply({ type: 'failed', phase: 'loading', message: 'Failed to fetch' });
		await done;
		expect(panel.phase).toBe('idle');
		expect(panel.isError).toBe(true);
		expect(panel.message).toContain('The training engine could not be loaded (Failed to fetch).');
		expect(workers[0]!.isTerminated).toBe(true);

		const back = panel.useDefaults();
		workers[1]!.reply({ type: 'failed', phase: 'applying', message: 'QuotaExceededError' });
		await back;
		expect(onModelChanged).not.toHaveBeenCalled();
		expect(panel.message).toBe(
			'The change could not be saved (QuotaExceededError). Nothing was changed.'
		);
	});
});
