// What the IndexedDB benchmarks share (idb-floor.ts, log-shapes.ts): the stress collection's 100,000
// ratings handed to a measurement that runs in a page of the build's origin, in Chromium, on a
// database of its own, several times over; each figure is reported as the median of the runs.
import { chromium } from '@playwright/test';
import type { Server } from 'node:http';
import type { ReviewRow } from '../../../src/lib/data/db.ts';
import { findChromium } from '../../find-chromium.js';
import { serveStatic } from '../../static-server.js';
import { buildCollection } from './collection.ts';
import { median } from './summary.js';

export type Report = (figure: { name: string; value: number; unit: string }) => void;

export interface LogMeasurement {
	port: number;
	runs: number;
	/** Each figure is reported as `<prefix>.<key>`. */
	prefix: string;
	/** Decimals the figures keep. */
	decimals: number;
	/**
	 * Runs in the page (it is sent there as source, so it must use nothing from outside it) and
	 * resolves to the ms of each thing measured, by key.
	 */
	measure: (rows: ReviewRow[]) => Promise<Record<string, number>>;
}

export async function measureLogInPage(measurement: LogMeasurement, report: Report): Promise<void> {
	const { port, runs: count, prefix, decimals, measure } = measurement;
	const server: Server = await serveStatic(process.env.BUILD_DIR ?? 'build', port);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const page = await browser.newPage({ serviceWorkers: 'block' });
		// Any page of the origin: the figures use a database of their own.
		await page.goto(`http://127.0.0.1:${port}/_app/version.json`);
		const rows = buildCollection('stress', Date.now()).reviews;
		const runs: Record<string, number>[] = [];
		for (let run = 0; run < count; run++) runs.push(await page.evaluate(measure, rows));
		const round = (ms: number) => Math.round(ms * 10 ** decimals) / 10 ** decimals;
		for (const key of Object.keys(runs[0]!)) {
			const values = runs.map((figures) => figures[key]!);
			process.stderr.write(`  ${prefix} ${key}: ${values.map(round).join(', ')} ms\n`);
			report({ name: `${prefix}.${key}`, value: round(median(values)), unit: 'ms' });
		}
	} finally {
		await browser.close();
		server.close();
	}
}
