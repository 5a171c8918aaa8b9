import type { CstoDb } from '../data/db';
import { countReviews } from '../data/log';
import { liveFrom } from './live.svelte';

/** Posted to a waiting service worker to let it take over; src/service-worker.ts listens for it. */
const SKIP_WAITING = 'skip-waiting';
/** Posted by the service worker after each request it sent to the network: `{ type, isOnline }`. */
const NETWORK_STATUS = 'network-status';
/** While offline, how often the app asks the network again, so that the badge clears by itself. */
const OFFLINE_RECHECK_MS = 15_000;
/** An app left open for days still hears about a new version, without asking the server often. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Chromium's `beforeinstallprompt` event, which lib.dom does not declare. */
export interface InstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

/** What the browser says about this site's storage; `undefined` where it has not said (yet). */
export interface StorageStatus {
	isSupported: boolean;
	isPersisted: boolean | undefined;
	usage: number | undefined;
	quota: number | undefined;
}

/**
 * The app as an installed, offline web app: network state, service worker updates, installation
 * and storage. One instance (`app`), connected to the browser by the root layout.
 */
export class AppState {
	/**
	 * False once a request failed for want of a network (the browser's `offline` event, a failed
	 * check, or the service worker saying it answered from its cache); true again once one gets
	 * through. `navigator.onLine` alone can say online on a dead connection.
	 */
	isOnline = $state(true);
	/** The service worker controls this page, so it keeps working offline. */
	isOfflineReady = $state(false);
	/** A new version is waiting (or another tab already switched to it): reloading shows it. */
	isUpdateReady = $state(false);
	/**
	 * A newer version of the app has changed the database (in another tab): this tab's code can no
	 * longer save until it reloads.
	 */
	isOutdated = $state(false);
	/** The learner asked for the update and the page is about to reload. */
	isUpdating = $state(false);
	isInstalled = $state(false);
	storage = $state<StorageStatus>({
		isSupported: false,
		isPersisted: undefined,
		usage: undefined,
		quota: undefined
	});
	#installPrompt = $state<InstallPromptEvent | undefined>(undefined);
	/** The browser offers installation and the app is not installed yet. */
	canInstall = $derived(this.#installPrompt !== undefined && !this.isInstalled);

	#window: (Window & typeof globalThis) | undefined;
	#registration: ServiceWorkerRegistration | undefined;
	#isReloadRequested = false;
	#lastUpdateCheck = 0;
	#persistRequest: Promise<boolean> | undefined;
	#probeUrl = '';
	#isProbing = false;
	#recheck: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Listens to the browser (network, installation, service worker); returns the cleanup.
	 * `probeUrl` is a small file of this origin that is fetched to see whether the network answers.
	 */
	connect(win: Window & typeof globalThis, probeUrl: string): () => void {
		this.#window = win;
		this.#probeUrl = probeUrl;
		const cleanups: (() => void)[] = [];
		const listen = (target: EventTarget, type: string, handler: (event: Event) => void) => {
			target.addEventListener(type, handler);
			cleanups.push(() => target.removeEventListener(type, handler));
		};

		// The browser's "offline" is believed at once; its "online" only once a request gets through.
		this.isOnline = win.navigator.onLine;
		listen(win, 'online', () => {
			void this.checkNetwork();
			this.checkForUpdate(true);
		});
		listen(win, 'offline', () => this.#setOnline(false));
		cleanups.push(() => clearTimeout(this.#recheck));

		this.isInstalled = win.matchMedia?.('(display-mode: standalone)').matches ?? false;
		// The browser may have offered installation before the page hydrated (see EARLY_PROMPT).
		if (earlyPrompt && !this.#installPrompt) this.#installPrompt = earlyPrompt;
		listen(win, 'beforeinstallprompt', (event) => {
			// Keep the browser's own banner from covering a review; Settings offers "Install app".
			event.preventDefault();
			this.#installPrompt = event as InstallPromptEvent;
		});
		listen(win, 'appinstalled', () => {
			this.#installPrompt = undefined;
			this.isInstalled = true;
		});
		listen(win.document, 'visibilitychange', () => {
			if (win.document.visibilityState !== 'visible') return;
			void this.checkNetwork();
			this.checkForUpdate(false);
		});

		const container = win.navigator.serviceWorker;
		if (container) {
			listen(container, 'message', (event) => {
				const data = (event as MessageEvent).data;
				if (data?.type === NETWORK_STATUS) this.#setOnline(data.isOnline === true);
			});
			// Messages that arrived before this listener are delivered now.
			container.startMessages?.();
			let isConnected = true;
			// SvelteKit registers src/service-worker.ts on load; `ready` waits for an active worker.
			void container.ready.then((registration) => {
				if (isConnected) cleanups.push(this.watchRegistration(registration, container));
			});
			cleanups.push(() => (isConnected = false));
		}
		void this.checkNetwork();
		return () => cleanups.forEach((cleanup) => cleanup());
	}

	/**
	 * Asks the network whether it answers (call it when the page loads or moves, and when the
	 * browser says it is back online). Through the service worker the answer comes as a message,
	 * since the worker answers from its cache when the network fails; without one, from the fetch.
	 */
	async checkNetwork(): Promise<void> {
		const win = this.#window;
		if (!win || this.#isProbing) return;
		this.#isProbing = true;
		try {
			await win.fetch(this.#probeUrl, { cache: 'no-store' });
			if (!win.navigator.serviceWorker?.controller) this.#setOnline(true);
		} catch {
			this.#setOnline(false);
		} finally {
			this.#isProbing = false;
		}
	}

	#setOnline(isOnline: boolean): void {
		this.isOnline = isOnline;
		clearTimeout(this.#recheck);
		this.#recheck = isOnline
			? undefined
			: setTimeout(() => void this.checkNetwork(), OFFLINE_RECHECK_MS);
	}

	/** Follows one registration: a worker that installs while another controls the page is an update. */
	watchRegistration(
		registration: ServiceWorkerRegistration,
		container: ServiceWorkerContainer
	): () => void {
		this.#registration = registration;
		let hadController = container.controller !== null;
		this.isOfflineReady = hadController;
		const noticeWaiting = () => {
			if (registration.waiting && container.controller) this.isUpdateReady = true;
		};
		const track = (worker: ServiceWorker | null) => {
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') noticeWaiting();
			});
		};
		const onUpdateFound = () => track(registration.installing);
		const onControllerChange = () => {
			this.isOfflineReady = true;
			if (this.#isReloadRequested) this.#window?.location.reload();
			// Another tab applied the update: this page still runs the old code until it reloads.
			else if (hadController) this.isUpdateReady = true;
			hadController = true;
		};

		noticeWaiting();
		track(registration.installing);
		registration.addEventListener('updatefound', onUpdateFound);
		container.addEventListener('controllerchange', onControllerChange);
		return () => {
			registration.removeEventListener('updatefound', onUpdateFound);
			container.removeEventListener('controllerchange', onControllerChange);
		};
	}

	/** Asks the server for a newer service worker, at most hourly unless `isForced`. */
	checkForUpdate(isForced: boolean): void {
		const now = Date.now();
		if (
			!this.#registration ||
			(!isForced && now - this.#lastUpdateCheck < UPDATE_CHECK_INTERVAL_MS)
		)
			return;
		this.#lastUpdateCheck = now;
		// Offline or the server is down: the browser checks again on the next visit.
		this.#registration.update().catch(() => undefined);
	}

	/** Lets the waiting version take over, then reloads (only ever on the learner's request). */
	applyUpdate(): void {
		this.isUpdating = true;
		const waiting = this.#registration?.waiting;
		if (waiting) {
			this.#isReloadRequested = true;
			waiting.postMessage({ type: SKIP_WAITING });
		} else {
			this.#window?.location.reload();
		}
	}

	/** Shows the browser's install dialog, if it offered one; a prompt can be shown only once. */
	async promptInstall(): Promise<InstallOutcome> {
		const prompt = this.#installPrompt;
		if (!prompt) return 'unavailable';
		this.#installPrompt = undefined;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		return outcome;
	}

	/** Reads whether storage is persistent and how much is used. */
	async refreshStorage(): Promise<void> {
		const storage = (this.#window ?? globalThis).navigator?.storage;
		if (!storage?.estimate || !storage.persisted) {
			this.storage = {
				isSupported: false,
				isPersisted: undefined,
				usage: undefined,
				quota: undefined
			};
			return;
		}
		const [isPersisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
		this.storage = { isSupported: true, isPersisted, usage: estimate.usage, quota: estimate.quota };
	}

	/**
	 * Asks the browser not to clear our storage under pressure, at most once per page load unless
	 * `isLearnerRequest` (Firefox shows a prompt each time); resolves to whether storage is persistent.
	 */
	async requestPersistence(isLearnerRequest = false): Promise<boolean> {
		const storage = (this.#window ?? globalThis).navigator?.storage;
		if (!storage?.persist) return false;
		if (this.storage.isPersisted) return true;
		if (!this.#persistRequest || isLearnerRequest) {
			this.#persistRequest = storage.persist().then(async (isPersisted) => {
				await this.refreshStorage();
				return isPersisted;
			});
		}
		return this.#persistRequest;
	}
}

export const app = new AppState();

/**
 * The browser's install offer when it comes before the page has hydrated (the prerendered page is on
 * screen first, and Chromium fires `beforeinstallprompt` once per load): caught by the inline script
 * of src/app.html, which runs before any module (it can come before this one runs, as soon as the
 * manifest is read), or else as soon as this module runs, and handed to `app` when it connects.
 */
declare global {
	interface Window {
		__earlyInstallPrompt?: InstallPromptEvent;
	}
}
let earlyPrompt: InstallPromptEvent | undefined;
if (typeof window !== 'undefined') {
	earlyPrompt = window.__earlyInstallPrompt;
	const catchEarly = (event: Event) => {
		event.preventDefault();
		earlyPrompt = event as InstallPromptEvent;
	};
	window.addEventListener('beforeinstallprompt', catchEarly);
	window.addEventListener('appinstalled', () => (earlyPrompt = undefined));
}

/** Asks for persistent storage; call it once the learner has made progress worth keeping. */
export function requestPersistence(): Promise<boolean> {
	return app.requestPersistence();
}

/** Whether the learner has reviewed a card or started a quiz (in this browser). */
export async function hasProgress(db: CstoDb): Promise<boolean> {
	const [reviews, quizzes] = await Promise.all([countReviews(db), db.quizAttempts.count()]);
	return reviews + quizzes > 0;
}

/**
 * Connects `app` to the browser and to the database's news of a newer app version, and asks for
 * persistent storage as soon as there is progress (the first review or quiz, in this tab or
 * another). Call once, from the root layout's script; `probeUrl` as for `AppState.connect`.
 */
export function connectApp(probeUrl: string): void {
	$effect(() => app.connect(window, probeUrl));
	// The data layer (and Dexie) load after the first paint; a newer version's database change can
	// only be met once they have.
	$effect(() => {
		let isActive = true;
		let stop: (() => void) | undefined;
		void import('../data/app-db').then(({ onDbOutdated }) => {
			if (isActive) stop = onDbOutdated(() => (app.isOutdated = true));
		});
		return () => {
			isActive = false;
			stop?.();
		};
	});
	// Watched until there is progress, then no more: a rating asked it again each time, three reads
	// beside the next card's drawing, and persistence is asked for at most once per page load anyway.
	const progress = liveFrom(
		() => import('../data/app-db'),
		({ getDb }) => hasProgress(getDb()),
		{ until: (has) => has }
	);
	$effect(() => {
		// A refusal or an error changes nothing: Settings shows the state and offers to ask again.
		if (progress.current) app.requestPersistence().catch(() => undefined);
	});
	// Once the page has settled, the log's old ratings move into blocks in the background, once per
	// load (compaction.ts): the export and Stats' first visit then read them faster. A module that
	// cannot be loaded (offline before the app was cached, a newer version deployed) waits for the
	// next load. Started here, with the app's other background work, its import shares this
	// module's preload list: started from the root layout, Home's first visit weighed 0.19 KB of
	// gzip more (94.59 against 94.40 KB by the weight test).
	$effect(() => {
		const timer = setTimeout(() => {
			import('./compaction').then(
				({ compactLogOnce }) => compactLogOnce(),
				() => undefined
			);
		}, 3000);
		return () => clearTimeout(timer);
	});
}
