import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { serveStatic } from '../../scripts/static-server.js';
import { ROOT, buildChanged, replaceIn, versionOf } from './builds';
import { ROUTES, expect, test } from './fixtures';
import { WCAG_A_AA, violationsInBothThemes } from './axe';

// The tests that stop the server or swap builds serve the app themselves on a second port.
const MAIN_PORT = Number(process.env.E2E_PORT ?? 4173);
const OWN_PORT = Number(process.env.E2E_PORT_2 ?? MAIN_PORT + 1);
const OWN_ORIGIN = `http://localhost:${OWN_PORT}`;
const BUILD_A = resolve(ROOT, process.env.BUILD_DIR ?? 'build');
const BUILD_B = resolve(ROOT, process.env.BUILD_DIR_B ?? 'build-offline-b');

/** A sentence of the Stats page, whose code loads only on that route, and its wording in build B. */
const STATS_TEXT_A = 'Cards you rated on each of the last 30 days.';
const STATS_TEXT_B = 'Cards you rated in each of the last 30 days (a newer build).';
/**
 * How long a new version may take to install in the background (about 55 files; on a busy machine
 * that takes longer than an assertion's usual 5 s).
 */
const INSTALL_MS = 60_000;
/** The test-only schema version of build B (src/lib/data/db.ts) adds this index. */
const TEST_SCHEMA_INDEX = 'cardId, reviewedAt, source';
/** What the first tab says once the second opened a newer schema (src/lib/components/UpdateBanner.svelte). */
const OUTDATED_BANNER =
	'CSTO Study was updated in another tab, so this tab can no longer save your progress.';

let builtB: string | undefined;
/**
 * Build B: the same source with one sentence of the Stats page changed, and the test-only extra
 * schema version switched on. Built once per test worker (it takes a minute on two cores).
 */
function buildB(): string {
	builtB ??= buildChanged(
		BUILD_B,
		(root) => replaceIn(root, 'src/routes/stats/+page.svelte', STATS_TEXT_A, STATS_TEXT_B),
		{ VITE_TEST_SCHEMA_BUMP: '1' }
	);
	return builtB;
}

/** Every JavaScript file a build ships, as one text. */
function javaScriptOf(buildDir: string): string {
	const dir = join(buildDir, '_app/immutable');
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('.js'))
		.map((path) => readFileSync(join(dir, path), 'utf8'))
		.join('\n');
}

/** The name of a version's cache: the version, then a hash of its file list (src/service-worker.ts). */
function cacheOf(version: string): RegExp {
	return new RegExp(`^csto-study-${version}-[0-9a-f]{8}$`);
}

async function stop(server: Server): Promise<void> {
	await new Promise((done) => {
		server.close(done);
		server.closeAllConnections();
	});
}

/** Waits until the service worker has installed (so the cache is full) and controls the page. */
async function waitForOfflineReady(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Whether a new version waits, and whether one is still installing. */
function workers(page: Page): Promise<{ isWaiting: boolean; isInstalling: boolean }> {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return {
			isWaiting: Boolean(registration?.waiting),
			isInstalling: Boolean(registration?.installing)
		};
	});
}

/** The header's offline indicator. */
function offlineStatus(page: Page) {
	return page.getByRole('banner').getByRole('status').filter({ hasText: 'Offline' });
}

/** A link of the main navigation. */
function navLink(page: Page, label: string) {
	return page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: label, exact: true });
}

/** The paths of every file a build serves besides its service worker, as the worker caches them. */
function builtPaths(buildDir: string): string[] {
	return (
		readdirSync(buildDir, { recursive: true, encoding: 'utf8' })
			.map((path) => path.split('\\').join('/'))
			.filter(
				(path) => path !== 'service-worker.js' && !statSync(join(buildDir, path)).isDirectory()
			)
			// The memory model's WASM is known only to its worker, so it is cached when first fetched
			// (src/service-worker.ts, LAZY_IMMUTABLE), not installed with the version.
			.filter((path) => !/^_app\/immutable\/workers\/assets\/.*\.wasm$/.test(path))
			.map((path) =>
				// Prerendered pages are cached by their URL; the SPA fallback by its file name.
				path.endsWith('.html') && path !== '200.html'
					? `/${path.replace(/\.html$/, '').replace(/(^|\/)index$/, '')}`
					: `/${path}`
			)
			.sort()
	);
}

