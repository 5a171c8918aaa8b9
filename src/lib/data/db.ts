import { Dexie, type EntityTable, type Transaction } from 'dexie';
import ID_RENAMES from '../../../questions/renames.json';
import type { IdRenames } from '../domain/bank/renames';
import { OutdatedAppError } from '../domain/errors';
import type { QuarantineEntry } from '../domain/integrity/repair';
import type { CardRow, CardState, ReviewFields } from '../domain/scheduling/card';
import { DEFAULT_SETTINGS, checkSetting } from '../domain/settings';
import type { LoggedReview } from '../domain/scheduling/due-before';
import type { ReviewBlockHead, ReviewBlockLog } from './log-bulk';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

/** The name of the app's one IndexedDB database. */
export const DB_NAME = 'csto-study';

// The card shape belongs to the scheduler (the domain); the `cards` table stores it as it is.
export type { CardRow, CardState };

/** One rating, as the review log keeps it: the scheduler's log fields, the time taken and the source. */
export interface ReviewRow extends ReviewFields {
	id?: number;
	durationMs: number;
	source: 'review' | 'quiz';
}

/** One quiz: in progress (`status` 'active', `finishedAt` 0) or finished. */
export interface QuizAttemptRow {
	id?: number;
	status: 'active' | 'finished';
	startedAt: number;
	finishedAt: number;
	/** Points scored (partial credit makes fractions) and the most that could be scored. */
	score: number;
	maxScore: number;
	/** The quiz's own record (seed, options, answers, score), shaped by the quiz module. */
	data: unknown;
}

/** One setting by key; values are validated on the way in and out. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * A damaged row's original, set aside by Check database (or kept from a backup's quarantine list):
 * the table and key it had, the row as it was, what was wrong and what was done. Never deleted.
 */
export interface QuarantineRow extends QuarantineEntry {
	id?: number;
}

/**
 * What can be worked out again from the other tables, kept to save the work: `log`, the review log
 * summed up for the Stats page (src/lib/domain/stats/log-summary.ts), and `log-days`, its quarter
 * hours alone, stored with it, which Home's streak reads (see `toStoredDays`). Not part of a backup.
 * Whatever deletes, replaces or changes log rows in place (import, reset, Check database, an upgrade)
 * deletes them in the same transaction; a rating undone is caught by the count of rows they keep.
 */
export interface SummaryRow {
	key: 'log' | 'log-days';
	value: unknown;
}

export type CstoDb = Dexie & {
	cards: EntityTable<CardRow, 'id'>;
	reviews: EntityTable<ReviewRow, 'id'>;
	quizAttempts: EntityTable<QuizAttemptRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	quarantine: EntityTable<QuarantineRow, 'id'>;
	summaries: EntityTable<SummaryRow, 'key'>;
	reviewBlocks: EntityTable<ReviewBlockHead, 'id'>;
	reviewBlockLogs: EntityTable<ReviewBlockLog, 'id'>;
};

export { LATEST_VERSION, SCHEMA_VERSIONS };

/**
 * Old question id → the id that replaced it (questions/renames.json, checked against the bank at
 * build time). Applying it twice changes nothing, since old ids are never reused.
 */
export const QUESTION_ID_RENAMES: IdRenames = ID_RENAMES;

/**
 * A module that an upgrade needs, loaded while the upgrade's transaction is kept alive (Dexie.waitFor:
 * an IndexedDB transaction commits once nothing of its own is pending). Versions 4 and 5 replay logs
 * with the scheduler; importing it with this file would load ts-fsrs on every page that opens the
 * database, Home included, for an upgrade that runs once per device.
 */
function loadDuringUpgrade<T>(module: Promise<T>): Promise<T> {
	return Dexie.waitFor(module);
}

/** Version 2 adds workload fields to cards (topic, suspended, leech, buried) and a status to quizzes. */
async function upgradeToV2(tx: Transaction): Promise<void> {
	await tx
		.table('cards')
		.toCollection()
		.modify((card: Partial<CardRow> & { id: string }) => {
			const itemId = card.id.replace(/:reverse$/, '');
			card.itemId ??= itemId;
			card.topic ??= itemId.split('/')[0] ?? '';
			card.suspended ??= 0;
			card.leech ??= 0;
			card.buriedUntil ??= 0;
		});
	await tx
		.table('quizAttempts')
		.toCollection()
		.modify((attempt: Partial<QuizAttemptRow>) => {
			attempt.status ??= attempt.finishedAt ? 'finished' : 'active';
			attempt.score ??= 0;
			attempt.maxScore ??= 0;
		});
}

/**
 * Version 4 moves the progress of merged questions to the surviving id (questions/renames.json):
 * cards and log rows of an old id, reversed cards included, get the new id; where a card already
 * exists under the new id, the two become one card whose memory state is the replay of their joined
 * log (with the learner's desired retention), and every log row is kept. A later rename needs a new
 * version that calls this again.
 */
export async function upgradeToV4(
	tx: Transaction,
	renames: IdRenames = QUESTION_ID_RENAMES
): Promise<void> {
	const ids = Object.entries(renames).flatMap(([oldId, newId]) =>
		[oldId, newId].flatMap((id) => [id, `${id}:reverse`])
	);
	if (ids.length === 0) return;
	const cards = tx.table<CardRow, string>('cards');
	const reviews = tx.table<ReviewRow, number>('reviews');
	const retention = await tx.table<SettingRow, string>('settings').get('desiredRetention');
	const checked = checkSetting('desiredRetention', retention?.value);
	const options = {
		desiredRetention: checked.ok ? checked.value : DEFAULT_SETTINGS.desiredRetention,
		enableFuzz: true
	};
	const { renameProgress } = await loadDuringUpgrade(import('../domain/scheduling/rename'));
	const moved = renameProgress(
		{
			cards: await cards.where('id').anyOf(ids).toArray(),
			reviews: await reviews.where('cardId').anyOf(ids).toArray()
		},
		renames,
		options
	);
	await cards.bulkDelete(moved.removedCardIds);
	await cards.bulkPut(moved.cards);
	await reviews.bulkPut(moved.reviews);
}

