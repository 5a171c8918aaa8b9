import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../data/app-db';
import type { ReviewRow } from '../data/db';
import { AppState, app, connectApp, hasProgress, type InstallPromptEvent } from './app.svelte';

class FakeStorage {
	isPersisted = false;
	grant = true;
	persist = vi.fn(async () => (this.isPersisted = this.grant));
	persisted = vi.fn(async () => this.isPersisted);
	estimate = vi.fn(async () => ({ usage: 2048, quota: 1024 ** 3 }));
}

class FakeWindow extends EventTarget {
	navigator: { onLine: boolean; storage?: FakeStorage; serviceWorker?: FakeContainer } = {
		onLine: true,
		storage: new FakeStorage()
	};
	/** Whether a request gets through; `navigator.onLine` may say otherwise, as browsers' does. */
	isNetworkUp = true;
	fetch = vi.fn(async (url: string, init?: RequestInit) => {
		if (!this.isNetworkUp) throw new TypeError('Failed to fetch');
		return { ok: true, url, init };
	});
	document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
	location = { reload: vi.fn() };
	isStandalone = false;
	matchMedia = () => ({ matches: this.isStandalone });
}

class FakeWorker extends EventTarget {
	postMessage = vi.fn();
	constructor(public state: ServiceWorkerState) {
		super();
	}
	moveTo(state: ServiceWorkerState) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	update = vi.fn(async () => undefined);
}

class FakeContainer extends EventTarget {
	startMessages = vi.fn();
	constructor(
		public controller: FakeWorker | null,
		public registration: FakeRegistration
	) {
		super();
	}
	get ready() {
		return Promise.resolve(this.registration);
	}
	/** The active worker changes, as after skipWaiting() in this tab or another. */
	switchTo(worker: FakeWorker) {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

const PROBE = '/_app/version.json';

function connect(state: AppState, win: FakeWindow) {
	return state.connect(win as unknown as Window & typeof globalThis, PROBE);
}

/** What the service worker posts after a request it sent to the network. */
function networkStatus(isOnline: boolean) {
	return new MessageEvent('message', { data: { type: 'network-status', isOnline } });
}

function watch(state: AppState, registration: FakeRegistration, container: FakeContainer) {
	return state.watchRegistration(
		registration as unknown as ServiceWorkerRegistration,
		container as unknown as ServiceWorkerContainer
	);
}

/** A worker that is active and controls the page, as on any visit after the first. */
function controlledPage() {
	const registration = new FakeRegistration();
	const active = new FakeWorker('activated');
	registration.active = active;
	return { registration, container: new FakeContainer(active, registration) };
}

describe('network state', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('believes the browser\'s "offline" at once, and its "online" only once a request gets through', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		win.navigator.onLine = false;
		win.isNetworkUp = false;
		const disconnect = connect(state, win);
		expect(state.isOnline).toBe(false);
		await vi.waitFor(() => expect(win.fetch).toHaveBeenCalledWith(PROBE, { cache: 'no-store' }));

		// A captive portal or a dead connection: the browser says online, nothing gets through.
		win.dispatchEvent(new Event('online'));
		await vi.waitFor(() => expect(win.fetch).toHaveBeenCalledTimes(2));
		expect(state.isOnline).toBe(false);

		win.isNetworkUp = true;
		win.dispatchEvent(new Event('online'));
		await vi.waitFor(() => expect(state.isOnline).toBe(true));
		win.dispatchEvent(new Event('offline'));
		expect(state.isOnline).toBe(false);
		disconnect();
		win.dispatchEvent(new Event('online'));
		expect(win.fetch).toHaveBeenCalledTimes(3);
		expect(state.isOnline).toBe(false);
	});

	it('shows offline when a request fails although navigator.onLine says online', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		win.isNetworkUp = false;
		connect(state, win);
		expect(state.isOnline).toBe(true);
		await vi.waitFor(() => expect(state.isOnline).toBe(false));
		// Moving to another page checks again.
		win.isNetworkUp = true;
		await state.checkNetwork();
		expect(state.isOnline).toBe(true);
	});

