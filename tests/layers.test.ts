import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLayerViolations } from './layers';

const SRC = join(import.meta.dirname, '..', 'src');

function listFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return listFiles(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('layers', () => {
	it('no file imports a layer above its own', () => {
		const files = listFiles(SRC).map((path) => ({
			path: relative(SRC, path).replaceAll('\\', '/'),
			source: readFileSync(path, 'utf8')
		}));
		expect(files.length).toBeGreaterThan(10);
		expect(findLayerViolations(files)).toEqual([]);
	});

	it.each([
		['lib/domain/quiz/build.ts', "import { mount } from 'svelte';", 'svelte'],
		['lib/domain/x.ts', "import Dexie from 'dexie';", 'dexie'],
		['lib/domain/x.ts', "import { browser } from '$app/environment';", '$app'],
		['lib/domain/x.ts', "import { db } from '../data/db';", 'data'],
		['lib/domain/x.ts', "import { BANK } from '$lib/content/bank';", 'content'],
		['lib/data/cards.ts', "import { writable } from 'svelte/store';", 'svelte'],
		['lib/data/cards.ts', "import { x } from '$lib/state/review.svelte';", 'state'],
		['lib/components/Card.svelte', "import { getDb } from '$lib/data/app-db';", 'data'],
		['lib/components/Card.svelte', "import { settings } from '../state/settings.svelte';", 'state'],
		['lib/content/bank.ts', "import { settings } from '$lib/state/settings.svelte';", 'state']
	])('catches %s importing %s', (path, source, what) => {
		const violations = findLayerViolations([{ path, source }]);
		expect(violations).toHaveLength(1);
		expect(violations[0]).toContain(what);
	});

	it('allows imports that flow downward', () => {
		expect(
			findLayerViolations([
				{
					path: 'lib/data/cards.ts',
					source:
						"import { Dexie } from 'dexie';\nimport type { Item } from '../domain/bank/schema';"
				},
				{ path: 'lib/state/review.svelte.ts', source: "import { getDb } from '../data/app-db';" },
				{
					path: 'lib/components/RatingBar.svelte',
					source: "import type { Rating } from '$lib/domain/scheduling/fsrs';"
				},
				{
					path: 'routes/review/+page.svelte',
					source: "import { settings } from '$lib/state/settings.svelte';"
				}
			])
		).toEqual([]);
	});
});
