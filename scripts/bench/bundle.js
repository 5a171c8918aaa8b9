// The gzip size of the JavaScript and CSS that Home loads on a first visit, read off a real Chromium
// load of the production build (so it counts exactly what the browser fetches): `bundle.home.js.gz`
// everything until the network is idle (Dexie and the data layer included, which load after the
// page is on screen), `bundle.home.js.first.gz` only the scripts the page hydrates with (the ones
// its HTML preloads), `bundle.home.css.gz` the styles, inline in the HTML or fetched.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { benchPort } from './lib/ports.js';

const PORT = benchPort(0);
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

/** Gzip size in KB (one decimal) of some text. */
function gzipTextKb(text) {
	return Math.round((gzipSync(text, { level: 9 }).length / 1024) * 10) / 10;
}

export async function run(report) {
	const assets = await assetsLoadedBy('/');
	const homeJs = gzipKb(assets.filter((a) => a.endsWith('.js')));
	report({ name: 'bundle.home.js.gz', value: homeJs, unit: 'KB' });
	const html = readFileSync(`${BUILD_DIR}/index.html`, 'utf8');
	const preloaded = [...html.matchAll(/<link href="([^"]+\.js)" rel="modulepreload">/g)].map(
		(m) => m[1]
	);
	report({ name: 'bundle.home.js.first.gz', value: gzipKb(preloaded), unit: 'KB' });
	const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
	const fetched = assets.filter((a) => a.endsWith('.css'));
	report({
		name: 'bundle.home.css.gz',
		value: Math.round((gzipTextKb(inline) + gzipKb(fetched)) * 10) / 10,
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
