import { describe, expect, it, vi } from 'vitest';
import type { Steps } from '../domain/steps';
import { runInSlices } from './slices';

/** Steps that log each one they run and return the number of steps. */
function* counted(log: number[], count: number): Steps<number> {
	for (let i = 0; i < count; i++) {
		log.push(i);
		yield;
	}
	return count;
}

describe('runInSlices', () => {
	it('finishes before it returns when the work fits in one slice', () => {
		const log: number[] = [];
		const done = vi.fn();
		runInSlices(counted(log, 5), done, () => expect.fail('no failure'), 1_000);
		expect(done).toHaveBeenCalledWith(5);
		expect(log).toEqual([0, 1, 2, 3, 4]);
	});

	it('gives the main thread back between slices, then finishes with the result', async () => {
		const log: number[] = [];
		const done = vi.fn();
		// A budget of 0 ms: every slice ends after its first step.
		runInSlices(counted(log, 4), done, () => expect.fail('no failure'), 0);
		expect(log).toEqual([0]);
		expect(done).not.toHaveBeenCalled();
		// A task queued now runs before the work is finished: the work does not hold the thread.
		const between = new Promise<number>((resolve) => setTimeout(() => resolve(log.length), 0));
		await vi.waitFor(() => expect(done).toHaveBeenCalledWith(4));
		expect(log).toEqual([0, 1, 2, 3]);
		expect(await between).toBeLessThan(4);
	});

	it('runs no further step and calls nothing once cancelled', async () => {
		const log: number[] = [];
		const done = vi.fn();
		const cancel = runInSlices(counted(log, 4), done, () => expect.fail('no failure'), 0);
		cancel();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(log).toEqual([0]);
		expect(done).not.toHaveBeenCalled();
	});

	it('reports what a step threw, in the slice where it threw', async () => {
		function* failing(): Steps<number> {
			yield;
			throw new Error('bad row');
		}
		const done = vi.fn();
		const fail = vi.fn();
		runInSlices(failing(), done, fail, 0);
		await vi.waitFor(() => expect(fail).toHaveBeenCalledWith(new Error('bad row')));
		expect(done).not.toHaveBeenCalled();
	});
});
