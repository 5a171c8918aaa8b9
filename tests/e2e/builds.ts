// Builds of the app besides the one the tests' web server serves, for the tests that deploy a second
// version on the same origin (tests/e2e/offline.e2e.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VERSION_INPUTS } from '../../scripts/content-version.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The version a build reports in `_app/version.json`. */
export function versionOf(buildDir: string): string {
	return JSON.parse(readFileSync(join(buildDir, '_app/version.json'), 'utf8')).version;
}

/** Builds the project's own source into `buildDir` (absolute), with its own SvelteKit folder. */
export function buildHere(buildDir: string, kitOutDir: string): string {
	execFileSync('npm', ['run', '--silent', 'build'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, BUILD_DIR: buildDir, KIT_OUT_DIR: kitOutDir }
	});
	return buildDir;
}

/**
 * Builds a changed copy of the source into `buildDir` (absolute): the build inputs are copied to a
 * temporary folder, `edit` changes them there, and `env` is added to the environment.
 */
export function buildChanged(
	buildDir: string,
	edit: (root: string) => void,
	env: Record<string, string> = {}
): string {
	const copy = mkdtempSync(join(tmpdir(), 'csto-build-'));
	try {
		for (const input of [...VERSION_INPUTS, 'scripts']) {
			cpSync(join(ROOT, input), join(copy, input), { recursive: true });
		}
		symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
		edit(copy);
		const { KIT_OUT_DIR: _, ...rest } = process.env;
		execFileSync('npm', ['run', '--silent', 'build'], {
			cwd: copy,
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...rest, ...env, BUILD_DIR: buildDir }
		});
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
	return buildDir;
}

/** Replaces one exact text in a file of `root`; fails when the text is not there exactly once. */
export function replaceIn(root: string, path: string, from: string, to: string): void {
	const file = join(root, path);
	const text = readFileSync(file, 'utf8');
	if (text.split(from).length !== 2)
		throw new Error(`${path} does not hold "${from}" exactly once`);
	writeFileSync(file, text.replace(from, to));
}
