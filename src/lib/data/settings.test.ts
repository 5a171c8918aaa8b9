import { afterEach, expect, it } from 'vitest';
import { SettingsError } from '../domain/errors';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { createDb, type CstoDb } from './db';
import { loadSettings, saveSetting } from './settings';

let db: CstoDb;
afterEach(() => db.delete());

it('returns the defaults on a new database and the saved value after a save', async () => {
	db = createDb(`test-${crypto.randomUUID()}`);
	expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
	await saveSetting(db, 'desiredRetention', 0.85);
	expect((await loadSettings(db)).desiredRetention).toBe(0.85);
});

it('refuses an out-of-range value with a message and keeps the old value', async () => {
	db = createDb(`test-${crypto.randomUUID()}`);
	await saveSetting(db, 'newPerDay', 30);
	await expect(saveSetting(db, 'newPerDay', 9000)).rejects.toThrow(SettingsError);
	await expect(saveSetting(db, 'newPerDay', 9000)).rejects.toThrow(/between 0 and 500/);
	expect((await loadSettings(db)).newPerDay).toBe(30);
});
