import { Dexie } from 'dexie';
import { expect, it } from 'vitest';
import { OutdatedAppError } from '../domain/errors';
import { explainDbError, getDb, onDbOutdated } from './app-db';
import { DB_NAME, LATEST_VERSION, SCHEMA_VERSIONS, UPGRADED_ELSEWHERE } from './db';

// One test: the app's database is one per page, and this file's module state is its own.
it('once another tab opens a newer schema, the app database says so and refuses with the reason', async () => {
	const heard: OutdatedAppError[] = [];
	const stop = onDbOutdated((error) => heard.push(error));
	const db = getDb();
	expect(getDb()).toBe(db);
	await db.settings.put({ key: 'theme', value: 'dark' });
	expect(explainDbError(new Error('Disk full'))).toEqual(new Error('Disk full'));

	const newer = new Dexie(DB_NAME);
	newer.version(LATEST_VERSION + 1).stores({
		...SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS],
		settings: 'key, value'
	});
	await newer.open();

	const reason = new OutdatedAppError(UPGRADED_ELSEWHERE);
	expect(heard).toEqual([reason]);
	expect(() => getDb()).toThrow(reason);
	// A query that still held the old connection fails with Dexie's error; the app shows the reason.
	const closed = await db.settings.get('theme').catch((error: unknown) => error);
	expect(closed).toBeInstanceOf(Error);
	expect(explainDbError(closed)).toBe(heard[0]);
	// A listener that arrives later hears it at once.
	const late: OutdatedAppError[] = [];
	onDbOutdated((error) => late.push(error))();
	expect(late).toEqual([reason]);
	stop();
	expect(await newer.table('settings').toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
	newer.close();
});
