import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { ANKI_HEADER } from '../../src/lib/domain/backup/anki';
import { readAsAnki } from '../../src/lib/domain/backup/fixtures';
import {
	expect,
	noonToday,
	putRows,
	readLog,
	readStore,
	test,
	waitForAppDatabase
} from './fixtures';
import { quizRecord, quizRow } from './records';
import { dataDrawn } from './states';
import { WCAG_A_AA, violationsInBothThemes } from './axe';

type Dump = Record<'cards' | 'reviews' | 'quizAttempts' | 'settings', unknown[]>;

/**
 * Every stored row, read straight from IndexedDB (not through the app's own code); the log's
 * ratings in id order, from its rows and its blocks (`readLog`).
 */
async function dump(page: Page): Promise<Dump> {
	const tables = await page.evaluate(
		() =>
			new Promise<Omit<Dump, 'reviews'>>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = ['cards', 'quizAttempts', 'settings'] as const;
					const tx = db.transaction([...names], 'readonly');
					const out = {} as Omit<Dump, 'reviews'>;
					for (const name of names) {
						const request = tx.objectStore(name).getAll();
						request.onsuccess = () => (out[name] = request.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	return { ...tables, reviews: (await readLog(page)).reviews };
}

/**
 * Writes a little history as the app would have stored it: three cards, five reviews (three today,
 * two yesterday), one finished quiz and one setting. The app must have opened the database first.
 */
async function seed(page: Page): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await waitForAppDatabase(page);
	// A finished quiz, 8 of 10 right; one question's text is markup, which must stay plain text.
	const record = quizRecord(10, 8, Date.now() - 3_600_000);
	record.questions[0]!.prompt = '<b>not html</b>';
	const quiz = quizRow(record, Date.now() - 3_000_000, 'finished');
	await page.evaluate(
		(quiz) =>
			new Promise<void>((resolve, reject) => {
				const now = Date.now();
				const day = 86_400_000;
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['cards', 'reviews', 'quizAttempts', 'settings'], 'readwrite');
					const ids = ['members/e2e-one', 'history/e2e-two', 'gone/no-longer-in-bank'];
					ids.forEach((id, i) => {
						tx.objectStore('cards').put({
							id,
							itemId: id,
							topic: id.split('/')[0],
							due: now + (i + 1) * day,
							stability: i === 0 ? 25 : 3,
							difficulty: 5,
							elapsedDays: 1,
							scheduledDays: i + 1,
							learningSteps: 0,
							reps: 3,
							lapses: 0,
							state: 2,
							lastReview: now - 60_000,
							suspended: 0,
							leech: 0,
							buriedUntil: 0
						});
					});
					[0, 1, 2, 3, 4].forEach((n) => {
						tx.objectStore('reviews').add({
							cardId: ids[n % 3],
							rating: n === 4 ? 1 : 3,
							stateBefore: 2,
							dueBefore: now - 2 * day,
							stability: 10,
							difficulty: 5,
							elapsedDays: 2,
							scheduledDays: 5,
							// Seconds apart, so that all stay on the same study day (the day starts at 04:00).
							reviewedAt: n < 3 ? now - n * 1000 : now - day + n * 1000,
							durationMs: 3000,
							source: 'review'
						});
					});
					tx.objectStore('quizAttempts').add(quiz);
					tx.objectStore('settings').put({ key: 'newPerDay', value: 12 });
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		quiz
	);
	// The app reads the rows afresh on a new load.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('export, reset and import through the interface restore identical data', async ({
	watched: page
}) => {
	await seed(page);
	const before = await dump(page);
	expect(before.reviews).toHaveLength(5);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^csto-study-backup-\d{4}-\d\d-\d\d\.json$/);
	const path = await download.path();
	const file = JSON.parse(readFileSync(path, 'utf8'));
	expect(file).toMatchObject({ format: 'csto-study-backup', version: 2 });
	expect([file.cards.length, file.reviews.length, file.quizAttempts.length]).toEqual([3, 5, 1]);

	await page.getByRole('button', { name: 'Reset progress' }).click();
	const confirm = page.getByRole('button', { name: 'Confirm reset' });
	await expect(confirm).toBeDisabled();
	await page.getByLabel('Type RESET to confirm').fill('reset');
	await expect(confirm).toBeDisabled();
	await page.getByLabel('Type RESET to confirm').fill('RESET');
	await confirm.click();
	await expect(page.getByText('Your progress was reset')).toBeVisible();
	const afterReset = await dump(page);
	expect(afterReset).toEqual({
		cards: [],
		reviews: [],
		quizAttempts: [],
		settings: before.settings
	});

	const choosing = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import backup' }).click();
	await (await choosing).setFiles(path);
	const summary = page.getByRole('group', { name: 'This backup holds' });
	await expect(summary).toContainText(/Reviews\s*5/);
	await expect(summary).toContainText(/Cards\s*3/);
	await summary.getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByText('Replaced your data with the backup')).toBeVisible();
	expect(await dump(page)).toEqual(before);
});

