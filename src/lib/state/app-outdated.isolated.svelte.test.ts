import { Dexie } from 'dexie';
import { flushSync } from 'svelte';
import { expect, it, vi } from 'vitest';
import { getDb } from '../data/app-db';
import { DB_NAME, LATEST_VERSION, SCHEMA_VERSIONS } from '../data/db';
import { app, connectApp } from './app.svelte';

// In a file of its own, in the isolated project (vite.config.ts): once outdated, the app's database
// stays so for the whole module graph.
it('shows "Reload to update" when another tab opens a newer schema, without blocking it', async () => {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response('{}'))
	);
	const destroy = $effect.root(() => connectApp('/_app/version.json'));
	flushSync();
	await getDb().settings.put({ key: 'theme', value: 'dark' });
	expect(app.isOutdated).toBe(false);

	const newer = new Dexie(DB_NAME);
	newer
		.version(LATEST_VERSION + 1)
		.stores(SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS]);
	await newer.open();
	expect(app.isOutdated).toBe(true);
	expect(app.isUpdateReady).toBe(false);
	expect(await newer.table('settings').toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
	newer.close();
	destroy();
	vi.unstubAllGlobals();
});
