// `npm test`: Vitest (unit, data, state, components), then the suites that touch dates again under
// other time zones, then Playwright (end-to-end in Chromium against the production build), then one
// closing line with the totals of every run: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findChromium } from './find-chromium.js';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('reports', { recursive: true });
for (const name of readdirSync('reports')) {
	if (/^(unit.*|e2e)\.json$/.test(name)) rmSync(`reports/${name}`, { force: true });
}

// Study days must be right in every time zone, so the suites that touch dates run again, each zone in
// its own process with TZ set: the domain, data and state suites whose code imports the day module
// (every count or walk of days goes through it) under DATE_ZONES, and the day module's own tests and
// the log summary's (Stats counts days from quarter hours of UTC) also under DAY_ZONES. Zones with clock changes of an hour and of 30 minutes, and offsets of 45
// minutes past the hour.
// The whole suite runs first in the zone `npm test` was started in; a zone of the list equal to that
// one is not run twice.
const STARTED_IN = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
const DATE_ZONES = ['UTC', 'Europe/Berlin'].filter((zone) => {
	const same = (name) => (name === 'Etc/UTC' || name === 'UTC' ? 'UTC' : name);
	return same(zone) !== same(STARTED_IN);
});
const DAY_ZONES = ['Australia/Lord_Howe', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham'];
const DAY_MODULE = 'src/lib/domain/day.ts';
const DATE_SUITE_DIRS = ['src/lib/domain', 'src/lib/data', 'src/lib/state'];

/** The file a static import names, from the importing file; undefined for a package. */
function resolveImport(from, specifier) {
	const base = specifier.startsWith('$lib/')
		? join('src/lib', specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? join(dirname(from), specifier)
			: undefined;
	if (base === undefined) return undefined;
	return [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find(
		(path) => existsSync(path) && statSync(path).isFile()
	);
}

/** The test files under `dirs` that import `target`, directly or through other modules. */
function testsImporting(target, dirs) {
	const reaches = new Map();
	const visit = (file) => {
		if (file === target) return true;
		if (reaches.has(file)) return reaches.get(file);
		reaches.set(file, false);
		const text = readFileSync(file, 'utf8');
		const found = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)]
			.map((match) => resolveImport(file, match[1] ?? match[2]))
			.some((path) => path !== undefined && visit(path));
		reaches.set(file, found);
		return found;
	};
	return dirs
		.flatMap((dir) => readdirSync(dir, { recursive: true }).map((name) => join(dir, name)))
		.filter((path) => /\.test\.ts$/.test(path) && visit(path))
		.sort();
}

/** One Vitest run; its JSON report goes to reports/`name`.json. */
function runVitest(name, args, zone) {
	const result = spawnSync(
		bin('vitest'),
		[...args, '--reporter=default', '--reporter=json', `--outputFile.json=reports/${name}.json`],
		{
			stdio: 'inherit',
			// CSTO_ZONE_RERUN: a run again under another zone, where tests of no date logic may stand down.
			env: zone
				? { ...process.env, TZ: zone, CSTO_ZONE_RERUN: name === 'unit' ? '' : '1' }
				: process.env
		}
	);
	return { name, zone, status: result.status };
}

const unitRuns = [runVitest('unit', ['run'], STARTED_IN)];
const dateSuites = testsImporting(DAY_MODULE, DATE_SUITE_DIRS);
for (const zone of DATE_ZONES) {
	const name = `unit-${zone.replace('/', '-')}`;
	console.log(`\nThe ${dateSuites.length} suites that touch dates, with TZ=${zone}`);
	unitRuns.push(runVitest(name, ['run', ...dateSuites], zone));
}
for (const zone of DAY_ZONES) {
	const name = `unit-${zone.replace('/', '-')}`;
	console.log(`\nThe day module's and the log summary's tests, with TZ=${zone}`);
	unitRuns.push(
		runVitest(
			name,
			['run', '--project', 'node', 'src/lib/domain/day', 'src/lib/domain/stats/log-summary'],
			zone
		)
	);
}

const chromium = findChromium();
console.log(`Browser tests use Chromium at ${chromium}`);
const e2e = spawnSync(
	bin('playwright'),
	['test', '--config', 'tests/playwright.config.ts', ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env: { ...process.env, CHROME_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json' }
	}
);

function read(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

const e2eReport = read('reports/e2e.json');
let passed = 0;
let failed = 0;
const unitLines = [];
for (const run of unitRuns) {
	const report = read(`reports/${run.name}.json`);
	const label = run.zone ? `Unit, TZ=${run.zone}` : 'Unit';
	if (report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		// A run that fails without a failed test (a suite that cannot load) still counts as a failure.
		if (run.status !== 0 && report.numFailedTests === 0) failed += 1;
		unitLines.push(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
	} else {
		failed += 1;
		unitLines.push(`${label}: no report`);
	}
}
if (e2eReport) {
	// A test that passed only on a retry is flaky, and a flaky test is a failure.
	passed += e2eReport.stats.expected;
	failed += e2eReport.stats.unexpected + e2eReport.stats.flaky;
} else failed += 1;
if (e2e.status !== 0 && failed === 0) failed += 1;

console.log(`\n${unitLines.join('\n')}`);
console.log(
	`End-to-end: ${e2eReport ? `${e2eReport.stats.expected} passed, ${e2eReport.stats.unexpected + e2eReport.stats.flaky} failed, ${e2eReport.stats.skipped} skipped` : 'no report'}`
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unitRuns.some((run) => run.status !== 0) || e2e.status !== 0 ? 1 : 0);
