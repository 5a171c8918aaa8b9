import { resolve } from 'node:path';
import { readBank } from '../../src/lib/content/read-bank';
import { expect, test } from './fixtures';

const bank = readBank(resolve(import.meta.dirname, '../../questions'));

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
