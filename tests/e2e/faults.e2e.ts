import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readNativeSchema, storesFromDexieSchema } from '../../src/lib/data/native-schema';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../src/lib/data/schema';
import { expect, noonToday, readStore, test } from './fixtures';
import { dataDrawn } from './states';

/** Shows the answer of the card on screen and rates it Good; returns the card's front text. */
async function rateGood(page: Page): Promise<string> {
	const front = (await page.locator('.front').first().innerText()).trim();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	return front;
}

test('closing the tab right after a rating loses nothing', async ({ watched: page, context }) => {
	// Home counts today's ratings: the rating and the count stay on one study day.
	await context.clock.install({ time: noonToday() });
	await page.goto('/review');
	const front = await rateGood(page);
	// The screen has moved on to the next card: the rating must already be stored.
	await expect(page.locator('.front').first()).not.toHaveText(front);
	await page.close();

	const again = await context.newPage();
	await again.goto('/');
	await expect(again.getByTestId('reviews-today')).toHaveText('1');
	expect(await readStore(again, 'reviews')).toHaveLength(1);
	expect(await readStore(again, 'cards')).toHaveLength(1);
});

test('closing the tab right after a quiz answer loses nothing', async ({
	watched: page,
	context
}) => {
	await page.goto('/quiz');
	await page.getByRole('button', { name: '10 random questions' }).click();
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
	await page.getByRole('button', { name: "Don't know" }).click();
	await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
	const url = page.url();
	await page.close();

	const again = await context.newPage();
	await again.goto('/');
	const attempts = await readStore<{ status: string; data: { answers?: unknown[] } }>(
		again,
		'quizAttempts'
	);
	expect(attempts).toHaveLength(1);
	expect(attempts[0]!.status).toBe('active');
	await again.goto(url);
	await expect(again.getByText(/Question (1|2) of 10/)).toBeVisible();
	await expect(again.getByRole('button', { name: /Next question|Check answer/ })).toBeVisible();
	// The "Don't know" answer of question 1 is on record: the quiz resumes past it or shows it.
	expect(await readStore(again, 'reviews')).toHaveLength(1);
});

test('a failed write (quota exceeded) shows a clear message and the app goes on', async ({
	watched: page,
	consoleErrors
}) => {
	await page.addInitScript(() => {
		const w = window as unknown as { failWrites: boolean };
		w.failWrites = false;
		for (const method of ['put', 'add'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
				if (w.failWrites && this.name !== 'settings') {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				}
				return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
			} as never;
		}
	});
	await page.goto('/review');
	const front = (await page.locator('.front').first().innerText()).trim();
	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toBeVisible();
	await expect(alert).toContainText(/not saved|could not|storage|space/i);
	// Our words up front; the browser's own error only behind "Details".
	await expect(alert).toContainText('This device has no room left');
	await expect(alert.getByText(/QuotaExceededError/)).toBeHidden();
	await alert.getByText('Details').click();
	await expect(alert.getByText(/QuotaExceededError/)).toBeVisible();
	// The card stays on screen and nothing was half-written.
	await expect(page.locator('.front').first()).toHaveText(front);
	expect(await readStore(page, 'reviews')).toHaveLength(0);
	expect(await readStore(page, 'cards')).toHaveLength(0);

	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(page.locator('.front').first()).not.toHaveText(front);
	expect(await readStore(page, 'reviews')).toHaveLength(1);
	// The failed attempt may log to the console; that is the app reporting it, not a crash.
	consoleErrors.length = 0;
});

