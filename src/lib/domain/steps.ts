/**
 * Work written as steps: a generator that yields wherever it may pause and returns its result. Run
 * at once with `runSteps` (tests, Node, small inputs), or a few milliseconds at a time in the browser
 * (src/lib/state/slices.ts), so that a long computation never holds the main thread.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
