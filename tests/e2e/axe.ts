import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, Result } from 'axe-core';

const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** What one axe scan checks: the rules of these tags, in `include` (default: the whole page) but
 * not in `exclude`, both CSS selectors. */
export interface AxeScan {
	tags: readonly string[];
	include?: string;
	exclude?: string;
}

/**
 * axe's violations on the page as it is drawn now, by `axe.run` in the page itself.
 *
 * axe is loaded into a document once and kept for its later scans (the other theme, the next step
 * of a flow); a new document gets it again. This is what @axe-core/playwright's `analyze()` did,
 * without its cost: it loaded axe's 600 KB again for every scan, and opened a blank page with a
 * second copy of axe to merge the results of frames, which the app's pages do not have. A scan
 * took 1.3 to 3 s that way, of which axe's own run was 0.1 to 0.4 s; the suite has about a hundred.
 */
export async function axeViolations(page: Page, scan: AxeScan): Promise<Result[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(async ({ tags, include, exclude }) => {
		const { axe } = window as unknown as {
			axe: { run(context: ElementContext, options: object): Promise<AxeResults> };
		};
		const context: ElementContext =
			exclude === undefined ? (include ?? document) : { include: include ?? document, exclude };
		const results = await axe.run(context, { runOnly: { type: 'tag', values: [...tags] } });
		return results.violations;
	}, scan);
}

/** The rules of WCAG 2.0 levels A and AA, which the flows' own checks hold every screen to. */
export const WCAG_A_AA = ['wcag2a', 'wcag2aa'] as const;

/**
 * The violations of one scan in the light theme and then the dark one (the app follows the colour
 * scheme the browser reports), a line each: the theme, the rule, how many elements break it and the
 * first of them.
 */
export async function violationsInBothThemes(page: Page, scan: AxeScan): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const violations = await axeViolations(page, scan);
		found.push(
			...violations.map(
				(v) => `${colorScheme}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.html ?? ''}`
			)
		);
	}
	return found;
}
