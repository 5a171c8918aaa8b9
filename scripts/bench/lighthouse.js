// Lighthouse 12.2.3 on the production build in Chromium, mobile preset (Lighthouse's default):
// lighthouse.performance, .accessibility, .best-practices and .seo for Home, as scores out of 100.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';

const PORT = 4181;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function run(report) {
	const server = await serveStatic(process.env.BUILD_DIR ?? 'build', PORT);
	const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
	try {
		const output = join(dir, 'report.json');
		// Asynchronous: the static server runs in this process and must keep answering.
		await promisify(execFile)(
			'node_modules/.bin/lighthouse',
			[
				`http://127.0.0.1:${PORT}/`,
				`--only-categories=${CATEGORIES.join(',')}`,
				'--output=json',
				`--output-path=${output}`,
				'--quiet',
				'--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'
			],
			{ env: { ...process.env, CHROME_PATH: findChromium() }, maxBuffer: 64 * 1024 * 1024 }
		);
		const result = JSON.parse(readFileSync(output, 'utf8'));
		for (const category of CATEGORIES) {
			report({
				name: `lighthouse.${category}`,
				value: Math.round(result.categories[category].score * 100),
				unit: 'score'
			});
		}
	} finally {
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
