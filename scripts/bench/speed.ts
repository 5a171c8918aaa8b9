// Speed where learners are: the production build in Chromium, driven through its pages, with a
// collection seeded into the app's real IndexedDB at two sizes (scripts/bench/lib/collection.ts).
// - ui.home.counts.<size>: ms from the start of the navigation to Home's four counts painted;
//   median of 7 loads, once the Stats page has been opened (it stores the log's summary, which the
//   streak reads); `.beforeStats`: the same before any Stats visit; `.imported`: the same after the
//   collection's backup was imported with Replace, which stores its log in blocks and drops the
//   summary (no target of its own: Home's target holds for it too). `.newTab`: the same as
//   ui.home.counts.<size>, each load in a tab of its own, as a learner opens the app (the other
//   loads go to Home again in the same tab, whose renderer has the app's scripts, fonts and style
//   warm; measured 2026-12-04 at the realistic size, 12 loads each: median 472 ms in new tabs
//   against 240 ms in one tab). No target of its own: it is there to be read beside the target's.
// - ui.stats.ready.<size>: ms from the start of the navigation to the last of the Stats page's charts
//   painted with the learner's data (they are drawn a few at a time), reading the log included;
//   median of 5 loads.
// - ui.rate.p95.<size>: ms from the key press `3` on a shown answer to the next card's question
//   painted; 95th percentile of 40 ratings. The key is pressed once the answer has been shown for
//   READ_MS, as a learner reads it first: pressed at once, it lands while Chromium is still drawing
//   the frames that showed the answer, and the next card waits for the frame after (measured
//   2026-12-03: p95 21–23 ms pressed at once against 11 ms after a pause of 60 ms or more).
// - ui.quiz.feedback.p95.realistic: ms from the key press Enter on a quiz question's "Don't know"
//   to its feedback painted (the answer and the flashcard's rating stored first); 95th percentile of
//   40 answers in practice quizzes of 10, the key pressed READ_MS after the question shows.
// - ui.longtask.max.stress: the longest main-thread task (PerformanceObserver `longtask`, which
//   reports tasks of 50 ms or more; 0 when there was none) during the 40 ratings and during a Stats
//   visit (the median visit's longest), with the stress collection; `ui.longtask.stats.first.stress`:
//   the longest during the first Stats visit, which reads the whole log and stores its summary.
// - ui.export.100k, ui.import.100k: ms to save and to import (read, check, then Replace) the backup
//   of the stress collection on the Settings page, with progress shown (the import timed in the
//   page: from the file chosen to the backup's contents painted, then from the click on Replace to
//   its message painted); `.longtask`: the longest task meanwhile (it must stay under 200 ms).
//   ui.export.20k, ui.import.20k: the same for the realistic collection's backup.
//   `ui.import.<n>.noLog`: the same backup with no ratings in it, imported with Replace over the
//   imported collection (its log in blocks, so cheaper to clear than the seeded rows): what an
//   import costs apart from writing the log (scripts/bench/log-shapes.ts times the log's write in
//   other shapes).
// - ui.compact.<size>: once seeded (every rating a row), Home is loaded and the app moves the
//   ratings older than 60 days into blocks in the background (src/lib/state/compaction.ts), as it
//   does once on a learner's device: ms from its first step's commit to its last's, and `.longtask`
//   the longest main-thread task meanwhile. Every figure after it is of the log as the app then
//   keeps it (the old ratings in blocks, the last 60 days' as rows).
// The pages are loaded with the HTTP cache warm (as on a learner's return visit) and service workers
// blocked, so that what is measured is the app and not the worker's first install. The database is
// left at rest for SETTLE_MS once seeded, as a learner's is when they come back: the browser works
// on for seconds after thousands of rows are written at once (measured 2026-12-04, realistic size:
// Home's counts in a median of 155 ms 8 s after the seeding, 110–130 ms from 20 s on). Home after an
// import is timed at once, as a learner who imports and goes to Home meets it.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { COMPACT_AGE_MS } from '../../src/lib/state/compaction.ts';
import { buildCollection, type Collection, type CollectionSize } from './lib/collection.ts';
import { installProbes, type PaintProbe } from './lib/page-probes.ts';
import { benchPort } from './lib/ports.js';
import { median, percentile } from './lib/summary.js';

type Report = (figure: { name: string; value: number; unit: string }) => void;

const PORT = benchPort(4);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HOME_LOADS = 7;
const STATS_LOADS = 5;
const RATINGS = 40;
const QUIZ_ANSWERS = 40;
/** How long the database is left at rest once seeded, before anything is timed. */
const SETTLE_MS = 20_000;
/** How long the answer is shown before the rating key: far less than any learner takes to read it. */
const READ_MS = 300;