test('a long-time learner’s old ratings move into blocks in the background after a load, each one as it was', async ({
	watched: page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await dataDrawn(page, '/');
	// 6,000 ratings from two years ago up to 105 days ago, one every two and a half hours (past the
	// 60 days after which they move, and over the 5,000 that start a compaction), then one a day from
	// 20 days ago to yesterday.
	const day = 24 * 60 * 60 * 1000;
	const now = Date.now();
	const rating = (id: number, reviewedAt: number) => ({
		id,
		cardId: id % 2 ? 'members/current' : 'history/treaty-date',
		rating: ((id % 4) + 1) as 1 | 2 | 3 | 4,
		stateBefore: 2,
		dueBefore: id % 3 ? reviewedAt - day : null,
		stability: 3 + (id % 7) / 10,
		difficulty: 5.25,
		elapsedDays: 3,
		scheduledDays: 4,
		reviewedAt,
		durationMs: 2500 + id,
		source: id % 5 ? 'review' : 'quiz'
	});
	const old = Array.from({ length: 6000 }, (_, i) =>
		rating(i + 1, now - 730 * day + i * 9_000_000)
	);
	expect(old.at(-1)!.reviewedAt).toBeLessThan(now - 90 * day);
	const recent = Array.from({ length: 20 }, (_, i) => rating(6001 + i, now - (20 - i) * day));
	// Written from a file of the app's origin that runs none of its code: written from Home, they were
	// met by that page's own compaction when it started (3 s after its load) before the reload below,
	// which then found fewer than 5,000 old rows left and, as it should, left them (1,020 or 3,520
	// rows where 20 were expected, twice in six runs on two busy cores).
	await page.goto('/robots.txt');
	await putRows(page, 'reviews', [...old, ...recent]);

	// The next load of the app starts the compaction once the page has settled.
	await page.goto('/');
	await dataDrawn(page, '/');
	await expect
		.poll(async () => (await readStore(page, 'reviews')).length, { timeout: 60_000 })
		.toBe(20);
	const log = await readLog(page);
	expect(log.blocks).toBe(3);
	expect(log.reviews).toEqual([...old, ...recent]);
	expect(await readStore(page, 'reviews')).toEqual(recent);

	// The app reads them from the blocks: Stats counts the month's, and the backup holds every one.
	await page.goto('/stats');
	await dataDrawn(page, '/stats');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.locator('dt', { hasText: 'Reviews in 30 days' }).locator('+ dd')).toHaveText(
		'20'
	);
	await page.goto('/settings');
	const file = JSON.parse(readFileSync(await (await downloadBackup(page)).path(), 'utf8'));
	expect(file.reviews.map((review: { id: number }) => review.id)).toEqual(
		[...old, ...recent].map((review) => review.id)
	);
	expect(file.quarantine).toEqual([]);
});

