// What offline use costs: the service worker's size, what it precaches on the first visit, how long
// until the app works offline, and how fast a reload is answered from the cache with no network.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { benchPort } from './lib/ports.js';
import { median } from './lib/summary.js';

const PORT = benchPort(3);
const BUILD_DIR = 'build-offline-bench';
const RUNS = 5;

/** One first visit in a fresh profile: time to offline-ready, the cache's contents, an offline reload. */
async function visit(browser) {
	const server = await serveStatic(BUILD_DIR, PORT);
	const stop = () =>
		new Promise((done) => {
			server.close(done);
			server.closeAllConnections();
		});
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const start = performance.now();
		await page.goto(`http://localhost:${PORT}/`);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const readyMs = performance.now() - start;
		const cache = await page.evaluate(async () => {
			const [name] = await caches.keys();
			const store = await caches.open(name);
			const requests = await store.keys();
			let bytes = 0;
			for (const request of requests) bytes += (await (await store.match(request)).blob()).size;
			return { files: requests.length, bytes };
		});
		await stop();
		await context.setOffline(true);
		const reloadStart = performance.now();
		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
		const reloadMs = performance.now() - reloadStart;
		return { readyMs, reloadMs, cache };
	} finally {
		await context.close();
		if (server.listening) await stop();
	}
}

export async function run(report) {
	execFileSync('npm', ['run', '--silent', 'build'], {
		env: { ...process.env, BUILD_DIR, KIT_OUT_DIR: '.svelte-kit-offline-bench' }
	});
	const worker = readFileSync(`${BUILD_DIR}/service-worker.js`);
	report({
		name: 'offline.sw.js.gz',
		value: Math.round((gzipSync(worker, { level: 9 }).length / 1024) * 100) / 100,
		unit: 'KB'
	});

	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await visit(browser));
		report({ name: 'offline.precache.files', value: runs[0].cache.files, unit: 'count' });
		report({
			name: 'offline.precache.size',
			value: Math.round((runs[0].cache.bytes / 1024) * 10) / 10,
			unit: 'KB'
		});
		report({
			name: 'offline.first-visit-to-ready.median',
			value: Math.round(median(runs.map((r) => r.readyMs))),
			unit: 'ms'
		});
		report({
			name: 'offline.reload-from-cache.median',
			value: Math.round(median(runs.map((r) => r.reloadMs))),
			unit: 'ms'
		});
	} finally {
		await browser.close();
	}
}
