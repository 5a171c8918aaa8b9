/** A seeded source of randomness: everything random in the domain takes one of these. */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
}

/**
 * Hashes a string seed to 32 bits (FNV-1a), so that any text can seed a generator.
 * @example hashSeed('abc') === hashSeed('abc') // true
 */
export function hashSeed(seed: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * Creates mulberry32, a small fast generator that gives the same sequence for the same seed on every
 * JavaScript engine (it uses only 32-bit integer arithmetic).
 */
export function createRng(seed: string | number): Rng {
	let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
	return {
		next() {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		}
	};
}

/** A whole number in [0, max). */
export function randomInt(rng: Rng, max: number): number {
	return Math.floor(rng.next() * max);
}

/** A shuffled copy (Fisher–Yates); the input is not changed. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(rng, i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** `count` distinct items picked at random (fewer when there are not enough). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
	return shuffle(rng, items).slice(0, count);
}

/** A short random seed for URLs, made from the generator (so it too is reproducible). */
export function makeSeed(rng: Rng): string {
	return Math.floor(rng.next() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
}
