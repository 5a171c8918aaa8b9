/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// SvelteKit's own service worker. After one visit the whole app works with no network, and the app
// shell always comes from the cache of the active version, so an online reload after a deploy still
// runs the version the learner has. A new version installs beside it and waits until the learner
// chooses "Reload to update" (or closes every tab).
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** The prefix of every cache this app owns. */
const CACHE_PREFIX = 'csto-study-';
/** SvelteKit's version file: how the page and SvelteKit's own client learn which version is deployed. */
const VERSION_FILE = `${base}/_app/version.json`;
/** The SPA shell that adapter-static writes for any URL that was not prerendered. */
const FALLBACK = `${base}/200.html`;
/** Build output: every name carries a hash of its content, so an HTTP-cached copy is the right one. */
const IMMUTABLE = new Set(build);
/** The rest of this version: pages, static files, the fallback and the version file. */
const SHELL = new Set([...files, ...prerendered, FALLBACK, VERSION_FILE]);
/**
 * This version's cache: its name carries the version (a hash of the build's inputs, svelte.config.js)
 * and a hash of the file list, so that no other build can ever write into it.
 */
const CACHE = `${CACHE_PREFIX}${version}-${hashOf([...IMMUTABLE, ...SHELL].join('\n'))}`;
/**
 * Hashed build output that is not in `build` (the memory model's WASM, which only its worker knows):
 * stored in this version's cache when first fetched, then answered from it like the rest.
 */
const LAZY_IMMUTABLE = `${base}/_app/immutable/`;

/**
 * The page posts this (from "Reload to update", src/lib/state/app.svelte.ts) so that an update never
 * interrupts the learner.
 */
const SKIP_WAITING = 'skip-waiting';
/** Posted to the pages after each request this worker sent to the network (src/lib/state/app.svelte.ts). */
const NETWORK_STATUS = 'network-status';

sw.addEventListener('install', (event) => {
	// No skipWaiting() here: a new version waits until the learner asks for it. Nothing is deleted
	// either: the active version keeps its cache while this one waits.
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Only now, when this version takes over, is the previous version's cache removed.
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// Control the first visit's page at once, so that it works offline without a second visit.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (url.pathname === VERSION_FILE) event.respondWith(fromNetwork(event));
	else if (request.mode === 'navigate') event.respondWith(navigate(event, url));
	else if (IMMUTABLE.has(url.pathname) || SHELL.has(url.pathname)) {
		event.respondWith(fromCache(event));
	} else if (url.pathname.startsWith(LAZY_IMMUTABLE)) event.respondWith(fromCacheOrStore(event));
	else event.respondWith(fromNetwork(event));
});

/**
 * Stores every file of this version. The files without a hash in their name are fetched past the
 * HTTP cache, and the version file must name this very version: a deploy that lands during the
 * install would otherwise mix two builds in one cache. A failed install is retried by the browser.
 */
async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	try {
		await cache.addAll(
			[...IMMUTABLE, ...SHELL].map(
				(path) => new Request(path, { cache: IMMUTABLE.has(path) ? 'default' : 'no-cache' })
			)
		);
		const deployed = await (await cache.match(VERSION_FILE))?.json();
		if (deployed?.version !== version) {
			throw new Error(`The server now has version ${deployed?.version}, not ${version}`);
		}
		// A host that redirects (/quiz to /quiz/, say) gives responses a navigation may not use.
		for (const request of await cache.keys()) {
			const response = await cache.match(request);
			if (response?.redirected) await cache.put(request, await unredirected(response));
		}
	} catch (error) {
		await caches.delete(CACHE);
		throw error;
	}
}

/**
 * The app shell, cache-first: the page of the active version (prerendered, or the SPA fallback for
 * any other URL). Only when this version's cache is missing (the browser evicted it) does the network
 * answer. A first visit never gets here: no worker controls it yet.
 */
async function navigate(event: FetchEvent, url: URL): Promise<Response> {
	const options = { cacheName: CACHE, ignoreSearch: true, ignoreVary: true };
	const cached =
		(await caches.match(url.pathname, options)) ??
		(await caches.match(url.pathname.replace(/\/$/, '') || '/', options)) ??
		(await caches.match(FALLBACK, options));
	return cached ?? fromNetwork(event);
}

/**
 * A file of this version, cache-first. `ignoreSearch` also serves SvelteKit's prerendered
 * `__data.json?x-sveltekit-invalidated=…` requests.
 */
async function fromCache(event: FetchEvent): Promise<Response> {
	const cached = await caches.match(event.request, {
		cacheName: CACHE,
		ignoreSearch: true,
		ignoreVary: true
	});
	return cached ?? fromNetwork(event);
}

/** This version's cache; on a miss the network, whose answer is kept for the next time. */
async function fromCacheOrStore(event: FetchEvent): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(event.request, { ignoreSearch: true, ignoreVary: true });
	if (cached) return cached;
	const response = await fromNetwork(event);
	if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
	return response;
}

/**
 * The network, else this version's cache; either way the pages learn whether the network answered,
 * since `navigator.onLine` can say online on a dead connection.
 */
async function fromNetwork(event: FetchEvent): Promise<Response> {
	try {
		const response = await fetch(event.request);
		report(event, true);
		return response;
	} catch (error) {
		report(event, false);
		const cached = await caches.match(event.request, {
			cacheName: CACHE,
			ignoreSearch: true,
			ignoreVary: true
		});
		if (cached) return cached;
		throw error;
	}
}

/** Tells every page this worker controls whether a request just got through to the network. */
function report(event: FetchEvent, isOnline: boolean): void {
	event.waitUntil(
		sw.clients.matchAll({ type: 'window' }).then((clients) => {
			for (const client of clients) client.postMessage({ type: NETWORK_STATUS, isOnline });
		})
	);
}

async function unredirected(response: Response): Promise<Response> {
	const { status, statusText, headers } = response;
	return new Response(await response.blob(), { status, statusText, headers });
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell one build's file list from another's. */
function hashOf(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}
