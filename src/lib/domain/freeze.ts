/**
 * Freezes a value and everything inside it, so that no code can change the bank at run time.
 * @example Object.isFrozen(deepFreeze({ a: [1] }).a) // true
 */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
