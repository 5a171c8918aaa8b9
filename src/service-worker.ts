/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// SvelteKit's own service worker: after one visit the whole app works with no network.
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** The prefix of every cache this app owns; the version tells one build's cache from another's. */
const CACHE_PREFIX = 'csto-study-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** The SPA shell that adapter-static writes for any URL that was not prerendered. */
const FALLBACK = `${base}/200.html`;
/** Build output (hashed, immutable) and static files: answered from the cache first. */
const ASSETS = new Set([...build, ...files]);
/**
 * Hashed build output that is not in `build` (the memory model's WASM, which only its worker knows):
 * fetched when first used, then answered from the cache like the rest.
 */
const IMMUTABLE = `${base}/_app/immutable/`;
/** Everything this version needs offline. */
const PRECACHE = [...new Set([...build, ...files, ...prerendered, FALLBACK])];
/** On a slow or lying connection, show the cached page rather than wait longer than this. */
const NAVIGATION_TIMEOUT_MS = 4000;

/**
 * The page posts this (from "Reload to update", src/lib/state/app.svelte.ts) so that an update never
 * interrupts the learner.
 */
const SKIP_WAITING = 'skip-waiting';

sw.addEventListener('install', (event) => {
	// No skipWaiting() here: the new version waits until the page asks for it.
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// Control the page from its first load, so it works offline without a second visit.
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

	if (request.mode === 'navigate') event.respondWith(navigate(request, url));
	else if (ASSETS.has(url.pathname) || url.pathname.startsWith(IMMUTABLE)) {
		event.respondWith(cacheFirst(request));
	} else event.respondWith(networkThenCache(request));
});

/**
 * Network first, so an online visit sees the newest page; the cached page of this version when the
 * network fails or is too slow. Network pages are not written to the cache: a page from a newer build
 * would name assets this version's cache does not hold.
 */
async function navigate(request: Request, url: URL): Promise<Response> {
	const network = fetch(request);
	// Handled below when it matters; this only keeps a late failure from being reported as unhandled.
	network.catch(() => undefined);
	try {
		const response = await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]);
		// A server error is no better than no server: the cached page serves the learner instead.
		if (response && response.status < 500) return response;
	} catch {
		// Offline or the server is down: answer from the cache below.
	}
	const cache = await caches.open(CACHE);
	const cached =
		(await cache.match(url.pathname, { ignoreSearch: true })) ??
		(await cache.match(url.pathname.replace(/\/$/, '') || '/', { ignoreSearch: true })) ??
		(await cache.match(FALLBACK));
	// Nothing cached (first visit, still installing): wait for the network after all.
	return cached ?? network;
}

/** Hashed build files and static files never change within a version: the cache answers first. */
async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

/** Anything else from our origin: the network, or this version's cache when it fails. */
async function networkThenCache(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const cached = await caches.match(request, { cacheName: CACHE });
		if (cached) return cached;
		throw error;
	}
}

function timeout(ms: number): Promise<undefined> {
	return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}
