// A learner whose progress an earlier release stored comes back to the app: its database, at the
// version that release left, is upgraded in the browser on the first visit, rows kept. The app
// declares only the schema versions that have an upgrade() and the latest (src/lib/data/db.ts), so
// a database at any other version is upgraded from the schema IndexedDB reports; these are those
// versions, written with IndexedDB itself as that release would have left them.
import { resolve } from 'node:path';
import { readBank } from '../../src/lib/content/read-bank';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../src/lib/data/schema';
import { expect, readStore, test } from './fixtures';

const bank = readBank(resolve(import.meta.dirname, '../../questions'));
type Version = keyof typeof SCHEMA_VERSIONS;

/** A table of a schema as IndexedDB keeps it. */
interface NativeStore {
	keyPath: string | string[];
	autoIncrement: boolean;
	indexes: { name: string; keyPath: string | string[] }[];
}

/** Dexie's schema syntax (`'++id, cardId, [state+due]'`) as IndexedDB's object stores and indexes. */
function nativeSchema(version: Version): Record<string, NativeStore> {
	const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
	return Object.fromEntries(
		Object.entries(SCHEMA_VERSIONS[version]).map(([table, spec]) => {
			const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
			const autoIncrement = primary!.startsWith('++');
			return [
				table,
				{
					keyPath: keyPath(primary!.replace('++', '')),
					autoIncrement,
					indexes: indexes
						.map((name) => ({ name, keyPath: keyPath(name) }))
						.sort((a, b) => a.name.localeCompare(b.name))
				}
			];
		})
	);
}

for (const version of [1, 3, 6, 7] as const) {
	test(`a database left by version ${version} is upgraded on the first visit, its rows kept`, async ({
		watched: page
	}) => {
		const now = Date.now();
		const item = bank.items.find((i) => i.topic === 'members')!;
		const card = {
			id: item.id,
			itemId: item.id,
			topic: item.topic,
			due: now - 3_600_000,
			stability: 2.3,
			difficulty: 5.1,
			elapsedDays: 2,
			scheduledDays: 2,
			learningSteps: 0,
			reps: 2,
			lapses: 0,
			state: 2,
			lastReview: now - 2 * 86_400_000,
			suspended: 0,
			leech: 0,
			buriedUntil: 0
		};
		const review = { cardId: item.id, rating: 3, reviewedAt: now - 2 * 86_400_000 };

		// A file of the app's origin that runs none of its code.
		await page.goto('/robots.txt');
		await page.evaluate(
			({ version, schema, card, review }) =>
				new Promise<void>((done, fail) => {
					// Dexie keeps version n as IndexedDB version 10n.
					const open = indexedDB.open('csto-study', version * 10);
					open.onupgradeneeded = () => {
						for (const [table, store] of Object.entries(schema)) {
							const created = open.result.createObjectStore(table, {
								keyPath: store.keyPath,
								autoIncrement: store.autoIncrement
							});
							for (const index of store.indexes) created.createIndex(index.name, index.keyPath);
						}
						open.transaction!.objectStore('cards').put(card);
						open.transaction!.objectStore('reviews').put(review);
						open.transaction!.objectStore('settings').put({ key: 'newPerDay', value: 0 });
					};
					open.onsuccess = () => {
						open.result.close();
						done();
					};
					open.onerror = () => fail(open.error);
				}),
			{ version, schema: nativeSchema(version), card, review }
		);

		await page.goto('/');
		// The card is due: Home reads it from the upgraded database.
		await expect(page.getByTestId('due-now')).toHaveText('1');
		await expect(page.getByTestId('new-left')).toHaveText('0');

		const stored = await page.evaluate(
			() =>
				new Promise<{ version: number; schema: Record<string, unknown> }>((done, fail) => {
					const open = indexedDB.open('csto-study');
					open.onsuccess = () => {
						const db = open.result;
						const names = [...db.objectStoreNames];
						const tx = db.transaction(names, 'readonly');
						const schema: Record<string, unknown> = {};
						for (const name of names) {
							const store = tx.objectStore(name);
							schema[name] = {
								keyPath: store.keyPath,
								autoIncrement: store.autoIncrement,
								indexes: [...store.indexNames].sort().map((index) => ({
									name: index,
									keyPath: store.index(index).keyPath
								}))
							};
						}
						db.close();
						done({ version: db.version, schema });
					};
					open.onerror = () => fail(open.error);
				})
		);
		expect(stored.version).toBe(LATEST_VERSION * 10);
		expect(stored.schema).toEqual(nativeSchema(LATEST_VERSION as Version));
		expect(await readStore(page, 'cards')).toEqual([card]);
		expect(await readStore(page, 'reviews')).toMatchObject([{ id: 1, ...review }]);
	});
}
