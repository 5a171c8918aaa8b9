// What IndexedDB itself costs in this Chromium, below the app: the floor under the ui.* figures.
// A database of its own with the app's schema of the log (`++id, cardId, reviewedAt`), filled with
// the stress collection's 100,000 ratings; each figure is the median of three runs:
// - idb.floor.put.100k: ms to put the 100,000 rows in one transaction (relaxed durability, as the
//   app writes), which an import with Replace cannot beat;
// - idb.floor.put.bare.100k: ms to put 100,000 records that are each the number 1, under keys given
//   by the caller, in a store without indexes: what any log stored one record per rating costs,
//   however small its rows and however few its indexes;
// - idb.floor.getAll.100k, idb.floor.getAll.20k: ms to read that many rows in one request, which
//   the Stats page cannot beat at each size;
// - idb.floor.count.730: ms for 730 counts over one day's range of the reviewedAt index each, side
//   by side (Home's streak of two years);
// - idb.floor.rating.p95: ms for the write one rating makes (a row added to the log in a read-write
//   transaction, relaxed durability) until it commits, p95 of 40: what a rating waits for before
//   the next card may show.
import { benchPort } from './lib/ports.js';
import { measureLogInPage, type Report } from './lib/log-in-page.ts';

export function run(report: Report): Promise<void> {
	return measureLogInPage(
		{
			port: benchPort(6),
			runs: 3,
			prefix: 'idb.floor',
			decimals: 0,
			measure: async (rows) => {
				const requested = <T>(request: IDBRequest<T>) =>
					new Promise<T>((resolve, reject) => {
						request.onsuccess = () => resolve(request.result);
						request.onerror = () => reject(request.error);
					});
				const name = 'idb-floor';
				await requested(indexedDB.deleteDatabase(name));
				const open = indexedDB.open(name, 1);
				open.onupgradeneeded = () => {
					const store = open.result.createObjectStore('reviews', {
						keyPath: 'id',
						autoIncrement: true
					});
					store.createIndex('cardId', 'cardId');
					store.createIndex('reviewedAt', 'reviewedAt');
					open.result.createObjectStore('bare');
				};
				const db = await requested(open);
				const figures: Record<string, number> = {};
				let start = performance.now();
				await new Promise<void>((resolve, reject) => {
					const tx = db.transaction('reviews', 'readwrite', { durability: 'relaxed' });
					const store = tx.objectStore('reviews');
					for (const row of rows) store.put(row);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
				figures['put.100k'] = performance.now() - start;
				start = performance.now();
				await new Promise<void>((resolve, reject) => {
					const tx = db.transaction('bare', 'readwrite', { durability: 'relaxed' });
					const store = tx.objectStore('bare');
					for (let key = 1; key <= rows.length; key++) store.put(1, key);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
				figures['put.bare.100k'] = performance.now() - start;
				const store = () => db.transaction('reviews').objectStore('reviews');
				start = performance.now();
				await requested(store().getAll());
				figures['getAll.100k'] = performance.now() - start;
				start = performance.now();
				await requested(store().getAll(null, 20_000));
				figures['getAll.20k'] = performance.now() - start;
				const index = store().index('reviewedAt');
				const last = rows.at(-1)!.reviewedAt;
				start = performance.now();
				await Promise.all(
					Array.from({ length: 730 }, (_, i) =>
						requested(
							index.count(
								IDBKeyRange.bound(last - (i + 1) * 86_400_000, last - i * 86_400_000, false, true)
							)
						)
					)
				);
				figures['count.730'] = performance.now() - start;
				const commits: number[] = [];
				for (let i = 0; i < 40; i++) {
					start = performance.now();
					await new Promise<void>((resolve, reject) => {
						const tx = db.transaction('reviews', 'readwrite', { durability: 'relaxed' });
						const { id: _id, ...row } = rows[i]!;
						tx.objectStore('reviews').add({ ...row, reviewedAt: last + i });
						tx.oncomplete = () => resolve();
						tx.onerror = () => reject(tx.error);
					});
					commits.push(performance.now() - start);
				}
				commits.sort((a, b) => a - b);
				figures['rating.p95'] = commits[Math.ceil(0.95 * commits.length) - 1]!;
				db.close();
				await requested(indexedDB.deleteDatabase(name));
				return figures;
			}
		},
		report
	);
}
