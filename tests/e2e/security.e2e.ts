import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

const BUILD = resolve(import.meta.dirname, '../..', process.env.BUILD_DIR ?? 'build');

test('every page carries a Content-Security-Policy with no inline scripts', async ({
	watched: page
}) => {
	const pages = readdirSync(BUILD).filter((name) => name.endsWith('.html'));
	expect(pages).toEqual(expect.arrayContaining(['index.html', '200.html', 'quiz.html']));
	for (const name of pages) {
		const html = readFileSync(resolve(BUILD, name), 'utf8');
		const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(policy, name).toBeDefined();
		const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
		expect(scriptSrc, name).not.toContain('unsafe-inline');
		expect(scriptSrc, name).not.toContain('unsafe-eval');
		expect(policy, name).toContain("default-src 'self'");
		expect(policy, name).toContain("connect-src 'self'");
	}
	// The policy does not stop the app: the page runs, with no violation in the console.
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});