/** The paths of everything in the app's one cache. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const [name] = await caches.keys();
		const requests = await (await caches.open(name!)).keys();
		return requests.map((request) => new URL(request.url).pathname).sort();
	});
}

function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}

/** The version IndexedDB reports for the app's database (Dexie's version n is 10n). */
function dbVersion(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((done, fail) => {
				const request = indexedDB.open('csto-study');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					done(request.result.version);
					request.result.close();
				};
			})
	);
}

/** Counts what the learner has done, straight from IndexedDB (not through the app's own code). */
function countProgress(page: Page): Promise<{ reviews: number; finishedQuizzes: number }> {
	return page.evaluate(
		() =>
			new Promise((done, fail) => {
				const request = indexedDB.open('csto-study');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const tx = request.result.transaction(['reviews', 'quizAttempts']);
					const reviews = tx.objectStore('reviews').count();
					const quizzes = tx.objectStore('quizAttempts').getAll();
					tx.oncomplete = () => {
						const attempts = quizzes.result as { status: string }[];
						done({
							reviews: reviews.result,
							finishedQuizzes: attempts.filter((a) => a.status === 'finished').length
						});
						request.result.close();
					};
				};
			})
	);
}

/** Reviews one card with the visible buttons, as a learner would. */
async function reviewOneCard(page: Page): Promise<void> {
	await navLink(page, 'Review').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good\b/ }).click();
	// The next card (or the end of the session) appears once the rating is saved.
	await expect(page.getByRole('button', { name: /^Good\b/ })).toHaveCount(0);
}

/** Takes a quiz to its results, answering "Don't know" to every question. */
async function takeQuiz(page: Page): Promise<void> {
	await navLink(page, 'Quiz').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	// A quiz left in progress earlier is finished as it stands once the learner says so.
	const startNew = page.getByRole('button', { name: 'Start the new one' });
	// Only enabled buttons: each one shows as disabled once the previous answer has taken a while.
	const dontKnow = page.getByRole('button', { name: "Don't know", disabled: false });
	const next = page.getByRole('button', { name: 'Next question', disabled: false });
	const results = page.getByRole('button', { name: 'See results', disabled: false });
	for (let step = 0; step < 100; step++) {
		await expect(dontKnow.or(next).or(results).or(startNew).first()).toBeVisible();
		// Each click waits for what it leads to: a button still looks enabled for the first tenth of
		// a second of saving, and a second click on it then answers nothing.
		if (await startNew.isVisible()) {
			await startNew.click();
			await expect(startNew).toHaveCount(0);
		} else if (await dontKnow.isVisible()) {
			await dontKnow.click();
			await expect(next.or(results).first()).toBeVisible();
		} else if (await next.isVisible()) {
			await next.click();
		} else {
			await results.click();
			break;
		}
	}
	await expect(page.getByRole('button', { name: 'See results' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: "Don't know" })).toHaveCount(0);
}

/** Every route by direct load, then by client-side navigation from Home; Stats shows `statsText`. */
async function visitEveryRoute(page: Page, statsText: string): Promise<void> {
	for (const route of ROUTES) {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		if (route.path === '/stats') await expect(page.getByText(statsText)).toBeVisible();
	}
	// A URL that was never prerendered (a shared quiz link) gets the SPA fallback.
	await page.goto('/quiz?topics=members&seed=7');
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	// The heading is in the prerendered HTML; the quiz is stored only just before its first question
	// shows. Moving on before that would leave no quiz in progress for takeQuiz to finish.
	await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();

	// Client-side navigation from a fresh load of Home, so that each route's code loads now.
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	for (const route of [...ROUTES.slice(1), ROUTES[0]]) {
		await navLink(page, route.label).click();
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		if (route.path === '/stats') await expect(page.getByText(statsText)).toBeVisible();
	}
}