test('the data buttons keep the keyboard focus while they work, and an import hands it back to "Import backup"', async ({
	watched: page
}) => {
	await seed(page);
	// A disabled button drops the focus to <body>, and the next Tab starts again from the top.
	const jobs = [
		['Export backup', 'Backup saved as'],
		['Export deck for Anki', 'Deck saved as'],
		['Export progress as CSV', 'Progress saved as'],
		['Check database', 'What Check database found']
	] as const;
	for (const [name, outcome] of jobs) {
		const button = page.getByRole('button', { name, exact: true });
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByText(outcome)).toBeVisible();
		await expect(button, name).toBeFocused();
	}

	const importButton = page.getByRole('button', { name: 'Import backup' });
	const summary = page.getByRole('group', { name: 'This backup holds' });
	const file = {
		name: 'mine.json',
		mimeType: 'application/json',
		buffer: readFileSync(await (await downloadBackup(page)).path())
	};
	for (const choice of ['Cancel', 'Merge'] as const) {
		await importButton.focus();
		const choosing = page.waitForEvent('filechooser');
		await page.keyboard.press('Enter');
		await (await choosing).setFiles(file);
		await expect(page.getByRole('heading', { name: 'This backup holds' })).toBeFocused();
		await summary.getByRole('button', { name: choice }).focus();
		await page.keyboard.press('Enter');
		await expect(summary).toHaveCount(0);
		await expect(importButton, choice).toBeFocused();
	}
	await expect(page.getByText('Merged the backup')).toBeVisible();
});

