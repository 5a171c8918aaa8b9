import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBackup, exportBackup, readAllTables, readBackupFile } from '../src/lib/data/backup';
import type { CstoDb } from '../src/lib/data/db';
import { createSampleDb } from '../src/lib/data/fixtures';
import { parseBackup } from '../src/lib/domain/backup/parse';
import { BackupError } from '../src/lib/domain/errors';

// Hostile input: whatever a backup file holds, the importer refuses it with a BackupError (a message
// the learner can read) or accepts it; it never throws anything else and never writes part of it.

const NOW = Date.UTC(2026, 10, 28, 12);
const anyJson = fc.jsonValue({ maxDepth: 4 });

describe('backup parser under hostile text', () => {
	it('refuses any text that is not a backup with a BackupError, never another error', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					anyJson.map((v) => JSON.stringify(v))
				),
				(text) => {
					try {
						parseBackup(text, NOW);
					} catch (error) {
						expect(error).toBeInstanceOf(BackupError);
						expect((error as Error).message.length).toBeGreaterThan(10);
						return;
					}
					// Only a real backup is accepted, and no random text is one.
					expect.unreachable(`accepted ${text.slice(0, 80)}`);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('backup import under hostile edits of a real file', () => {
	let db: CstoDb;
	let valid: Record<string, unknown>;
	beforeAll(async () => {
		db = await createSampleDb();
		valid = JSON.parse(
			await (await exportBackup(db, { appVersion: '0.1.0', now: NOW })).file.text()
		);
	});
	afterAll(() => db.delete());

	/** The paths to every value in the file, so that an edit can hit any of them. */
	function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
		if (value && typeof value === 'object') {
			return [
				prefix,
				...Object.entries(value).flatMap(([key, inner]) =>
					paths(inner, [...prefix, Array.isArray(value) ? Number(key) : key])
				)
			];
		}
		return [prefix];
	}

	function edit(file: unknown, path: (string | number)[], replacement: unknown, remove: boolean) {
		const copy = structuredClone(file) as Record<string | number, unknown>;
		if (path.length === 0) return replacement;
		let target = copy;
		for (const step of path.slice(0, -1)) target = target[step] as typeof target;
		const last = path.at(-1)!;
		if (remove) delete target[last];
		else target[last] = replacement;
		return copy;
	}

	it('refuses a damaged file with a BackupError and leaves stored data exactly as it was', async () => {
		const allPaths = paths(valid);
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: allPaths.length - 1 }),
				anyJson,
				fc.boolean(),
				async (index, replacement, remove) => {
					const text = JSON.stringify(edit(valid, allPaths[index]!, replacement, remove));
					const before = await readAllTables(db);
					try {
						const backup = await readBackupFile(new Blob([text ?? '']), { now: NOW });
						// An edit can leave a valid file (a new time, another rating …): then it merges.
						await applyBackup(db, backup, 'merge');
						return;
					} catch (error) {
						expect(error).toBeInstanceOf(BackupError);
					}
					refused++;
					expect(await readAllTables(db)).toEqual(before);
				}
			),
			{ numRuns: 300 }
		);
		// Most random edits break the file: the refusal path is what this exercises.
		expect(refused).toBeGreaterThan(150);
		// 300 imports of a file with two whole quiz records: seconds on a busy two-core machine.
	}, 120_000);
});