test.describe('served on its own port, so the server can be stopped or replaced', () => {
	// One at a time (they share a port), but a failure does not skip the others.
	test.describe.configure({ mode: 'default' });
	test.use({ baseURL: OWN_ORIGIN });

	let server: Server | undefined;
	async function serve(buildDir: string): Promise<void> {
		server = await serveStatic(buildDir, OWN_PORT);
	}
	async function stopServer(): Promise<void> {
		if (server) await stop(server);
		server = undefined;
	}
	test.afterEach(stopServer);

	test('after one visit the app works offline with the server stopped, and keeps the progress', async ({
		watched: page,
		context
	}) => {
		test.setTimeout(90_000);
		await serve(BUILD_A);
		await page.goto('/');
		await waitForOfflineReady(page);
		await expect(offlineStatus(page)).toHaveCount(0);
		// Every file of the build is cached: every page, and every chunk a route may load later.
		expect(await cachedPaths(page)).toEqual(builtPaths(BUILD_A));

		await stopServer();
		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
		// The service worker answered from its cache and told the page why, whatever
		// navigator.onLine says (it stays true here in some Chromium builds).
		await expect(offlineStatus(page)).toBeVisible();

		await visitEveryRoute(page, STATS_TEXT_A);

		await page.goto('/');
		await reviewOneCard(page);
		await takeQuiz(page);
		const offlineProgress = await countProgress(page);
		expect(offlineProgress.reviews).toBeGreaterThanOrEqual(1);
		// The quiz link visited on the way was left in progress; starting the new quiz finished it
		// as it stood, so two quizzes are finished.
		expect(offlineProgress.finishedQuizzes).toBe(2);

		await context.setOffline(false);
		await serve(BUILD_A);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
		await expect(offlineStatus(page)).toHaveCount(0);
		expect(await countProgress(page)).toEqual(offlineProgress);
	});

	test('control: with service workers blocked, the same offline reload fails', async ({
		browser
	}) => {
		await serve(BUILD_A);
		const context = await browser.newContext({ serviceWorkers: 'block', baseURL: OWN_ORIGIN });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
		await stopServer();
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
		await context.close();
	});

	test('a new build installs in the background and waits: online reloads keep the old version, every route works offline, and "Reload to update" moves on with nothing lost', async ({
		watched: page,
		context
	}) => {
		test.setTimeout(360_000);
		const [versionA, versionB] = [versionOf(BUILD_A), versionOf(buildB())];
		expect(versionB).not.toBe(versionA);

		await serve(BUILD_A);
		await page.goto('/');
		await waitForOfflineReady(page);
		expect(await cacheNames(page)).toEqual([expect.stringMatching(cacheOf(versionA))]);
		await reviewOneCard(page);
		await takeQuiz(page);
		const progress = await countProgress(page);
		const schemaA = await dbVersion(page);

		// The new build is deployed. The next navigation makes the browser fetch the new service
		// worker, which installs beside the old one and waits.
		await stopServer();
		await serve(buildB());
		await page.reload();
		const reload = page.getByRole('button', { name: 'Reload to update' });
		await expect(reload).toBeVisible({ timeout: INSTALL_MS });
		expect(await workers(page)).toEqual({ isWaiting: true, isInstalling: false });
		expect(await cacheNames(page)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(cacheOf(versionA)),
				expect.stringMatching(cacheOf(versionB))
			])
		);
		// Online reloads, by direct load and by client-side navigation, still run the old version.
		await page.goto('/stats');
		await expect(page.getByText(STATS_TEXT_A)).toBeVisible();
		await page.reload();
		await expect(page.getByText(STATS_TEXT_A)).toBeVisible();
		await navLink(page, 'Home').click();
		// Home first, or the second click may land while the first navigation is under way.
		await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
		await navLink(page, 'Stats').click();
		await expect(page.getByText(STATS_TEXT_A)).toBeVisible();
		await expect(page.getByText(STATS_TEXT_B)).toHaveCount(0);

		// A review in progress is not interrupted; "Later" hides the banner until the next load.
		await navLink(page, 'Review').click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.evaluate(() => Object.assign(window, { reviewInProgress: true }));
		await expect(reload).toBeVisible();
		expect(await violationsInBothThemes(page, { include: 'header', tags: WCAG_A_AA })).toEqual([]);
		await page.getByRole('button', { name: 'Later' }).click();
		await expect(reload).toHaveCount(0);
		await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
		expect(await page.evaluate(() => 'reviewInProgress' in window)).toBe(true);

		// Offline while the update waits: every route of the version in use works, and its cache is
		// still there (the waiting worker deletes nothing).
		await stopServer();
		await context.setOffline(true);
		await visitEveryRoute(page, STATS_TEXT_A);
		await expect(offlineStatus(page)).toBeVisible();
		await expect(reload).toBeVisible();
		expect(await cacheNames(page)).toContainEqual(expect.stringMatching(cacheOf(versionA)));

		// Back online, in the middle of a review, the learner chooses to update.
		await context.setOffline(false);
		await serve(buildB());
		await navLink(page, 'Review').click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
		await reload.click();
		await page.waitForFunction(() => !('beforeUpdate' in window));
		// The app reloaded itself (not page.reload), so nothing else waits for the new page's script.
		await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
		await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
		await expect(reload).toHaveCount(0);
		await navLink(page, 'Stats').click();
		await expect(page.getByText(STATS_TEXT_B)).toBeVisible();
		expect(await cacheNames(page)).toEqual([expect.stringMatching(cacheOf(versionB))]);
		expect(await workers(page)).toEqual({ isWaiting: false, isInstalling: false });
		// Build B's newer schema upgraded the database, and every review and quiz is still there.
		expect(await dbVersion(page)).toBe(schemaA + 10);
		expect(await countProgress(page)).toEqual(progress);
	});

	test('closing every tab of the app also moves it to the waiting version', async ({
		watched: page,
		context
	}) => {
		test.setTimeout(240_000);
		const newer = buildB();
		await serve(BUILD_A);
		await page.goto('/stats');
		await waitForOfflineReady(page);
		await stopServer();
		await serve(newer);
		await page.reload();
		await expect(page.getByRole('button', { name: 'Reload to update' })).toBeVisible({
			timeout: INSTALL_MS
		});
		await expect(page.getByText(STATS_TEXT_A)).toBeVisible();

		// Watch the workers from a tab that is not the app's (about:blank), then close the app's tab.
		const watcher = await context.newPage();
		const cdp = await context.newCDPSession(watcher);
		const statuses = new Map<string, string>();
		cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
			for (const version of versions) statuses.set(version.versionId, version.status);
		});
		await cdp.send('ServiceWorker.enable');
		await expect
			.poll(() => [...statuses.values()].sort(), { timeout: INSTALL_MS })
			.toEqual(['activated', 'installed']);
		await page.close();
		await expect
			.poll(() => [...statuses.values()].sort(), { timeout: INSTALL_MS })
			.toEqual(['activated', 'redundant']);

		await watcher.goto('/stats');
		await expect(watcher.getByText(STATS_TEXT_B)).toBeVisible();
		await expect(watcher.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
	});

	test('two tabs: a newer schema opened in the second upgrades the database at once; the first says so and keeps a refused rating on screen', async ({
		watched: page,
		context
	}) => {
		test.setTimeout(360_000);
		const newer = buildB();
		// The test-only schema version is in build B and in no normal build.
		expect(javaScriptOf(newer)).toContain(TEST_SCHEMA_INDEX);
		expect(javaScriptOf(BUILD_A)).not.toContain(TEST_SCHEMA_INDEX);

		await serve(BUILD_A);
		await page.goto('/review');
		await waitForOfflineReady(page);
		await page.getByRole('button', { name: 'Show answer' }).click();
		const schemaA = await dbVersion(page);
		const before = await countProgress(page);

		// The second tab runs build B straight from the server (past the first version's worker).
		await stopServer();
		await serve(newer);
		const second = await context.newPage();
		const cdp = await context.newCDPSession(second);
		await cdp.send('Network.enable');
		await cdp.send('Network.setBypassServiceWorker', { bypass: true });
		await second.goto('/review');
		// It could open the database only because the first tab's connection gave way.
		await second.getByRole('button', { name: 'Show answer' }).click();
		expect(await dbVersion(second)).toBe(schemaA + 10);

		// The first tab says so, and a rating there is refused with the reason; the card stays.
		await expect(page.getByRole('banner').getByText(OUTDATED_BANNER)).toBeVisible({
			timeout: 15_000
		});
		await page.getByRole('button', { name: /^Good\b/ }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Your rating could not be saved, so the card is still here. CSTO Study was updated in another tab'
		);
		await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
		expect(await countProgress(second)).toEqual(before);

		// The newer tab saves.
		await second.getByRole('button', { name: /^Good\b/ }).click();
		await expect
			.poll(() => countProgress(second))
			.toEqual({ ...before, reviews: before.reviews + 1 });
		const afterSecond = await countProgress(second);

		// An older tab opened now (the first version's worker still serves it) finds the newer
		// database: it says so, and deletes nothing.
		const third = await context.newPage();
		await third.goto('/');
		await expect(third.getByRole('banner').getByText(OUTDATED_BANNER)).toBeVisible({
			timeout: 15_000
		});
		expect(await dbVersion(third)).toBe(schemaA + 10);
		expect(await countProgress(third)).toEqual(afterSecond);
		await third.close();

		// "Reload to update" in the first tab lets the waiting version take over; it saves again.
		await expect
			.poll(() => workers(page), { timeout: INSTALL_MS })
			.toEqual({ isWaiting: true, isInstalling: false });
		await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
		await page.getByRole('button', { name: 'Reload to update' }).click();
		await page.waitForFunction(() => !('beforeUpdate' in window));
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good\b/ }).click();
		await expect
			.poll(() => countProgress(page))
			.toEqual({ ...afterSecond, reviews: afterSecond.reviews + 1 });
		await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
		await second.close();
	});
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest is linked and valid, and every icon is served at its stated size', async ({
	watched: page
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifestUrl = new URL(href!, page.url());
	const response = await page.request.get(manifestUrl.href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'CSTO Study',
		short_name: expect.any(String),
		description: expect.stringMatching(/\w{10}/),
		start_url: expect.any(String),
		display: 'standalone',
		theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
		background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i)
	});
	expect(new URL(manifest.start_url, manifestUrl).pathname).toBe('/');

	type Icon = { src: string; sizes: string; type: string; purpose?: string };
	const icons: Icon[] = manifest.icons;
	const png = (size: number, purpose: string) =>
		icons.find(
			(icon) =>
				icon.type === 'image/png' &&
				icon.sizes === `${size}x${size}` &&
				(icon.purpose ?? 'any').split(' ').includes(purpose)
		);
	expect(png(192, 'any'), '192 px icon').toBeDefined();
	expect(png(512, 'any'), '512 px icon').toBeDefined();
	expect(png(512, 'maskable'), 'maskable icon').toBeDefined();
	expect(icons.some((icon) => icon.type === 'image/svg+xml')).toBe(true);

	/** The icon at `url` is served with its stated type and, for a PNG, at its stated size. */
	const expectServed = async (url: string, icon: Icon) => {
		const iconResponse = await page.request.get(url);
		expect(iconResponse.status(), icon.src).toBe(200);
		expect(iconResponse.headers()['content-type']).toBe(icon.type);
		if (icon.type === 'image/png') {
			const [width, height] = icon.sizes.split('x').map(Number);
			expect(pngSize(await iconResponse.body()), icon.src).toEqual({ width, height });
		}
	};
	for (const icon of icons) await expectServed(new URL(icon.src, manifestUrl).href, icon);
	// The page's own icon is a 32 px PNG: Chromium decodes an SVG icon on the page's main thread as a
	// whole SVG document, in the middle of the app's start-up, whenever it has no icon cached.
	const favicon = page.locator('link[rel="icon"]');
	await expect(favicon).toHaveCount(1);
	await expect(favicon).toHaveAttribute('type', 'image/png');
	await expect(favicon).toHaveAttribute('sizes', '32x32');
	const faviconUrl = await favicon.evaluate((link: HTMLLinkElement) => link.href);
	await expectServed(faviconUrl, { src: faviconUrl, sizes: '32x32', type: 'image/png' });
});

