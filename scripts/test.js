// `npm test`: Vitest (unit, data, state, components) then Playwright (end-to-end in Chromium against the
// production build), then one closing line with the totals: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('reports', { recursive: true });
rmSync('reports/unit.json', { force: true });
rmSync('reports/e2e.json', { force: true });

const unit = spawnSync(
	bin('vitest'),
	['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json'],
	{ stdio: 'inherit' }
);

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

const unitReport = read('reports/unit.json');
const e2eReport = read('reports/e2e.json');
let passed = 0;
let failed = 0;
if (unitReport) {
	passed += unitReport.numPassedTests;
	failed += unitReport.numFailedTests;
} else failed += 1;
if (e2eReport) {
	// A test that passed only on a retry is flaky, and a flaky test is a failure.
	passed += e2eReport.stats.expected;
	failed += e2eReport.stats.unexpected + e2eReport.stats.flaky;
} else failed += 1;
if (unit.status !== 0 && failed === 0) failed += 1;
if (e2e.status !== 0 && failed === 0) failed += 1;

console.log(
	`\nUnit: ${unitReport ? `${unitReport.numPassedTests} passed, ${unitReport.numFailedTests} failed` : 'no report'}`
);
console.log(
	`End-to-end: ${e2eReport ? `${e2eReport.stats.expected} passed, ${e2eReport.stats.unexpected + e2eReport.stats.flaky} failed, ${e2eReport.stats.skipped} skipped` : 'no report'}`
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unit.status !== 0 || e2e.status !== 0 ? 1 : 0);
