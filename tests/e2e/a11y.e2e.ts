import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { APP_STATES } from './states';

// Every route and state, in light and in dark: no serious or critical axe violation.
// axe walks every node: Browse's ~200 items take it 20–30 s on two busy cores, and past two minutes
// when the machine is loaded far beyond its cores, so Browse gets four.
test.describe.configure({ timeout: 120_000 });
for (const scheme of ['light', 'dark'] as const) {
	for (const state of APP_STATES) {
		test(`axe: ${state.name} in ${scheme} theme`, async ({ watched: page }) => {
			if (state.name === 'browse') test.setTimeout(240_000);
			await page.emulateMedia({ colorScheme: scheme });
			await state.reach(page);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
				.analyze();
			const serious = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
			expect(serious).toEqual([]);
		});
	}
}
