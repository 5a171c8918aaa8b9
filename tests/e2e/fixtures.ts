import { test as base, expect, type Page } from '@playwright/test';
import { waitForHydration } from './hydration';

/** The routes of the app with the heading each one shows. */
export const ROUTES = [
	{ path: '/', label: 'Home', heading: 'Home' },
	{ path: '/quiz', label: 'Quiz', heading: 'Quiz' },
	{ path: '/review', label: 'Review', heading: 'Review' },
	{ path: '/browse', label: 'Browse', heading: 'Browse' },
	{ path: '/members', label: 'Members', heading: 'Members' },
	{ path: '/stats', label: 'Stats', heading: 'Stats' },
	{ path: '/settings', label: 'Settings', heading: 'Settings' }
] as const;

/**
 * Noon today on the machine's clock (the browser's too: it runs in the same time zone). A test that
 * counts today's ratings or learning cards runs at noon on Playwright's clock: what it does then stays
 * in one study day, which ends at 04:00, whatever time the suite runs at (such tests failed when run
 * at 03:55). Workers (the backup's) keep the real clock, so a test that uses them does not pin it.
 */
export function noonToday(): Date {
	const noon = new Date();
	noon.setHours(12, 0, 0, 0);
	return noon;
}

/**
 * Every test gets a page that records console errors and requests to other origins; both must be
 * empty when the test ends.
 */
export const test = base.extend<{
	watched: Page;
	foreignRequests: string[];
	consoleErrors: string[];
}>({
	// eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
	foreignRequests: async ({}, use) => {
		await use([]);
	},
	// eslint-disable-next-line no-empty-pattern -- as above
	consoleErrors: async ({}, use) => {
		await use([]);
	},
	watched: async ({ page, context, baseURL, foreignRequests, consoleErrors }, use) => {
		const origin = new URL(baseURL!).origin;
		// A prerendered page shows its buttons before its scripts run; a click then does nothing, as
		// it would for a learner. Every page of the test waits for the app to hydrate after a load.
		waitForHydration(page);
		context.on('page', waitForHydration);
		// Playwright intercepts file choosers only while someone listens, and `waitForEvent('filechooser')`
		// turns that on without waiting for it: a press just after it could open the browser's own
		// dialog, which no test sees (a test waited for the second "Import backup" chooser for a minute
		// under load). Listening from the start keeps them intercepted for every page of the test.
		const interceptFileChoosers = (opened: Page) => opened.on('filechooser', () => undefined);
		interceptFileChoosers(page);
		context.on('page', interceptFileChoosers);
		// On the context, so that requests made by the service worker are seen too.
		context.on('request', (request) => {
			const url = new URL(request.url());
			if (['data:', 'blob:', 'chrome-extension:'].includes(url.protocol)) return;
			if (url.origin !== origin) foreignRequests.push(request.url());
		});
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(error.message));
		await use(page);
		expect(foreignRequests, 'requests to other origins').toEqual([]);
		expect(consoleErrors, 'console errors').toEqual([]);
	}
});

export { expect };

/** Every row of one IndexedDB table of the app, read straight from IndexedDB (not through the app). */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction(name, 'readonly').objectStore(name).getAll();
					request.onsuccess = () => {
						db.close();
						resolve(request.result as T[]);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		store
	);
}

/**
 * Writes rows straight into one IndexedDB store of the app (not through the app's code: as a damaged
 * import or a bug would), once the app has created its database; resolves to their keys (the
 * generated ones are numbers).
 */
export async function putRows(page: Page, store: string, rows: unknown[]): Promise<number[]> {
	await waitForAppDatabase(page);
	return page.evaluate(
		({ store, rows }) =>
			new Promise<number[]>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(store, 'readwrite');
					const keys: number[] = [];
					for (const row of rows) {
						const request = tx.objectStore(store).put(row);
						request.onsuccess = () => keys.push(request.result as number);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(keys);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ store, rows }
	);
}

