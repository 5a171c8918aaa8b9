import { AppError } from '../domain/errors';
import type { BackupProgress, ExportedBackup, ImportResult, OnBackupProgress } from './backup';
import type { BackupJob, ReadBackupSummary } from './backup-job';
import type { BackupReply } from './backup-worker';

export type { BackupProgress, ExportedBackup, ImportResult, ReadBackupSummary };

/** The error a worker reported, rebuilt on the page: ours as an AppError, others by their name. */
function rebuildError(reply: Extract<BackupReply, { type: 'failed' }>): Error {
	if (reply.isOurs) return new AppError(reply.message);
	const error = new Error(reply.message);
	error.name = reply.name;
	return error;
}

/**
 * The backup's export and import, run in a worker (src/lib/data/backup-worker.ts) so that the page
 * keeps drawing its progress and answering input; on the page itself where a module worker cannot
 * start. One job at a time; `close()` ends the worker and drops a backup read but not applied.
 */
export class BackupJobs {
	#worker = typeof Worker === 'function' ? this.#startWorker() : undefined;
	#onPage: Promise<(job: BackupJob, onProgress: OnBackupProgress) => Promise<unknown>> | undefined;

	#startWorker(): Worker {
		return new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });
	}

	async #run<T>(job: BackupJob, onProgress: OnBackupProgress = () => undefined): Promise<T> {
		const worker = this.#worker;
		if (!worker) {
			this.#onPage ??= import('./backup-job').then(({ createBackupRunner }) =>
				createBackupRunner()
			);
			return (await this.#onPage)(job, onProgress) as Promise<T>;
		}
		return new Promise<T>((resolve, reject) => {
			const stop = () => {
				worker.removeEventListener('message', onMessage);
				worker.removeEventListener('error', onError);
			};
			const onMessage = (event: MessageEvent<BackupReply>) => {
				const reply = event.data;
				if (reply.type === 'progress') {
					onProgress(reply.progress);
					return;
				}
				stop();
				if (reply.type === 'done') resolve(reply.result as T);
				else reject(rebuildError(reply));
			};
			const onError = (event: ErrorEvent) => {
				stop();
				reject(
					new AppError(`The backup worker stopped (${event.message || 'it could not load'}).`)
				);
			};
			worker.addEventListener('message', onMessage);
			worker.addEventListener('error', onError);
			worker.postMessage(job);
		});
	}

	/** Exports every table as one backup file (see `exportBackup`). */
	exportBackup(
		options: { appVersion: string; now: number },
		onProgress?: OnBackupProgress
	): Promise<ExportedBackup> {
		return this.#run({ type: 'export', ...options }, onProgress);
	}

	/** Reads and checks a backup file (at `now`), keeping it aside; resolves to what it holds. */
	readBackup(file: Blob, now: number, onProgress?: OnBackupProgress): Promise<ReadBackupSummary> {
		return this.#run({ type: 'read', file, now }, onProgress);
	}

	/** Applies the backup read last, in one transaction (see `applyBackup`). */
	applyBackup(mode: 'merge' | 'replace', onProgress?: OnBackupProgress): Promise<ImportResult> {
		return this.#run({ type: 'apply', mode }, onProgress);
	}

	close(): void {
		this.#worker?.terminate();
	}
}
