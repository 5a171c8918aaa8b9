/** A table as IndexedDB keeps it: its key, and its indexes by name. */
export interface NativeStore {
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: { name: string; keyPath: string | string[] }[];
}

/**
 * Database `name` as IndexedDB itself reports it, not as Dexie declares it: its version and its
 * stores. For tests, in Node and in the browser alike (self-contained, so that Playwright can run
 * it in a page).
 */
export function readNativeSchema(
	name: string
): Promise<{ version: number; stores: Record<string, NativeStore> }> {
	return new Promise((done, fail) => {
		const open = indexedDB.open(name);
		open.onsuccess = () => {
			const db = open.result;
			const names = [...db.objectStoreNames];
			const tx = db.transaction(names, 'readonly');
			const stores: Record<string, NativeStore> = {};
			for (const storeName of names) {
				const store = tx.objectStore(storeName);
				stores[storeName] = {
					keyPath: store.keyPath,
					autoIncrement: store.autoIncrement,
					indexes: [...store.indexNames].sort().map((index) => ({
						name: index,
						keyPath: store.index(index).keyPath
					}))
				};
			}
			db.close();
			done({ version: db.version, stores });
		};
		open.onerror = () => fail(open.error);
	});
}
