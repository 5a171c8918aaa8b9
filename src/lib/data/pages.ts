import type { IndexableType, Table } from 'dexie';

/** What `readInPages` gives: the rows kept, how many rows were read, and the last key read. */
export interface PagedRead<T, K> {
	rows: T[];
	read: number;
	lastKey: K | undefined;
}

/**
 * The rows of `table` with a primary key above `after` (every row when undefined), read in pages of
 * `pageSize` in key order, so that each read and each check is one short task for the page rather
 * than one long one. `keep` gets each page as it comes and returns the rows to keep (the valid ones).
 * The next page is asked for before `keep` gets this one, so that the database reads it meanwhile.
 */
export async function readInPages<T, TKey, TInsert, K extends IndexableType>(
	table: Table<T, TKey, TInsert>,
	after: K | undefined,
	pageSize: number,
	keyOf: (row: T) => K,
	keep: (page: T[]) => T[]
): Promise<PagedRead<T, K>> {
	const pageAfter = (key: K | undefined) =>
		(key === undefined ? table.toCollection() : table.where(':id').above(key))
			.limit(pageSize)
			.toArray();
	const rows: T[] = [];
	let read = 0;
	let lastKey = after;
	let next = pageAfter(after);
	for (;;) {
		const page = await next;
		read += page.length;
		if (page.length > 0) lastKey = keyOf(page.at(-1)!);
		const isFull = page.length === pageSize;
		if (isFull) next = pageAfter(lastKey);
		rows.push(...keep(page));
		if (!isFull) return { rows, read, lastKey };
	}
}
