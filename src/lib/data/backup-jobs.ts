import { AppError } from '../domain/errors';
import type { BackupSummary } from '../domain/backup/merge';
import type { BackupProgress, ImportResult, OnBackupProgress } from './backup';
import type { BackupJob, BackupReply } from './backup-worker';

export type { BackupProgress, ImportResult };

/**
 * The backup's export and import, run in a worker (src/lib/data/backup-worker.ts) so that the page
 * keeps drawing its progress and answering input. One job at a time; `close()` ends the worker and
 * drops a backup read but not applied.
 */
export class BackupJobs {
	#worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });

	#run<T>(job: BackupJob, onProgress?: OnBackupProgress): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const stop = () => {
				this.#worker.removeEventListener('message', onMessage);
				this.#worker.removeEventListener('error', onError);
			};
			const onMessage = (event: MessageEvent<BackupReply>) => {
				const reply = event.data;
				if (reply.type === 'progress') {
					onProgress?.(reply.progress);
					return;
				}
				stop();
				if (reply.type === 'done') resolve(reply.result as T);
				else reject(new AppError(reply.message));
			};
			const onError = (event: ErrorEvent) => {
				stop();
				reject(
					new AppError(`The backup worker stopped (${event.message || 'it could not load'}).`)
				);
			};
			this.#worker.addEventListener('message', onMessage);
			this.#worker.addEventListener('error', onError);
			this.#worker.postMessage(job);
		});
	}

	/** Exports every table as one backup file (see `exportBackup`). */
	exportBackup(
		options: { appVersion: string; now: number },
		onProgress?: OnBackupProgress
	): Promise<Blob> {
		return this.#run({ type: 'export', ...options }, onProgress);
	}

	/** Reads and checks a backup file, keeping it in the worker; resolves to what it holds. */
	readBackup(file: Blob, onProgress?: OnBackupProgress): Promise<BackupSummary> {
		return this.#run({ type: 'read', file }, onProgress);
	}

	/** Applies the backup read last, in one transaction (see `applyBackup`). */
	applyBackup(mode: 'merge' | 'replace', onProgress?: OnBackupProgress): Promise<ImportResult> {
		return this.#run({ type: 'apply', mode }, onProgress);
	}

	close(): void {
		this.#worker.terminate();
	}
}
