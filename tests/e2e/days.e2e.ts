import type { Page } from '@playwright/test';
import { expect, readStore, test, waitForAppDatabase } from './fixtures';

// Study days on the learner's own clock, in Chromium set to a time zone with clock changes, with
// Playwright's clock. The day starts at 04:00 (the default). Every page must render without an error
// (the `watched` fixture fails a test on any console error) and show the right numbers.

/** A local wall-clock time in the page's time zone: [year, month 1–12, day, hour, minute]. */
type Wall = [number, number, number, number, number];

/** A card in the review state, due at `due` (epoch ms). */
function reviewCard(id: string, due: number) {
	return {
		id,
		itemId: id,
		topic: id.split('/')[0],
		due,
		stability: 20,
		difficulty: 5,
		elapsedDays: 10,
		scheduledDays: 20,
		learningSteps: 0,
		reps: 4,
		lapses: 0,
		state: 2,
		lastReview: due - 20 * 86_400_000,
		suspended: 0,
		leech: 0,
		buriedUntil: 0
	};
}

/**
 * Opens the app once (so that it creates its database), then writes one review-state rating at each
 * local time of `walls`, read in the page's time zone, and the given cards, straight to IndexedDB.
 */
async function seed(page: Page, walls: Wall[], cards: object[] = []): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await waitForAppDatabase(page);
	await page.evaluate(
		({ walls, cards }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['reviews', 'cards'], 'readwrite');
					for (const [year, month, day, hour, minute] of walls) {
						const reviewedAt = new Date(year, month - 1, day, hour, minute).getTime();
						tx.objectStore('reviews').add({
							cardId: 'members/current-six',
							rating: 3,
							stateBefore: 2,
							dueBefore: reviewedAt,
							stability: 20,
							difficulty: 5,
							elapsedDays: 3,
							scheduledDays: 20,
							reviewedAt,
							durationMs: 3000,
							source: 'review'
						});
					}
					for (const card of cards) tx.objectStore('cards').put(card);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ walls, cards }
	);
}

/** Every local date from `from` to `to` (inclusive), as [year, month 1–12, day]. */
function datesBetween(from: string, to: string): [number, number, number][] {
	const dates: [number, number, number][] = [];
	// Whole UTC days stand for calendar dates here: UTC has no clock changes.
	for (let t = Date.parse(`${from}T00:00Z`); t <= Date.parse(`${to}T00:00Z`); t += 86_400_000) {
		const d = new Date(t);
		dates.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
	}
	return dates;
}

/** The figure of the Stats summary tile labelled `name`. */
function tile(page: Page, name: string) {
	return page
		.locator('.tiles > div')
		.filter({ has: page.getByText(name, { exact: true }) })
		.locator('dd');
}

