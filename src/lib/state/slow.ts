/**
 * How long an action runs before its controls show as disabled (a tenth of a second feels instant).
 * Until then they look as they were, while the action's own `isBusy` already refuses a second key
 * press: drawing them disabled at once cost what comes next a frame in Chromium (see
 * ReviewSession.isSlow), and an answer is stored in well under this.
 */
export const SLOW_ACTION_MS = 100;
