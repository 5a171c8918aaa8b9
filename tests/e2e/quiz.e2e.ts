import type { Locator, Page } from '@playwright/test';
import { expect, holdStore, readStore, test } from './fixtures';
import { WCAG_A_AA, violationsInBothThemes } from './axe';

// These tests use the real bank but never its wording: they find out each question's type from
// the page and answer it with whatever is on offer.

const question = (page: Page) => page.locator('form.question');

async function progress(page: Page): Promise<{ current: number; total: number }> {
	const text = await page.getByText(/^Question \d+ of \d+$/).textContent();
	const [, current, total] = /Question (\d+) of (\d+)/.exec(text ?? '')!;
	return { current: Number(current), total: Number(total) };
}

/** What the learner sees of the question before answering: its fingerprint for comparisons. */
async function fingerprint(page: Page): Promise<string> {
	const form = question(page);
	const parts = [
		await form.getByRole('heading', { level: 2 }).innerText(),
		...(await form.locator('.statement').allInnerTexts()),
		...(await form.locator('label.option').allInnerTexts()),
		...(await form.locator('th[scope="row"], select').allInnerTexts()),
		...(await form.locator('ol li .text').allInnerTexts())
	];
	return parts.join(' | ');
}

async function kindOf(form: Locator) {
	if ((await form.getByRole('radio').count()) > 0) return 'radio';
	if ((await form.getByRole('checkbox').count()) > 0) return 'checkbox';
	if ((await form.getByRole('textbox', { name: 'Your answer' }).count()) > 0) return 'typed';
	if ((await form.getByRole('combobox').count()) > 0) return 'matching';
	return 'ordering';
}

