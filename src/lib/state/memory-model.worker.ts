/// <reference lib="webworker" />
// The memory model's worker: trains with fsrs-rs (its WASM is fetched on the first training, then
// served from the offline cache) and replays every card with new parameters, away from the page's
// thread. Single-threaded: fsrs-browser's thread pool is never started (src/fsrs-no-threads.ts).
import init, { Fsrs, Progress, getProgress } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { getDb } from '../data/app-db';
import { setMemoryModel, trainOnLog } from '../data/memory-model';
import type { FsrsWasm } from '../domain/scheduling/optimizer';
import type { WorkerReply, WorkerRequest } from './memory-model-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let wasm: Promise<FsrsWasm> | undefined;

function loadWasm(): Promise<FsrsWasm> {
	wasm ??= init({ module_or_path: wasmUrl }).then((output) => ({
		Fsrs,
		Progress,
		getProgress,
		memory: output.memory
	}));
	// A failed download may succeed later (back online): do not keep the failure.
	wasm.catch(() => (wasm = undefined));
	return wasm;
}

function post(reply: WorkerReply): void {
	scope.postMessage(reply);
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

scope.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
	if (data.type === 'use') {
		try {
			post({ type: 'applied', cards: await setMemoryModel(getDb(), data.model) });
		} catch (error) {
			post({ type: 'failed', phase: 'applying', message: describe(error) });
		}
		return;
	}
	let engine: FsrsWasm;
	try {
		post({ type: 'progress', phase: 'loading' });
		engine = await loadWasm();
	} catch (error) {
		post({ type: 'failed', phase: 'loading', message: describe(error) });
		return;
	}
	try {
		post({ type: 'progress', phase: 'training' });
		const model = await trainOnLog(getDb(), engine, {
			now: data.now,
			onProgress: (done, total) => post({ type: 'progress', phase: 'training', done, total })
		});
		post({ type: 'trained', model });
	} catch (error) {
		post({ type: 'failed', phase: 'training', message: describe(error) });
	}
};
