// The backup's long jobs, off the page's main thread: a 100,000-row backup is 30 MB of JSON whose
// parsing, checking and writing would each hold the page for seconds. The worker opens the same
// database; the page sends it one job at a time (src/lib/data/backup-jobs.ts) and hears back
// progress, then the result. A backup read for import stays here until it is applied or dropped,
// so its rows never cross to the page.
import { summarizeBackup } from '../domain/backup/merge';
import type { Backup } from '../domain/backup/schema';
import { getDb } from './app-db';
import { applyBackup, exportBackup, readBackupFile, type BackupProgress } from './backup';

/** A job for the worker. */
export type BackupJob =
	| { type: 'export'; appVersion: string; now: number }
	| { type: 'read'; file: Blob }
	| { type: 'apply'; mode: 'merge' | 'replace' };

/** What the worker says: progress, the job's result, or why it failed. */
export type BackupReply =
	| { type: 'progress'; progress: BackupProgress }
	| { type: 'done'; result: unknown }
	| { type: 'failed'; message: string };

const scope = self as unknown as {
	postMessage(reply: BackupReply): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<BackupJob>) => void): void;
};
const onProgress = (progress: BackupProgress) => scope.postMessage({ type: 'progress', progress });
let backup: Backup | undefined;

async function run(job: BackupJob): Promise<unknown> {
	switch (job.type) {
		case 'export':
			return exportBackup(getDb(), { appVersion: job.appVersion, now: job.now, onProgress });
		case 'read':
			backup = undefined;
			backup = await readBackupFile(job.file, { onProgress });
			return summarizeBackup(backup);
		case 'apply': {
			if (!backup) throw new Error('No backup has been read.');
			const result = await applyBackup(getDb(), backup, job.mode, { onProgress });
			backup = undefined;
			return result;
		}
	}
}

scope.addEventListener('message', (event) => {
	run(event.data).then(
		(result) => scope.postMessage({ type: 'done', result }),
		(error: unknown) =>
			scope.postMessage({
				type: 'failed',
				message: error instanceof Error ? error.message : String(error)
			})
	);
});
