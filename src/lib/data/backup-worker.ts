// The backup's long jobs, off the page's main thread: a 100,000-row backup is 30 MB of JSON whose
// parsing, checking and writing would each hold the page for seconds. The worker opens the same
// database; the page sends it one job at a time (src/lib/data/backup-jobs.ts) and hears back
// progress, then the result.
import { AppError } from '../domain/errors';
import { getDb } from './app-db';
import type { BackupProgress } from './backup';
import { createBackupRunner, type BackupJob } from './backup-job';

/** What the worker says: progress, the job's result, or why it failed (ours: an AppError's message). */
export type BackupReply =
	| { type: 'progress'; progress: BackupProgress }
	| { type: 'done'; result: unknown }
	| { type: 'failed'; name: string; message: string; isOurs: boolean };

const scope = self as unknown as {
	postMessage(reply: BackupReply): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<BackupJob>) => void): void;
};
const onProgress = (progress: BackupProgress) => scope.postMessage({ type: 'progress', progress });
const run = createBackupRunner();
// The database is opened at once, before any job: the page may start the worker ahead of a job (see
// the Settings page's "Export backup"). A failure to open is the first job's to report.
void Promise.resolve()
	.then(() => getDb().open())
	.catch(() => undefined);

scope.addEventListener('message', (event) => {
	run(event.data, onProgress).then(
		(result) => scope.postMessage({ type: 'done', result }),
		(error: unknown) =>
			scope.postMessage({
				type: 'failed',
				name: error instanceof Error ? error.name : 'Error',
				message: error instanceof Error ? error.message : String(error),
				isOurs: error instanceof AppError
			})
	);
});
