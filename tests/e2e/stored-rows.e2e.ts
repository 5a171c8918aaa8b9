// Fuzz over stored rows (fast-check): a card, a log row, a setting or a quiz record damaged in any
// field, as an import, an old bug or another tool could have left it. Every page must render
// without a page error, and Check database must repair the row or set it aside.
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { bank } from './bank';
import { ROW_VALIDATORS, type StoredTable } from '../../src/lib/domain/integrity/rows';
import { expect, readStore, test, waitForAppDatabase } from './fixtures';
import { quizRecord, quizRow } from './records';
import { dataDrawn } from './states';

const DAY = 86_400_000;
const STORES = ['cards', 'reviews', 'quizAttempts', 'settings', 'quarantine'] as const;

/** Valid rows of every table at `now`: a review card due now with its log, a setting, two quizzes. */
function sampleRows(now: number): Record<StoredTable, Record<string, unknown>[]> {
	const item = bank.items.find((i) => i.topic === 'members')!;
	return {
		cards: [
			{
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
				lastReview: now - 3 * DAY,
				suspended: 0,
				leech: 0,
				buriedUntil: 0
			}
		],
		reviews: [1, 2].map((id) => ({
			id,
			cardId: item.id,
			rating: 3,
			stateBefore: id === 1 ? 0 : 1,
			dueBefore: now - (7 - id) * DAY,
			stability: 2.3,
			difficulty: 5.1,
			elapsedDays: 2,
			scheduledDays: 2,
			reviewedAt: now - (id === 1 ? 5 : 3) * DAY,
			durationMs: 3000,
			source: 'review'
		})),
		quizAttempts: [
			{ id: 1, ...quizRow(quizRecord(5, 3, now - DAY), now - DAY, 'finished') },
			{ id: 2, ...quizRow(quizRecord(5, 1, now - DAY, 2, 'fuzzactive'), now - DAY, 'active') }
		],
		settings: [{ key: 'newPerDay', value: 20 }]
	};
}

const PRIMARY_KEY: Record<StoredTable, string> = {
	cards: 'id',
	reviews: 'id',
	quizAttempts: 'id',
	settings: 'key'
};

/** Every path into a row (fields, and fields of fields) except its primary key. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) => {
		const path = [...prefix, Array.isArray(value) ? Number(key) : key];
		return [path, ...pathsOf(inner, path)];
	});
}

function damage(
	row: Record<string, unknown>,
	path: (string | number)[],
	value: unknown,
	remove: boolean
) {
	const copy = structuredClone(row) as Record<string | number, unknown>;
	let target = copy;
	for (const step of path.slice(0, -1)) target = target[step] as typeof target;
	if (remove) delete target[path.at(-1)!];
	else target[path.at(-1)!] = value;
	return copy;
}

const hostile = fc.oneof(
	fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e300, null, undefined, '', 'x', true, [], {}),
	fc.integer(),
	fc.double(),
	fc.string({ maxLength: 4 }),
	fc.jsonValue({ maxDepth: 2 })
);

/** Replaces everything the app stores with `rows` (from a page that does not open the database). */
async function store(page: Page, rows: Record<StoredTable, unknown[]>): Promise<void> {
	await page.goto('/robots.txt');
	await page.evaluate(
		({ rows, stores }) =>
			new Promise<void>((resolveWrite, reject) => {
				const open = indexedDB.open('csto-study');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const missing = stores.filter((name) => !db.objectStoreNames.contains(name));
					if (missing.length > 0) {
						db.close();
						reject(
							new Error(
								`The database (version ${db.version}, stores ${[...db.objectStoreNames].join(', ')}) has no ${missing.join(', ')}`
							)
						);
						return;
					}
					const tx = db.transaction([...stores], 'readwrite');
					for (const name of stores) {
						tx.objectStore(name).clear();
						for (const row of (rows as Record<string, unknown[]>)[name] ?? []) {
							tx.objectStore(name).put(row);
						}
					}
					tx.oncomplete = () => {
						db.close();
						resolveWrite();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ rows, stores: STORES }
	);
}

/** Each page, with what shows once its data is in (so that a failure while reading is seen). */
const PAGES: { path: string; ready: (page: Page) => Promise<void> }[] = [
	...['/', '/review', '/browse', '/stats'].map((path) => ({
		path,
		ready: (page: Page) => dataDrawn(page, path)
	})),
	{
		path: '/quiz?seed=fuzz18&n=5&mode=practice',
		ready: (page) =>
			expect(
				page
					.getByText('Question 1 of 5')
					.or(page.getByRole('heading', { name: /Finish the quiz in progress/ }))
			).toBeVisible()
	},
	{
		path: '/quiz/results?attempt=1',
		ready: (page) => expect(page.getByText('Loading your results…')).toHaveCount(0)
	},
	{
		path: '/settings',
		ready: (page) => expect(page.getByRole('button', { name: 'Check database' })).toBeEnabled()
	}
];

// One seed of six runs: each run walks every page, about a minute on two busy cores.
for (const seed of [1801]) {
	test(`every page renders over a damaged stored row, and Check database repairs or sets it aside (fuzz, seed ${seed})`, async ({
		watched: page,
		consoleErrors
	}) => {
		test.setTimeout(600_000);
		const tables = ['cards', 'reviews', 'quizAttempts', 'settings'] as const;
		await page.goto('/settings');
		await expect(page.getByRole('button', { name: 'Check database' })).toBeVisible();
		// The button is prerendered: wait for the app to have made its database before writing to it.
		await waitForAppDatabase(page);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...tables),
				fc.nat(),
				fc.nat(),
				hostile,
				fc.boolean(),
				async (table, which, pathIndex, value, remove) => {
					const now = Date.now();
					const rows = sampleRows(now);
					const index = which % rows[table].length;
					const row = rows[table][index]!;
					const paths = pathsOf(row).filter(
						(p) => !(p.length === 1 && p[0] === PRIMARY_KEY[table])
					);
					const damaged = damage(row, paths[pathIndex % paths.length]!, value, remove);
					rows[table][index] = damaged;
					const key = row[PRIMARY_KEY[table]];
					const what = `${table} ${String(key)}: ${JSON.stringify(paths[pathIndex % paths.length])} ${remove ? 'removed' : `= ${String(value)}`}`;
					await store(page, rows);

					for (const { path, ready } of PAGES) {
						await page.goto(path);
						await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
						await ready(page);
						expect(consoleErrors, `${path} with ${what}`).toEqual([]);
					}
					await page.getByRole('button', { name: 'Check database' }).click();
					await expect(
						page.getByRole('region', { name: 'What Check database found' })
					).toBeVisible();

					// Every row now passes the validator, and the damaged one was kept aside if it failed.
					const checkAt = Date.now();
					for (const t of tables) {
						for (const stored of await readStore(page, t)) {
							expect(
								ROW_VALIDATORS[t](stored, checkAt),
								`${t} after check, ${what}`
							).toBeUndefined();
						}
					}
					const quarantine = await readStore<{ table: string; key: string; row: unknown }>(
						page,
						'quarantine'
					);
					const wasDamaged = ROW_VALIDATORS[table](damaged, now) !== undefined;
					const kept = quarantine.filter((q) => q.table === table && q.key === String(key));
					if (wasDamaged) expect(kept.length, `quarantine for ${what}`).toBeGreaterThan(0);
				}
			),
			{ numRuns: 6, seed, endOnFailure: true }
		);
	});
}
