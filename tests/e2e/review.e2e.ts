import type { Page } from '@playwright/test';
import { expect, holdStore, noonToday, putRows, readStore, test } from './fixtures';
import { WCAG_A_AA, violationsInBothThemes } from './axe';

interface StoredReview {
	cardId: string;
	rating: number;
	durationMs: number;
	source: string;
}

/** The review log, read straight from IndexedDB (not through the app's own code). */
function readLog(page: Page): Promise<StoredReview[]> {
	return page.evaluate(
		() =>
			new Promise<StoredReview[]>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction('reviews', 'readonly').objectStore('reviews').getAll();
					request.onsuccess = () => {
						db.close();
						resolve(request.result as StoredReview[]);
					};
					request.onerror = () => reject(request.error);
				};
			})
	);
}

async function figure(page: Page, testId: string): Promise<number> {
	const text = await page.getByTestId(testId).textContent();
	return Number.parseInt(text ?? '', 10);
}

/** The question on screen. */
function question(page: Page) {
	return page.getByRole('region', { name: /Question/ }).locator('.front');
}

test("Home's first counts follow the stored settings: no count of the defaults shows first", async ({
	watched: page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('new-left')).not.toHaveText('–');
	// Fewer new cards a day than the default 20, stored as the Settings page stores it.
	await putRows(page, 'settings', [{ key: 'newPerDay', value: 7 }]);
	// Every text the figure takes on the next load, from before the app's scripts run.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { newLeftSeen: string[] }).newLeftSeen = seen;
		new MutationObserver(() => {
			const text = document.querySelector('[data-testid="new-left"]')?.textContent?.trim();
			if (text !== undefined && text !== seen.at(-1)) seen.push(text);
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
	await page.reload();
	await expect(page.getByTestId('new-left')).toHaveText('7');
	const seen = await page.evaluate(
		() => (window as unknown as { newLeftSeen: string[] }).newLeftSeen
	);
	expect(seen.filter((text) => text !== '–')).toEqual(['7']);
});

test('three cards reviewed by keyboard alone are stored and move the counts', async ({
	watched: page
}) => {
	await page.clock.install({ time: noonToday() });
	await page.goto('/');
	await expect(page.getByTestId('new-left')).not.toHaveText('–');
	const newBefore = await figure(page, 'new-left');
	expect(newBefore).toBeGreaterThanOrEqual(3);
	await expect(page.getByTestId('reviews-today')).toHaveText('0');

	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const seen: string[] = [];
	for (const key of ['3', '4', '1']) {
		const front = (await question(page).textContent()) ?? '';
		seen.push(front);
		await page.keyboard.press('Space');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Again \d+m$/ })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Good \d+m$/ })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Easy \d+(d|w)$/ })).toBeVisible();
		await page.keyboard.press(key);
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		await expect(question(page)).not.toHaveText(front);
	}
	expect(new Set(seen).size).toBe(3);
	await expect(page.getByLabel('Cards left')).toContainText('Learning 2');

	await page.reload();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const log = await readLog(page);
	expect(log.map((row) => row.rating)).toEqual([3, 4, 1]);
	expect(log.every((row) => row.source === 'review' && row.durationMs > 0)).toBe(true);

	await page.goto('/');
	await expect(page.getByTestId('reviews-today')).toHaveText('3');
	await expect(page.getByTestId('new-left')).toHaveText(String(newBefore - 3));
	await expect(page.getByTestId('streak')).toHaveText('1 day');
});

test('undo brings the last card back and removes its rating', async ({ watched: page }) => {
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const first = (await question(page).textContent()) ?? '';
	await page.keyboard.press('Enter');
	await page.keyboard.press('3');
	await expect(question(page)).not.toHaveText(first);
	expect(await readLog(page)).toHaveLength(1);

	await page.keyboard.press('z');
	await expect(question(page)).toHaveText(first);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	await page.reload();
	await expect(question(page)).toHaveText(first);
	expect(await readLog(page)).toEqual([]);

	// Undo by button works too, and so do Bury and Suspend.
	await page.getByRole('button', { name: 'Bury' }).click();
	await expect(question(page)).not.toHaveText(first);
	await expect(page.getByText('Card buried until tomorrow.')).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(question(page)).toHaveText(first);
});

test('a rating whose write is slow shows the rating buttons disabled, and a second key rates nothing', async ({
	watched: page
}) => {
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const first = (await question(page).textContent()) ?? '';
	await page.keyboard.press('Space');
	const good = page.getByRole('button', { name: /^Good / });
	await expect(good).toBeEnabled();

	const release = await holdStore(page, 'cards');
	await page.keyboard.press('3');
	// Shown as busy only once the write has taken longer than a tenth of a second.
	await expect(good).toBeDisabled();
	await expect(page.getByRole('button', { name: /^Again / })).toBeDisabled();
	await page.keyboard.press('1');
	await release();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(question(page)).not.toHaveText(first);
	expect((await readLog(page)).map((row) => row.rating)).toEqual([3]);
});

