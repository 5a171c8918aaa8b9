// A damaged row may hold what JSON cannot (NaN, Infinity, undefined, a Date …). In a backup's
// quarantine list each such value is written as a small tagged object, so that the row comes back
// from an import exactly as it was stored.

const TAG = '$stored';

type Tagged = { [TAG]: 'NaN' | 'Infinity' | '-Infinity' | 'undefined' | 'date'; value?: string };

function isTagged(value: unknown): value is Tagged {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.keys(value).length <= 2 &&
		typeof (value as Record<string, unknown>)[TAG] === 'string'
	);
}

/**
 * A stored value as JSON can hold it: non-finite numbers, undefined and dates become tagged objects;
 * what JSON cannot hold at all (a function, a cycle) becomes its text.
 * @example encodeRaw({ stability: NaN }) // { stability: { $stored: 'NaN' } }
 */
export function encodeRaw(value: unknown, seen = new WeakSet<object>()): unknown {
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return { [TAG]: 'NaN' };
		if (value === Infinity) return { [TAG]: 'Infinity' };
		if (value === -Infinity) return { [TAG]: '-Infinity' };
		return value;
	}
	if (value === undefined) return { [TAG]: 'undefined' };
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof Date) return { [TAG]: 'date', value: String(value.getTime()) };
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '[cycle]';
	seen.add(value);
	const encoded = Array.isArray(value)
		? value.map((entry) => encodeRaw(entry, seen))
		: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeRaw(v, seen)]));
	seen.delete(value);
	return encoded;
}

/**
 * The stored value again from its JSON form (the reverse of encodeRaw).
 * @example decodeRaw({ stability: { $stored: 'NaN' } }) // { stability: NaN }
 */
export function decodeRaw(value: unknown): unknown {
	if (isTagged(value)) {
		switch (value[TAG]) {
			case 'NaN':
				return NaN;
			case 'Infinity':
				return Infinity;
			case '-Infinity':
				return -Infinity;
			case 'undefined':
				return undefined;
			case 'date':
				return new Date(Number(value.value));
		}
	}
	if (Array.isArray(value)) return value.map(decodeRaw);
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			// Defined as own data, so that a key such as __proto__ stays a plain key.
			Object.defineProperty(out, k, {
				value: decodeRaw(v),
				enumerable: true,
				writable: true,
				configurable: true
			});
		}
		return out;
	}
	return value;
}
