import type { Page } from '@playwright/test';

/**
 * Makes `page.goto`, `page.reload`, `page.goBack` and `page.goForward` wait, after the load, until
 * the app has hydrated (src/routes/+layout.svelte marks it) when the page is the app's; a page that
 * is not (an error page offline, a file) is left as it is. A prerendered page shows its buttons
 * before its scripts run, and a click then does nothing: every driver of the app's pages (the tests,
 * the axe benchmark, the screenshots) waits for this.
 */
export function waitForHydration(page: Page): void {
	const hydrated = () =>
		page
			.waitForFunction(
				() =>
					document.documentElement.hasAttribute('data-hydrated') ||
					!document.querySelector('script[type="module"], link[rel="modulepreload"]'),
				undefined,
				{ timeout: 30_000 }
			)
			.catch(() => undefined);
	for (const name of ['goto', 'reload', 'goBack', 'goForward'] as const) {
		const original = page[name].bind(page) as (...args: unknown[]) => Promise<unknown>;
		(page as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
			const response = await original(...args);
			await hydrated();
			return response;
		};
	}
}
