// Test fixtures for the data layer.
import { sampleTables } from '../domain/backup/fixtures';
import { createDb, type CstoDb } from './db';
import { addReviews } from './log-bulk';

/** A fresh database, under a name of its own, holding the backup fixture's sample rows (ids as given). */
export async function createSampleDb(): Promise<CstoDb> {
	const db = createDb(`test-${crypto.randomUUID()}`);
	const tables = sampleTables();
	await db.cards.bulkAdd(tables.cards);
	await addReviews(db, tables.reviews);
	await db.quizAttempts.bulkAdd(tables.quizAttempts);
	await db.settings.bulkAdd(tables.settings);
	return db;
}
