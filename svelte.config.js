import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contentVersion } from './scripts/content-version.js';

// The one inline script of src/app.html sets the learner's theme before the first paint; the CSP
// allows it by its hash, taken from the file itself so that an edit can never leave it blocked.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const themeScript = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1] ?? '';
const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; 200.html is the SPA fallback for any other URL.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: '200.html',
			strict: true
		}),
		// Absolute asset and link paths: the same prerendered HTML is right under any URL the service
		// worker answers with it (the SPA fallback among them), and the nav marks the current page.
		paths: { relative: false },
		// The stylesheets (a few KB) come inside each page: the first paint waits for no other request.
		inlineStyleThreshold: 16_384,
		// Separate output folders let several builds run side by side (tests of two app versions).
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// A hash of the build's inputs, not the build time: the same source gives the same version, so
		// a rebuild offers no update and any real change does (scripts/content-version.js says why
		// the inputs rather than the output). The service worker names its cache by it.
		version: { name: contentVersion(import.meta.dirname) },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', themeScriptHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self']
			}
		}
	},
	vitePlugin: {
		// Runes for our own code only: a global `runes: true` would force it on libraries too.
		dynamicCompileOptions({ filename }) {
			if (!filename.includes('node_modules')) return { runes: true };
		}
	}
};

export default config;
