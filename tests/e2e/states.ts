import { expect, type Page } from '@playwright/test';

/**
 * The states of the app a person sees, each reached from a fresh page by the visible controls only.
 * Each ends once what is drawn from the learner's data is on screen, not at its prerendered heading.
 * Used by the accessibility sweep, the axe benchmark and `npm run screenshots`.
 */
export interface AppState {
	name: string;
	reach(page: Page): Promise<void>;
}

/**
 * Waits until what the page at `path` draws from the learner's data is on screen: its heading,
 * frames and placeholders are prerendered, there before the app has read anything. A page that draws
 * nothing from the data (the quiz's set-up, Members) needs no wait.
 */
export async function dataDrawn(page: Page, path: string): Promise<void> {
	const pathname = new URL(path, 'http://localhost').pathname;
	if (pathname === '/') await expect(page.getByTestId('reviews-today')).not.toHaveText('–');
	if (pathname === '/review') {
		await expect(
			page
				.getByRole('button', { name: 'Show answer' })
				.or(page.getByRole('heading', { name: 'Nothing left to review for now' }))
		).toBeVisible();
	}
	if (pathname === '/browse') await expect(page.getByText('Reading your progress…')).toHaveCount(0);
	if (pathname === '/stats') {
		await expect(page.locator('main div.stats')).toHaveAttribute('aria-busy', 'false');
	}
}

async function visit(page: Page, path: string, heading: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function startQuiz(page: Page) {
	// A fixed seed, so that every run and every screenshot shows the same quiz.
	await page.goto('/quiz?seed=tour01&n=5&mode=practice');
	await expect(page.getByText(/^Question 1 of 5$/)).toBeVisible();
}

/** Answers the current question with "Don't know" (always possible) and waits for the feedback. */
async function skipQuestion(page: Page) {
	await page.getByRole('button', { name: "Don't know" }).click();
	await expect(page.getByRole('button', { name: /Next question|See results/ })).toBeVisible();
}

/** Reviews `count` cards, rating them Good, so that Home and Stats have something to show. */
export async function reviewCards(page: Page, count: number) {
	await visit(page, '/review', 'Review');
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good / }).click();
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	}
}

export const APP_STATES: AppState[] = [
	{
		name: 'home',
		reach: async (page) => {
			await visit(page, '/', 'Home');
			await dataDrawn(page, '/');
		}
	},
	{ name: 'quiz-setup', reach: (page) => visit(page, '/quiz', 'Quiz') },
	{ name: 'quiz-question', reach: startQuiz },
	{
		name: 'quiz-feedback',
		reach: async (page) => {
			await startQuiz(page);
			await skipQuestion(page);
		}
	},
	{
		name: 'quiz-results',
		reach: async (page) => {
			await startQuiz(page);
			for (let i = 1; i <= 5; i++) {
				await skipQuestion(page);
				await page.getByRole('button', { name: i < 5 ? 'Next question' : 'See results' }).click();
			}
			await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
		}
	},
	{
		name: 'review-front',
		reach: async (page) => {
			await visit(page, '/review', 'Review');
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		}
	},
	{
		name: 'review-back',
		reach: async (page) => {
			await visit(page, '/review', 'Review');
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: /^Good / })).toBeVisible();
		}
	},
	{
		name: 'browse',
		reach: async (page) => {
			await visit(page, '/browse', 'Browse');
			await dataDrawn(page, '/browse');
		}
	},
	{ name: 'members', reach: (page) => visit(page, '/members', 'Members') },
	{
		name: 'members-card',
		reach: async (page) => {
			await visit(page, '/members', 'Members');
			await page.getByLabel('Year').fill('2008');
			await page.getByRole('button', { name: 'Uzbekistan: show its card' }).click();
			await expect(page.getByRole('heading', { level: 3, name: 'Uzbekistan' })).toBeFocused();
		}
	},
	{
		name: 'quiz-map',
		reach: async (page) => {
			// Map questions only, with a fixed seed: a question with the map and its options.
			await page.goto('/quiz?seed=map0&n=5&types=map&mode=practice');
			await expect(page.getByText(/^Question 1 of 5$/)).toBeVisible();
			await expect(page.locator('form.question .state-map')).toBeVisible();
		}
	},
	{
		name: 'stats',
		reach: async (page) => {
			await reviewCards(page, 3);
			await visit(page, '/stats', 'Stats');
			await dataDrawn(page, '/stats');
		}
	},
	{
		name: 'settings',
		reach: async (page) => {
			await visit(page, '/settings', 'Settings');
			await expect(page.getByText(/^You have [\d,]+ reviews?\./)).toBeVisible();
		}
	},
	{
		name: 'settings-reset-confirmation',
		reach: async (page) => {
			await visit(page, '/settings', 'Settings');
			await page.getByRole('button', { name: 'Reset progress' }).click();
			await expect(page.getByRole('button', { name: 'Confirm reset' })).toBeVisible();
		}
	}
];
