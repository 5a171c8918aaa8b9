// The backup's long jobs as one runner, used by the worker (backup-worker.ts) and, where a module
// worker cannot start (jsdom, a few older browsers), on the page itself by BackupJobs.
import { summarizeBackup, type BackupSummary } from '../domain/backup/merge';
import type { Backup } from '../domain/backup/schema';
import { getDb } from './app-db';
import { applyBackup, exportBackup, readBackupFile, type OnBackupProgress } from './backup';

/** A job for the runner. */
export type BackupJob =
	| { type: 'export'; appVersion: string; now: number }
	| { type: 'read'; file: Blob; now: number }
	| { type: 'apply'; mode: 'merge' | 'replace' };

/** What a read backup holds, with the number of damaged rows its quarantine list keeps. */
export type ReadBackupSummary = BackupSummary & { quarantined: number };

/**
 * Runs jobs one at a time. A backup read for import stays in the runner until it is applied or
 * another is read, so its rows never cross to the page.
 */
export function createBackupRunner(): (
	job: BackupJob,
	onProgress: OnBackupProgress
) => Promise<unknown> {
	let backup: Backup | undefined;
	return async (job, onProgress) => {
		switch (job.type) {
			case 'export':
				return exportBackup(getDb(), { appVersion: job.appVersion, now: job.now, onProgress });
			case 'read': {
				backup = undefined;
				backup = await readBackupFile(job.file, { now: job.now, onProgress });
				const summary: ReadBackupSummary = {
					...summarizeBackup(backup),
					quarantined: backup.quarantine.length
				};
				return summary;
			}
			case 'apply': {
				if (!backup) throw new Error('No backup has been read.');
				const result = await applyBackup(getDb(), backup, job.mode, { onProgress });
				backup = undefined;
				return result;
			}
		}
	};
}
