import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BLOCK_SIZE } from '../../src/lib/data/log-bulk';
import { expect, putRows, readLog, readStore, test, waitForAppDatabase } from './fixtures';
import { quizRecord, quizRow } from './records';

// Each test walks several pages; on a busy two-core machine that takes more than the default 30 s.
test.describe.configure({ timeout: 180_000 });

/** Waits until the app has created its database (any page opens it). */
async function waitForDatabase(page: Page): Promise<void> {
	await waitForAppDatabase(page);
}

function heading(page: Page, name: string) {
	return page.getByRole('heading', { level: 1, name });
}

async function answerDontKnow(page: Page, isLast: boolean) {
	await page.getByRole('button', { name: "Don't know" }).click();
	await page.getByRole('button', { name: isLast ? 'See results' : 'Next question' }).click();
}

test('opening another quiz link asks first; starting the new one keeps the old one finished as it stood', async ({
	watched: page
}) => {
	const first = '/quiz?seed=first18&n=5&mode=practice';
	await page.goto(first);
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	for (let i = 0; i < 4; i++) await answerDontKnow(page, false);
	await expect(page.getByText('Question 5 of 5')).toBeVisible();

	await page.goto('/quiz?seed=second18&n=5&mode=practice');
	const question = page.getByRole('heading', {
		name: 'Finish the quiz in progress, or start the new one?'
	});
	await expect(question).toBeVisible();
	await expect(page.getByText('4 of 5 questions answered')).toBeVisible();
	// Nothing was started or lost while the learner decides.
	expect(await readStore(page, 'quizAttempts')).toHaveLength(1);

	await page.getByRole('link', { name: 'Finish the quiz in progress' }).click();
	await expect(page.getByText('Question 5 of 5')).toBeVisible();
	await expect(page).toHaveURL(/seed=first18/);

	await page.goto('/quiz?seed=second18&n=5&mode=practice');
	await expect(question).toBeVisible();
	await page.getByRole('button', { name: 'Start the new one' }).click();
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	const attempts = await readStore<{
		status: string;
		score: number;
		maxScore: number;
		data: { options: { seed: string }; answers: unknown[] };
	}>(page, 'quizAttempts');
	expect(
		attempts.map((a) => [a.data.options.seed, a.status, a.data.answers.length, a.maxScore])
	).toEqual([
		['first18', 'finished', 4, 5],
		['second18', 'active', 0, 5]
	]);

	// The old quiz's results are there, its unanswered question counted as 0.
	await page.goto('/');
	await page.getByRole('link', { name: 'See results' }).click();
	await expect(page.getByText(/ended after 4 of 5 questions/)).toBeVisible();
});

test('a damaged quiz record never blocks quiz links, Resume or results, and Check database repairs it at start-up', async ({
	watched: page
}) => {
	await page.goto('/settings');
	const at = Date.now() - 3_600_000;
	const record = quizRecord(5, 3, at);
	// A finished quiz whose grades and score were lost (repairable), and a quiz in progress whose
	// options were lost, as an import used to accept (it cannot be resumed, so it is set aside).
	const noGrades = structuredClone(record) as unknown as { answers: Record<string, unknown>[] };
	for (const answer of noGrades.answers) delete answer.grade;
	const broken = structuredClone(quizRecord(5, 1, at, 2, 'othere2e')) as unknown as {
		options: Record<string, unknown>;
	};
	delete broken.options.topics;
	const [finishedId, activeId] = await putRows(page, 'quizAttempts', [
		{ ...quizRow(record, at, 'finished'), score: 0, data: noGrades },
		{ ...quizRow(quizRecord(5, 1, at, 2, 'othere2e'), at, 'active'), data: broken }
	]);

	// The results page of the damaged quiz: Check database runs by itself and shows its report.
	await page.goto(`/quiz/results?attempt=${finishedId}`);
	const report = page.getByRole('region', {
		name: 'Some of your saved data was damaged, and Check database has dealt with it'
	});
	await expect(report).toBeVisible();
	await expect(report).toContainText(`Quiz no. ${finishedId}`);
	await expect(report).toContainText('Repaired: graded its answers again');
	await expect(report).toContainText(`Quiz no. ${activeId}: data.options.topics is missing`);
	await expect(report).toContainText('Set aside: it no longer shows among your quizzes');
	await expect(page.getByText('3 / 5')).toBeVisible();

	// The quiz links work, and Home offers no broken Resume.
	await page.goto('/quiz?seed=fresh18&n=5&mode=practice');
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Resume quiz' })).toHaveAttribute(
		'href',
		/seed=fresh18/
	);
	const stored = await readStore<{ id: number; status: string; score: number }>(
		page,
		'quizAttempts'
	);
	expect(stored.find((a) => a.id === finishedId)).toMatchObject({ score: 3 });
	expect(stored.find((a) => a.id === activeId)).toBeUndefined();
	const quarantine = await readStore<{ table: string; key: string; action: string }>(
		page,
		'quarantine'
	);
	expect(quarantine.map((q) => [q.table, q.key, q.action])).toEqual([
		['quizAttempts', String(finishedId), 'repaired'],
		['quizAttempts', String(activeId), 'set aside']
	]);

	// Check database in Settings then finds everything in order.
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Check database' }).click();
	await expect(page.getByText(/everything is in order\.$/)).toBeVisible();
});

