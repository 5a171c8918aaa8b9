import { browser } from '$app/environment';

/**
 * In the browser, starts loading what Home reads its counts and quizzes with (the bank's index, the
 * queue, the database) as the page's scripts run, beside the root layout's first read of the
 * settings: the page's panels would otherwise ask for it only once hydrated, and wait for the
 * modules one import after another.
 */
export function load(): void {
	if (browser) void import('$lib/state/home').catch(() => undefined);
}
