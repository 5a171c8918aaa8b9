// Test fixtures for the memory model in Node: fsrs-browser's WASM loaded from its file, and the
// simulated learner's 3,000 reviews.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Fsrs, Progress, getProgress, initSync } from 'fsrs-browser';
import { createRng } from '../random';
import type { FsrsWasm } from './optimizer';
import {
	SIMULATED_3K,
	SIMULATED_SEED,
	simulateLearner,
	type SimulatedHistory
} from './simulated-learner';

let wasm: FsrsWasm | undefined;

/** fsrs-browser, instantiated once from its .wasm file. */
export function loadFsrsWasm(): FsrsWasm {
	if (!wasm) {
		const file = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
		const output = initSync({ module: readFileSync(file) });
		wasm = { Fsrs, Progress, getProgress, memory: output.memory };
	}
	return wasm;
}

let history3k: SimulatedHistory | undefined;

/** The 3,000-review history (simulated once per test file). */
export function simulated3k(): SimulatedHistory {
	history3k ??= simulateLearner(SIMULATED_3K, createRng(SIMULATED_SEED));
	return history3k;
}
