// The log's compaction, once per load of the app and in the background: the ratings given more
// than COMPACT_AGE_MS ago move from rows of their own into blocks (log-bulk.ts), a step at a time
// when the page is idle. `connectApp` (app.svelte.ts) starts it 3 s after a page loads.
// Its modules are imported when it runs, not with it: imported with it, the script that starts it
// listed every one of them to preload (85 bytes more of gzip on every first visit to Home).
import type { CstoDb } from '../data/db';

/**
 * Ratings given more than this long ago are moved from rows into blocks (`compactLog` in
 * log-bulk.ts): reading 100,000 of them as blocks took a backup's export 2.1 s against 3.5 s as rows,
 * and the first Stats visit 1.2-1.4 s against 2.8-3.6 s (Chromium, 2026-12-05). Sixty days keeps
 * every rating Home reads (today's, and the streak's first 32 days) a row.
 */
export const COMPACT_AGE_MS = 60 * 24 * 60 * 60 * 1000;

/** Compaction starts once this many ratings older than COMPACT_AGE_MS are rows. */
export const COMPACT_FROM = 5000;

/** Rows a step moves at most, in one transaction: a rating given meanwhile waits for one step. */
export const COMPACT_STEP = 2500;

/** Resolves when the browser is idle (at most a second later), or after a short pause without it. */
function idle(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function')
			requestIdleCallback(() => resolve(), { timeout: 1000 });
		else setTimeout(resolve, 0);
	});
}

/**
 * Moves the ratings given before `now - COMPACT_AGE_MS` into blocks, when at least COMPACT_FROM of
 * them are rows, one step per idle moment; resolves to how many moved. Each step is a transaction of
 * its own: stopped half way (the tab closed), the log is whole, partly compacted.
 */
export async function compactOldRatings(db: CstoDb, now: number): Promise<number> {
	const before = now - COMPACT_AGE_MS;
	const { countRowsBefore } = await import('../data/log');
	if ((await countRowsBefore(db, before)) < COMPACT_FROM) return 0;
	const { compactLog } = await import('../data/log-bulk');
	let moved = 0;
	let after: Parameters<typeof compactLog>[1]['after'];
	for (;;) {
		await idle();
		const step = await compactLog(db, { before, after, step: COMPACT_STEP });
		moved += step.moved;
		if (step.done) return moved;
		after = step.lastKey;
	}
}

let started = false;

/**
 * Compacts the app's log once per load (see compactOldRatings). A failure (the database changed by
 * a newer version of the app, storage refused) stops it with nothing lost: the rows stay rows.
 */
export function compactLogOnce(): void {
	if (started) return;
	started = true;
	void import('../data/app-db')
		.then(({ getDb }) => compactOldRatings(getDb(), Date.now()))
		.catch(() => undefined);
}