/**
 * Version 5 recomputes each review's `dueBefore`, which earlier versions filled with the card's
 * previous review time: from each card's replayed log where the replay reproduces the stored card,
 * null (unknown) where it cannot. The ratings were given with the app's seeded fuzz and the stored
 * desired retention.
 */
async function upgradeToV5(tx: Transaction): Promise<void> {
	const [cards, reviews, settings, { recomputeStoredDueBefore }] = await Promise.all([
		tx.table<CardRow>('cards').toArray(),
		tx.table<LoggedReview>('reviews').toArray(),
		tx.table<SettingRow>('settings').toArray(),
		loadDuringUpgrade(import('../domain/scheduling/due-before'))
	]);
	const dueBefore = recomputeStoredDueBefore({ cards, reviews, settings });
	await tx
		.table('reviews')
		.toCollection()
		.modify((review: { id: number; dueBefore: number | null }) => {
			review.dueBefore = dueBefore.get(review.id) ?? null;
		});
}

/**
 * Opens (or creates) the database at the latest schema. Versions are never edited once released: a
 * change is a new `version(n)` with its `upgrade()`, and its schema goes into SCHEMA_VERSIONS.
 *
 * Only the versions with an `upgrade()` are declared, with the latest: since Dexie 3, a database at a
 * version left out is upgraded from the schema IndexedDB reports, not from its declaration
 * (db.test.ts opens a database of every released version). Versions 1, 3 (an index, which
 * IndexedDB builds from the stored rows), 6 (the empty quarantine table) and 7 (the empty summaries
 * table) changed no stored row. Each declared version costs the page's start-up: Dexie parses every
 * schema and sets up every table for each one (`createDb`, 4× slower CPU, 5 fresh loads: median
 * 46 ms with all eight declared, 18 ms with these four).
 */
export function createDb(name: string = DB_NAME): CstoDb {
	// Relaxed durability: a transaction counts as committed once the browser has the data (it
	// survives the tab closing), without waiting for the disk to flush, which only a crash of the
	// whole system could lose. A rating still commits before the next card shows.
	const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as CstoDb;
	db.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(upgradeToV2);
	db.version(4)
		.stores(SCHEMA_VERSIONS[4])
		.upgrade((tx) => upgradeToV4(tx));
	db.version(5).stores(SCHEMA_VERSIONS[5]).upgrade(upgradeToV5);
	// Version 8 keeps ratings added in bulk (an import) in blocks of 2,500 (see log.ts and
	// log-bulk.ts: each block's head with its ids and times, and its ratings), and drops the cards'
	// four indexes, which no read uses since the queue reads every card: an import wrote each card
	// into five indexes. No stored row changes: no upgrade() needed. A later version that renames
	// question ids again (upgradeToV4) must move the ratings in blocks too.
	db.version(8).stores(SCHEMA_VERSIONS[8]);
	// Test builds only (VITE_TEST_SCHEMA_BUMP=1, made by tests/e2e/offline.e2e.ts): one version more,
	// an extra index, so that a test can open a newer schema in one tab while another runs this one.
	// In every other build the condition is false at build time and the block is left out.
	if (import.meta.env.VITE_TEST_SCHEMA_BUMP === '1') {
		db.version(LATEST_VERSION + 1).stores({
			...SCHEMA_VERSIONS[LATEST_VERSION as keyof typeof SCHEMA_VERSIONS],
			reviews: '++id, cardId, reviewedAt, source'
		});
	}
	return db;
}

/** Why a tab stops using the database when another tab upgrades it. */
export const UPGRADED_ELSEWHERE =
	'CSTO Study was updated in another tab, which changed how your progress is stored, so this tab can no longer save. Reload to update. Nothing you saved is lost.';
/** Why a tab does not use a database that a newer version of the app has already upgraded. */
export const NEWER_THAN_APP =
	'Your progress was saved by a newer version of CSTO Study than this tab runs, so this tab cannot read or save it. Reload to update. Nothing you saved is lost.';

/**
 * Makes `db` give way to newer versions of the app. When another tab opens a newer schema (or
 * deletes the database), `versionchange` closes this connection at once, so the upgrade is never
 * blocked, and it stays closed: Dexie would otherwise reopen it on the next query, at the newer
 * version, with this older code. A database that is already newer than this code (Dexie 4 opens it
 * all the same) is refused in the same way. Either way nothing is deleted, `onOutdated` is called
 * once with the error, and every later query fails.
 */
export function giveWayToNewerVersions(
	db: CstoDb,
	onOutdated: (error: OutdatedAppError) => void
): void {
	let outdated: OutdatedAppError | undefined;
	const outdate = (message: string): OutdatedAppError => {
		if (!outdated) {
			outdated = new OutdatedAppError(message);
			onOutdated(outdated);
		}
		return outdated;
	};
	db.on('versionchange', () => {
		db.close({ disableAutoOpen: true });
		outdate(UPGRADED_ELSEWHERE);
		// Skips Dexie's own handler, which closes with reopening allowed.
		return false;
	});
	// Sticky: checked on every open, not just the first.
	db.on(
		'ready',
		() => {
			// IndexedDB numbers a Dexie version n as 10n (and up to 10n + 9 when Dexie patches indexes).
			const installed = Math.floor((db.backendDB()?.version ?? 0) / 10);
			if (installed > db.verno) throw outdate(NEWER_THAN_APP);
		},
		true
	);
}
