// The learner's own memory model in Chromium, on the production build: `fsrs.train.3k` and
// `fsrs.train.20k` (ms from clicking "Train my parameters" to the comparison on screen: loading the
// WASM, reading the log, training on 80 %, comparing on 20 %), the longest main-thread task meanwhile,
// the log loss of the defaults and of the trained parameters on the simulated learner's held-out
// reviews, and the gzip size of the WASM and the worker, which load only when the learner trains.
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRng } from '../../src/lib/domain/random.ts';
import {
	SIMULATED_3K,
	SIMULATED_SEED,
	simulateLearner,
	simulatedCardIds,
	type SimulatedHistory
} from '../../src/lib/domain/scheduling/simulated-learner.ts';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { installProbes } from './lib/page-probes.ts';

type Report = (figure: { name: string; value: number; unit: string }) => void;

const PORT = 4346;
const BUILD_DIR = 'build-fsrs-bench';

/** 20,000 reviews: the same learner with 1,400 cards. */
const SIMULATED_20K = {
	...SIMULATED_3K,
	cardIds: simulatedCardIds(1400),
	days: 600,
	reviewCount: 20_000
};

async function seed(page: Page, history: SimulatedHistory): Promise<void> {
	await page.evaluate(
		(rows) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['cards', 'reviews'], 'readwrite');
					for (const card of rows.cards) tx.objectStore('cards').put(card);
					for (const review of rows.reviews) tx.objectStore('reviews').add(review);
					tx.oncomplete = () => {
						open.result.close();
						done();
					};
					tx.onerror = () => fail(tx.error);
				};
			}),
		history
	);
}

/** Trains once in a fresh profile; returns the time, the longest main-thread task and the losses. */
async function train(
	browser: Awaited<ReturnType<typeof chromium.launch>>,
	history: SimulatedHistory
) {
	// No service worker: its installation would compete with the training for the two cores.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.addInitScript(installProbes);
		await page.goto(`http://localhost:${PORT}/settings`);
		const section = page.getByRole('region', { name: 'Your memory model' });
		const wait = { timeout: 300_000 };
		await section.getByText('You have 0 reviews.').waitFor(wait);
		await seed(page, history);
		await page.reload();
		await section.getByText(/You have [\d,]+ reviews\./).waitFor(wait);
		const button = section.getByRole('button', { name: 'Train my parameters' });
		await button.waitFor(wait);
		// Let the page settle, so that only the training's own tasks are counted.
		await page.waitForLoadState('networkidle');
		// Timed in the page, from the click's own time to the comparison painted: Playwright's waits
		// look again only every 500 ms after the first 270.
		const compared = page.evaluate(() => window.__textPainted('Defaults or yours?'));
		await button.click();
		const startedAt = await page.evaluate(() => window.__probes.clickAt);
		const ms = (await compared) - startedAt;
		const longest = await page.evaluate(
			(from) =>
				Math.max(
					0,
					...window.__probes.longTasks
						.filter((task) => task.start >= from)
						.map((task) => task.duration)
				),
			startedAt
		);
		const table = section.getByRole('table').first();
		const loss = async (name: RegExp) =>
			Number(await table.getByRole('row', { name }).getByRole('cell').textContent());
		return {
			ms,
			longest,
			defaults: await loss(/FSRS's defaults/),
			trained: await loss(/Yours/)
		};
	} finally {
		await context.close();
	}
}

function gzipKb(path: string): number {
	return Math.round((gzipSync(readFileSync(path), { level: 9 }).length / 1024) * 10) / 10;
}

export async function run(report: Report): Promise<void> {
	execFileSync('npm', ['run', '--silent', 'build'], {
		env: { ...process.env, BUILD_DIR, KIT_OUT_DIR: '.svelte-kit-fsrs-bench' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const workers = `${BUILD_DIR}/_app/immutable/workers`;
	const worker = readdirSync(workers).find((name) => name.startsWith('memory-model.worker'));
	const wasm = readdirSync(`${workers}/assets`).find((name) => name.endsWith('.wasm'));
	report({ name: 'fsrs.wasm.gz', value: gzipKb(`${workers}/assets/${wasm}`), unit: 'KB' });
	report({ name: 'fsrs.worker.gz', value: gzipKb(`${workers}/${worker}`), unit: 'KB' });

	const server = await serveStatic(BUILD_DIR, PORT);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const small = await train(browser, simulateLearner(SIMULATED_3K, createRng(SIMULATED_SEED)));
		report({ name: 'fsrs.train.3k', value: Math.round(small.ms), unit: 'ms' });
		report({ name: 'fsrs.train.3k.longest-task', value: Math.round(small.longest), unit: 'ms' });
		report({ name: 'fsrs.logloss.default', value: small.defaults, unit: 'score' });
		report({ name: 'fsrs.logloss.trained', value: small.trained, unit: 'score' });
		const large = await train(browser, simulateLearner(SIMULATED_20K, createRng(SIMULATED_SEED)));
		report({ name: 'fsrs.train.20k', value: Math.round(large.ms), unit: 'ms' });
		report({ name: 'fsrs.train.20k.longest-task', value: Math.round(large.longest), unit: 'ms' });
	} finally {
		await browser.close();
		server.close();
	}
}
