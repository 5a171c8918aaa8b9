// `npm run screenshots`: drives the production build in Chromium and saves PNGs of Home, a quiz
// question with its feedback, a card's back, Browse, Members (the map), a map question and Stats, at
// phone (390 px) and desktop (1280 px) width, in light and dark, into .github/screenshots/.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { runnerImport } from 'vite';
import { findChromium } from './find-chromium.js';
import { serveStatic } from './static-server.js';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4190);
const OUT = '.github/screenshots';
const WIDTHS = { phone: 390, desktop: 1280 };
const SHOTS = ['home', 'quiz-feedback', 'review-back', 'browse', 'members', 'quiz-map', 'stats'];

process.stderr.write('Building the production app…\n');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const { module } = await runnerImport('/tests/e2e/states.ts', {
	logLevel: 'silent',
	root: process.cwd()
});
const states = new Map(module.APP_STATES.map((state) => [state.name, state]));
const { module: hydration } = await runnerImport('/tests/e2e/hydration.ts', {
	logLevel: 'silent',
	root: process.cwd()
});

mkdirSync(OUT, { recursive: true });
const server = await serveStatic(process.env.BUILD_DIR ?? 'build', PORT);
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
	for (const name of SHOTS) {
		for (const [size, width] of Object.entries(WIDTHS)) {
			for (const scheme of ['light', 'dark']) {
				const context = await browser.newContext({
					baseURL: `http://127.0.0.1:${PORT}`,
					viewport: { width, height: size === 'phone' ? 844 : 900 },
					deviceScaleFactor: 1,
					colorScheme: scheme,
					serviceWorkers: 'block'
				});
				const page = await context.newPage();
				hydration.waitForHydration(page);
				// Home looks as it does for a learner a few cards in.
				if (name === 'home') await module.reviewCards(page, 4);
				await states.get(name).reach(page);
				const file = `${OUT}/${name}-${size}-${scheme}.png`;
				await page.screenshot({ path: file, fullPage: false });
				process.stdout.write(`${file}\n`);
				await context.close();
			}
		}
	}
} finally {
	await browser.close();
	server.close();
}
