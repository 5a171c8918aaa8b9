import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { bank } from './bank';
import { ROOT } from './builds';
import { waitForHydration } from './hydration';
import { QUESTION_TYPES } from '../../src/lib/domain/quiz/types';
import { ROUTES, expect, test } from './fixtures';
import { dataDrawn, reviewCards } from './states';

/** Chromium's layout-shift entry, which lib.dom does not declare. */
interface LayoutShift extends PerformanceEntry {
	value: number;
	sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/**
 * Records every layout shift of the page's documents from their start (Cumulative Layout Shift's
 * entries, all of them), with what moved from where to where, so that a failure names the element.
 */
async function recordShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __shifts: string[] };
		w.__shifts = [];
		const where = (rect: DOMRectReadOnly) =>
			`(${Math.round(rect.x)}, ${Math.round(rect.y)}, ${Math.round(rect.width)}×${Math.round(rect.height)})`;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as unknown as LayoutShift[]) {
				const moved = entry.sources.map(({ node, previousRect, currentRect }) => {
					const name =
						node instanceof Element
							? `<${node.localName}${node.hasAttribute('class') ? ` class="${node.getAttribute('class')}"` : ''}>`
							: (node?.nodeName ?? 'a removed node');
					return `${name} ${where(previousRect)} to ${where(currentRect)}`;
				});
				w.__shifts.push(`${entry.value} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/**
 * The layout shifts recorded so far in the page's document, after two more frames (a shift is
 * reported with the frame that made it).
 */
async function shiftsOf(page: Page): Promise<string[]> {
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	return page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
}

const STATS_TILES = [
	'Streak',
	'Reviews today',
	'Reviews in 30 days',
	'Cards studied',
	'True retention, 30 days'
];

for (const route of ROUTES) {
	test(`${route.path} renders its heading with no console errors`, async ({ watched: page }) => {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(page.getByRole('main')).toHaveCount(1);
		await expect(page.getByRole('banner')).toContainText('CSTO Study');
	});
}

test("every page's HTML holds the shell and all that does not depend on the learner's data, before any JavaScript runs", async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	// The navigation works as plain links, page to prerendered page.
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const route of ROUTES) {
		await nav.getByRole('link', { name: route.label, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(page.getByRole('banner')).toContainText('CSTO Study');
		await expect(nav.getByRole('link')).toHaveText(ROUTES.map((r) => r.label));
	}

	// Home: its four counts, as placeholders until the database has been read, and its actions.
	await page.goto('/');
	for (const id of ['due-now', 'new-left', 'reviews-today', 'streak']) {
		await expect(page.getByTestId(id)).toHaveText('–');
	}
	await expect(page.getByRole('link', { name: 'Review now' })).toBeVisible();
	// Browse: the whole bank, readable (and findable by search engines) without JavaScript.
	await page.goto('/browse');
	await expect(page.locator('article')).toHaveCount(bank.items.length);
	await expect(page.getByRole('heading', { level: 3, name: bank.items[0]!.prompt })).toBeVisible();
	// Quiz: the set-up, every topic and question type offered.
	await page.goto('/quiz');
	await expect(page.getByRole('heading', { level: 2, name: 'Set up a quiz' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Topics' }).getByRole('checkbox')).toHaveCount(
		bank.topics.length
	);
	await expect(
		page.getByRole('group', { name: 'Question types' }).getByRole('checkbox')
	).toHaveCount(QUESTION_TYPES.length);
	// Review: its topic picker, and its counts as placeholders.
	await page.goto('/review');
	await expect(page.getByRole('combobox', { name: 'Review all topics or one' })).toBeVisible();
	await expect(page.getByLabel('Cards left')).toHaveText(
		/^\s*New\s*–\s*Learning\s*–\s*Review\s*–\s*$/
	);
	// Stats: its frame, the summary's tiles with placeholders, and the status its charts replace.
	await page.goto('/stats');
	const main = page.getByRole('main');
	await expect(main.locator('dt')).toHaveText(STATS_TILES);
	await expect(main.locator('dd strong')).toHaveText(STATS_TILES.map(() => '–'));
	await expect(main.getByRole('status')).toHaveText('Loading your stats…');
	await context.close();
});

test("the pages drawn from the learner's data do not shift when it arrives, on a phone and a desktop", async ({
	watched: page
}) => {
	// Four pages, Browse with its ~200 items among them, twice at two widths: two busy cores need more
	// than the default 30 s.
	test.setTimeout(120_000);
	await recordShifts(page);
	// Nothing studied (Stats' streak note is then its longest), then three cards rated today.
	for (const reviewed of [0, 3]) {
		if (reviewed) await reviewCards(page, reviewed);
		for (const width of [390, 1280]) {
			await page.setViewportSize({ width, height: 844 });
			for (const path of ['/', '/stats', '/review', '/browse']) {
				await page.goto(path);
				await dataDrawn(page, path);
				expect(
					await shiftsOf(page),
					`${path} at ${width} px, ${reviewed} cards reviewed: its layout shifts`
				).toEqual([]);
			}
		}
	}
});

test('a page whose HTML arrives in two pieces is first drawn with all of its frame, so nothing moves when the rest comes', async ({
	browser,
	baseURL
}) => {
	// A phone's first visit gets the HTML a few packets at a time, and the offline cache hands it over
	// in chunks too. Here each page's HTML stops for 600 ms before its paint mark (src/app.html): just
	// after the opening tag of its first select, whose options and width are still to come, or else
	// halfway into <main>. A browser that drew what it had would draw Review's select empty and narrow,
	// then widen it (a shift of 0.0155 at 390 px without the mark). Browse is also cut after its mark,
	// in its first items, which may be drawn as they come. The other files come from the tests' server.
	const PAUSE_MS = 600;
	// Eighteen page loads with their pauses: more than the default 60 s on two busy cores.
	test.setTimeout(150_000);
	const buildDir = resolve(ROOT, process.env.BUILD_DIR ?? 'build');
	// Each prerendered page by its path, with its HTML.
	const html = new Map(
		['/', '/review', '/browse', '/quiz', '/quiz/results', '/stats', '/settings', '/members'].map(
			(path) => [
				path,
				readFileSync(resolve(buildDir, `${path === '/' ? 'index' : path.slice(1)}.html`), 'utf8')
			]
		)
	);
	for (const [path, text] of html) {
		expect(text.split('id="paint-mark"').length - 1, `${path}: its paint marks`).toBe(1);
	}
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const text = html.get(url.pathname);
		if (text) {
			const main = text.indexOf('<main');
			const mark = text.indexOf('id="paint-mark"');
			const select = text.indexOf('<select', main);
			const cut = url.searchParams.has('after-mark')
				? mark + 4000
				: select >= 0 && select < mark
					? text.indexOf('>', select) + 1
					: Math.round((main + mark) / 2);
			response.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'cache-control': 'no-store'
			});
			response.write(text.slice(0, cut));
			await new Promise((done) => setTimeout(done, PAUSE_MS));
			response.end(text.slice(cut));
			return;
		}
		const answer = await fetch(new URL(request.url ?? '/', baseURL));
		response.writeHead(answer.status, {
			'content-type': answer.headers.get('content-type') ?? 'application/octet-stream'
		});
		response.end(Buffer.from(await answer.arrayBuffer()));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		waitForHydration(page);
		await recordShifts(page);
		// In the page's first frame: whether its paint mark had come, and its first select's options
		// (-1: it has none), counted by the function the test calls again once the page is whole.
		await page.addInitScript(() => {
			const w = window as unknown as { __options: () => number; __firstFrame: unknown };
			w.__options = () =>
				document.querySelector('main select')?.querySelectorAll('option').length ?? -1;
			requestAnimationFrame(() => {
				w.__firstFrame = {
					hasMark: document.getElementById('paint-mark') !== null,
					options: w.__options()
				};
			});
		});
		for (const width of [390, 1280]) {
			await page.setViewportSize({ width, height: 844 });
			for (const path of [...html.keys(), '/browse?after-mark']) {
				await page.goto(origin + path);
				await dataDrawn(page, path);
				const options = await page.evaluate(() =>
					(window as unknown as { __options: () => number }).__options()
				);
				expect(
					await page.evaluate(() => (window as unknown as { __firstFrame: unknown }).__firstFrame),
					`${path} at ${width} px: its first frame`
				).toEqual({ hasMark: true, options });
				expect(
					await shiftsOf(page),
					`${path} at ${width} px, its HTML in two pieces: its layout shifts`
				).toEqual([]);
			}
		}
	} finally {
		await context.close();
		server.close();
	}
});

test('every nav link works by keyboard alone', async ({ watched: page }) => {
	// Seven routes, Browse with its ~200 items among them: more than the default 30 s on two busy cores.
	test.setTimeout(90_000);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link')).toHaveText(ROUTES.map((r) => r.label));

	for (const route of ROUTES) {
		await page.keyboard.press('Tab');
		// The skip link comes first; then the brand; then the nav links in order.
		let guard = 0;
		while (
			(await page.evaluate(() => document.activeElement?.textContent?.trim())) !== route.label &&
			guard++ < 20
		) {
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${route.path === '/' ? '/$' : route.path}$`));
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(nav.getByRole('link', { name: route.label })).toHaveAttribute(
			'aria-current',
			'page'
		);
		// The router ends a navigation by moving the focus to the top of the page, where a keyboard
		// user starts again. Only that says that Home's link, pressed on Home, has finished: the URL
		// and the heading do not change. A Tab taken before it would be undone by it, and the next
		// Enter would then land on nothing (the page stayed at / once in a clean clone).
		await expect
			.poll(() => page.evaluate(() => document.activeElement === document.body))
			.toBe(true);
	}
});

test('the skip link moves focus to the main content', async ({ watched: page }) => {
	await page.goto('/quiz');
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('the theme chosen in Settings is remembered across visits', async ({ watched: page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(17, 20, 24)');
	await page.getByRole('radio', { name: 'System' }).check();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
});

test('the layout fits a 360 px wide screen without sideways scrolling', async ({
	watched: page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	// The headings are prerendered: measure once what is drawn from the learner's data is there too.
	for (const route of ROUTES) {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await dataDrawn(page, route.path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${route.path} scrolls sideways`).toBeLessThanOrEqual(0);
	}
});
