import type { StoredTable } from '../domain/integrity/rows';
import type { CstoDb } from './db';

/** A row a read met that failed the validator (and which that read left out). */
export interface DamageNotice {
	table: StoredTable;
	key: string;
	problem: string;
}

type Listener = (notice: DamageNotice) => void;

const listeners = new WeakMap<CstoDb, Set<Listener>>();

/**
 * Says that a read met a damaged row. The reads leave such rows out, so that no page fails on them,
 * and tell whoever listens (the app runs Check database then).
 */
export function reportDamage(db: CstoDb, notice: DamageNotice): void {
	for (const listener of listeners.get(db) ?? []) listener(notice);
}

/** Calls `listener` for every damaged row a read of `db` meets; returns the unsubscribe function. */
export function onDamage(db: CstoDb, listener: Listener): () => void {
	let set = listeners.get(db);
	if (!set) listeners.set(db, (set = new Set()));
	set.add(listener);
	return () => set.delete(listener);
}

/**
 * The rows of `rows` that pass `validate`; each one that fails is reported and left out.
 * @example keepValid(db, 'cards', rows, (row) => checkCardRow(row, now), (row) => row.id)
 */
export function keepValid<T>(
	db: CstoDb,
	table: StoredTable,
	rows: readonly T[],
	validate: (row: T) => { field: string; message: string } | undefined,
	keyOf: (row: T) => unknown
): T[] {
	const kept: T[] = [];
	for (const row of rows) {
		const problem = validate(row);
		if (problem) {
			reportDamage(db, {
				table,
				key: String(keyOf(row)),
				problem: `${problem.field} ${problem.message}`.trim()
			});
		} else kept.push(row);
	}
	return kept;
}
