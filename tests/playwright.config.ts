import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Paths here are from the project root, whatever folder Playwright starts in.
const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: resolve(ROOT, 'tests/e2e'),
	outputDir: resolve(ROOT, 'test-results'),
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// Two workers on two cores: three made every test slower and the suite no faster.
	workers: 2,
	// No retries: a flaky test is a bug to fix, and the closing line must never count a retried test as passed.
	retries: 0,
	// The time a flow's work needs on a slow, busy machine: on 2 cores at a load of 25 to 30, flows of
	// a few page loads took 20 to 37 s. Tests that do more set their own (test.slow() triples this).
	timeout: 60_000,
	// A condition can take more than the default 5 s to come true there: a Browse card's "Suspended"
	// badge appeared just after 5 s at a load of 30. Waits still end as soon as the condition holds.
	expect: { timeout: 15_000 },
	reporter: [
		['list'],
		[
			'json',
			{ outputFile: resolve(ROOT, process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'reports/e2e.json') }
		]
	],
	use: {
		baseURL: `http://localhost:${PORT}`,
		// A failed test keeps its trace (actions with their timing, console, network, errors) and a
		// screenshot of the end. The trace's DOM snapshots and filmstrip, taken at every action of
		// every test to be thrown away when it passes, made the suite a third slower: 186 and 204 s
		// against 137 and 143 s without them for the shell, quiz and browse suites (2026-12-04).
		trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROME_PATH || undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: `npm run build && node scripts/static-server.js ${process.env.BUILD_DIR ?? 'build'} ${PORT}`,
		cwd: ROOT,
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 120_000
	}
});
