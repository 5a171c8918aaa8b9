// What the browser benchmarks install in every page before the app's own scripts run
// (`page.addInitScript`): a record of long tasks (PerformanceObserver `longtask`), of the key press
// `3`, and of the moments the learner's data is painted. "Painted" is taken after the next frame:
// a message posted from `requestAnimationFrame` is handled once that frame has been drawn.
// Times are `performance.now()`, so from the start of the navigation.

export interface Probes {
	longTasks: { start: number; duration: number }[];
	/** The `timeStamp` of the last key press `3`. */
	rateKeyAt: number;
	/** The `timeStamp` of the last key press Enter. */
	enterKeyAt: number;
	/** When Home's four counts were first painted with numbers. */
	countsPaintedAt: number;
	/** When the Stats page's charts were first painted with the learner's data. */
	statsPaintedAt: number;
	/** The `timeStamp` of the last click, and of the last `change` event (a file chosen). */
	clickAt: number;
	changeAt: number;
}

/** The probes that hold a paint time once the page has drawn its data. */
export type PaintProbe = 'countsPaintedAt' | 'statsPaintedAt';

declare global {
	interface Window {
		__probes: Probes;
		/** Resolves with the time the next card's question is painted after a rating. */
		__nextCardPainted: () => Promise<number>;
		/** Resolves with the time a quiz answer's feedback is painted. */
		__feedbackPainted: () => Promise<number>;
		/** Resolves with the probe `key`'s time once it holds one. */
		__painted: (key: PaintProbe) => Promise<number>;
		/** Resolves with the time the page is first painted with `text` in it. */
		__textPainted: (text: string) => Promise<number>;
	}
}

/** Runs in the page before anything else (stringified by Playwright: it must be self-contained). */
export function installProbes(): void {
	const probes: Probes = {
		longTasks: [],
		rateKeyAt: 0,
		enterKeyAt: 0,
		countsPaintedAt: 0,
		statsPaintedAt: 0,
		clickAt: 0,
		changeAt: 0
	};
	window.__probes = probes;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
		}
	}).observe({ type: 'longtask', buffered: true });
	addEventListener(
		'keydown',
		(event: KeyboardEvent) => {
			if (event.key === '3') probes.rateKeyAt = event.timeStamp;
			if (event.key === 'Enter') probes.enterKeyAt = event.timeStamp;
		},
		true
	);
	// Where a figure starts at a click or a file chosen: the event's own time, not Playwright's, whose
	// actions first wait for the element to hold still.
	addEventListener('click', (event) => (probes.clickAt = event.timeStamp), true);
	addEventListener('change', (event) => (probes.changeAt = event.timeStamp), true);

	const afterPaint = (done: (time: number) => void) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => done(performance.now());
			channel.port2.postMessage(undefined);
		});
	const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
	const isCountsShown = () =>
		['due-now', 'new-left', 'reviews-today', 'streak'].every((id) => {
			const value = text(`[data-testid="${id}"]`);
			return value !== '' && value !== '–';
		});
	// The Stats page draws its charts (div.stats) once the learner's data is read, a few at a time;
	// it is busy (aria-busy) until the last one is drawn.
	const isStatsShown = () =>
		document.querySelector('main div.stats:not([aria-busy="true"])') !== null;
	// Waiting in the page, so that the benchmark's wait adds no script to the page it measures
	// (Playwright's `waitForFunction` compiles its injected script there, mid-load).
	const waiting: { key: PaintProbe; resolve: (time: number) => void }[] = [];
	const settle = () => {
		for (const wait of waiting.splice(0)) {
			if (probes[wait.key] > 0) wait.resolve(probes[wait.key]);
			else waiting.push(wait);
		}
	};
	window.__painted = (key) =>
		new Promise((resolve) => {
			waiting.push({ key, resolve });
			settle();
		});
	const watch = () => {
		const observer = new MutationObserver(() => {
			if (!probes.countsPaintedAt && isCountsShown()) {
				probes.countsPaintedAt = -1;
				afterPaint((time) => {
					probes.countsPaintedAt = time;
					settle();
				});
			}
			if (!probes.statsPaintedAt && isStatsShown()) {
				probes.statsPaintedAt = -1;
				afterPaint((time) => {
					probes.statsPaintedAt = time;
					settle();
				});
			}
		});
		observer.observe(document, {
			childList: true,
			subtree: true,
			characterData: true,
			attributes: true
		});
	};
	watch();

	const isQuestionShown = () =>
		[...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Show answer'));
	/** Resolves with the time of the first paint once `isShown` holds. */
	const paintedOnceShown = (isShown: () => boolean) =>
		new Promise<number>((resolve) => {
			const check = () => {
				if (!isShown()) return;
				observer.disconnect();
				afterPaint(resolve);
			};
			const observer = new MutationObserver(check);
			observer.observe(document.body, { childList: true, subtree: true, characterData: true });
			check();
		});
	window.__nextCardPainted = () => paintedOnceShown(isQuestionShown);

	// The quiz's feedback (its verdict, then the sources) goes into the question's live region.
	const isFeedbackShown = () => /Source/.test(text('form.question [role="status"]'));
	window.__feedbackPainted = () => paintedOnceShown(isFeedbackShown);
	// Watched in the page: Playwright's own waits look again only every 500 ms after the first
	// 270, which would add up to half a second to a figure of seconds.
	window.__textPainted = (wanted) =>
		paintedOnceShown(() => document.body.textContent?.includes(wanted) ?? false);
}
