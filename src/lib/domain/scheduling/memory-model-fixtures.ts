// Test fixtures for the memory model: fsrs-browser's WASM loaded from its file (Node has no fetch of
// package files), and the simulated learner of issue 17.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Fsrs, Progress, getProgress, initSync } from 'fsrs-browser';
import { createRng } from '../random';
import type { FsrsWasm } from './optimizer';
import {
	SIMULATED_TRUE_PARAMETERS,
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

/** The ids of `count` cards that are not in the bank (the simulated learner's own deck). */
export function simulatedCardIds(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, i) => `members/simulated-${String(i + 1).padStart(4, '0')}`
	);
}

/** The simulated learner: 3,000 reviews of 200 cards over 200 days, from a fixed seed. */
export const SIMULATED_3K = {
	cardIds: simulatedCardIds(200),
	trueParameters: SIMULATED_TRUE_PARAMETERS,
	days: 200,
	reviewCount: 3000,
	newPerDay: 20,
	desiredRetention: 0.9,
	start: Date.UTC(2026, 0, 5, 8, 0)
};

let history3k: SimulatedHistory | undefined;

/** The 3,000-review history (simulated once per test file). */
export function simulated3k(): SimulatedHistory {
	history3k ??= simulateLearner(SIMULATED_3K, createRng('simulated-learner'));
	return history3k;
}
