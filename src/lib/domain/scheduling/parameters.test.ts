import { CLAMP_PARAMETERS, S_MAX, S_MIN, W17_W18_Ceiling, default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, MEMORY_LIMITS, PARAMETER_BOUNDS, PARAMETER_COUNT } from './parameters';

describe('FSRS parameters without ts-fsrs', () => {
	it('are ts-fsrs’s own defaults and bounds', () => {
		expect(DEFAULT_PARAMETERS).toEqual([...default_w]);
		expect(PARAMETER_BOUNDS).toEqual(CLAMP_PARAMETERS(W17_W18_Ceiling, true));
		expect(PARAMETER_COUNT).toBe(default_w.length);
	});

	it('give ts-fsrs’s own limits of stability', () => {
		expect(MEMORY_LIMITS.minStability).toBe(S_MIN);
		expect(MEMORY_LIMITS.maxStability).toBe(S_MAX);
	});
});