/** Answers the question on screen with the keyboard only (focus starts on the question). */
async function answerByKeyboard(page: Page) {
	const form = question(page);
	await expect(form.getByRole('heading', { level: 2 })).toBeFocused();
	const kind = await kindOf(form);
	if (kind === 'radio' || kind === 'checkbox') {
		await page.keyboard.press('2');
		await expect(form.locator('[data-option="1"]')).toBeChecked();
	} else if (kind === 'typed') {
		await page.keyboard.press('Tab');
		await expect(form.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
		await page.keyboard.type('Moscow');
	} else if (kind === 'matching') {
		const selects = form.getByRole('combobox');
		for (let i = 0; i < (await selects.count()); i++) {
			await page.keyboard.press('Tab');
			await expect(selects.nth(i)).toBeFocused();
			await page.keyboard.press('ArrowDown');
		}
		for (let i = 0; i < (await selects.count()); i++) {
			await expect(selects.nth(i)).not.toHaveValue('');
		}
	} else {
		// Ordering: move the first event down, by keyboard (its "Move up" is disabled, so skipped).
		await page.keyboard.press('Tab');
		await expect(form.getByRole('button', { name: /^Move down/ }).first()).toBeFocused();
		const first = await form.locator('ol li .text').first().innerText();
		await page.keyboard.press('Enter');
		await expect(form.locator('ol li .text').nth(1)).toHaveText(first);
		// Enter on a move button moves again: go on to "Check answer" as a keyboard user would.
		const check = form.getByRole('button', { name: 'Check answer' });
		for (
			let guard = 0;
			guard < 20 && !(await check.evaluate((b) => b === document.activeElement));
			guard++
		) {
			await page.keyboard.press('Tab');
		}
		await expect(check).toBeFocused();
	}
	await page.keyboard.press('Enter');
}

/** Answers the question on screen with the mouse (and typing where a word must be typed). */
async function answerByMouse(page: Page) {
	const form = question(page);
	const kind = await kindOf(form);
	if (kind === 'radio') await form.locator('label.option').first().click();
	else if (kind === 'checkbox') {
		await form.locator('label.option').nth(0).click();
		await form.locator('label.option').nth(2).click();
	} else if (kind === 'typed') {
		await form.getByRole('textbox', { name: 'Your answer' }).click();
		await page.keyboard.type('Minsk');
	} else if (kind === 'matching') {
		const selects = form.getByRole('combobox');
		for (let i = 0; i < (await selects.count()); i++) {
			await selects.nth(i).selectOption({ index: i + 1 });
		}
	} else {
		await form
			.getByRole('button', { name: /^Move up/ })
			.last()
			.click();
	}
}

async function startFromUrl(page: Page, query: string) {
	await page.goto(`/quiz?${query}`);
	await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
}

/** Answers "Don't know" and moves on, returning what the question showed. */
async function skip(page: Page): Promise<string> {
	const seen = await fingerprint(page);
	await page.getByRole('button', { name: "Don't know" }).click();
	await page.getByRole('button', { name: /^(Next question|See results)$/ }).click();
	return seen;
}

test('a whole quiz by keyboard alone, from the quick start to the results', async ({
	watched: page
}) => {
	await page.goto('/quiz');
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
	for (let guard = 0; guard < 40; guard++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		if (focused === '10 random questions') break;
	}
	await expect(page.getByRole('button', { name: '10 random questions' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/quiz\?seed=\w+&n=10&mode=practice$/);

	for (let n = 1; n <= 10; n++) {
		await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
		await expect(page.getByRole('progressbar')).toHaveAttribute('value', String(n - 1));
		await answerByKeyboard(page);
		const status = question(page).getByRole('status');
		await expect(status).toContainText(/Right|Partly right|Not right/);
		await expect(status).toContainText('Source');
		const next = page.getByRole('button', { name: n === 10 ? 'See results' : 'Next question' });
		await expect(next).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	await expect(page.getByText(/^\d+(\.\d+)? \/ 10$/)).toBeVisible();
	await expect(page.getByText(/^\d+%$/)).toBeVisible();
	await expect(page.getByText(/Time taken: /)).toBeVisible();
	await expect(page.locator('ol.results > li')).toHaveCount(10);
});

test('an answer whose write is slow shows the answer buttons disabled, and a second key answers nothing', async ({
	watched: page
}) => {
	await startFromUrl(page, 'seed=slowsave&n=5&mode=practice');
	const form = question(page);
	const dontKnow = form.getByRole('button', { name: "Don't know" });
	await expect(dontKnow).toBeEnabled();

	const release = await holdStore(page, 'quizAttempts');
	await dontKnow.click();
	// Shown as busy only once the write has taken longer than a tenth of a second.
	await expect(dontKnow).toBeDisabled();
	await expect(form.getByRole('button', { name: 'Check answer' })).toBeDisabled();
	await page.keyboard.press('Enter');
	await release();
	await expect(form.getByRole('status')).toContainText('Not right');
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	const [attempt] = await readStore<{ data: { answers: { answer: unknown }[] } }>(
		page,
		'quizAttempts'
	);
	expect(attempt?.data.answers.map((entry) => entry.answer)).toEqual([{ type: 'dontknow' }]);
});

test('a whole exam-mode quiz by mouse, set up with the form', async ({ watched: page }) => {
	await page.goto('/quiz');
	await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('6');
	await page.getByRole('radio', { name: /^Exam/ }).click();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page).toHaveURL(/n=6&mode=exam/);
	for (let n = 1; n <= 6; n++) {
		await expect(page.getByText(`Question ${n} of 6`)).toBeVisible();
		await answerByMouse(page);
		await page.getByRole('button', { name: n === 6 ? 'See results' : 'Next question' }).click();
		// Exam mode: no feedback between questions.
		if (n < 6) await expect(question(page).getByRole('status')).toBeEmpty();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	const answers = page.locator('ol.results > li');
	await expect(answers).toHaveCount(6);
	for (const answer of await answers.all()) {
		await expect(answer.getByText('Your answer')).toBeVisible();
		await expect(answer.getByText('Right answer')).toBeVisible();
		await expect(answer.getByText(/^Sources?:/)).toBeVisible();
	}
});

test('the set-up form refuses a quiz with no topic', async ({ watched: page }) => {
	await page.goto('/quiz');
	const boxes = page.getByRole('group', { name: 'Topics' }).getByRole('checkbox');
	// The form renders after the page loads: wait for it before listing its boxes.
	await expect(boxes).toHaveCount(8);
	for (const box of await boxes.all()) {
		await box.uncheck();
	}
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page.getByRole('alert')).toHaveText('Choose at least one topic.');
	await expect(page).toHaveURL(/\/quiz$/);
});

test('a bad quiz link says what is wrong', async ({ watched: page }) => {
	await page.goto('/quiz?seed=abc&n=500');
	await expect(page.getByRole('alert')).toContainText(
		'the length must be a whole number from 5 to 50'
	);
	await expect(page.getByRole('link', { name: 'Set up a new quiz' })).toBeVisible();
});

test('a reload mid-quiz resumes at the same question, and Home offers to resume', async ({
	watched: page
}) => {
	await startFromUrl(page, 'seed=reload1&n=5&mode=practice');
	await skip(page);
	await skip(page);
	await expect(page.getByText('Question 3 of 5')).toBeVisible();
	const third = await fingerprint(page);

	await page.reload();
	await expect(page.getByText('Question 3 of 5')).toBeVisible();
	expect(await fingerprint(page)).toBe(third);
	await expect(page.getByText('Picked up where you left off.')).toBeVisible();

	await page.goto('/');
	await page.getByRole('link', { name: 'Resume quiz' }).click();
	await expect(page.getByText('Question 3 of 5')).toBeVisible();
	expect(await fingerprint(page)).toBe(third);
	expect((await progress(page)).total).toBe(5);
});

test('the shared link gives the same questions in a fresh browser context', async ({
	watched: page,
	browser,
	baseURL
}) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await startFromUrl(page, 'seed=share1&n=8&types=choice,truefalse,matching,ordering&mode=exam');
	const first: string[] = [];
	for (let n = 1; n <= 8; n++) first.push(await skipExam(page, n, 8));
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	await page.getByRole('button', { name: 'Share this quiz' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	const url = await page.evaluate(() => navigator.clipboard.readText());
	expect(url).toBe(
		`${baseURL}/quiz?seed=share1&n=8&types=choice%2Ctruefalse%2Cmatching%2Cordering&mode=exam`
	);

	const other = await browser.newContext();
	const fresh = await other.newPage();
	await fresh.goto(url);
	const second: string[] = [];
	await expect(fresh.getByText('Question 1 of 8')).toBeVisible();
	for (let n = 1; n <= 8; n++) second.push(await skipExam(fresh, n, 8));
	expect(second).toEqual(first);
	expect(new Set(first).size).toBe(8);
	await other.close();
});

async function skipExam(page: Page, n: number, total: number): Promise<string> {
	await expect(page.getByText(`Question ${n} of ${total}`)).toBeVisible();
	const seen = await fingerprint(page);
	await page.getByRole('button', { name: "Don't know" }).click();
	return seen;
}

test('"Retry wrong answers" asks exactly the missed items', async ({ watched: page }) => {
	await startFromUrl(page, 'seed=retry1&n=6&mode=practice');
	for (let n = 1; n <= 6; n++) {
		if (n % 2 === 1) {
			await page.getByRole('button', { name: "Don't know" }).click();
		} else {
			await answerByMouse(page);
			await page.getByRole('button', { name: 'Check answer' }).click();
		}
		await page.getByRole('button', { name: n === 6 ? 'See results' : 'Next question' }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	// The heading is prerendered; the list of answers is drawn once the quiz has been read.
	await expect(page.locator('ol.results > li')).toHaveCount(6);
	const missed = await page
		.locator('ol.results > li:not(.good)')
		.evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));
	expect(missed.length).toBeGreaterThanOrEqual(3);

	await page.getByRole('button', { name: 'Retry wrong answers' }).click();
	await expect(page.getByText(`Question 1 of ${missed.length}`)).toBeVisible();
	const asked: (string | null)[] = [];
	for (let n = 1; n <= missed.length; n++) {
		await expect(page.getByText(`Question ${n} of ${missed.length}`)).toBeVisible();
		asked.push(await question(page).getAttribute('data-item'));
		await skip(page);
	}
	expect(asked.slice().sort()).toEqual(missed.slice().sort());
});

test('sharing shows the link to copy by hand when the clipboard is refused', async ({
	watched: page
}) => {
	await page.addInitScript(() => {
		navigator.clipboard.writeText = () =>
			Promise.reject(new DOMException('Denied', 'NotAllowedError'));
	});
	await startFromUrl(page, 'seed=noclip&n=5&mode=exam');
	for (let n = 1; n <= 5; n++) await skipExam(page, n, 5);
	await page.getByRole('button', { name: 'Share this quiz' }).click();
	const link = page.getByRole('textbox', { name: /Copy this link by hand/ });
	await expect(link).toHaveValue(/\/quiz\?seed=noclip&n=5&mode=exam$/);
	await expect(page.getByText('Link copied')).toHaveCount(0);
});

/** No WCAG A or AA violation inside <main>, in the light and then the dark theme. */
async function checkAxe(page: Page, what: string) {
	expect(await violationsInBothThemes(page, { include: 'main', tags: WCAG_A_AA }), what).toEqual(
		[]
	);
}

/** The page is no wider than the screen. */
async function expectNoOverflow(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

// One test per screen and step, so that each sweep has the time its own work needs on a busy machine.
for (const width of [360, 1280]) {
	test.describe(`axe at ${width} px`, () => {
		test.describe.configure({ timeout: 90_000 });
		test.beforeEach(async ({ watched: page }) => {
			await page.setViewportSize({ width, height: 800 });
		});

		test('set-up passes axe in light and dark', async ({ watched: page }) => {
			await page.goto('/quiz');
			await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
			await checkAxe(page, `${width} set-up`);
			await expectNoOverflow(page);
		});

		// Each of the six questions of one seeded quiz, as a question and with its feedback: at phone
		// width, where a question has the least room (the same markup and colours as on a desktop,
		// where the set-up and the results are checked).
		for (const n of width === 360 ? [1, 2, 3, 4, 5, 6] : []) {
			test(`question ${n} and its feedback pass axe in light and dark`, async ({
				watched: page
			}) => {
				await startFromUrl(page, `seed=axe${width}&n=6&mode=practice`);
				for (let i = 1; i < n; i++) {
					await expect(page.getByText(`Question ${i} of 6`)).toBeVisible();
					await page.getByRole('button', { name: "Don't know" }).click();
					await page.getByRole('button', { name: 'Next question' }).click();
				}
				await expect(page.getByText(`Question ${n} of 6`)).toBeVisible();
				await checkAxe(page, `${width} question ${n}`);
				await page.getByRole('button', { name: "Don't know" }).click();
				await expect(question(page).getByRole('status')).toContainText('Not right');
				await checkAxe(page, `${width} feedback ${n}`);
				await expectNoOverflow(page);
			});
		}

		test('results pass axe in light and dark', async ({ watched: page }) => {
			await startFromUrl(page, `seed=axe${width}&n=6&mode=exam`);
			for (let n = 1; n <= 6; n++) await skipExam(page, n, 6);
			await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
			await checkAxe(page, `${width} results`);
			await expectNoOverflow(page);
		});
	});
}
