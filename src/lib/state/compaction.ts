// The log's compaction, once per load of the app and in the background: the ratings given more
// than COMPACT_AGE_MS ago move from rows of their own into blocks (log-bulk.ts), a step at a time
// when the page is idle. The root layout starts it once the page has settled.
import { getDb } from '../data/app-db';
import type { CstoDb } from '../data/db';
import { COMPACT_AGE_MS, COMPACT_FROM, countRowsBefore } from '../data/log';

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
	void Promise.resolve()
		.then(() => compactOldRatings(getDb(), Date.now()))
		.catch(() => undefined);
}
