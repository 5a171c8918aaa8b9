import { ROUTES, expect, test } from './fixtures';
import { dataDrawn } from './states';

for (const route of ROUTES) {
	test(`${route.path} renders its heading with no console errors`, async ({ watched: page }) => {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(page.getByRole('main')).toHaveCount(1);
		await expect(page.getByRole('banner')).toContainText('CSTO Study');
	});
}

test('every nav link works by keyboard alone', async ({ watched: page }) => {
	// Seven routes, Browse with its ~200 items among them: more than the default 30 s on two busy cores.
	test.setTimeout(90_000);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link')).toHaveText(ROUTES.map((r) => r.label));

	for (const route of ROUTES) {
		await page.keyboard.press('Tab');
		// The skip link comes first; then the brand; then the nav links in order.
		let guard = 0;
		while (
			(await page.evaluate(() => document.activeElement?.textContent?.trim())) !== route.label &&
			guard++ < 20
		) {
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${route.path === '/' ? '/$' : route.path}$`));
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(nav.getByRole('link', { name: route.label })).toHaveAttribute(
			'aria-current',
			'page'
		);
		// The router ends a navigation by moving the focus to the top of the page, where a keyboard
		// user starts again. Only that says that Home's link, pressed on Home, has finished: the URL
		// and the heading do not change. A Tab taken before it would be undone by it, and the next
		// Enter would then land on nothing (the page stayed at / once in a clean clone).
		await expect
			.poll(() => page.evaluate(() => document.activeElement === document.body))
			.toBe(true);
	}
});

test('the skip link moves focus to the main content', async ({ watched: page }) => {
	await page.goto('/quiz');
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('the theme chosen in Settings is remembered across visits', async ({ watched: page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(17, 20, 24)');
	await page.getByRole('radio', { name: 'System' }).check();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
});

test('the layout fits a 360 px wide screen without sideways scrolling', async ({
	watched: page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	// The headings are prerendered: measure once what is drawn from the learner's data is there too.
	for (const route of ROUTES) {
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await dataDrawn(page, route.path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${route.path} scrolls sideways`).toBeLessThanOrEqual(0);
	}
});