const round = (ms: number) => Math.round(ms * 10) / 10;
const spread = (values: number[]) =>
	`${values.length} runs, ${round(Math.min(...values))}–${round(Math.max(...values))} ms`;

/** Writes the collection straight into the app's database (created by a first visit to Home). */
async function seed(page: Page, collection: Collection): Promise<void> {
	await page.goto('/');
	await page.waitForFunction(() => window.__probes.countsPaintedAt > 0);
	const put = (store: string, rows: unknown[]) =>
		page.evaluate(
			([store, rows]) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('csto-study');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(store as string, 'readwrite');
						const table = tx.objectStore(store as string);
						for (const row of rows as unknown[]) table.put(row);
						tx.oncomplete = () => {
							db.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				}),
			[store, rows] as const
		);
	for (const store of ['settings', 'cards', 'quizAttempts', 'reviews'] as const) {
		const rows = collection[store] as unknown[];
		for (let i = 0; i < rows.length; i += 20_000) await put(store, rows.slice(i, i + 20_000));
	}
}

/** How many ratings are rows of their own given more than COMPACT_AGE_MS ago. */
function oldRows(page: Page, now: number): Promise<number> {
	return page.evaluate(
		(before) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db
						.transaction('reviews', 'readonly')
						.objectStore('reviews')
						.index('reviewedAt')
						.count(IDBKeyRange.upperBound(before, true));
					request.onsuccess = () => {
						db.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		now - COMPACT_AGE_MS
	);
}

/**
 * Loads Home and waits while the app moves the log's old ratings into blocks, as it does once on a
 * learner's device (src/lib/state/compaction.ts), so that every figure after it is of the log as
 * the app keeps it; resolves to the rows moved, the ms from the first step's commit to the last's
 * (seen by counting every 50 ms) and the longest main-thread task meanwhile.
 */
async function compactLog(page: Page) {
	const now = Date.now();
	await page.goto('/');
	const rows = await oldRows(page, now);
	let first: number | undefined;
	let last = 0;
	for (const until = performance.now() + 300_000; performance.now() < until;) {
		const left = await oldRows(page, now);
		const at = await page.evaluate(() => performance.now());
		if (left < rows) first ??= at;
		if (left === 0) {
			last = at;
			break;
		}
		await page.waitForTimeout(50);
	}
	if (first === undefined || last === 0) throw new Error('The log was not compacted in 5 minutes.');
	return { rows, ms: last - first, longest: await longestTask(page, first, last) };
}

/**
 * Loads `path` and waits for the probe `key` to hold a paint time; resolves to it. The wait is the
 * page's own (`__painted`), asked for once the navigation commits: Playwright's `waitForFunction`
 * (or a wait for the load event first) compiles Playwright's injected script in the page in the
 * middle of its start-up, which is no part of a learner's load (measured 2026-12-03: 10–17 ms of
 * the main thread, just before the app's scripts ran).
 */
async function timeLoad(page: Page, path: string, key: PaintProbe): Promise<number> {
	await page.goto(path, { waitUntil: 'commit' });
	return page.evaluate(
		(k) =>
			Promise.race([
				window.__painted(k),
				new Promise<never>((_, reject) =>
					setTimeout(() => reject(new Error(`${k}: nothing painted in a minute`)), 60_000)
				)
			]),
		key
	);
}

const longestTask = (page: Page, from = 0, to = Infinity) =>
	page.evaluate(
		([from, to]) =>
			Math.max(
				0,
				...window.__probes.longTasks
					.filter((t) => t.start + t.duration >= from && t.start <= to)
					.map((t) => t.duration)
			),
		[from, to] as const
	);

/** Rates `count` cards Good with the keyboard; resolves to each rating's ms and the longest task. */
async function rateCards(page: Page, count: number) {
	await page.goto('/review');
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	const times: number[] = [];
	const from = await page.evaluate(() => performance.now());
	for (let i = 0; i < count; i++) {
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: /^Good / }).waitFor();
		await page.waitForTimeout(READ_MS);
		const painted = page.evaluate(() => window.__nextCardPainted());
		await page.keyboard.press('3');
		const end = await painted;
		times.push(end - (await page.evaluate(() => window.__probes.rateKeyAt)));
	}
	return { times, longest: await longestTask(page, from) };
}

