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
function serious(
	violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
	label: string
) {
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
		if (state.name === 'browse') {
			// Every rule but contrast does not depend on the theme: once, on the whole page.
			const rules = await new AxeBuilder({ page })
				.withTags(TAGS)
				.disableRules(['color-contrast'])
				.analyze();
			expect(serious(rules.violations, 'browse')).toEqual([]);
		}
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const results =
				state.name === 'browse'
					? await new AxeBuilder({ page })
							.withRules(['color-contrast'])
							.exclude('main section:not(:first-of-type)')
							.analyze()
					: await new AxeBuilder({ page }).withTags(TAGS).analyze();
			expect(serious(results.violations, scheme)).toEqual([]);
		}
	});
}
