import { Dexie, type EntityTable } from 'dexie';

/** The name of the app's one IndexedDB database. */
export const DB_NAME = 'csto-study';

/** A card's memory state, keyed by the question id it belongs to. */
export interface CardRow {
	id: string;
	/** When the card is next due, in epoch milliseconds (indexed). */
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	/** 0 new, 1 learning, 2 review, 3 relearning (the FSRS states). */
	state: 0 | 1 | 2 | 3;
	lastReview: number | null;
}

/** One rating, as the review log keeps it. */
export interface ReviewRow {
	id?: number;
	cardId: string;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
	rating: 1 | 2 | 3 | 4;
	stateBefore: 0 | 1 | 2 | 3;
	dueBefore: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	reviewedAt: number;
	durationMs: number;
	source: 'review' | 'quiz';
}

/** One quiz, finished or in progress. */
export interface QuizAttemptRow {
	id?: number;
	startedAt: number;
	finishedAt: number;
	data: unknown;
}

/** One setting by key; values are validated on the way in and out. */
export interface SettingRow {
	key: string;
	value: unknown;
}

export type CstoDb = Dexie & {
	cards: EntityTable<CardRow, 'id'>;
	reviews: EntityTable<ReviewRow, 'id'>;
	quizAttempts: EntityTable<QuizAttemptRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
};

/**
 * Opens (or creates) the database with every schema version. Versions are never edited once
 * released: a change is a new `version(n)` with its `upgrade()`.
 */
export function createDb(name: string = DB_NAME): CstoDb {
	const db = new Dexie(name) as CstoDb;
	db.version(1).stores({
		cards: 'id, due',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt',
		settings: 'key'
	});
	return db;
}