test('pointing at "Export backup" or pressing "Import backup" starts the worker the job then uses; leaving the page ends it', async ({
	watched: page
}) => {
	await seed(page);
	const started: Worker[] = [];
	page.on('worker', (worker) => started.push(worker));
	const button = page.getByRole('button', { name: 'Export backup' });
	await button.hover();
	await expect.poll(() => started.length).toBe(1);
	const downloading = page.waitForEvent('download');
	await button.click();
	const backup = await (await downloading).path();
	await expect(page.getByText('Backup saved as')).toBeVisible();
	// No second worker for the click, and the job's end ended the first.
	expect(started).toHaveLength(1);
	await expect.poll(() => page.workers().length).toBe(0);

	// Pointed at but not used: leaving the page ends it.
	await page.mouse.move(0, 0);
	await button.hover();
	await expect.poll(() => started.length).toBe(2);
	const ended = started[1]!.waitForEvent('close');
	await page.getByRole('link', { name: 'Home' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await ended;

	// "Import backup" starts one when pressed, which reads the file chosen meanwhile.
	await page.getByRole('link', { name: 'Settings' }).first().click();
	const choosing = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import backup' }).click();
	const chooser = await choosing;
	await expect.poll(() => started.length).toBe(3);
	await chooser.setFiles(backup);
	await expect(page.getByRole('group', { name: 'This backup holds' })).toContainText(/Reviews\s*5/);
	expect(started).toHaveLength(3);
});

/** Saves a backup with the "Export backup" button. */
async function downloadBackup(page: Page) {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	return downloading;
}

test('a bad backup file is refused with an alert and nothing changes', async ({
	watched: page
}) => {
	await seed(page);
	const before = await dump(page);
	const files = [
		{ name: 'notes.json', text: 'just some notes', message: /not JSON/ },
		{ name: 'other.json', text: '{"format":"other-app","version":1}', message: /another format/ },
		{
			name: 'cut.json',
			text: '{"format":"csto-study-backup","version":1,"cards":[{"id":',
			message: /truncated/
		}
	];
	for (const { name, text, message } of files) {
		const choosing = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import backup' }).click();
		await (
			await choosing
		).setFiles({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
		const alert = page.getByRole('alert');
		await expect(alert).toContainText(name);
		await expect(alert).toContainText(message);
		await expect(page.getByRole('group', { name: 'This backup holds' })).toHaveCount(0);
		expect(await dump(page)).toEqual(before);
	}
});

test('the deck for Anki and the progress CSV download with their headers', async ({
	watched: page
}) => {
	await seed(page);
	const anki = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export deck for Anki' }).click();
	const ankiText = readFileSync(await (await anki).path(), 'utf8');
	expect(ankiText.split('\n').slice(0, ANKI_HEADER.length)).toEqual([...ANKI_HEADER]);
	const notes = readAsAnki(ankiText).records;
	expect(notes.length).toBeGreaterThan(10);
	for (const note of notes) expect(note).toHaveLength(4);

	const csv = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress as CSV' }).click();
	const csvText = readFileSync(await (await csv).path(), 'utf8');
	expect(csvText.split('\r\n')[0]).toBe(
		'id,topic,state,due,stability,difficulty,reps,lapses,last review'
	);
	expect(csvText).toContain('gone/no-longer-in-bank,gone,review,');
});

test('the Stats page shows numbers after a few reviews', async ({ watched: page }) => {
	// Today's and yesterday's ratings, and the streak they make, stay on their study days.
	await page.clock.install({ time: noonToday() });
	await seed(page);
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
	const summary = page.getByRole('region', { name: 'Summary' });
	await expect(summary).toContainText(/Streak\s*2 days/);
	await expect(summary).toContainText(/Reviews today\s*3/);
	await expect(summary).toContainText(/Reviews in 30 days\s*5/);
	// The charts are drawn a few at a time; the region is busy until the last one is there.
	await dataDrawn(page, '/stats');
	for (const title of [
		'Reviews per day',
		'Calendar',
		'Forecast',
		'True retention',
		'Mastery by topic',
		'Quiz scores'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
	}
	// The chart's table alternative lists today's count.
	await page.getByText('Show reviews per day as a table').click();
	const perDay = page.getByRole('region', { name: 'Reviews per day' }).getByRole('table');
	await expect(perDay.getByRole('row').last()).toContainText('3');
	await expect(page.getByRole('img', { name: /Reviews per day: 5 in total/ })).toBeVisible();
	// All five ratings are of review-state cards seen two days before; one was Again.
	const retention = page.getByRole('region', { name: 'True retention' });
	await expect(retention.getByRole('row', { name: /All topics/ })).toContainText('80%');
	await page.getByText('Show quiz scores as a table').click();
	await expect(page.getByRole('region', { name: 'Quiz scores' })).toContainText('80%');
	// One card was rated yesterday and today: a prediction. The predicted-recall axis runs under the
	// plot (at desktop width the labels' column once stretched and pushed the plot away from it).
	const calibration = page.getByRole('region', { name: 'How well the memory model predicts you' });
	const axis = await calibration.locator('.x-axis').boundingBox();
	const plot = await calibration.getByRole('img').boundingBox();
	expect(page.viewportSize()!.width).toBeGreaterThanOrEqual(1000);
	expect(Math.abs(axis!.x + axis!.width - (plot!.x + plot!.width))).toBeLessThan(24);
});

for (const [path, selector] of [
	['/stats', 'main'],
	['/settings', 'section[aria-labelledby="data-heading"]']
] as const) {
	test(`${path} (${selector}) passes axe in light and dark, at phone and desktop width`, async ({
		watched: page
	}) => {
		test.slow();
		await seed(page);
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(path);
			await expect(page.locator(selector).first()).toBeVisible();
			await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
			// Axe looks at every chart, not at the page while they are still being drawn.
			await dataDrawn(page, path);
			if (path === '/stats' && width === 360) {
				// The calendar is wider than a phone and starts scrolled to today, at its right end.
				const calendar = page.getByRole('region', { name: 'Calendar of reviews' });
				const overflow = () =>
					calendar.evaluate((node) => [node.scrollWidth - node.clientWidth, node.scrollLeft]);
				await expect.poll(async () => (await overflow())[1]).toBeGreaterThan(0);
				const [hidden, scrolled] = await overflow();
				expect(scrolled).toBeGreaterThanOrEqual(hidden! - 1);
			}
			expect(
				await violationsInBothThemes(page, { include: selector, tags: WCAG_A_AA }),
				`${width} px`
			).toEqual([]);
		}
	});
}
