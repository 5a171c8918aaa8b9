// The app's version (`kit.version.name`, svelte.config.js): a hash of what the build is made from, so
// that rebuilding the same source gives the same version (and a byte-identical service worker: the
// browser offers no update), and any real change gives a new one.
//
// Why the inputs and not the output: SvelteKit compiles the version into the client code, the service
// worker and `_app/version.json`, so it must be known before the build starts; a hash of the output
// would need a second build. The service worker also names its cache by a hash of the build's file
// list (each build file carries its own content hash), so that even an output change this list misses
// (another machine's toolchain, say) never writes into the cache of the version that is in use.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders and files, from the project root, whose content makes the build. */
export const VERSION_INPUTS = [
	'src',
	'static',
	'questions',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/**
 * Files under the inputs that never reach the build: tests and their setup.
 * @param {string} name
 */
function isTestFile(name) {
	return /\.test\.[cm]?[jt]s$/.test(name) || /^vitest-setup/.test(name);
}

/**
 * Every input file under `root`, as sorted POSIX paths relative to it.
 * @param {string} root
 * @returns {string[]}
 */
export function listVersionInputs(root) {
	/** @type {string[]} */
	const found = [];
	/** @param {string} path */
	const walk = (path) => {
		const full = join(root, path);
		if (!existsSync(full)) return;
		if (statSync(full).isDirectory()) {
			for (const name of readdirSync(full)) {
				if (name.startsWith('.') || isTestFile(name)) continue;
				walk(`${path}/${name}`);
			}
		} else found.push(path);
	};
	VERSION_INPUTS.forEach(walk);
	// Vite reads .env files, and every VITE_ variable in them, into the client code.
	for (const name of readdirSync(root)) {
		if (name.startsWith('.env') && statSync(join(root, name)).isFile()) found.push(name);
	}
	// Code-point order, the same on every machine and locale.
	return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The version of the build made from `root` with the environment `env`: 16 hex digits of a SHA-256
 * over every input file (path and bytes) and every `VITE_` variable, which Vite compiles into the
 * client code.
 * @param {string} root
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function contentVersion(root, env = process.env) {
	const hash = createHash('sha256');
	for (const path of listVersionInputs(root)) {
		hash.update(`${path}\0`);
		hash.update(readFileSync(join(root, path)));
		hash.update('\0');
	}
	for (const key of Object.keys(env).sort()) {
		if (key.startsWith('VITE_')) hash.update(`${key}=${env[key]}\0`);
	}
	return hash.digest('hex').slice(0, 16);
}