	it('under a service worker, learns from its messages whether the network or the cache answered', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		const { container } = controlledPage();
		win.navigator.serviceWorker = container;
		connect(state, win);
		expect(container.startMessages).toHaveBeenCalledOnce();
		container.dispatchEvent(networkStatus(false));
		expect(state.isOnline).toBe(false);
		// The worker answered the check from its cache: the answer alone proves nothing.
		await state.checkNetwork();
		expect(state.isOnline).toBe(false);
		container.dispatchEvent(networkStatus(true));
		expect(state.isOnline).toBe(true);
		container.dispatchEvent(new MessageEvent('message', { data: { type: 'other' } }));
		expect(state.isOnline).toBe(true);
	});

	it('while offline, checks again now and then, so the badge clears once the network is back', async () => {
		vi.useFakeTimers();
		const state = new AppState();
		const win = new FakeWindow();
		win.isNetworkUp = false;
		const disconnect = connect(state, win);
		await vi.waitFor(() => expect(state.isOnline).toBe(false));
		await vi.advanceTimersByTimeAsync(15_000);
		expect(win.fetch).toHaveBeenCalledTimes(2);
		expect(state.isOnline).toBe(false);
		win.isNetworkUp = true;
		await vi.advanceTimersByTimeAsync(15_000);
		expect(state.isOnline).toBe(true);
		// Online, it does not keep asking.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(win.fetch).toHaveBeenCalledTimes(3);

		win.isNetworkUp = false;
		win.dispatchEvent(new Event('offline'));
		disconnect();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(win.fetch).toHaveBeenCalledTimes(3);
	});
});

describe('installation', () => {
	function installPrompt(outcome: 'accepted' | 'dismissed') {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as InstallPromptEvent;
		const prompt = vi.fn(async () => undefined);
		Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
		return { event, prompt };
	}

	it('keeps the browser prompt for the "Install app" button and shows it once', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		connect(state, win);
		expect(state.canInstall).toBe(false);
		expect(await state.promptInstall()).toBe('unavailable');

		const { event, prompt } = installPrompt('dismissed');
		win.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
		expect(state.canInstall).toBe(true);
		expect(await state.promptInstall()).toBe('dismissed');
		expect(prompt).toHaveBeenCalledOnce();
		expect(state.canInstall).toBe(false);
	});

	it('knows when the app is installed, now or already', () => {
		const state = new AppState();
		const win = new FakeWindow();
		connect(state, win);
		win.dispatchEvent(installPrompt('accepted').event);
		win.dispatchEvent(new Event('appinstalled'));
		expect(state).toMatchObject({ isInstalled: true, canInstall: false });

		const standalone = new AppState();
		const installedWindow = new FakeWindow();
		installedWindow.isStandalone = true;
		connect(standalone, installedWindow);
		expect(standalone.isInstalled).toBe(true);
	});
});

describe('updates', () => {
	it('does not call the first install an update, but is ready offline once it controls the page', () => {
		const state = new AppState();
		const registration = new FakeRegistration();
		const container = new FakeContainer(null, registration);
		const worker = new FakeWorker('installing');
		registration.installing = worker;
		watch(state, registration, container);
		expect(state.isOfflineReady).toBe(false);
		worker.moveTo('installed');
		worker.moveTo('activated');
		container.switchTo(worker);
		expect(state).toMatchObject({ isOfflineReady: true, isUpdateReady: false });
	});

	it('offers a version that was already waiting when the page loaded', () => {
		const state = new AppState();
		const { registration, container } = controlledPage();
		registration.waiting = new FakeWorker('installed');
		watch(state, registration, container);
		expect(state).toMatchObject({ isOfflineReady: true, isUpdateReady: true });
	});

	it('offers a version found while the page is open, and never reloads by itself', () => {
		const state = new AppState();
		const win = new FakeWindow();
		connect(state, win);
		const { registration, container } = controlledPage();
		watch(state, registration, container);
		const next = new FakeWorker('installing');
		registration.installing = next;
		registration.dispatchEvent(new Event('updatefound'));
		expect(state.isUpdateReady).toBe(false);
		registration.installing = null;
		registration.waiting = next;
		next.moveTo('installed');
		expect(state.isUpdateReady).toBe(true);
		expect(next.postMessage).not.toHaveBeenCalled();
		expect(win.location.reload).not.toHaveBeenCalled();
	});

	it('"Reload to update" lets the waiting version take over, then reloads', () => {
		const state = new AppState();
		const win = new FakeWindow();
		connect(state, win);
		const { registration, container } = controlledPage();
		const next = new FakeWorker('installed');
		registration.waiting = next;
		watch(state, registration, container);

		state.applyUpdate();
		expect(state.isUpdating).toBe(true);
		expect(next.postMessage).toHaveBeenCalledWith({ type: 'skip-waiting' });
		expect(win.location.reload).not.toHaveBeenCalled();
		container.switchTo(next);
		expect(win.location.reload).toHaveBeenCalledOnce();
	});

	it('when another tab applied the update, this tab offers a reload instead of reloading', () => {
		const state = new AppState();
		const win = new FakeWindow();
		connect(state, win);
		const { registration, container } = controlledPage();
		watch(state, registration, container);
		container.switchTo(new FakeWorker('activated'));
		expect(state.isUpdateReady).toBe(true);
		expect(win.location.reload).not.toHaveBeenCalled();
		state.applyUpdate();
		expect(win.location.reload).toHaveBeenCalledOnce();
	});

	it('finds the registration through the service worker container, and checks again when back online', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		const { registration, container } = controlledPage();
		registration.waiting = new FakeWorker('installed');
		win.navigator.serviceWorker = container;
		connect(state, win);
		await vi.waitFor(() => expect(state.isUpdateReady).toBe(true));
		win.dispatchEvent(new Event('online'));
		expect(registration.update).toHaveBeenCalledOnce();
		// Coming back to the tab checks at most hourly.
		win.document.dispatchEvent(new Event('visibilitychange'));
		expect(registration.update).toHaveBeenCalledOnce();
	});
});