test('an unknown Browse topic, a link to an item that no longer exists, and a quiz link to removed questions say exactly that', async ({
	watched: page
}) => {
	await page.goto('/browse?topic=ghost');
	await expect(page.getByRole('alert')).toContainText(
		'There is no topic “ghost” in the bank, so every topic is shown.'
	);
	await expect(page.getByText(/^Showing all \d+ items$/)).toBeVisible();

	await page.goto('/browse#members/no-such-item');
	await expect(page.getByRole('alert')).toContainText(
		'The item “members/no-such-item” is not in the bank'
	);

	await page.goto('/quiz?seed=gone18&items=members/no-such-item&mode=practice');
	await expect(page.getByRole('alert')).toContainText(
		'The questions of this link are no longer in the bank (members/no-such-item)'
	);
});

// The browser's path, through the UI, at a size that pages and chunks the backup's work (each is
// 5,000 rows) yet fits CI's time: Chromium's IndexedDB writes about 10,000 rows a second here
// (`idb.floor.put.100k`). The stress size (10,000 cards, 100,000 reviews) round-trips in
// src/lib/data/backup.test.ts, and `npm run bench` times it in Chromium (ui.export.100k,
// ui.import.100k).
const CARDS = 1_000;
const REVIEWS = 12_000;

test('export then import of 1,000 cards and 12,000 reviews through the interface gives the same data', async ({
	watched: page
}) => {
	test.setTimeout(600_000);
	await page.goto('/settings');
	await waitForDatabase(page);
	// Rows as the app writes them, generated in the page so that the rows need not cross over.
	await page.evaluate(
		({ cards, reviews }) =>
			new Promise<void>((resolve, reject) => {
				const now = Date.now();
				const day = 86_400_000;
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['cards', 'reviews'], 'readwrite');
					for (let i = 0; i < cards; i++) {
						const id = `stress/item-${i}`;
						const lastReview = now - ((i % 30) + 1) * day;
						tx.objectStore('cards').put({
							id,
							itemId: id,
							topic: 'stress',
							due: lastReview + ((i % 20) + 1) * day,
							stability: 1 + (i % 50),
							difficulty: 1 + (i % 9),
							elapsedDays: i % 7,
							scheduledDays: (i % 20) + 1,
							learningSteps: 0,
							reps: 10,
							lapses: i % 3,
							state: 2,
							lastReview,
							suspended: 0,
							leech: 0,
							buriedUntil: 0
						});
					}
					for (let i = 0; i < reviews; i++) {
						const reviewedAt = now - 730 * day + i * ((730 * day) / reviews);
						tx.objectStore('reviews').add({
							cardId: `stress/item-${i % cards}`,
							rating: 1 + (i % 4),
							stateBefore: i % 10 === 0 ? 0 : 2,
							dueBefore: reviewedAt - day,
							stability: 1 + (i % 40),
							difficulty: 1 + (i % 9),
							elapsedDays: i % 9,
							scheduledDays: i % 11,
							reviewedAt: Math.round(reviewedAt),
							durationMs: 1000 + (i % 9000),
							source: i % 5 === 0 ? 'quiz' : 'review'
						});
					}
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ cards: CARDS, reviews: REVIEWS }
	);
	await page.reload();
	await expect(heading(page, 'Settings')).toBeVisible();

	const downloading = page.waitForEvent('download', { timeout: 300_000 });
	await page.getByRole('button', { name: 'Export backup' }).click();
	const path = await (await downloading).path();
	const file = JSON.parse(readFileSync(path, 'utf8'));
	expect([file.cards.length, file.reviews.length, file.quarantine.length]).toEqual([
		CARDS,
		REVIEWS,
		0
	]);
	const before = {
		cards: await readStore(page, 'cards'),
		reviews: (await readLog(page)).reviews
	};

	const choosing = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import backup' }).click();
	await (await choosing).setFiles(path);
	const summary = page.getByRole('group', { name: 'This backup holds' });
	await expect(summary).toContainText(/Reviews\s*12000|Reviews\s*12,000/, { timeout: 300_000 });
	await summary.getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByText('Replaced your data with the backup')).toBeVisible({
		timeout: 300_000
	});
	expect(await readStore(page, 'cards')).toEqual(before.cards);
	// The imported log is kept in blocks (src/lib/data/log-bulk.ts), rating for rating.
	const after = await readLog(page);
	expect(after.blocks).toBe(Math.ceil(REVIEWS / BLOCK_SIZE));
	expect(after.reviews).toEqual(before.reviews);
});