/**
 * Every rating the log holds, read straight from IndexedDB and in id order: the rows of `reviews`
 * and the ratings packed in `reviewBlockLogs` (an import's), unpacked here by the stored format (12
 * numbers a rating: id, its card's place in `cardIds`, rating, stateBefore, dueBefore with NaN for
 * null, stability, difficulty, elapsedDays, scheduledDays, reviewedAt, durationMs, source with 1 for
 * 'quiz'), not by the app's code. `blocks` is how many blocks there were.
 */
export function readLog(
	page: Page
): Promise<{ reviews: Record<string, unknown>[]; blocks: number }> {
	return page.evaluate(
		() =>
			new Promise<{ reviews: Record<string, unknown>[]; blocks: number }>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['reviews', 'reviewBlockLogs'], 'readonly');
					const rows = tx.objectStore('reviews').getAll();
					const blocks = tx.objectStore('reviewBlockLogs').getAll();
					tx.oncomplete = () => {
						db.close();
						const reviews = [...(rows.result as Record<string, unknown>[])];
						for (const block of blocks.result as { cardIds: string[]; log: Float64Array }[]) {
							const log = block.log;
							for (let at = 0; at < log.length; at += 12) {
								reviews.push({
									id: log[at],
									cardId: block.cardIds[log[at + 1]!],
									rating: log[at + 2],
									stateBefore: log[at + 3],
									dueBefore: Number.isNaN(log[at + 4]) ? null : log[at + 4],
									stability: log[at + 5],
									difficulty: log[at + 6],
									elapsedDays: log[at + 7],
									scheduledDays: log[at + 8],
									reviewedAt: log[at + 9],
									durationMs: log[at + 10],
									source: log[at + 11] === 1 ? 'quiz' : 'review'
								});
							}
						}
						reviews.sort((a, b) => (a.id as number) - (b.id as number));
						resolve({ reviews, blocks: blocks.result.length });
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/**
 * Holds one table of the app from the page (a read-write transaction kept busy, as another tab's
 * long write would), so that the app's writes to it wait; resolves once the hold has begun, to the
 * function that ends it. Held until then, not for a fixed time: on a busy machine a test's next
 * steps once took longer than a 1.5 s hold, and the write it was looking at had already finished.
 * A hold never outlasts a minute, so that a failed test does not leave it behind.
 */
export async function holdStore(page: Page, store: string): Promise<() => Promise<void>> {
	await page.evaluate(
		(store) =>
			new Promise<void>((resolve, reject) => {
				const flags = window as unknown as { __storeHeld?: boolean };
				flags.__storeHeld = true;
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(store, 'readwrite');
					const until = performance.now() + 60_000;
					const keepBusy = () => {
						if (flags.__storeHeld && performance.now() < until) {
							tx.objectStore(store).count().onsuccess = keepBusy;
						}
					};
					keepBusy();
					tx.oncomplete = () => db.close();
					resolve();
				};
			}),
		store
	);
	return async () => {
		await page.evaluate(() => {
			(window as unknown as { __storeHeld?: boolean }).__storeHeld = false;
		});
	};
}

/**
 * Waits until the app has created its database with every store, so that a test can write into
 * them. Dexie opens the database more than once while creating it (first without a version, which
 * makes an empty database), so its name alone is not enough: the stores are looked at, opening the
 * database without a version (which never changes one that exists) and closing it at once.
 */
export async function waitForAppDatabase(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		if (!(await indexedDB.databases()).some((d) => d.name === 'csto-study')) return false;
		return new Promise<boolean>((resolve) => {
			const open = indexedDB.open('csto-study');
			open.onsuccess = () => {
				const names = open.result.objectStoreNames;
				const ready = [
					'cards',
					'reviews',
					'quizAttempts',
					'settings',
					'quarantine',
					'summaries'
				].every((n) => names.contains(n));
				open.result.close();
				resolve(ready);
			};
			open.onerror = () => resolve(false);
		});
	});
}
