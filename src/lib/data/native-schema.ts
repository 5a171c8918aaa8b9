/** An index as IndexedDB keeps it. */
export interface NativeIndex {
	name: string;
	keyPath: string | string[];
	unique: boolean;
	multiEntry: boolean;
}

/** A table as IndexedDB keeps it: its key, and its indexes by name. */
export interface NativeStore {
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: NativeIndex[];
}

/**
 * Database `name` as IndexedDB itself reports it, not as Dexie declares it: its version and its
 * stores. For tests, in Node and in the browser alike (self-contained, so that Playwright can run
 * it in a page). Rejects, and creates nothing, when there is no such database; rejects, rather than
 * never settling, when reading it throws.
 */
export function readNativeSchema(
	name: string
): Promise<{ version: number; stores: Record<string, NativeStore> }> {
	return new Promise((done, fail) => {
		let missing = false;
		const open = indexedDB.open(name);
		// Opening a database without a version creates it when it does not exist: undo that.
		open.onupgradeneeded = () => {
			missing = true;
			open.transaction?.abort();
		};
		open.onsuccess = () => {
			const db = open.result;
			try {
				const names = [...db.objectStoreNames];
				const stores: Record<string, NativeStore> = {};
				if (names.length > 0) {
					const tx = db.transaction(names, 'readonly');
					for (const storeName of names) {
						const store = tx.objectStore(storeName);
						stores[storeName] = {
							keyPath: store.keyPath,
							autoIncrement: store.autoIncrement,
							indexes: [...store.indexNames].sort().map((indexName) => {
								const index = store.index(indexName);
								return {
									name: indexName,
									keyPath: index.keyPath,
									unique: index.unique,
									multiEntry: index.multiEntry
								};
							})
						};
					}
				}
				done({ version: db.version, stores });
			} catch (error) {
				fail(error);
			} finally {
				db.close();
			}
		};
		open.onerror = (event) => {
			event.preventDefault();
			fail(missing ? new Error(`There is no database named “${name}”.`) : open.error);
		};
		open.onblocked = () => fail(new Error(`Opening database “${name}” was blocked.`));
	});
}

/**
 * The stores that Dexie's schema syntax (`'++id, &code, *tags, [a+b]'`, one string a table)
 * declares, as IndexedDB keeps them once Dexie has created them. For tests: db.test.ts checks it
 * against a database Dexie created.
 */
export function storesFromDexieSchema(
	schema: Readonly<Record<string, string>>
): Record<string, NativeStore> {
	const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
	return Object.fromEntries(
		Object.entries(schema).map(([table, spec]) => {
			const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
			const autoIncrement = primary.startsWith('++');
			const primaryPath = primary.replace(/^(\+\+|&)/, '');
			const store: NativeStore = {
				keyPath: primaryPath === '' ? null : keyPath(primaryPath),
				autoIncrement,
				indexes: indexes
					.map((index) => {
						const unique = index.startsWith('&');
						const multiEntry = index.startsWith('*');
						const name = index.replace(/^[&*]/, '');
						return { name, keyPath: keyPath(name), unique, multiEntry };
					})
					.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
			};
			return [table, store];
		})
	);
}
