import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { APP_STATES } from './states';

// Every route and state, in light and in dark: no serious or critical axe violation.
// Colour contrast is what makes axe slow (it works out the colours behind every text node): Browse's
// ~200 items took it about a minute per theme on two busy cores. Every item of Browse is drawn by
// the same component with the same styles, so there contrast is checked on the page's first topic
// (its heading, filters, counts and a dozen items) and every other rule on the whole page.
test.describe.configure({ timeout: 120_000 });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// Both themes in one test per state: the state is reached once, then checked in light and in dark.
for (const state of APP_STATES) {
	test(`axe: ${state.name} in light and dark`, async ({ watched: page }) => {
		await state.reach(page);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const violations =
				state.name === 'browse'
					? [
							...(
								await new AxeBuilder({ page })
									.withTags(TAGS)
									.disableRules(['color-contrast'])
									.analyze()
							).violations,
							...(
								await new AxeBuilder({ page })
									.withRules(['color-contrast'])
									.exclude('main section:not(:first-of-type)')
									.analyze()
							).violations
						]
					: (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations;
			const serious = violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map(
					(v) =>
						`${scheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
				);
			expect(serious).toEqual([]);
		}
	});
}
