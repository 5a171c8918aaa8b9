// The gzip size of the JavaScript and CSS that Home loads on a first visit, read off a real Chromium
// load of the production build (so it counts exactly what the browser fetches).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

/** Lists the same-origin .js and .css files a page loads, until the network is idle. */
export async function assetsLoadedBy(path) {
	const server = await serveStatic(BUILD_DIR, PORT);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const urls = new Set();
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.port === String(PORT) && /\.(js|css)$/.test(url.pathname)) urls.add(url.pathname);
		});
		await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: 'networkidle' });
		return [...urls];
	} finally {
		await browser.close();
		server.close();
	}
}

/** Gzip size in KB (one decimal) of the given build files. */
export function gzipKb(paths) {
	const bytes = paths.reduce(
		(sum, p) => sum + gzipSync(readFileSync(`${BUILD_DIR}${p}`), { level: 9 }).length,
		0
	);
	return Math.round((bytes / 1024) * 10) / 10;
}

export async function run(report) {
	const assets = await assetsLoadedBy('/');
	const homeJs = gzipKb(assets.filter((a) => a.endsWith('.js')));
	report({ name: 'bundle.home.js.gz', value: homeJs, unit: 'KB' });
	report({
		name: 'bundle.home.css.gz',
		value: gzipKb(assets.filter((a) => a.endsWith('.css'))),
		unit: 'KB'
	});
	// Members: the map, the year slider and the timeline, on a first visit (issue 16: < 60 KB beyond Home).
	const members = await assetsLoadedBy('/members');
	const membersJs = gzipKb(members.filter((a) => a.endsWith('.js')));
	report({ name: 'bundle.members.js.gz', value: membersJs, unit: 'KB' });
	report({
		name: 'bundle.members.beyond-home.js.gz',
		value: Math.round((membersJs - homeJs) * 10) / 10,
		unit: 'KB'
	});
}