test('undo works on a card that already had a stored row: a rating, Bury and Suspend (issue 18)', async ({
	watched: page
}) => {
	// Playwright's clock instead of waiting a real minute for the learning card to come back.
	await page.clock.install();
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const first = (await question(page).textContent()) ?? '';
	await page.keyboard.press('Space');
	await page.keyboard.press('1');
	await expect(question(page)).not.toHaveText(first);
	const cardsAfterAgain = await readStore(page, 'cards');
	expect(cardsAfterAgain).toHaveLength(1);

	await page.clock.fastForward('02:00');
	await page.reload();
	await expect(question(page)).toHaveText(first);
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(question(page)).not.toHaveText(first);
	expect(await readLog(page)).toHaveLength(2);
	await page.keyboard.press('z');
	await expect(question(page)).toHaveText(first);
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect((await readLog(page)).map((row) => row.rating)).toEqual([1]);
	expect(await readStore(page, 'cards')).toEqual(cardsAfterAgain);

	for (const action of ['Bury', 'Suspend']) {
		await page.getByRole('button', { name: action }).click();
		await expect(question(page)).not.toHaveText(first);
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(question(page)).toHaveText(first);
		await expect(page.getByRole('alert')).toHaveCount(0);
		expect(await readStore(page, 'cards')).toEqual(cardsAfterAgain);
	}
});

test('once the answer is shown, Space or Enter rates Good; on a rating button they press only it', async ({
	watched: page
}) => {
	await page.goto('/review');
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	const answer = page.getByRole('region', { name: 'Answer' });
	const ratings = async () => (await readLog(page)).map((row) => row.rating);

	for (const [count, key] of [
		[1, 'Space'],
		[2, 'Enter']
	] as const) {
		await expect(showAnswer).toBeVisible();
		const front = (await question(page).textContent()) ?? '';
		await page.keyboard.press(key);
		await expect(answer).toBeVisible();
		await page.keyboard.press(key);
		await expect(question(page)).not.toHaveText(front);
		await expect(answer).toBeHidden();
		await expect.poll(ratings).toHaveLength(count);
	}
	expect(await ratings()).toEqual([3, 3]);

	// Enter (pressed on key down) and Space (on key up) on a focused rating button rate once, with
	// that button's rating, and do not also show the next card's answer.
	for (const [name, key] of [
		['Again', 'Enter'],
		['Hard', 'Space']
	] as const) {
		const front = (await question(page).textContent()) ?? '';
		await showAnswer.click();
		await page.getByRole('button', { name: new RegExp(`^${name} `) }).focus();
		await page.keyboard.press(key);
		await expect(question(page)).not.toHaveText(front);
		await expect(showAnswer).toBeVisible();
		await expect(answer).toBeHidden();
	}
	await expect.poll(ratings).toEqual([3, 3, 1, 2]);

	// Enter on the focused Show answer button shows the answer without rating it.
	await showAnswer.focus();
	await page.keyboard.press('Enter');
	await expect(answer).toBeVisible();
	await page.reload();
	await expect(showAnswer).toBeVisible();
	expect(await ratings()).toEqual([3, 3, 1, 2]);
});

test('a rating in one tab updates Home in another without a reload', async ({
	watched: home,
	context
}) => {
	await context.clock.install({ time: noonToday() });
	await home.goto('/');
	await expect(home.getByTestId('reviews-today')).toHaveText('0');
	const newBefore = await figure(home, 'new-left');

	const review = await context.newPage();
	await review.goto('/review');
	await expect(review.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await review.keyboard.press('Space');
	await review.keyboard.press('3');
	await expect(review.getByLabel('Cards left')).toContainText('Learning 1');

	await expect(home.getByTestId('reviews-today')).toHaveText('1');
	await expect(home.getByTestId('new-left')).toHaveText(String(newBefore - 1));
	await expect(home.getByTestId('streak')).toHaveText('1 day');
	await review.close();
});

test('one topic can be reviewed on its own', async ({ watched: page }) => {
	await page.goto('/review');
	const picker = page.getByLabel('Review all topics or one');
	await expect(picker).toBeVisible();
	const options = await picker.locator('option').allTextContents();
	expect(options[0]).toBe('All topics');
	await picker.selectOption({ label: options[2]! });
	await expect(page.getByRole('region', { name: /Question/ })).toContainText(options[2]!);
	for (let i = 0; i < 2; i++) {
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(page.getByRole('region', { name: /Question/ })).toContainText(options[2]!);
	}
});

test('review, Home and the review settings pass axe in the light and dark themes', async ({
	watched: page
}) => {
	const check = async (where: string, selector = 'main') => {
		expect(
			await violationsInBothThemes(page, { include: selector, tags: WCAG_A_AA }),
			where
		).toEqual([]);
	};
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await check('review front');
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
	await check('review back');
	await page.goto('/');
	await expect(page.getByTestId('new-left')).not.toHaveText('–');
	await check('home');
	await page.goto('/settings');
	const retention = page.getByLabel('Desired retention');
	await retention.fill('0.99');
	await retention.press('Tab');
	await expect(page.getByText('Desired retention must be between 0.70 and 0.97.')).toBeVisible();
	await expect(retention).toHaveValue('0.9');
	await check('review settings', 'section[aria-labelledby="review-settings-heading"]');
});
