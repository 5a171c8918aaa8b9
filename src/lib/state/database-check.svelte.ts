import type { CheckReport } from '../data/check';
import { onDamage } from '../data/damage';
import type { CstoDb } from '../data/db';
import type { SchedulerOptions } from '../domain/scheduling/fsrs';
import { settings } from './settings.svelte';

export interface DatabaseCheckDeps {
	/** The database; the app's is imported on first use, so that no page's first script holds Dexie. */
	db: () => CstoDb | Promise<CstoDb>;
	now: () => number;
	/** The scheduler a card's log is replayed with (the learner's retention, fuzz on). */
	options: () => SchedulerOptions;
}

/**
 * Check database, as the app runs it: on request (Settings), and silently as soon as a page meets
 * a damaged row. One run at a time; the last report stays until dismissed.
 */
export class DatabaseCheck {
	report = $state.raw<CheckReport | undefined>(undefined);
	/** The report came from a run the app started by itself (a page met a damaged row). */
	isAutomatic = $state(false);
	isRunning = $state(false);
	/** What went wrong in the last run, if it failed. */
	error = $state<unknown>(undefined);
	/** Counts finished runs that changed something, so that pages can read their data again. */
	repairs = $state(0);
	#running: Promise<CheckReport | undefined> | undefined;
	#again = false;
	#deps: DatabaseCheckDeps;

	constructor(deps: DatabaseCheckDeps) {
		this.#deps = deps;
	}

	/**
	 * Runs Check database (or joins the run under way) and keeps its report; resolves to it, or to
	 * undefined when the run failed (`error` says why).
	 */
	run(isAutomatic = false): Promise<CheckReport | undefined> {
		if (this.#running) {
			// A damaged row met during a run may have been read before it: run once more after.
			if (isAutomatic) this.#again = true;
			return this.#running;
		}
		this.#running = this.#run(isAutomatic).finally(() => {
			this.#running = undefined;
			if (this.#again) {
				this.#again = false;
				void this.run(true);
			}
		});
		return this.#running;
	}

	async #run(isAutomatic: boolean): Promise<CheckReport | undefined> {
		this.isRunning = true;
		this.error = undefined;
		try {
			// Loaded when first needed: the repair code (replay, regrading) is not part of any page.
			const { checkDatabase } = await import('../data/check');
			const report = await checkDatabase(await this.#deps.db(), {
				now: this.#deps.now(),
				options: this.#deps.options()
			});
			// An automatic run that found nothing (another tab repaired it first) says nothing.
			if (!isAutomatic || report.findings.length > 0) {
				this.report = report;
				this.isAutomatic = isAutomatic;
			}
			if (report.findings.length > 0) this.repairs++;
			return report;
		} catch (error) {
			this.error = error;
			return undefined;
		} finally {
			this.isRunning = false;
		}
	}

	dismiss(): void {
		this.report = undefined;
		this.error = undefined;
	}

	/** Runs the check whenever a read meets a damaged row; returns the cleanup. */
	watch(): () => void {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let isWatching = true;
		let stop: (() => void) | undefined;
		Promise.resolve()
			.then(() => this.#deps.db())
			.then(
				(db) => {
					if (!isWatching) return;
					stop = onDamage(db, () => {
						// Busy at once, so that a page waits for the repair instead of saying the row is gone.
						this.isRunning = true;
						// Started from a timer: the read that met the row may be a liveQuery or a
						// transaction, inside which Dexie refuses to open a read-write transaction.
						clearTimeout(timer);
						timer = setTimeout(() => void this.run(true), 0);
					});
				},
				// No database (a newer version took it): nothing to watch; the page says why.
				() => undefined
			);
		return () => {
			isWatching = false;
			clearTimeout(timer);
			stop?.();
		};
	}
}

/** The app's Check database. */
export const databaseCheck = new DatabaseCheck({
	db: async () => (await import('../data/app-db')).getDb(),
	now: () => Date.now(),
	options: () => ({ desiredRetention: settings.value.desiredRetention, enableFuzz: true })
});
