import type { OutdatedAppError } from '../domain/errors';
import { createDb, giveWayToNewerVersions, type CstoDb } from './db';

let instance: CstoDb | undefined;
let outdated: OutdatedAppError | undefined;
const listeners = new Set<(error: OutdatedAppError) => void>();

/**
 * The app's database, opened once on first use (in the browser). Once a newer version of the app
 * has changed it, this throws an `OutdatedAppError` that says to reload, instead of handing out a
 * closed connection.
 */
export function getDb(): CstoDb {
	if (outdated) throw outdated;
	if (!instance) {
		instance = createDb();
		giveWayToNewerVersions(instance, (error) => {
			outdated = error;
			for (const listener of listeners) listener(error);
		});
	}
	return instance;
}

/**
 * Calls `listener` when a newer version of the app changes the database under this tab (at once if
 * it already has); returns the function that stops listening.
 */
export function onDbOutdated(listener: (error: OutdatedAppError) => void): () => void {
	if (outdated) listener(outdated);
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}

/**
 * The error to show for a failed database call: once a newer version of the app has changed the
 * database, that is the reason, whatever Dexie's own error says ("Database has been closed").
 */
export function explainDbError(error: unknown): unknown {
	return outdated ?? error;
}
