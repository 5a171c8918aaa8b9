import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Each test walks a whole page of ~30 states and two tables, some offline: give it the time a busy
// two-core machine needs.
test.describe.configure({ timeout: 90_000 });

const focusedName = (page: Page) =>
	page.evaluate(
		() =>
			document.activeElement?.getAttribute('aria-label') ??
			document.activeElement?.textContent?.trim() ??
			''
	);

/** Presses Tab until the focused element matches, as a keyboard user looks for a control. */
async function tabTo(page: Page, matches: (name: string, role: string) => boolean) {
	for (let guard = 0; guard < 60; guard++) {
		await page.keyboard.press('Tab');
		const role = await page.evaluate(
			() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? ''
		);
		if (matches(await focusedName(page), role)) return;
	}
	throw new Error('the control was not reached by Tab');
}

test('the Members page by keyboard alone: year slider, map, card and table', async ({
	watched: page
}) => {
	await page.goto('/members');
	await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
	const slider = page.getByRole('slider', { name: 'Year' });

	await tabTo(page, (_, role) => role === 'INPUT');
	await expect(slider).toBeFocused();
	await page.keyboard.press('Home');
	await expect(slider).toHaveValue('1992');
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('1999');
	await expect(page.getByText(/^In 1999:/).locator('..')).toContainText(
		'20 April 1999: Georgia left the treaty'
	);
	await expect(page.getByRole('heading', { level: 2 })).toContainText([
		'Map: the alliance on 31 December 1999'
	]);

	// One tab stop into the map, then the arrow keys, alphabetical: Afghanistan, Armenia, …
	await page.keyboard.press('Tab');
	const map = page.getByRole('radiogroup', { name: /States on the map/ });
	await expect(map.getByRole('radio', { name: /^Afghanistan: / })).toBeFocused();
	await page.keyboard.press('ArrowRight');
	const armenia = map.getByRole('radio', { name: 'Armenia: member since 1992' });
	await expect(armenia).toBeFocused();
	await expect(armenia).toHaveAttribute('aria-checked', 'true');
	await expect(page.getByRole('heading', { level: 3, name: 'Armenia' })).toBeVisible();
	await page.keyboard.press('End');
	const uzbekistan = map.getByRole('radio', { name: 'Uzbekistan: former member (1992–1999)' });
	await expect(uzbekistan).toBeFocused();
	const card = page.getByRole('region', { name: 'Uzbekistan' });
	await expect(card).toContainText('20 April 1999');
	await expect(card).toContainText('Membership suspended');
	await expect(card.getByRole('link', { name: /^When was Uzbekistan/ })).toHaveAttribute(
		'href',
		'/browse#members/periods-uzbekistan'
	);

	// Back to the slider with Shift+Tab: the map redraws for another year.
	await page.keyboard.press('Shift+Tab');
	await expect(slider).toBeFocused();
	for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('2008');
	await expect(map.getByRole('radio', { name: 'Uzbekistan: member since 2006' })).toBeVisible();

	// The table: a state's name shows its card and moves focus to it.
	await tabTo(page, (name) => name === 'Georgia: show its card');
	await page.keyboard.press('Enter');
	const heading = page.getByRole('heading', { level: 3, name: 'Georgia' });
	await expect(heading).toBeFocused();
	await expect(page.getByRole('region', { name: 'Georgia' })).toContainText('9 December 1993');
});

test('the map, its table and the timeline are in the page before any JavaScript runs', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/members');
	await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
	const radios = page.getByRole('radio');
	expect(await radios.count()).toBeGreaterThan(20);
	await expect(
		page.getByRole('radio', {
			name: 'Armenia: member since 1992, participation frozen (de facto) since 2024'
		})
	).toBeVisible();
	await expect(page.getByRole('table', { name: /The map as a table/ })).toContainText(
		'Former member'
	);
	await expect(page.getByRole('table', { name: 'The timeline as a table' })).toContainText(
		'Suspension, 19 December 2012'
	);
	await expect(page.getByRole('img', { name: /Membership timeline chart/ })).toBeVisible();
	await context.close();
});

test('the Members page works offline after one visit', async ({ watched: page, context }) => {
	await page.goto('/members');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
	await page.getByRole('slider', { name: 'Year' }).fill('2003');
	await expect(
		page.getByRole('radio', { name: 'Uzbekistan: former member (1992–1999)' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Belarus: show its card' }).click();
	await expect(page.getByRole('heading', { level: 3, name: 'Belarus' })).toBeFocused();
	await context.setOffline(false);
});
