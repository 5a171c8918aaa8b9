import type { CstoDb } from '../data/db';
import { countReviews } from '../data/log';
import { MIN_REVIEWS_TO_TRAIN } from '../domain/scheduling/memory-model';
import type { MemoryModel } from '../domain/settings';
import type { WorkerReply, WorkerRequest } from './memory-model-protocol';

/** The part of a Worker the trainer uses (tests pass a fake). */
export interface WorkerLike {
	postMessage(message: WorkerRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export interface MemoryModelDeps {
	db: () => CstoDb;
	/** Starts the worker; called on the first request, and again after a cancel or a failure. */
	createWorker: () => WorkerLike;
	now: () => number;
	/** Called once parameters were put in use (the settings must be read again). */
	onModelChanged: () => Promise<void>;
}

export type TrainerPhase = 'idle' | 'loading' | 'training' | 'trained' | 'applying';

/** Starts the app's worker; Vite bundles it (and the WASM it fetches) as files of their own. */
export function createMemoryModelWorker(): WorkerLike {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the pattern Vite looks for, not state
	return new Worker(new URL('./memory-model.worker.ts', import.meta.url), {
		type: 'module',
		name: 'memory-model'
	}) as WorkerLike;
}

type FinalReply = Exclude<WorkerReply, { type: 'progress' }>;

/**
 * The "Your memory model" panel: how many reviews there are, training in a worker with its progress
 * and Cancel, the comparison with the defaults, and putting either in use (which replays every card,
 * in the worker). Call `dispose()` when the panel goes.
 */
export class MemoryModelTrainer {
	reviewCount = $state<number | undefined>(undefined);
	phase = $state<TrainerPhase>('idle');
	/** Training steps done of the total, once fsrs-rs has reported its first epoch. */
	progress = $state.raw<{ done: number; total: number } | undefined>(undefined);
	/** The last training's result and comparison, until the next training. */
	result = $state.raw<MemoryModel | undefined>(undefined);
	/** What the last action did, or why it failed (then `isError`). */
	message = $state('');
	isError = $state(false);

	#deps: MemoryModelDeps;
	#worker: WorkerLike | undefined;
	#finish: ((reply: FinalReply | undefined) => void) | undefined;

	constructor(deps: MemoryModelDeps) {
		this.#deps = deps;
	}

	readonly isBusy = $derived(
		this.phase === 'loading' || this.phase === 'training' || this.phase === 'applying'
	);
	/** How many more reviews are needed before training is useful (0 when there are enough). */
	readonly reviewsNeeded = $derived(
		Math.max(0, MIN_REVIEWS_TO_TRAIN - (this.reviewCount ?? MIN_REVIEWS_TO_TRAIN))
	);
	readonly canTrain = $derived(
		this.reviewCount !== undefined && this.reviewsNeeded === 0 && !this.isBusy
	);
	/** The trained parameters predicted the held-out reviews better than the defaults. */
	readonly isBetter = $derived(
		this.result !== undefined && this.result.logLoss.trained < this.result.logLoss.defaults
	);

	/** Counts the reviews in the log. */
	async load(): Promise<void> {
		this.reviewCount = await countReviews(this.#deps.db());
	}

	/** Trains on the learner's log in the worker; resolves when it is done, failed or cancelled. */
	async train(): Promise<void> {
		if (!this.canTrain) return;
		this.result = undefined;
		this.progress = undefined;
		this.#say('');
		this.phase = 'loading';
		const reply = await this.#send({ type: 'train', now: this.#deps.now() });
		if (!reply) return;
		if (reply.type === 'trained') {
			this.result = reply.model;
			this.phase = 'trained';
			return;
		}
		this.phase = 'idle';
		if (reply.type === 'failed') {
			this.#say(
				reply.phase === 'loading'
					? `The training engine could not be loaded (${reply.message}). It is downloaded the first time you train: connect to the internet once, then training works offline too.`
					: `Training failed (${reply.message}). Nothing was changed.`,
				true
			);
		}
	}

	/** Stops a training at once (the worker is ended); nothing is changed. */
	cancel(): void {
		if (this.phase !== 'loading' && this.phase !== 'training') return;
		this.#stopWorker();
		this.phase = 'idle';
		this.progress = undefined;
		this.#say('Training cancelled. Nothing was changed.');
	}

	/** Puts the trained parameters in use (only when they beat the defaults) and replays every card. */
	async useTrained(): Promise<void> {
		if (this.result && this.isBetter) await this.#apply(this.result);
	}

	/** Puts FSRS's defaults back in use and replays every card with them. */
	async useDefaults(): Promise<void> {
		await this.#apply(null);
	}

	/** Ends the worker (the panel is gone). */
	dispose(): void {
		this.#stopWorker();
	}

	async #apply(model: MemoryModel | null): Promise<void> {
		if (this.isBusy) return;
		const back = this.result ? 'trained' : 'idle';
		this.#say('');
		this.phase = 'applying';
		const reply = await this.#send({ type: 'use', model });
		this.phase = back;
		if (reply?.type === 'applied') {
			await this.#deps.onModelChanged();
			const cards = `${reply.cards} card${reply.cards === 1 ? '' : 's'}`;
			this.#say(
				model
					? `Your parameters are in use: ${cards} rescheduled.`
					: `The default parameters are in use: ${cards} rescheduled.`
			);
		} else if (reply?.type === 'failed') {
			this.#say(`The change could not be saved (${reply.message}). Nothing was changed.`, true);
		}
	}

	#say(message: string, isError = false): void {
		this.message = message;
		this.isError = isError;
	}

	#send(request: WorkerRequest): Promise<FinalReply | undefined> {
		if (!this.#worker) {
			const worker = this.#deps.createWorker();
			worker.onmessage = ({ data }) => {
				if (data.type === 'progress') {
					this.phase = data.phase;
					if (data.total) this.progress = { done: data.done ?? 0, total: data.total };
					return;
				}
				this.#resolve(data);
				// A failed worker may hold a broken WASM instance: the next request starts a new one.
				if (data.type === 'failed') this.#stopWorker();
			};
			worker.onerror = (event) => {
				event.preventDefault();
				this.#resolve({
					type: 'failed',
					phase: 'loading',
					message: event.message || 'the worker did not start'
				});
				this.#stopWorker();
			};
			this.#worker = worker;
		}
		const reply = new Promise<FinalReply | undefined>((resolve) => (this.#finish = resolve));
		this.#worker.postMessage(request);
		return reply;
	}

	#resolve(reply: FinalReply | undefined): void {
		const finish = this.#finish;
		this.#finish = undefined;
		finish?.(reply);
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		this.#resolve(undefined);
	}
}
