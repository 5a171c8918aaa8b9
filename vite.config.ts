import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './src/lib/content/bank-plugin.ts';

/**
 * V8's explicit compile hint at the top of every JavaScript chunk: its functions are compiled as the
 * file is parsed, off the main thread, instead of one by one on the main thread at their first call.
 * Home's start-up, 5 fresh loads with the CPU 4× slower: main-thread blocking (the time past 50 ms of
 * each task after the first paint) fell from a median of about 300 ms to about 165 ms. Added after
 * every other plugin's output (the comment must be the file's first line), and only to the build.
 */
function compileHints(): Plugin {
	return {
		name: 'compile-hints',
		apply: 'build',
		generateBundle: {
			order: 'post',
			handler(_, bundle) {
				for (const file of Object.values(bundle)) {
					if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
				}
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), bankPlugin(), compileHints()],
	resolve: {
		alias: [
			// fsrs-browser's thread-pool helper: the app trains single-threaded (src/fsrs-no-threads.ts).
			{
				find: /^\.\/snippets\/wasm-bindgen-rayon-[0-9a-f]+\/src\/workerHelpers\.js$/,
				replacement: fileURLToPath(new URL('./src/fsrs-no-threads.ts', import.meta.url))
			}
		]
	},
	// fsrs-browser's glue finds its WASM by URL; pre-bundling would move the glue away from it.
	optimizeDeps: { exclude: ['fsrs-browser'] },
	build: {
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	// The backup worker (src/lib/data/backup-worker.ts) is a module worker. Each worker is one file:
	// the service worker caches the build's files by SvelteKit's list, which has no worker chunks, so
	// a chunk split off a worker (as db.ts's upgrade-time imports would be) would be missing offline.
	worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'client',
					environment: 'jsdom',
					// One jsdom and module graph per worker, not per file: each test renders its own
					// component over its own database, and this took the suites from 48 s to 19 s.
					isolate: false,
					// The first render in a fresh jsdom took up to 6 s on a busy 2-core machine.
					testTimeout: 20_000,
					include: ['src/**/*.svelte.test.ts', 'src/**/*.component.test.ts'],
					exclude: ['src/**/*.isolated.svelte.test.ts'],
					setupFiles: ['./src/vitest-setup.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					// Tests that leave the app's module state changed for good (its database outdated by
					// another tab): with the module graph shared, whatever file ran after them failed.
					name: 'client-isolated',
					environment: 'jsdom',
					testTimeout: 20_000,
					include: ['src/**/*.isolated.svelte.test.ts'],
					setupFiles: ['./src/vitest-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					// One module graph per worker, not per file, as above: 96 s to 53 s.
					isolate: false,
					include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
					// Through Vite, so that the alias above replaces fsrs-browser's thread helper.
					server: { deps: { inline: ['fsrs-browser'] } },
					exclude: ['src/**/*.svelte.test.ts', 'src/**/*.component.test.ts'],
					setupFiles: ['./src/vitest-setup-node.ts']
				}
			}
		]
	}
});
