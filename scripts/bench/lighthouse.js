// Lighthouse 12.2.3 on Home of the production build, served with gzip by scripts/static-server.js,
// in Chromium with the mobile preset (Lighthouse's default: simulated slow 4G and a 4x slower CPU).
// Three runs: `lighthouse.performance` and `lighthouse.tbt` (total blocking time) are their medians;
// `.fcp`, `.lcp`, `.si` and `.cls` are the medians of the metrics behind the score, and
// `.accessibility`, `.best-practices` and `.seo` (which do not vary) come from the first run.
// `lighthouse.benchmark-index` is Lighthouse's measure of how fast this machine ran at the time
// (higher is faster): the simulated mobile CPU is this machine's, four times slower.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { benchPort } from './lib/ports.js';
import { median } from './lib/summary.js';

const PORT = benchPort(1);
const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
	['fcp', 'first-contentful-paint', 'ms'],
	['lcp', 'largest-contentful-paint', 'ms'],
	['si', 'speed-index', 'ms'],
	['tbt', 'total-blocking-time', 'ms'],
	['cls', 'cumulative-layout-shift', 'score']
];

/** One Lighthouse run in a fresh Chromium profile; resolves to its JSON result. */
async function audit(dir, run) {
	const output = join(dir, `report-${run}.json`);
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
	return JSON.parse(readFileSync(output, 'utf8'));
}

export async function run(report) {
	const server = await serveStatic(process.env.BUILD_DIR ?? 'build', PORT);
	const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
	try {
		const results = [];
		for (let i = 0; i < RUNS; i++) results.push(await audit(dir, i));
		const scores = results.map((r) => Math.round(r.categories.performance.score * 100));
		process.stderr.write(`  performance scores: ${scores.join(', ')}\n`);
		report({ name: 'lighthouse.performance', value: median(scores), unit: 'score' });
		for (const [name, audit, unit] of METRICS) {
			const values = results.map((r) => r.audits[audit].numericValue);
			process.stderr.write(
				`  ${name}: ${values.map((v) => Math.round(v * 1000) / 1000).join(', ')}\n`
			);
			const value = median(values);
			report({
				name: `lighthouse.${name}`,
				value: unit === 'ms' ? Math.round(value) : Math.round(value * 1000) / 1000,
				unit
			});
		}
		report({
			name: 'lighthouse.benchmark-index',
			value: Math.round(median(results.map((r) => r.environment.benchmarkIndex))),
			unit: 'score'
		});
		for (const category of CATEGORIES.slice(1)) {
			report({
				name: `lighthouse.${category}`,
				value: Math.round(results[0].categories[category].score * 100),
				unit: 'score'
			});
		}
	} finally {
		server.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
