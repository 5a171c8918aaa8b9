import type { Result } from 'axe-core';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { APP_STATES } from './states';

// Every route and state, in light and in dark: no serious or critical axe violation.
// Browse's ~200 items took axe about a minute per theme on two busy cores. Every item of Browse is
// drawn by the same component with the same styles, so there the page is checked with its first
// topic (its heading, filters, counts and a dozen items) standing for the others.
test.describe.configure({ timeout: 120_000 });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// States that another suite sweeps more thoroughly are left to it: the quiz's set-up, every kind of
// question with its feedback, and the results (tests/e2e/quiz.e2e.ts), and Stats with data in it, at
// phone and desktop width (tests/e2e/data.e2e.ts).
const SWEPT_ELSEWHERE = new Set([
	'quiz-setup',
	'quiz-question',
	'quiz-feedback',
	'quiz-results',
	'stats'
]);

/** The serious and critical violations of an axe run, one line each. */
function serious(violations: Result[], label: string) {
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${label}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		);
}

// Both themes in one test per state: the state is reached once, then checked in light and in dark.
for (const state of APP_STATES.filter((s) => !SWEPT_ELSEWHERE.has(s.name))) {
	test(`axe: ${state.name} in light and dark`, async ({ watched: page }) => {
		await state.reach(page);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const violations = await axeViolations(page, {
				tags: TAGS,
				// Browse: its first topic stands for the rest, drawn by the same component.
				exclude: state.name === 'browse' ? 'main section:not(:first-of-type)' : undefined
			});
			expect(serious(violations, scheme)).toEqual([]);
		}
	});
}

// The sweeps above pass only if a scan can fail: one sees what is put on the page, and a second scan
// of the same document (axe is loaded once per document) sees what was added after the first.
test('an axe scan reports the violations on the page, scan after scan', async ({
	watched: page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await page.evaluate(() => {
		const image = document.createElement('img');
		image.src = '/icon-192.png';
		document.querySelector('main')!.append(image);
	});
	const first = await axeViolations(page, { tags: TAGS });
	expect(first.map((v) => v.id)).toEqual(['image-alt']);
	await page.evaluate(() => {
		const faint = document.createElement('p');
		faint.textContent = 'Faint text';
		faint.style.color = '#eee';
		faint.style.background = '#fff';
		document.querySelector('main')!.append(faint);
	});
	const second = await axeViolations(page, { include: 'main', tags: TAGS });
	expect(second.map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt']);
	expect(await axeViolations(page, { tags: TAGS, exclude: 'main' })).toEqual([]);
});
