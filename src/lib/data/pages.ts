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
 */
export async function readInPages<T, TKey, TInsert, K extends IndexableType>(
	table: Table<T, TKey, TInsert>,
	after: K | undefined,
	pageSize: number,
	keyOf: (row: T) => K,
	keep: (page: T[]) => T[]
): Promise<PagedRead<T, K>> {
	const rows: T[] = [];
	let read = 0;
	let lastKey = after;
	for (;;) {
		const page = await (
			lastKey === undefined ? table.toCollection() : table.where(':id').above(lastKey)
		)
			.limit(pageSize)
			.toArray();
		read += page.length;
		if (page.length > 0) lastKey = keyOf(page.at(-1)!);
		rows.push(...keep(page));
		if (page.length < pageSize) return { rows, read, lastKey };
	}
}
