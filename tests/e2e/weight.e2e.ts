import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The gzip JavaScript budget of a first visit to Home, all of it: the first script, then the data
 * layer it loads once the page is on screen. Set just above the measured size: a guard against
 * growth, not a target met (issue 14). 93.0 KB on 3 December 2026, once Home stopped loading the
 * scheduler (ts-fsrs); it was 101.9 KB before, and 85.1 KB before Check database's validator and the
 * memory model's settings. Raised to 94.5 on 4 December 2026 at 94.02 KB: Home's page script now
 * starts loading the module its counts are read with before the page hydrates, which brought them
 * 12 ms sooner (A/B in Chromium, 14 rounds of 9 loads: 143.7 against 155.5 ms).
 */
const HOME_JS_BUDGET_KB = 94.5;
/** What a first visit to Members may load beyond Home's JavaScript (issue 16: under 60 KB). */
const MEMBERS_EXTRA_JS_KB = 60;
const BUILD = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');

// No service worker: it would fetch every file of the build for the offline cache.
test.use({ serviceWorkers: 'block' });

/** Navigates and returns the same-origin .js files the page loaded, with their source text. */
async function scriptsLoadedBy(page: Page, path: string): Promise<Map<string, string>> {
	const scripts = new Map<string, string>();
	const listener = (request: { url(): string }) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('.js')) {
			scripts.set(url.pathname, readFileSync(`${BUILD}${url.pathname}`, 'utf8'));
		}
	};
	page.on('request', listener);
	await page.goto(path, { waitUntil: 'networkidle' });
	page.off('request', listener);
	return scripts;
}

const gzipKb = (sources: Iterable<string>) =>
	[...sources].reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0) / 1024;

test(`Home's first visit stays within ${HOME_JS_BUDGET_KB} KB of gzip JavaScript`, async ({
	watched: page
}) => {
	const scripts = await scriptsLoadedBy(page, '/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	expect(scripts.size).toBeGreaterThan(3);
	expect(gzipKb(scripts.values())).toBeLessThanOrEqual(HOME_JS_BUDGET_KB);
});

test('Home loads neither the whole bank, the scheduler, the import code nor the charts', async ({
	watched: page
}) => {
	const home = [...(await scriptsLoadedBy(page, '/')).values()].join('\n');
	// Text that only the whole bank, the backup importer and the charts contain (the importer runs
	// in a worker that the Settings page starts).
	expect(home).not.toContain('"explanation"');
	expect(home).not.toContain('csto-study-backup');
	expect(home).not.toContain('backup-worker');
	expect(home).not.toMatch(/Reviews per day/);
	// ts-fsrs's own error message: Home reads cards but rates none, so the scheduler stays out.
	expect(home).not.toContain('FSRS Error');
	const review = [...(await scriptsLoadedBy(page, '/review')).values()].join('\n');
	expect(review).toContain('FSRS Error');

	const stats = [...(await scriptsLoadedBy(page, '/stats')).values()].join('\n');
	expect(stats).toMatch(/Reviews per day/);
	const settings = [...(await scriptsLoadedBy(page, '/settings')).values()].join('\n');
	expect(settings).toContain('backup-worker');
});

test(`Members loads the map, and at most ${MEMBERS_EXTRA_JS_KB} KB of gzip JavaScript beyond Home's`, async ({
	watched: page
}) => {
	const home = await scriptsLoadedBy(page, '/');
	// A property of the projected map and one of the membership data that nothing else contains.
	expect([...home.values()].join('\n')).not.toContain('insetFrame');
	expect([...home.values()].join('\n')).not.toContain('charterInForce');
	const members = await scriptsLoadedBy(page, '/members');
	await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
	const text = [...members.values()].join('\n');
	expect(text).toContain('insetFrame');
	expect(text).toContain('charterInForce');
	expect(gzipKb(members.values())).toBeLessThanOrEqual(gzipKb(home.values()) + MEMBERS_EXTRA_JS_KB);
});

test("the memory model's worker and WASM load only when the learner trains", async ({
	watched: page
}) => {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.goto('/settings', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { name: 'Your memory model' })).toBeVisible();
	expect(requested.length).toBeGreaterThan(3);
	expect(requested.filter((path) => /\.wasm$|memory-model\.worker/.test(path))).toEqual([]);
});