test('the service worker controls the page after the first load', async ({ watched: page }) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
		/\/service-worker\.js$/
	);
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByText('Ready: the whole app works with no network.')).toBeVisible();
});

test('the header shows "Offline" when requests fail, whatever navigator.onLine says, and clears when one gets through', async ({
	watched: page,
	context
}) => {
	// axe runs twice (light and dark) on a busy machine.
	test.setTimeout(120_000);
	// As on a captive portal, or in Chromium builds where navigator.onLine stays true: the page
	// never hears the browser's own verdict.
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true });
		for (const type of ['online', 'offline']) {
			window.addEventListener(type, (event) => event.stopImmediatePropagation(), true);
		}
	});
	await page.goto('/settings');
	await waitForOfflineReady(page);
	const indicator = offlineStatus(page);
	await expect(indicator).toHaveCount(0);
	await context.setOffline(true);
	// Moving to another page asks the network, and the service worker answers from its cache.
	await navLink(page, 'Browse').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Browse' })).toBeVisible();
	await expect(indicator).toBeVisible();
	await expect(indicator).toContainText('your progress is saved on this device');
	expect(await violationsInBothThemes(page, { include: 'header', tags: WCAG_A_AA })).toEqual([]);
	await context.setOffline(false);
	await navLink(page, 'Stats').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
	await expect(indicator).toHaveCount(0);
});

