/**
 * How long an action runs before its controls show as disabled (a tenth of a second feels instant).
 * Until then they look as they were, while the action's own `isBusy` already refuses a second key
 * press: drawing them disabled at once cost what comes next a frame in Chromium (see
 * ReviewSession.isSlow), and an answer is stored in well under this.
 */
export const SLOW_ACTION_MS = 100;

/**
 * Whether a page's session is running an action, and whether to show it: `isBusy` from the key
 * press on (every other action is refused meanwhile), `isSlow` once the action has run for
 * SLOW_ACTION_MS (then its controls show as disabled). The review and the quiz each keep one.
 */
export class ActionState {
	isBusy = $state(false);
	isSlow = $state(false);

	/** Runs `action` as busy; it shows as busy at once when `isShownAtOnce`. */
	async run<T>(action: () => Promise<T>, isShownAtOnce = false): Promise<T> {
		this.isBusy = true;
		this.isSlow = isShownAtOnce;
		const slow = setTimeout(() => (this.isSlow = true), SLOW_ACTION_MS);
		try {
			return await action();
		} finally {
			clearTimeout(slow);
			this.isBusy = false;
			this.isSlow = false;
		}
	}
}
