// axe.violations.serious: serious or critical axe violations over every route and state of the
// production build (tests/e2e/states.ts), in light and in dark.
import { chromium } from '@playwright/test';
import { waitForHydration } from '../../tests/e2e/hydration';
import { axeViolations } from '../../tests/e2e/axe';
import { APP_STATES } from '../../tests/e2e/states';
import { findChromium } from '../find-chromium.js';
import { serveStatic } from '../static-server.js';
import { benchPort } from './lib/ports.js';

const PORT = benchPort(2);

export async function run(report: (figure: { name: string; value: number; unit: string }) => void) {
	const server = await serveStatic(process.env.BUILD_DIR ?? 'build', PORT);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	let serious = 0;
	try {
		for (const colorScheme of ['light', 'dark'] as const) {
			for (const state of APP_STATES) {
				const context = await browser.newContext({
					baseURL: `http://127.0.0.1:${PORT}`,
					colorScheme
				});
				const page = await context.newPage();
				waitForHydration(page);
				await state.reach(page);
				const violations = await axeViolations(page, {
					tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
				});
				for (const violation of violations) {
					if (violation.impact === 'serious' || violation.impact === 'critical') {
						serious += violation.nodes.length;
						process.stderr.write(`${state.name} (${colorScheme}): ${violation.id}\n`);
					}
				}
				await context.close();
			}
		}
	} finally {
		await browser.close();
		server.close();
	}
	report({ name: 'axe.violations.serious', value: serious, unit: 'count' });
}
