// Small checks the row validators are built from. Each returns a message ("must be a number") or
// undefined when the value is fine; the validators add the field's name.

/** The earliest moment a stored review, quiz or answer can have: 1 January 2000 (UTC). */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
/** The latest moment any stored time can have: 1 January 2200 (UTC), beyond FSRS's 100-year cap. */
export const LATEST_TIME = Date.UTC(2200, 0, 1);

/** What is wrong with one row: the field (a path such as `answers[2].grade`) and the reason. */
export interface RowProblem {
	field: string;
	message: string;
}

export type Check = (value: unknown) => string | undefined;

/** True for a plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NUMBER = 'must be a number';

/** A finite number within [min, max]. */
export function numberIn(min: number, max: number, range = `from ${min} to ${max}`): Check {
	return (value) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) return NUMBER;
		return value < min || value > max ? `must be ${range}` : undefined;
	};
}

/** A whole number, 0 or more. */
export const count: Check = (value) => {
	if (typeof value !== 'number' || !Number.isFinite(value)) return NUMBER;
	if (!Number.isInteger(value)) return 'must be a whole number';
	return value < 0 ? 'must not be negative' : undefined;
};

/** A finite number, 0 or more. */
export const nonNegative: Check = (value) => {
	if (typeof value !== 'number' || !Number.isFinite(value)) return NUMBER;
	return value < 0 ? 'must not be negative' : undefined;
};

/** A moment (epoch ms) between 2000 and 2200. */
export const moment: Check = (value) => {
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a time (a number)';
	return value < EARLIEST_TIME || value > LATEST_TIME
		? 'must be a time between the years 2000 and 2200'
		: undefined;
};

/** A moment, or 0 where the app stores 0 for "none" (not buried, not finished, a new card's due). */
export const momentOrZero: Check = (value) => (value === 0 ? undefined : moment(value));

/** Non-empty text. */
export const text: Check = (value) => {
	if (typeof value !== 'string') return 'must be text';
	return value === '' ? 'must not be empty' : undefined;
};

/** Any text, empty included. */
export const anyText: Check = (value) => (typeof value === 'string' ? undefined : 'must be text');

export const flag: Check = (value) => (value === 0 || value === 1 ? undefined : 'must be 0 or 1');

export const boolean: Check = (value) =>
	typeof value === 'boolean' ? undefined : 'must be true or false';

/** One of the listed values. */
export function oneOf(values: readonly unknown[], describe: string): Check {
	return (value) => (values.includes(value) ? undefined : `must be ${describe}`);
}

/** Each field list's entries, made once: the log's 100,000 rows are checked on every full read. */
const ENTRIES = new WeakMap<Readonly<Record<string, Check>>, [string, Check][]>();

/**
 * Runs each field's check on `row`, in order, and returns the first problem.
 * @example checkFields({ a: 1 }, { a: text }) // { field: 'a', message: 'must be text' }
 */
export function checkFields(
	row: Record<string, unknown>,
	checks: Readonly<Record<string, Check>>,
	prefix = ''
): RowProblem | undefined {
	let entries = ENTRIES.get(checks);
	if (!entries) ENTRIES.set(checks, (entries = Object.entries(checks)));
	for (const [field, check] of entries) {
		const message = check(row[field]);
		if (message) {
			return { field: prefix + field, message: field in row ? message : 'is missing' };
		}
	}
	return undefined;
}

/** A list of text. */
export function textList(value: unknown, min = 0): string | undefined {
	if (!Array.isArray(value)) return 'must be a list';
	if (value.length < min) return `must hold at least ${min}`;
	return value.every((entry) => typeof entry === 'string') ? undefined : 'must hold only text';
}

/** A list of distinct whole numbers each in [0, size). */
export function indexList(value: unknown, size: number): string | undefined {
	if (!Array.isArray(value)) return 'must be a list';
	const seen = new Set<number>();
	for (const entry of value) {
		if (typeof entry !== 'number' || !Number.isInteger(entry) || entry < 0 || entry >= size) {
			return `must hold only positions from 0 to ${size - 1}`;
		}
		if (seen.has(entry)) return 'must not repeat a position';
		seen.add(entry);
	}
	return undefined;
}

/** A list holding each position from 0 to size - 1 exactly once. */
export function permutation(value: unknown, size: number): string | undefined {
	const problem = indexList(value, size);
	if (problem) return problem;
	return (value as unknown[]).length === size ? undefined : `must list all ${size} positions`;
}