/** Answers practice quizzes of 10 "Don't know" by keyboard until `count` answers are timed; their ms. */
async function answerQuizzes(page: Page, count: number): Promise<number[]> {
	const times: number[] = [];
	for (let quiz = 0; times.length < count; quiz++) {
		await page.goto(`/quiz?seed=bench${quiz}&n=10&mode=practice`);
		for (let n = 1; n <= 10; n++) {
			await page.getByText(`Question ${n} of 10`, { exact: true }).waitFor();
			await page.getByRole('button', { name: "Don't know" }).focus();
			await page.waitForTimeout(READ_MS);
			const painted = page.evaluate(() => window.__feedbackPainted());
			await page.keyboard.press('Enter');
			const end = await painted;
			times.push(end - (await page.evaluate(() => window.__probes.enterKeyAt)));
			await page.getByRole('button', { name: /^(Next question|See results)$/ }).click();
		}
		// The quiz is stored as finished before the next one opens (else that one asks about it).
		await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
	}
	return times;
}

/** Resolves to true once a progress bar shows (checked for a minute at most). */
function seeProgress(page: Page): Promise<boolean> {
	return page
		.locator('progress')
		.first()
		.waitFor({ timeout: 60_000 })
		.then(
			() => true,
			() => false
		);
}

/** Exports the backup on the Settings page; resolves to its ms, the longest task and the file. */
async function exportBackup(page: Page, dir: string) {
	await page.goto('/settings');
	const button = page.getByRole('button', { name: 'Export backup' });
	await button.waitFor();
	const from = await page.evaluate(() => performance.now());
	const download = page.waitForEvent('download', { timeout: 120_000 });
	const progress = seeProgress(page);
	const start = performance.now();
	await button.click();
	const file = await download;
	const ms = performance.now() - start;
	const isProgressShown = await progress;
	const path = join(dir, 'backup.json');
	await file.saveAs(path);
	return { ms, longest: await longestTask(page, from), path, isProgressShown };
}

/**
 * Imports the file with Replace; resolves to the ms of reading and checking plus writing, each timed
 * in the page: from the file chosen (its `change` event) to "This backup holds" painted, and from the
 * click on Replace to the import's message painted.
 */
async function importBackup(page: Page, path: string) {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Import backup' }).waitFor();
	const from = await page.evaluate(() => performance.now());
	const reading = seeProgress(page);
	const read = page.evaluate(() => window.__textPainted('This backup holds'));
	await page.locator('input[type="file"]').setInputFiles(path);
	const readMs = (await read) - (await page.evaluate(() => window.__probes.changeAt));
	const isReadProgressShown = await reading;
	const writing = seeProgress(page);
	const written = page.evaluate(() => window.__textPainted('Replaced your data with the backup'));
	await page.getByRole('button', { name: 'Replace' }).click();
	const writeMs = (await written) - (await page.evaluate(() => window.__probes.clickAt));
	const isProgressShown = isReadProgressShown && (await writing);
	return {
		ms: readMs + writeMs,
		readMs,
		writeMs,
		longest: await longestTask(page, from),
		isProgressShown
	};
}

async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: ORIGIN,
		serviceWorkers: 'block',
		acceptDownloads: true
	});
	await context.addInitScript(installProbes);
	return context;
}