for (const { zone, now, offset } of [
	{ zone: 'Europe/Berlin', now: '2026-11-29T03:45:00+01:00', offset: '+01:00' },
	{ zone: 'America/New_York', now: '2026-11-29T03:45:00-05:00', offset: '-05:00' }
]) {
	test.describe(`in ${zone}`, () => {
		test.use({ timezoneId: zone });

		test('Stats shows a year of reviews across both clock changes, every day once', async ({
			watched: page
		}) => {
			test.setTimeout(90_000);
			await page.clock.install({ time: now });
			// Every study day from 29 November 2025 to today (28 November: 03:45 is before the day
			// starts): one rating at 04:30 and one at 03:30 the next morning, both on that study day.
			const walls = datesBetween('2025-11-29', '2026-11-28').flatMap(([y, m, d]): Wall[] => {
				const next = new Date(Date.UTC(y, m - 1, d + 1));
				return [
					[y, m, d, 4, 30],
					[next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 3, 30]
				];
			});
			expect(walls).toHaveLength(730);
			// Review cards falling due over the coming days, one a day at 12:00.
			const cards = [1, 2, 3].map((days) =>
				reviewCard(`members/e2e-${days}`, Date.parse(`2026-11-${28 + days}T12:00:00${offset}`))
			);
			await seed(page, walls, cards);

			await page.goto('/stats');
			await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
			await expect(tile(page, 'Streak')).toContainText('365 days');
			await expect(tile(page, 'Streak')).toContainText('Today is done.');
			await expect(tile(page, 'Reviews today')).toHaveText('2');
			await expect(tile(page, 'Reviews in 30 days')).toHaveText('60');

			const calendar = page.getByRole('region', { name: 'Calendar of reviews' });
			await expect(calendar.getByRole('img')).toHaveAttribute(
				'aria-label',
				'Calendar of the last 365 days: 730 reviews on 365 days, at most 2 in a day.'
			);
			const days = await calendar.locator('rect > title').allTextContents();
			expect(days).toHaveLength(365);
			expect(new Set(days).size).toBe(365);
			expect(days.filter((day) => !day.endsWith(': 2 reviews'))).toEqual([]);
			expect(days[0]).toBe('Sat, Nov 29, 2025: 2 reviews');
			expect(days.at(-1)).toBe('Sat, Nov 28, 2026: 2 reviews');

			await page.getByText('Show the calendar as a table by month').click();
			for (const [month, studied] of [
				['2026-03', 31],
				['2026-10', 31],
				['2026-11', 28]
			] as const) {
				await expect(page.getByRole('row', { name: month })).toHaveText(
					`${month}${studied}${studied * 2}`
				);
			}

			await page.getByText('Show forecast as a table').click();
			const forecast = page.locator('table').filter({ hasText: 'Cards due' }).locator('tbody tr');
			await expect(forecast).toHaveCount(30);
			const rows = await forecast.allTextContents();
			expect(rows.slice(0, 5)).toEqual(['Nov 280', 'Nov 291', 'Nov 301', 'Dec 11', 'Dec 20']);
		});
	});
}

test.describe('a streak across a clock change', () => {
	for (const { zone, from, to, now, days } of [
		// Berlin's spring night: 29 March has 23 hours.
		{
			zone: 'Europe/Berlin',
			from: '2026-02-10',
			to: '2026-04-30',
			now: '2026-04-30T12:00:00+02:00',
			days: 80
		},
		// New York's autumn night: 1 November has 25 hours.
		{
			zone: 'America/New_York',
			from: '2026-09-01',
			to: '2026-11-20',
			now: '2026-11-21T02:00:00-05:00',
			days: 81
		}
	]) {
		test.describe(`in ${zone}`, () => {
			test.use({ timezoneId: zone });

			test(`counts ${days} days on Home and on Stats`, async ({ watched: page }) => {
				await page.clock.install({ time: now });
				// One rating a day, at 04:30: just after the day starts.
				await seed(
					page,
					datesBetween(from, to).map(([y, m, d]): Wall => [y, m, d, 4, 30])
				);
				await page.goto('/');
				await expect(page.getByTestId('streak')).toHaveText(`${days} days`);
				await page.goto('/stats');
				await expect(tile(page, 'Streak')).toContainText(`${days} days`);
				// The next visit starts from the log's summary that this one stored, and Home from its
				// days record: the same streak.
				await expect.poll(async () => (await readStore(page, 'summaries')).length).toBe(2);
				await page.reload();
				await expect(tile(page, 'Streak')).toContainText(`${days} days`);
				await page.goto('/');
				await expect(page.getByTestId('streak')).toHaveText(`${days} days`);
			});
		});
	}
});

