// Training FSRS parameters with fsrs-rs, the reference implementation, built to WebAssembly as the
// fsrs-browser package. The caller loads the WASM (a worker in the app, the file in tests) and passes
// it in, so nothing here fetches anything.
import type * as FsrsBrowser from 'fsrs-browser';
import { AppError } from '../errors';
import { PARAMETER_BOUNDS, isValidParameters } from './fsrs';
import { packTrainingItems, type TrainingItem } from './memory-model';

/** What training uses of fsrs-browser, once its WASM is instantiated. */
export interface FsrsWasm {
	Fsrs: typeof FsrsBrowser.Fsrs;
	Progress: typeof FsrsBrowser.Progress;
	getProgress: typeof FsrsBrowser.getProgress;
	/** The WASM instance's memory, where fsrs-rs keeps its progress counters. */
	memory: WebAssembly.Memory;
}

/** Called as training advances: `done` of `total` steps (batches over every epoch). */
export type OnTrainingProgress = (done: number, total: number) => void;

/**
 * Rounds fsrs-rs's single-precision numbers to four decimals (as Anki shows them) and keeps each
 * within FSRS's bounds (a bound such as 0.8 is slightly above it in single precision).
 */
function toParameters(trained: Float32Array): number[] {
	return Array.from(trained, (value, i) => {
		const [min, max] = PARAMETER_BOUNDS[i] ?? [value, value];
		return Math.min(max, Math.max(min, Math.round(value * 10_000) / 10_000));
	});
}

/**
 * Trains FSRS-6's 21 parameters on the given items with fsrs-rs (short-term memory on, as the app
 * schedules) and returns them. Blocks until done: run it in a worker. With fewer than 8 items
 * fsrs-rs returns the defaults, with fewer than 64 only the initial stabilities change.
 * `onProgress` is called after each epoch: fsrs-rs logs every epoch through `console.info`, its only
 * call back into JavaScript while it trains, so that is when its progress counters can be read
 * (reading them while it runs would take a second thread and shared memory).
 */
export function trainParameters(
	wasm: FsrsWasm,
	items: readonly TrainingItem[],
	onProgress?: OnTrainingProgress
): number[] {
	const { ratings, deltaTs, lengths } = packTrainingItems(items);
	const progress = wasm.Progress.new();
	const pointer = progress.pointer();
	const info = console.info;
	console.info = () => {
		const { itemsProcessed, itemsTotal } = wasm.getProgress(wasm.memory.buffer, pointer);
		onProgress?.(itemsProcessed, itemsTotal);
	};
	let trained: Float32Array;
	try {
		// `computeParameters` consumes the Fsrs object and the progress counters: nothing to free.
		trained = new wasm.Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true);
	} finally {
		console.info = info;
	}
	const parameters = toParameters(trained);
	if (!isValidParameters(parameters)) {
		throw new AppError(
			`Training gave ${parameters.length} numbers that FSRS cannot use, so your parameters were not changed.`
		);
	}
	return parameters;
}