async function measure(browser: Browser, size: CollectionSize, report: Report, dir: string) {
	const context = await newContext(browser);
	try {
		const page = await context.newPage();
		const collection = buildCollection(size, Date.now());
		await seed(page, collection);
		const compaction = await compactLog(page);
		process.stderr.write(
			`  ${size} compaction: ${compaction.rows} rows in ${round(compaction.ms)} ms, longest task ${round(compaction.longest)} ms\n`
		);
		report({ name: `ui.compact.${size}`, value: Math.round(compaction.ms), unit: 'ms' });
		report({ name: `ui.compact.${size}.longtask`, value: round(compaction.longest), unit: 'ms' });
		await page.waitForTimeout(SETTLE_MS);

		const loadHome = async (label: string, name: string) => {
			const home: number[] = [];
			for (let i = 0; i < HOME_LOADS; i++) home.push(await timeLoad(page, '/', 'countsPaintedAt'));
			const counts = await page.locator('[data-testid]').allInnerTexts();
			process.stderr.write(`  ${size} Home ${label}: ${counts.join(' | ')} (${spread(home)})\n`);
			report({ name, value: round(median(home)), unit: 'ms' });
		};
		await loadHome('before any Stats visit', `ui.home.counts.${size}.beforeStats`);

		const stats: number[] = [];
		const statsLongest: number[] = [];
		for (let i = 0; i < STATS_LOADS; i++) {
			stats.push(await timeLoad(page, '/stats', 'statsPaintedAt'));
			// The visit's tasks, until the page has settled.
			await page.waitForTimeout(300);
			statsLongest.push(await longestTask(page));
		}
		process.stderr.write(`  ${size} Stats: ${spread(stats)}\n`);
		report({ name: `ui.stats.ready.${size}`, value: round(median(stats)), unit: 'ms' });

		// Home again, now that the Stats page has stored the log's summary, as it has for a learner
		// who has opened Stats once: the streak's days up to it are then not counted one by one.
		await loadHome('after Stats', `ui.home.counts.${size}`);
		const newTab: number[] = [];
		for (let i = 0; i < HOME_LOADS; i++) {
			const tab = await context.newPage();
			newTab.push(await timeLoad(tab, '/', 'countsPaintedAt'));
			await tab.close();
		}
		process.stderr.write(`  ${size} Home in a new tab: ${spread(newTab)}\n`);
		report({ name: `ui.home.counts.${size}.newTab`, value: round(median(newTab)), unit: 'ms' });

		const rating = await rateCards(page, RATINGS);
		process.stderr.write(
			`  ${size} ratings: median ${round(median(rating.times))} ms, ${spread(rating.times)}\n`
		);
		report({ name: `ui.rate.p95.${size}`, value: round(percentile(rating.times, 95)), unit: 'ms' });

		if (size === 'realistic') {
			const answers = await answerQuizzes(page, QUIZ_ANSWERS);
			process.stderr.write(
				`  ${size} quiz answers: median ${round(median(answers))} ms, ${spread(answers)}\n`
			);
			report({
				name: `ui.quiz.feedback.p95.${size}`,
				value: round(percentile(answers, 95)),
				unit: 'ms'
			});
		}

		if (size === 'stress') {
			process.stderr.write(
				`  longest tasks: ratings ${round(rating.longest)} ms, Stats visits ${statsLongest.map(round).join(', ')} ms\n`
			);
			report({
				name: 'ui.longtask.max.stress',
				value: round(Math.max(rating.longest, median(statsLongest))),
				unit: 'ms'
			});
			// The first visit reads the whole log and stores its summary: its own figure, so that the
			// median above never hides it.
			report({
				name: 'ui.longtask.stats.first.stress',
				value: round(statsLongest[0]!),
				unit: 'ms'
			});
		}

		// The backup's figures are named by the reviews it holds: 100k (stress), 20k (realistic).
		const reviews = `${Math.round(collection.reviews.length / 1000)}k`;
		const saved = await exportBackup(page, dir);
		if (!saved.isProgressShown) process.stderr.write(`  ${size} export: NO PROGRESS SHOWN\n`);
		process.stderr.write(
			`  ${size} export: ${(statSync(saved.path).size / 1024 / 1024).toFixed(1)} MB file\n`
		);
		report({ name: `ui.export.${reviews}`, value: Math.round(saved.ms), unit: 'ms' });
		report({ name: `ui.export.${reviews}.longtask`, value: round(saved.longest), unit: 'ms' });

		const loaded = await importBackup(page, saved.path);
		if (!loaded.isProgressShown) process.stderr.write(`  ${size} import: NO PROGRESS SHOWN\n`);
		process.stderr.write(
			`  ${size} import: read and check ${Math.round(loaded.readMs)} ms, write ${Math.round(loaded.writeMs)} ms\n`
		);
		report({ name: `ui.import.${reviews}`, value: Math.round(loaded.ms), unit: 'ms' });
		report({ name: `ui.import.${reviews}.longtask`, value: round(loaded.longest), unit: 'ms' });
		// The same log, now as an import stores it (in blocks, src/lib/data/log-bulk.ts): Home again.
		await loadHome('after the import', `ui.home.counts.${size}.imported`);

		const withoutLog = join(dir, 'backup-without-log.json');
		writeFileSync(
			withoutLog,
			JSON.stringify({ ...JSON.parse(readFileSync(saved.path, 'utf8')), reviews: [] })
		);
		const noLog = await importBackup(page, withoutLog);
		process.stderr.write(
			`  ${size} import without the log: read and check ${Math.round(noLog.readMs)} ms, write ${Math.round(noLog.writeMs)} ms\n`
		);
		report({ name: `ui.import.${reviews}.noLog`, value: Math.round(noLog.ms), unit: 'ms' });
	} finally {
		await context.close();
	}
}

export async function run(report: Report): Promise<void> {
	const server: Server = await serveStatic(process.env.BUILD_DIR ?? 'build', PORT);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const dir = mkdtempSync(join(tmpdir(), 'ui-bench-'));
	try {
		for (const size of ['realistic', 'stress'] as const) await measure(browser, size, report, dir);
	} finally {
		await browser.close();
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