test('the first visit on a slow network still gets the network and renders, then works from the cache', async ({
	watched: page,
	context
}) => {
	test.setTimeout(120_000);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	// Slower than a poor 3G connection.
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 400,
		downloadThroughput: 40 * 1024,
		uploadThroughput: 20 * 1024
	});
	await page.goto('/', { timeout: 90_000 });
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible({
		timeout: 90_000
	});
	await waitForOfflineReady(page);
	await page.goto('/stats');
	await expect(page.getByText(STATS_TEXT_A)).toBeVisible();
});

test('Settings shows whether storage is persistent and how much is used', async ({
	watched: page
}) => {
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'App and storage' });
	const isPersisted = await page.evaluate(() => navigator.storage.persisted());
	await expect(section).toContainText(
		isPersisted ? 'Yes: the browser will not clear' : 'No: the browser may clear'
	);
	await expect(section).toContainText(/\d(\.\d)? (bytes|KB|MB) of \d+(\.\d)? (MB|GB|TB) available/);
	expect(
		await violationsInBothThemes(page, {
			include: 'section[aria-labelledby="app-heading"]',
			tags: WCAG_A_AA
		})
	).toEqual([]);
});

test('after the first review the app asks for persistent storage, once', async ({
	watched: page
}) => {
	await page.addInitScript(() => {
		const persist = navigator.storage.persist.bind(navigator.storage);
		Object.assign(window, { persistCalls: 0 });
		navigator.storage.persist = () => {
			Object.assign(window, {
				persistCalls: (window as unknown as { persistCalls: number }).persistCalls + 1
			});
			return persist();
		};
	});
	const calls = () =>
		page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	expect(await calls()).toBe(0);
	await reviewOneCard(page);
	await expect.poll(calls).toBe(1);
	await reviewOneCard(page);
	expect(await calls()).toBe(1);
});

test('Chromium finds the app installable, and Settings then offers "Install app"', async ({
	playwright,
	baseURL
}) => {
	// Playwright's usual contexts are incognito, where Chromium never installs apps: use a profile.
	// Headless Chromium offers installation only without its engagement checks.
	const profile = mkdtempSync(join(tmpdir(), 'csto-install-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		baseURL,
		executablePath: process.env.CHROME_PATH || undefined,
		args: ['--no-sandbox', '--disable-gpu', '--bypass-app-banner-engagement-checks']
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		await page.goto('/settings');
		await waitForOfflineReady(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest', {});
		expect(manifest.errors).toEqual([]);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		await expect(page.getByRole('button', { name: 'Install app' })).toBeVisible();
		expect(errors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
