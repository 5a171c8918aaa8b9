import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { QuarantineEntry } from '../domain/integrity/repair';
import type { CardRow, CardState, ReviewFields } from '../domain/scheduling/card';

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

export type CstoDb = Dexie & {
	cards: EntityTable<CardRow, 'id'>;
	reviews: EntityTable<ReviewRow, 'id'>;
	quizAttempts: EntityTable<QuizAttemptRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	quarantine: EntityTable<QuarantineRow, 'id'>;
};

/** The schema of each version, kept as released: a change is a new version with its upgrade. */
export const SCHEMA_VERSIONS = {
	1: {
		cards: 'id, due',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt',
		settings: 'key'
	},
	2: {
		cards: 'id, due, topic, itemId',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	3: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	4: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key',
		quarantine: '++id, table'
	}
} as const;

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
 * Opens (or creates) the database with every schema version. Versions are never edited once
 * released: a change is a new `version(n)` with its `upgrade()`.
 */
export function createDb(name: string = DB_NAME): CstoDb {
	const db = new Dexie(name) as CstoDb;
	db.version(1).stores(SCHEMA_VERSIONS[1]);
	db.version(2).stores(SCHEMA_VERSIONS[2]).upgrade(upgradeToV2);
	// Version 3 only adds an index, which IndexedDB builds from the stored rows: no upgrade() needed.
	// [state+due] lets the queue read learning cards and the most overdue review cards due today
	// without reading every row due today.
	db.version(3).stores(SCHEMA_VERSIONS[3]);
	// Version 4 adds the quarantine table, where Check database keeps damaged rows' originals. It
	// starts empty and no stored row changes: no upgrade() needed.
	db.version(4).stores(SCHEMA_VERSIONS[4]);
	return db;
}
