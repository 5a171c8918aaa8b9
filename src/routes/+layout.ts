// Every page is prerendered with server-side rendering, so its HTML already holds the shell, the
// headings and everything that does not depend on the learner's data; the data fills in once the
// database opens in the browser.
import { browser } from '$app/environment';
import { settings } from '$lib/state/settings.svelte';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * In the browser, gives the main thread back once before the page hydrates: the app's scripts run in
 * one task and hydration in the next, so that neither holds a phone's main thread long enough to
 * delay a tap (total blocking time). It runs once: a load that reads nothing of the URL does not run
 * again on navigation. The settings, the database's first read, start loading first: the browser
 * opens the database while the page hydrates (the root layout reports a failure).
 */
export async function load(): Promise<void> {
	if (!browser) return;
	settings.loadOnce().catch(() => undefined);
	await new Promise((resolve) => setTimeout(resolve, 0));
}