test.describe('in Asia/Kathmandu, 5 h 45 min ahead of UTC', () => {
	test.use({ timezoneId: 'Asia/Kathmandu' });

	test('ratings in the first quarter hour of a study day count for that day on Stats', async ({
		watched: page
	}) => {
		await page.clock.install({ time: '2026-11-20T12:00:00+05:45' });
		// At 04:05, five minutes into the study day: in UTC, 22:20 the evening before.
		await seed(
			page,
			datesBetween('2026-11-01', '2026-11-20').map(([y, m, d]): Wall => [y, m, d, 4, 5])
		);
		await page.goto('/stats');
		await expect(tile(page, 'Streak')).toContainText('20 days');
		await expect(tile(page, 'Reviews today')).toHaveText('1');
		await expect.poll(async () => (await readStore(page, 'summaries')).length).toBe(2);
		// From the stored summary: the same.
		await page.reload();
		await expect(tile(page, 'Streak')).toContainText('20 days');
		await expect(tile(page, 'Reviews today')).toHaveText('1');
		// With the day starting at 05:00, each rating belongs to the study day before: today has none
		// yet, and the streak (31 October to 19 November) is still 20 days.
		await page.goto('/settings');
		const hour = page.getByLabel('Day start hour');
		await hour.fill('5');
		await hour.press('Tab');
		await expect
			.poll(async () => JSON.stringify(await readStore(page, 'settings')))
			.toContain('"dayStartHour","value":5');
		await page.goto('/stats');
		await expect(tile(page, 'Reviews today')).toHaveText('0');
		await expect(tile(page, 'Streak')).toContainText('20 days');
	});
});

test.describe('in Europe/Berlin', () => {
	test.use({ timezoneId: 'Europe/Berlin' });

	test('a card buried at 04:30 on the spring night stays away until the next study day', async ({
		watched: page
	}) => {
		// 29 March 2026: the clocks went from 02:00 to 03:00, and the study day began at 04:00.
		await page.clock.install({ time: '2026-03-29T04:30:00+02:00' });
		await page.goto('/review');
		const question = page.getByRole('region', { name: /Question/ }).locator('.front');
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		const buried = (await question.textContent()) ?? '';
		await page.getByRole('button', { name: 'Bury' }).click();
		await expect(page.getByText('Card buried until tomorrow.')).toBeVisible();
		await expect(question).not.toHaveText(buried);
		const [card] = await readStore<{ buriedUntil: number }>(page, 'cards');
		expect(card?.buriedUntil).toBe(Date.parse('2026-03-30T04:00:00+02:00'));

		// Still away later that day and at 03:59 the next morning; back once the next day starts.
		for (const [time, isBack] of [
			['2026-03-29T23:00:00+02:00', false],
			['2026-03-30T03:59:00+02:00', false],
			['2026-03-30T04:00:30+02:00', true]
		] as const) {
			await page.clock.setSystemTime(time);
			await page.reload();
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
			if (isBack) await expect(question).toHaveText(buried);
			else await expect(question).not.toHaveText(buried);
		}
	});

	test("Home's and Stats' today roll over at the day start with the page open", async ({
		watched: page
	}) => {
		// 03:58 on the spring night: still the study day of 28 March, which has 23 hours.
		await page.clock.install({ time: '2026-03-29T03:58:00+02:00' });
		await seed(page, [
			[2026, 3, 28, 10, 0],
			[2026, 3, 28, 22, 0],
			[2026, 3, 29, 1, 30]
		]);
		await page.goto('/');
		await expect(page.getByTestId('reviews-today')).toHaveText('3');
		await expect(page.getByTestId('streak')).toHaveText('1 day');
		await page.clock.runFor('01:00');
		await expect(page.getByTestId('reviews-today')).toHaveText('3');
		// Past 04:00: a new study day, nothing done in it yet, and the streak waits for today.
		await page.clock.runFor('02:00');
		await expect(page.getByTestId('reviews-today')).toHaveText('0');
		await expect(page.getByTestId('streak')).toHaveText('1 day');

		// Stats too, the next night (its day start is 04:00 on 30 March).
		await page.clock.setSystemTime('2026-03-30T03:58:00+02:00');
		await page.goto('/stats');
		await expect(tile(page, 'Reviews today')).toHaveText('0');
		await expect(tile(page, 'Streak')).toContainText('Review today to keep it.');
		await page.clock.runFor('03:00');
		await expect(tile(page, 'Streak')).toContainText('0 days');
		await expect(tile(page, 'Streak')).toContainText('Review today to start one.');
	});
});
