import type { Locator, Page } from '@playwright/test';
import { bank } from './bank';
import { expect, readStore, test } from './fixtures';
import { WCAG_A_AA, violationsInBothThemes } from './axe';

/** A word that appears in exactly one item's explanation and nowhere in any other item. */
function uniqueExplanationWord(): { id: string; word: string } {
	const texts = bank.items.map((item) => JSON.stringify(item).toLowerCase());
	for (const item of bank.items) {
		for (const word of item.explanation.toLowerCase().match(/[a-z]{7,}/g) ?? []) {
			if (texts.filter((text) => text.includes(word)).length === 1) return { id: item.id, word };
		}
	}
	throw new Error('no unique word found');
}

test('Browse shows every item grouped by topic, with sources and the facts date', async ({
	watched: page
}) => {
	await page.goto('/browse');
	await expect(page.getByRole('heading', { level: 1, name: 'Browse' })).toBeVisible();
	await expect(page.getByText(/^Facts as of \w+ \d{4}\./)).toBeVisible();
	await expect(page.locator('article')).toHaveCount(bank.items.length);
	for (const topic of bank.topics) {
		await expect(
			page.getByRole('heading', { level: 2, name: new RegExp(topic.title) })
		).toBeVisible();
	}
	const first = page.locator('article').first();
	await expect(first.getByText('Sources:')).toBeVisible();
	await expect(first.getByRole('link', { name: 'Permalink to this item' })).toHaveAttribute(
		'href',
		`/browse#${bank.items[0]!.id}`
	);
});

test('search finds an item by a word of its explanation, as you type', async ({
	watched: page
}) => {
	const { id, word } = uniqueExplanationWord();
	await page.goto('/browse');
	const search = page.getByRole('searchbox', { name: 'Search the bank' });
	await search.pressSequentially(word.toUpperCase(), { delay: 10 });
	await expect(page.locator('article')).toHaveCount(1);
	await expect(page.locator('article')).toHaveAttribute('id', id);
	await expect(page.getByRole('main').getByRole('status')).toHaveText('1 item found');
	await page.reload();
	await expect(page.getByRole('searchbox', { name: 'Search the bank' })).toHaveValue(
		word.toUpperCase()
	);
	await expect(page.locator('article')).toHaveCount(1);
	await search.fill('zzzzqqq');
	await expect(page.getByText('No item matches “zzzzqqq”.')).toBeVisible();
});

test('a permalink opens Browse at that item', async ({ watched: page }) => {
	const item = bank.items.at(-1)!;
	await page.goto(`/browse#${item.id}`);
	const article = page.locator(`article[id="${item.id}"]`);
	await expect(article).toBeInViewport();
	await expect(article.getByRole('heading', { level: 3 })).toHaveText(item.prompt);
});

test('the topic filter keeps only that topic', async ({ watched: page }) => {
	const topic = bank.topics[6]!;
	await page.goto('/browse');
	await page.getByRole('combobox', { name: 'Topic' }).selectOption(topic.id);
	await expect(page.locator('article')).toHaveCount(topic.count);
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
});

/** The question on the review screen. */
function reviewFront(page: Page) {
	return page.getByRole('region', { name: /Question/ }).locator('.front');
}

/** The flashcards of one Browse article, one list item per card. */
function flashcardsOf(article: Locator) {
	return article.getByRole('list', { name: 'Flashcards' }).getByRole('listitem');
}

/** The Browse article whose heading is `prompt`. */
function articleOf(page: Page, prompt: string) {
	return page
		.locator('article')
		.filter({ has: page.getByRole('heading', { level: 3, name: prompt, exact: true }) });
}

test('a card suspended in Review is found in Browse, unsuspended there, and comes back', async ({
	watched: page
}) => {
	// Review, Browse with its ~200 items, then two axe runs: more than the default 30 s on two busy cores.
	test.setTimeout(120_000);
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const prompt = ((await reviewFront(page).textContent()) ?? '').trim();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(page.getByText(/^Card suspended\./)).toBeVisible();
	await expect(reviewFront(page)).not.toHaveText(prompt);

	await page.goto('/browse');
	await page.getByRole('checkbox', { name: 'Suspended only' }).check();
	await expect(page).toHaveURL(/[?&]suspended=1/);
	const article = page.locator('article');
	await expect(article).toHaveCount(1);
	await expect(article.getByRole('heading', { level: 3 })).toHaveText(prompt);
	const status = flashcardsOf(article);
	await expect(status).toContainText('Flashcard: New');
	await expect(status.getByText('Suspended', { exact: true })).toBeVisible();
	await expect(page.getByRole('main').getByRole('status')).toHaveText('1 item found');

	expect(await violationsInBothThemes(page, { include: 'main', tags: WCAG_A_AA })).toEqual([]);

	// Unsuspended, the item stays listed (with focus on its button) until the filter changes.
	await article.getByRole('button', { name: 'Unsuspend' }).click();
	const suspend = article.getByRole('button', { name: 'Suspend', exact: true });
	await expect(suspend).toBeFocused();
	await expect(status.getByText('Suspended', { exact: true })).toHaveCount(0);
	const [card] = await readStore<{ id: string; suspended: number }>(page, 'cards');
	expect(card?.suspended).toBe(0);
	await page.reload();
	await expect(page.getByText('No suspended card.')).toBeVisible();

	await page.goto('/review');
	await expect(reviewFront(page)).toHaveText(prompt);
});

test('Browse shows the status a rating gave, and a card suspended there leaves review', async ({
	watched: page
}) => {
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const rated = ((await reviewFront(page).textContent()) ?? '').trim();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(reviewFront(page)).not.toHaveText(rated);
	const next = ((await reviewFront(page).textContent()) ?? '').trim();

	await page.goto('/browse');
	const ratedStatus = flashcardsOf(articleOf(page, rated));
	await expect(ratedStatus).toContainText(/Flashcard: Learning · Due in \d+ minutes/);
	const nextArticle = articleOf(page, next);
	await expect(flashcardsOf(nextArticle)).toContainText('Flashcard: New');
	await nextArticle.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(nextArticle.getByText('Suspended', { exact: true })).toBeVisible();
	await expect(nextArticle.getByRole('button', { name: 'Unsuspend' })).toBeFocused();

	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(reviewFront(page)).not.toHaveText(next);
	await expect(reviewFront(page)).not.toHaveText(rated);
});
