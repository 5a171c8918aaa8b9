import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

it('no component renders a string as HTML ({@html}): bank and backup text is always text', () => {
	const files = svelteFiles(SRC);
	expect(files.length).toBeGreaterThan(10);
	const offenders = files
		.filter((path) => readFileSync(path, 'utf8').includes('{@html'))
		.map((path) => relative(SRC, path));
	expect(offenders).toEqual([]);
});
