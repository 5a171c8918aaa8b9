// Stands in for fsrs-browser's thread-pool helper (wasm-bindgen-rayon's workerHelpers.js). The app
// trains on one thread and never calls `initThreadPool`, the only caller of `startWorkers`. The real
// helper listens on `self` as soon as it is imported (which breaks in Node) and makes the bundler
// emit a second worker holding a second copy of the WASM glue. Aliased in vite.config.ts.

/** Refuses to start worker threads: training runs on the one thread of its worker. */
export function startWorkers(): never {
	throw new Error('fsrs-browser threads are not used: training runs single-threaded.');
}