describe('storage', () => {
	it('reads persistence and usage, and asks for persistence once per page load', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		const storage = win.navigator.storage!;
		storage.grant = false;
		connect(state, win);
		await state.refreshStorage();
		expect(state.storage).toEqual({
			isSupported: true,
			isPersisted: false,
			usage: 2048,
			quota: 1024 ** 3
		});

		expect(await state.requestPersistence()).toBe(false);
		expect(await state.requestPersistence()).toBe(false);
		expect(storage.persist).toHaveBeenCalledOnce();
		// The learner's own click asks again, and this time the browser agrees.
		storage.grant = true;
		expect(await state.requestPersistence(true)).toBe(true);
		expect(storage.persist).toHaveBeenCalledTimes(2);
		expect(state.storage.isPersisted).toBe(true);
		expect(await state.requestPersistence()).toBe(true);
		expect(storage.persist).toHaveBeenCalledTimes(2);
	});

	it('says so when the browser has no storage manager', async () => {
		const state = new AppState();
		const win = new FakeWindow();
		delete win.navigator.storage;
		connect(state, win);
		await state.refreshStorage();
		expect(state.storage.isSupported).toBe(false);
		expect(await state.requestPersistence()).toBe(false);
	});
});

describe('progress worth keeping', () => {
	afterEach(async () => {
		await Promise.all([getDb().reviews.clear(), getDb().quizAttempts.clear()]);
	});

	const review: ReviewRow = {
		cardId: 'members/current-six',
		rating: 3,
		stateBefore: 0,
		dueBefore: 0,
		stability: 1,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 1,
		reviewedAt: Date.UTC(2026, 10, 28),
		durationMs: 4000,
		source: 'review'
	};

	it('exists once there is a review or a quiz', async () => {
		expect(await hasProgress(getDb())).toBe(false);
		await getDb().reviews.add({ ...review });
		expect(await hasProgress(getDb())).toBe(true);
		await getDb().reviews.clear();
		await getDb().quizAttempts.add({
			status: 'active',
			startedAt: Date.UTC(2026, 10, 28),
			finishedAt: 0,
			score: 0,
			maxScore: 0,
			data: {}
		});
		expect(await hasProgress(getDb())).toBe(true);
	});

	it('makes connectApp ask for persistent storage, once, when the first review is written', async () => {
		const storage = new FakeStorage();
		Object.defineProperty(window.navigator, 'storage', { value: storage, configurable: true });
		const destroy = $effect.root(() => connectApp(PROBE));
		flushSync();
		await getDb().reviews.add({ ...review });
		await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledOnce());
		await vi.waitFor(() => expect(app.storage.isPersisted).toBe(true));
		await getDb().reviews.add({ ...review });
		expect(await hasProgress(getDb())).toBe(true);
		expect(storage.persist).toHaveBeenCalledOnce();
		destroy();
	});
	it('stops watching for progress once it has found some: a later rating reads nothing for it', async () => {
		Object.defineProperty(window.navigator, 'storage', {
			value: new FakeStorage(),
			configurable: true
		});
		await getDb().reviews.add({ ...review });
		const asked = vi.spyOn(getDb().quizAttempts, 'count');
		const destroy = $effect.root(() => connectApp(PROBE));
		flushSync();
		await vi.waitFor(() => expect(asked).toHaveBeenCalledOnce());
		// Dexie runs every live query a write touches side by side: once this one has seen the
		// second rating, a progress query still watching would have asked again.
		const { liveQuery } = await import('dexie');
		let seen = 0;
		const sentinel = liveQuery(() => getDb().reviews.count()).subscribe((n) => (seen = n));
		await vi.waitFor(() => expect(seen).toBe(1));
		await getDb().reviews.add({ ...review });
		await vi.waitFor(() => expect(seen).toBe(2));
		expect(asked).toHaveBeenCalledOnce();
		sentinel.unsubscribe();
		asked.mockRestore();
		destroy();
	});
});
