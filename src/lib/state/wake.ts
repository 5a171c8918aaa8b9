// setTimeout takes at most 2^31 - 1 ms (about 24.8 days); a longer wait is made of several.
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Calls `wake` once, as soon as `clock()` reaches `time`: by a timer, and also when the page is shown
 * again, because a device that slept through `time` runs its timers late. Returns a function that
 * cancels it. Pages use it to move "today" at the study day's start while they stay open.
 */
export function wakeAt(time: number, wake: () => void, clock: () => number = Date.now): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let isOver = false;
	const check = () => {
		clearTimeout(timer);
		if (isOver) return;
		const wait = time - clock();
		if (wait <= 0) {
			isOver = true;
			wake();
		} else {
			// A timer may fire a little before the clock reaches `time`: then it waits again.
			timer = setTimeout(check, Math.min(wait, MAX_DELAY));
		}
	};
	const onVisibilityChange = () => {
		if (document.visibilityState === 'visible') check();
	};
	timer = setTimeout(check, Math.min(Math.max(0, time - clock()), MAX_DELAY));
	document.addEventListener('visibilitychange', onVisibilityChange);
	return () => {
		isOver = true;
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', onVisibilityChange);
	};
}
