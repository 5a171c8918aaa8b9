import { createDb, type CstoDb } from './db';

let instance: CstoDb | undefined;

/** The app's database, opened once on first use (in the browser). */
export function getDb(): CstoDb {
	instance ??= createDb();
	return instance;
}
