import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { serveStatic } from '../../scripts/static-server.js';
import { ROUTES, expect, test } from './fixtures';

// The tests that stop the server or swap builds serve the app themselves on a second port.
const MAIN_PORT = Number(process.env.E2E_PORT ?? 4173);
const OWN_PORT = Number(process.env.E2E_PORT_2 ?? MAIN_PORT + 1);
const OWN_ORIGIN = `http://localhost:${OWN_PORT}`;
const BUILD_A = process.env.BUILD_DIR ?? 'build';
const BUILD_B = process.env.BUILD_DIR_B ?? 'build-offline-b';
const KIT_OUT_B = process.env.KIT_OUT_DIR_B ?? '.svelte-kit-offline-b';

async function stop(server: Server): Promise<void> {
	await new Promise((done) => {
		server.close(done);
		server.closeAllConnections();
	});
}

function versionOf(buildDir: string): string {
	return JSON.parse(readFileSync(join(buildDir, '_app/version.json'), 'utf8')).version;
}

/** Waits until the service worker has installed (so the cache is full) and controls the page. */
async function waitForOfflineReady(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The header's offline indicator. */
function offlineStatus(page: Page) {
	return page.getByRole('banner').getByRole('status').filter({ hasText: 'Offline' });
}

/** Accessibility violations (WCAG A and AA) inside `selector`, in the light and the dark theme. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page })
			.include(selector)
			.withTags(['wcag2a', 'wcag2aa'])
			.analyze();
		found.push(...results.violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length})`));
	}
	return found;
}

function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
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
	await page.getByRole('link', { name: 'Review', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good\b/ }).click();
	// The next card (or the end of the session) appears once the rating is saved.
	await expect(page.getByRole('button', { name: /^Good\b/ })).toHaveCount(0);
}

/** Takes a quiz to its results, answering "Don't know" to every question. */
async function takeQuiz(page: Page): Promise<void> {
	await page.getByRole('link', { name: 'Quiz', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	// Only enabled buttons: each one is disabled while the previous answer is being saved.
	const dontKnow = page.getByRole('button', { name: "Don't know", disabled: false });
	const next = page.getByRole('button', { name: 'Next question', disabled: false });
	const results = page.getByRole('button', { name: 'See results', disabled: false });
	for (let step = 0; step < 100; step++) {
		await expect(dontKnow.or(next).or(results).first()).toBeVisible();
		if (await dontKnow.isVisible()) {
			await dontKnow.click();
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

		await stopServer();
		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
		await expect(offlineStatus(page)).toBeVisible();

		for (const route of ROUTES) {
			await page.goto(route.path);
			await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		}
		// A URL that was never prerendered (a shared quiz link) still gets the app.
		await page.goto('/quiz?topics=members&seed=7');
		await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();

		await page.goto('/');
		await reviewOneCard(page);
		await takeQuiz(page);
		const offlineProgress = await countProgress(page);
		expect(offlineProgress.reviews).toBeGreaterThanOrEqual(1);
		expect(offlineProgress.finishedQuizzes).toBe(1);

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

	test('a new build waits for "Reload to update", then replaces the old version and its cache', async ({
		watched: page
	}) => {
		// Two builds and an axe run: 77 s on 2 cores at a load of 25, and past 120 s at a load of 30.
		test.setTimeout(240_000);
		execFileSync('npm', ['run', '--silent', 'build'], {
			env: { ...process.env, BUILD_DIR: BUILD_B, KIT_OUT_DIR: KIT_OUT_B }
		});
		const [versionA, versionB] = [versionOf(BUILD_A), versionOf(BUILD_B)];
		expect(versionB).not.toBe(versionA);

		await serve(BUILD_A);
		await page.goto('/');
		await waitForOfflineReady(page);
		expect(await cacheNames(page)).toEqual([`csto-study-${versionA}`]);

		await stopServer();
		await serve(BUILD_B);
		// The navigation makes the browser fetch the new service worker; a review then begins.
		await page.goto('/review');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.evaluate(() => Object.assign(window, { reviewInProgress: true }));

		const reload = page.getByRole('button', { name: 'Reload to update' });
		await expect(reload).toBeVisible();
		expect(await axeViolations(page, 'header')).toEqual([]);
		// The new version waits: the review in progress is not interrupted.
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return {
					isWaiting: Boolean(registration?.waiting),
					sameDocument: 'reviewInProgress' in window
				};
			})
		).toEqual({ isWaiting: true, sameDocument: true });
		await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
		expect(await cacheNames(page)).toContain(`csto-study-${versionA}`);

		// "Later" hides the banner; the new version keeps waiting and is offered again on the next load.
		await page.getByRole('button', { name: 'Later' }).click();
		await expect(reload).toHaveCount(0);
		await page.reload();
		await expect(reload).toBeVisible();
		expect(await cacheNames(page)).toContain(`csto-study-${versionA}`);

		await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
		await reload.click();
		await page.waitForFunction(() => !('beforeUpdate' in window));
		await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
		await expect(reload).toHaveCount(0);
		expect(await cacheNames(page)).toEqual([`csto-study-${versionB}`]);
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return {
					hasWaiting: Boolean(registration?.waiting),
					isActive: Boolean(registration?.active)
				};
			})
		).toEqual({ hasWaiting: false, isActive: true });
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

	for (const icon of icons) {
		const iconResponse = await page.request.get(new URL(icon.src, manifestUrl).href);
		expect(iconResponse.status(), icon.src).toBe(200);
		expect(iconResponse.headers()['content-type']).toBe(icon.type);
		if (icon.type === 'image/png') {
			const [width, height] = icon.sizes.split('x').map(Number);
			expect(pngSize(await iconResponse.body()), icon.src).toEqual({ width, height });
		}
	}
	await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
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

test('the header shows "Offline" while the network is down', async ({ watched: page, context }) => {
	await page.goto('/settings');
	await waitForOfflineReady(page);
	const indicator = offlineStatus(page);
	await expect(indicator).toHaveCount(0);
	await context.setOffline(true);
	await expect(indicator).toBeVisible();
	await expect(indicator).toContainText('your progress is saved on this device');
	expect(await axeViolations(page, 'header')).toEqual([]);
	await context.setOffline(false);
	await expect(indicator).toHaveCount(0);
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
	expect(await axeViolations(page, 'section[aria-labelledby="app-heading"]')).toEqual([]);
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
