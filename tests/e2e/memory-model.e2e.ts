import type { Page } from '@playwright/test';
import { createRng } from '../../src/lib/domain/random';
import {
	SIMULATED_3K,
	SIMULATED_SEED,
	simulateLearner,
	type SimulatedHistory
} from '../../src/lib/domain/scheduling/simulated-learner';
import { expect, readStore, test } from './fixtures';

type Card = SimulatedHistory['cards'][number];

/** Writes the history into the app's IndexedDB (created by the app at the current version). */
async function seedHistory(page: Page, history: SimulatedHistory): Promise<void> {
	await page.evaluate(
		(rows) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['cards', 'reviews'], 'readwrite');
					for (const card of rows.cards) tx.objectStore('cards').put(card);
					for (const review of rows.reviews) tx.objectStore('reviews').add(review);
					tx.oncomplete = () => {
						db.close();
						done();
					};
					tx.onerror = () => fail(tx.error);
				};
			}),
		history
	);
}

const byId = (cards: Card[]) => [...cards].sort((a, b) => a.id.localeCompare(b.id));

// Training the simulated learner's 3,000 reviews takes seconds, longer on a busy machine; the test
// trains twice (once online, once offline) and replays every card twice.
test.setTimeout(300_000);
const TRAINING = { timeout: 120_000 };

test('the learner trains their own parameters, uses them, goes back to defaults, and it all works offline', async ({
	watched: page,
	context
}) => {
	const history = simulateLearner(SIMULATED_3K, createRng(SIMULATED_SEED));
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Your memory model' });
	await expect(section.getByText('You have 0 reviews.')).toBeVisible();
	await expect(section.getByText('400 more are needed before training is useful')).toBeVisible();
	await expect(section.getByRole('button', { name: 'Train my parameters' })).toBeDisabled();
	// The service worker controls the page, so the training engine is cached when first fetched.
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

	await seedHistory(page, history);
	await page.reload();
	await expect(section.getByText('You have 3,000 reviews.')).toBeVisible();
	await expect(section.getByText("In use: FSRS's default parameters.")).toBeVisible();
	const seeded = byId(await readStore<Card>(page, 'cards'));
	expect(seeded).toEqual(byId(history.cards));

	// Cancel stops the training at once; nothing changes.
	const train = section.getByRole('button', { name: 'Train my parameters' });
	await train.click();
	await expect(section.getByRole('progressbar')).toBeVisible();
	await section.getByRole('button', { name: 'Cancel' }).click();
	await expect(section.getByRole('status')).toHaveText('Training cancelled. Nothing was changed.');
	await expect(section.getByRole('progressbar')).toBeHidden();

	// Train with progress shown, then compare with the defaults.
	await train.click();
	await expect(section.getByText(/^Training: step \d+ of \d+…$/)).toBeVisible(TRAINING);
	await expect(section.getByRole('progressbar')).toHaveAttribute('value', /^[1-9]\d*$/);
	await expect(section.getByRole('heading', { name: 'Defaults or yours?' })).toBeVisible(TRAINING);
	await expect(section.getByText(/your 5\d\d most recent ones/)).toBeVisible();
	const losses = section.getByRole('table').first();
	const defaultsLoss = Number(
		await losses
			.getByRole('row', { name: /FSRS's defaults/ })
			.getByRole('cell')
			.textContent()
	);
	const ownLoss = Number(
		await losses.getByRole('row', { name: /Yours/ }).getByRole('cell').textContent()
	);
	expect(ownLoss).toBeLessThan(defaultsLoss);
	await expect(
		section.getByText('Your parameters predicted your recent reviews better than the defaults', {
			exact: false
		})
	).toBeVisible();

	// Use them: every card is replayed, due dates move.
	await section.getByRole('button', { name: 'Use my parameters' }).click();
	await expect(section.getByRole('status')).toHaveText(
		'Your parameters are in use: 200 cards rescheduled.',
		TRAINING
	);
	await expect(
		section.getByText(/^In use: your own parameters, trained on .+ from 3,000 reviews\.$/)
	).toBeVisible();
	await expect(section.getByRole('button', { name: 'Use my parameters' })).toBeHidden();
	const own = byId(await readStore<Card>(page, 'cards'));
	const moved = own.filter((card, i) => card.due !== seeded[i]!.due);
	expect(moved.length).toBeGreaterThan(150);
	expect(own.map((card) => card.reps)).toEqual(seeded.map((card) => card.reps));
	const stored = await readStore<{ key: string; value: { parameters: number[] } }>(
		page,
		'settings'
	);
	expect(stored.find((row) => row.key === 'memoryModel')?.value.parameters).toHaveLength(21);

	// Back to defaults: replayed again, exactly as the learner's own ratings left them.
	await section.getByRole('button', { name: 'Back to defaults' }).click();
	await expect(section.getByRole('status')).toHaveText(
		'The default parameters are in use: 200 cards rescheduled.',
		TRAINING
	);
	await expect(section.getByText("In use: FSRS's default parameters.")).toBeVisible();
	expect(byId(await readStore<Card>(page, 'cards'))).toEqual(seeded);

	// Offline afterwards: the pages, a review, and training itself, its engine from the cache (a request
	// that reached for the network would fail and show up among the console errors).
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
		}
		return urls;
	});
	expect(cached.filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
	await context.setOffline(true);
	await page.reload();
	await expect(section.getByText('You have 3,000 reviews.')).toBeVisible();
	await section.getByRole('button', { name: 'Train my parameters' }).click();
	await expect(section.getByRole('heading', { name: 'Defaults or yours?' })).toBeVisible(TRAINING);
	await page.getByRole('link', { name: 'Review' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect((await readStore(page, 'reviews')).length).toBe(3001);
	await context.setOffline(false);
});
