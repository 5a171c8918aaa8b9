import type { Locator, Page } from '@playwright/test';
import { expect, readStore, test } from './fixtures';

// Five questions, each with the map, answered and stored: a busy two-core machine needs the time.
test.describe.configure({ timeout: 90_000 });

// A quiz of map questions only. The seed gives all three kinds in five questions (two "locate", so
// that one is answered in the inset and one on the main map); the tests find out
// each question's kind from the page: radios ("Which state is highlighted?"), checkboxes ("Which of
// these were members in <year>?") or the list of the map's states ("Select the state … on the map").
const MAP_QUIZ = '/quiz?seed=map2&n=5&types=map&mode=practice';

const question = (page: Page) => page.locator('form.question');

async function kindOf(form: Locator): Promise<'identify' | 'years' | 'locate'> {
	await expect(form.locator('.state-map')).toBeVisible();
	if ((await form.getByRole('combobox', { name: 'State on the map' }).count()) > 0) return 'locate';
	if ((await form.getByRole('checkbox').count()) > 0) return 'years';
	expect(await form.getByRole('radio').count()).toBe(4);
	return 'identify';
}

async function storedAnswers(page: Page) {
	const attempts = await readStore<{ data: { answers: { answer: unknown }[] } }>(
		page,
		'quizAttempts'
	);
	return attempts.at(-1)!.data.answers.map((a) => a.answer);
}

test('a map quiz answered with the pointer: options, and states clicked on the map and its inset', async ({
	watched: page
}) => {
	await page.goto(MAP_QUIZ);
	const kinds = new Set<string>();
	let clickedInset = false;
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
		const form = question(page);
		const kind = await kindOf(form);
		kinds.add(kind);
		if (kind === 'identify') {
			await form.locator('label.option').first().click();
		} else if (kind === 'years') {
			await form.locator('label.option').nth(0).click();
			await form.locator('label.option').nth(2).click();
		} else {
			// The first locate question is answered in the enlarged South Caucasus, the next on the main map.
			const target = clickedInset ? 'kazakhstan' : 'armenia';
			const view = clickedInset ? '.main' : '.inset';
			await form.locator(`${view} [data-state="${target}"]`).click();
			const name = target === 'armenia' ? 'Armenia' : 'Kazakhstan';
			await expect(form.getByText(`Selected: ${name}`)).toBeVisible();
			await expect(form.getByRole('combobox', { name: 'State on the map' })).toHaveValue(
				await form
					.getByRole('option', { name })
					.getAttribute('value')
					.then((v) => v ?? '')
			);
			clickedInset = true;
		}
		await form.getByRole('button', { name: 'Check answer' }).click();
		await expect(form.getByRole('status')).toContainText(/Right|Partly right|Not right/);
		await expect(form.getByRole('status')).toContainText('Right answer:');
		await page.getByRole('button', { name: n === 5 ? 'See results' : 'Next question' }).click();
	}
	expect(kinds).toEqual(new Set(['identify', 'years', 'locate']));
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	const answers = await storedAnswers(page);
	expect(answers).toHaveLength(5);
	for (const answer of answers) expect(answer).toMatchObject({ type: 'map' });
});

test('a map quiz by keyboard alone, and its answers rate the states’ flashcards', async ({
	watched: page
}) => {
	await page.goto(MAP_QUIZ);
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
		const form = question(page);
		await expect(form.getByRole('heading', { level: 2 })).toBeFocused();
		const kind = await kindOf(form);
		if (kind === 'identify') {
			await page.keyboard.press('2');
			await expect(form.locator('[data-option="1"]')).toBeChecked();
		} else if (kind === 'years') {
			await page.keyboard.press('1');
			await page.keyboard.press('3');
			await expect(form.locator('[data-option="0"]')).toBeChecked();
			await expect(form.locator('[data-option="2"]')).toBeChecked();
		} else {
			// The map takes no tab stop here: the list of its states is next.
			await page.keyboard.press('Tab');
			const list = form.getByRole('combobox', { name: 'State on the map' });
			await expect(list).toBeFocused();
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			await expect(list).not.toHaveValue('');
			await expect(form.getByText(/^Selected: /)).toBeVisible();
		}
		await page.keyboard.press('Enter');
		const next = page.getByRole('button', { name: n === 5 ? 'See results' : 'Next question' });
		await expect(next).toBeFocused();
		await expect(form.getByRole('status')).toContainText(/Right|Partly right|Not right/);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
	const cards = await readStore<{ id: string; reps: number }>(page, 'cards');
	const rated = cards.filter((c) => c.id.startsWith('members/periods-') && c.reps > 0);
	expect(rated).toHaveLength(5);
});
