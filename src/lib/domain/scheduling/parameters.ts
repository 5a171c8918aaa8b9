// FSRS-6's parameters and memory limits as plain numbers, without ts-fsrs: the settings (on every
// page) check the learner's own parameters with these, and the row validator (on every page that
// reads cards, Home included) checks memory states with them. Importing ts-fsrs there would put the
// whole scheduler in those pages' scripts. parameters.test.ts checks them against ts-fsrs itself.

/** How many parameters FSRS-6 has: the learner's own ones must be exactly this many. */
export const PARAMETER_COUNT = 21;

/** FSRS-6's default parameters (w0 to w20), the same 21 numbers in ts-fsrs and fsrs-rs. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
	0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
]);

/** The smallest and largest value FSRS allows for each parameter (with short-term memory on). */
export const PARAMETER_BOUNDS: readonly (readonly [number, number])[] = Object.freeze(
	(
		[
			[0.001, 100],
			[0.001, 100],
			[0.001, 100],
			[0.001, 100],
			[1, 10],
			[0.001, 4],
			[0.001, 4],
			[0.001, 0.75],
			[0, 4.5],
			[0, 0.8],
			[0.001, 3.5],
			[0.001, 5],
			[0.001, 0.25],
			[0.001, 0.9],
			[0, 4],
			[0, 1],
			[1, 6],
			[0, 2],
			[0, 2],
			[0.01, 0.8],
			[0.1, 0.8]
		] as const
	).map((bounds) => Object.freeze([bounds[0], bounds[1]] as const))
);

/**
 * The memory state FSRS accepts for a studied card: stability in days (ts-fsrs's S_MIN and S_MAX),
 * and difficulty. The row validator on every page that reads cards checks against these.
 */
export const MEMORY_LIMITS = {
	minStability: 0.001,
	maxStability: 36500,
	minDifficulty: 1,
	maxDifficulty: 10
} as const;

/**
 * True when `parameters` are 21 finite numbers, each within FSRS's bounds: what the scheduler can
 * use as they are (ts-fsrs would silently clip anything else).
 */
export function isValidParameters(parameters: readonly unknown[]): boolean {
	return (
		parameters.length === PARAMETER_COUNT &&
		parameters.every((value, i) => {
			const [min, max] = PARAMETER_BOUNDS[i]!;
			return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
		})
	);
}