test('two tabs rating at the same time lose nothing', async ({ watched: page, context }) => {
	// Home counts today's ratings: the ratings and the count stay on one study day.
	await context.clock.install({ time: noonToday() });
	const other = await context.newPage();
	await page.goto('/review');
	await other.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(other.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await Promise.all(
		[page, other].map((p) => p.getByRole('button', { name: 'Show answer' }).click())
	);
	await Promise.all([page, other].map((p) => p.getByRole('button', { name: /^Good / }).click()));
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(other.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const reviews = await readStore<{ cardId: string }>(page, 'reviews');
	expect(reviews).toHaveLength(2);
	const cards = await readStore<{ id: string; reps: number }>(page, 'cards');
	// Both ratings are in the log, and every card's repetitions match its log rows.
	for (const card of cards) {
		expect(card.reps).toBe(reviews.filter((r) => r.cardId === card.id).length);
	}
	await page.goto('/');
	await expect(page.getByTestId('reviews-today')).toHaveText('2');
});

test('a rating given a moment before another tab stored its own rating of that card is kept', async ({
	watched: page,
	context
}) => {
	// The other tab's clock runs 3 s ahead, so its rating, stored first, is later than this tab's
	// click: this tab's rating read a last review "in the future" and was refused before.
	const other = await context.newPage();
	await other.addInitScript(() => {
		const realNow = Date.now;
		Date.now = () => realNow() + 3000;
	});
	await page.goto('/review');
	await other.goto('/review');
	for (const p of [page, other]) await p.getByRole('button', { name: 'Show answer' }).click();
	const front = (await page.locator('.front').first().innerText()).trim();
	await expect(other.locator('.front').first()).toHaveText(front);
	await other.getByRole('button', { name: /^Good / }).click();
	await expect(other.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	const reviews = await readStore<{ cardId: string; reviewedAt: number }>(page, 'reviews');
	expect(reviews).toHaveLength(2);
	expect(reviews[1]!.reviewedAt).toBeGreaterThanOrEqual(reviews[0]!.reviewedAt);
	const cards = await readStore<{ id: string; reps: number }>(page, 'cards');
	expect(cards).toEqual([expect.objectContaining({ reps: 2 })]);
});

/** Writes rows into a database created with an old schema version, as an old app version would. */
async function seedOldDatabase(page: Page, fixture: OldDatabase) {
	await page.evaluate(
		(data) =>
			new Promise<void>((resolvePromise, reject) => {
				// Dexie stores version n as IndexedDB version n * 10.
				const open = indexedDB.open('csto-study', data.version * 10);
				open.onupgradeneeded = () => {
					const db = open.result;
					for (const [name, spec] of Object.entries(data.stores)) {
						const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
						const autoIncrement = primary!.startsWith('++');
						const keyPath = primary!.replace('++', '');
						const store = db.createObjectStore(name, { keyPath, autoIncrement });
						for (const index of indexes) {
							// A compound index such as [state+due] has an array key path.
							const keyPath = index.startsWith('[') ? index.slice(1, -1).split('+') : index;
							store.createIndex(index, keyPath);
						}
					}
				};
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(Object.keys(data.rows), 'readwrite');
					for (const [name, rows] of Object.entries(data.rows)) {
						for (const row of rows) tx.objectStore(name).add(row);
					}
					tx.oncomplete = () => {
						db.close();
						resolvePromise();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		fixture
	);
}

interface OldDatabase {
	version: number;
	stores: Record<string, string>;
	rows: Record<string, Record<string, unknown>[]>;
	/** What the upgrades change, by table and row id: every review's due time before the rating. */
	afterUpgrade: Record<string, Record<string, Record<string, unknown>>>;
}

// db-v6.json: the schema every learner had before the log's summary table (version 7); db-v7.json:
// before the blocks of imported ratings and the cards without indexes (version 8).
const FIXTURES = ['db-v1.json', 'db-v2.json', 'db-v3-due-before.json', 'db-v6.json', 'db-v7.json'];

/**
 * Writes the old database of fixture `name` (tests/fixtures), then opens the app on it and waits
 * until Home has read it; resolves to the fixture.
 */
async function openOnOldDatabase(page: Page, name: string): Promise<OldDatabase> {
	const fixture = JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8')
	) as OldDatabase;
	// An origin page that does not open the database, so the old schema can be written first.
	await page.goto('/robots.txt');
	await seedOldDatabase(page, fixture);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await dataDrawn(page, '/');
	return fixture;
}

// The fixtures' learner studied in UTC: the upgrade replays each card's log on the study days of the
// device's zone, and reproduces the stored card (so knows each due time) only in the learner's own.
test.describe('old databases', () => {
	test.use({ timezoneId: 'UTC' });
	for (const name of FIXTURES) {
		test(`the app opened on a database from ${name} loses nothing`, async ({ watched: page }) => {
			const fixture = await openOnOldDatabase(page, name);
			// The app declares only the versions with an upgrade() and the latest (db.ts): the others'
			// databases are upgraded from the schema IndexedDB reports. Dexie keeps version n as 10n.
			expect(await page.evaluate(readNativeSchema, 'csto-study')).toEqual({
				version: LATEST_VERSION * 10,
				stores: storesFromDexieSchema(
					SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS]
				)
			});
			for (const [store, rows] of Object.entries(fixture.rows)) {
				const stored = await readStore(page, store);
				expect(stored, store).toHaveLength(rows.length);
				for (const row of rows) {
					const changed = fixture.afterUpgrade[store]?.[String(row.id)] ?? {};
					expect(stored).toContainEqual(expect.objectContaining({ ...row, ...changed }));
				}
			}
			await page.goto('/stats');
			// The heading is prerendered; the charts are drawn only once the log has been read.
			await dataDrawn(page, '/stats');
			await expect(page.getByRole('alert')).toHaveCount(0);
			await page.goto('/settings');
			await expect(page.getByRole('spinbutton', { name: /New cards per day/i })).toHaveValue('12');
		});
	}
});

test('the app opened on a version-3 database moves the progress of merged questions to their new ids', async ({
	watched: page
}) => {
	await openOnOldDatabase(page, 'db-v3.json');
	const cards = await readStore<{ id: string; itemId: string; topic: string; reps: number }>(
		page,
		'cards'
	);
	// history/crrf-year and operations/crrf-year become one card replayed from both log rows; the
	// reversed card of comparison/article-4-cst moves to the reversed card of the surviving item.
	expect(cards.map((c) => c.id).sort()).toEqual([
		'functions/article-4-collective-defence:reverse',
		'members/current',
		'operations/crrf-year'
	]);
	expect(cards.find((c) => c.id === 'operations/crrf-year')).toMatchObject({
		itemId: 'operations/crrf-year',
		topic: 'operations',
		reps: 2
	});
	const reviews = await readStore<{ id: number; cardId: string }>(page, 'reviews');
	expect(reviews.map((r) => [r.id, r.cardId])).toEqual([
		[1, 'members/current'],
		[2, 'operations/crrf-year'],
		[3, 'operations/crrf-year'],
		[4, 'functions/article-4-collective-defence:reverse']
	]);
	expect(await readStore(page, 'quizAttempts')).toHaveLength(1);
	await page.goto('/settings');
	await expect(page.getByRole('spinbutton', { name: /New cards per day/i })).toHaveValue('12');
});
