import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentVersion, listVersionInputs } from '../scripts/content-version.js';

const ROOT = resolve(import.meta.dirname, '..');
const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small project tree in a fresh folder: path → content. */
function project(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'csto-version-'));
	made.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

function copy(root: string): string {
	const target = mkdtempSync(join(tmpdir(), 'csto-version-copy-'));
	made.push(target);
	cpSync(root, target, { recursive: true });
	return target;
}

const FILES = {
	'src/routes/+page.svelte': '<h1>Home</h1>',
	'src/lib/domain/day.ts': 'export const X = 1;',
	'src/lib/domain/day.test.ts': 'it("works", () => {});',
	'src/vitest-setup.ts': "import 'fake-indexeddb/auto';",
	'static/robots.txt': 'User-agent: *',
	'questions/members.yaml': 'items: []',
	'package.json': '{}',
	'package-lock.json': '{}',
	'svelte.config.js': 'export default {};',
	'tests/e2e/home.e2e.ts': 'test()',
	'README.md': '# App'
};

describe('contentVersion', () => {
	it('is the same for the same source in another folder, whatever else is in the environment', () => {
		const root = project(FILES);
		expect(contentVersion(root, {})).toMatch(/^[0-9a-f]{16}$/);
		expect(contentVersion(copy(root), { BUILD_DIR: 'build-b', KIT_OUT_DIR: '.svelte-kit-b' })).toBe(
			contentVersion(root, {})
		);
	});

	it.each([
		['a route', 'src/routes/+page.svelte', '<h1>Home!</h1>'],
		['a static file', 'static/robots.txt', 'User-agent: *\nDisallow:'],
		['the bank', 'questions/members.yaml', 'items: [1]'],
		['the lock file', 'package-lock.json', '{"lockfileVersion":3}'],
		['a config', 'svelte.config.js', 'export default { kit: {} };'],
		['a new source file', 'src/lib/domain/new.ts', 'export {};'],
		['an .env file', '.env', 'VITE_FLAG=1']
	])('changes with %s', (_, path, content) => {
		const root = project(FILES);
		const before = contentVersion(root, {});
		const changed = copy(root);
		mkdirSync(dirname(join(changed, path)), { recursive: true });
		writeFileSync(join(changed, path), content);
		expect(contentVersion(changed, {})).not.toBe(before);
	});

	it('changes when a file moves, even with the same bytes', () => {
		const root = project(FILES);
		const { 'src/lib/domain/day.ts': moving, ...rest } = FILES;
		const moved = project({ ...rest, 'src/lib/domain/days.ts': moving });
		expect(contentVersion(moved, {})).not.toBe(contentVersion(root, {}));
	});

	it('ignores tests, docs and other files that never reach the build', () => {
		const root = project(FILES);
		const other = project({
			...FILES,
			'src/lib/domain/day.test.ts': 'it("still works", () => {});',
			'src/vitest-setup.ts': '',
			'tests/e2e/home.e2e.ts': 'test.skip()',
			'README.md': '# The app'
		});
		expect(contentVersion(other, {})).toBe(contentVersion(root, {}));
	});

	it('changes with a VITE_ variable, which Vite compiles into the client code, and only with those', () => {
		const root = project(FILES);
		expect(contentVersion(root, { VITE_TEST_SCHEMA_BUMP: '1' })).not.toBe(contentVersion(root, {}));
		expect(contentVersion(root, { HOME: '/x', CI: '1' })).toBe(contentVersion(root, {}));
	});

	it('reads every file of the real project that makes the build', () => {
		const inputs = listVersionInputs(ROOT);
		expect(inputs).toEqual(
			expect.arrayContaining([
				'src/service-worker.ts',
				'src/app.html',
				'src/routes/+layout.svelte',
				'package-lock.json',
				'svelte.config.js'
			])
		);
		expect(inputs.some((path) => path.startsWith('static/'))).toBe(true);
		expect(inputs.some((path) => path.startsWith('questions/'))).toBe(true);
		expect(inputs.filter((path) => /\.test\.ts$|node_modules|^build|^tests\//.test(path))).toEqual(
			[]
		);
	});
});
