import type { Steps } from '../domain/steps';

/**
 * How long one slice of work may hold the main thread, in ms of this device's time. A task of 50 ms
 * or more is a long task (it can delay a tap); a slice stops at its first pause after this.
 */
export const SLICE_MS = 8;

interface Scheduler {
	yield(): Promise<void>;
}

/**
 * Gives the main thread back until the browser has handled what waits (input, rendering), then
 * resolves: `scheduler.yield()` where the browser has it (Chromium), else a message to this window,
 * which, unlike a nested `setTimeout`, is not held back 4 ms.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(undefined);
	});
}

/**
 * Runs `steps` (see ../domain/steps.ts) a slice at a time: steps run until `budgetMs` has passed,
 * then the main thread is given back before the next slice. Work that fits in the first slice ends
 * before this returns, so a small collection is shown at once. Calls `done` with the result, or
 * `fail` with what the steps threw. Returns a cancel function: after it, no step runs and neither
 * callback is called.
 */
export function runInSlices<T>(
	steps: Steps<T>,
	done: (value: T) => void,
	fail: (error: unknown) => void,
	budgetMs = SLICE_MS
): () => void {
	let isCancelled = false;
	const slice = () => {
		if (isCancelled) return;
		const start = performance.now();
		try {
			for (;;) {
				const step = steps.next();
				if (step.done) return done(step.value);
				if (performance.now() - start >= budgetMs) break;
			}
		} catch (error) {
			return fail(error);
		}
		void yieldToMain().then(slice);
	};
	slice();
	return () => {
		isCancelled = true;
	};
}

/** `runInSlices` as a promise, for work that is never cancelled. */
export function inSlices<T>(steps: Steps<T>, budgetMs = SLICE_MS): Promise<T> {
	return new Promise((resolve, reject) => runInSlices(steps, resolve, reject, budgetMs));
}
