import type { CstoDb } from '../data/db';
import { loadStats, saveLogSummary, watchStats } from '../data/stats';
import type { CardDeck } from '../domain/scheduling/face';
import { nextStudyDayStart } from '../domain/day';
import { schedulerParameters } from '../domain/settings';
import {
	computeStatsSteps,
	inTimeOrder,
	type StatsInput,
	type StatsReport
} from '../domain/stats/compute';
import {
	canFold,
	digestLogSummary,
	foldSteps,
	fromStoredLogSummarySteps,
	summaryColumns,
	type LogSummary
} from '../domain/stats/log-summary';
import { Live } from './live.svelte';
import { inSlices, runInSlices, yieldToMain } from './slices';
import { settings } from './settings.svelte';
import { wakeAt } from './wake';

/** Ratings summed up since the stored summary before this page stores it again (see below). */
const SAVE_AFTER_ROWS = 500;

/**
 * The numbers of the stats page, recomputed whenever the stored cards, reviews or quizzes change (in
 * this tab or another), the day start hour does, or a new study day starts while the page is open.
 * Create it in a component: it follows the component's life.
 */
export class StatsState {
	#read: Live<StatsInput>;
	#deck: () => CardDeck;
	#parametersKey = $derived(JSON.stringify(schedulerParameters(settings.value) ?? null));
	/** The time the numbers are computed for: read when the page opens and again at each day start. */
	now = $state<number | undefined>(undefined);
	/** The figures, once computed from the first read; until new ones are ready, the last ones. */
	report = $state.raw<StatsReport | undefined>(undefined);
	#computeError = $state<Error | undefined>(undefined);

	/** `deck` gives the cards the learner can have (buildDeck), read again when its inputs change. */
	constructor(db: CstoDb, deck: () => CardDeck, clock: () => number = Date.now) {
		// The log summed up to the last read (see log-summary.ts). Reads run one after another, each
		// adding the ratings made since the one before, a slice at a time; the figures get a copy.
		let summary: LogSummary | undefined;
		// The log rows the stored summary covers, as far as this page knows.
		let storedRows = 0;
		const read = async (): Promise<StatsInput> => {
			try {
				return await readAndSumUp();
			} catch (error) {
				// A summary that failed halfway may hold ratings it does not say it holds: drop it.
				summary = undefined;
				throw error;
			}
		};
		const readAndSumUp = async (): Promise<StatsInput> => {
			const parameters = schedulerParameters(settings.value);
			let loaded = await loadStats(db, clock(), parameters, summary);
			// Each stage in its own task: the read's, putting a stored summary back into Maps, adding
			// the new ratings, and copying the summary for the figures.
			await yieldToMain();
			if (!('perQuarter' in loaded.summary)) storedRows = loaded.summary.rowCount;
			let base =
				'perQuarter' in loaded.summary
					? loaded.summary
					: await inSlices(fromStoredLogSummarySteps(loaded.summary));
			if (!loaded.isWholeLog && !canFold(base, loaded.added)) {
				loaded = await loadStats(db, clock(), parameters, undefined, true);
				base = loaded.summary as LogSummary;
			}
			const { added, isWholeLog } = loaded;
			await inSlices(foldSteps(base, isWholeLog ? inTimeOrder(added) : added));
			base.lastReviewId = loaded.lastReviewId;
			base.rowCount = loaded.rowCount;
			// The stored copy and the figures' copy share one set of columns.
			const columns = summaryColumns(base);
			// Kept for the next visit, once it has summed up enough ratings that reading them again
			// would cost more than storing it (the store takes the log's write lock: a tab open on
			// Stats beside a review session should not take it after every rating). A summary that
			// cannot be stored is only made again then.
			if (isWholeLog || base.rowCount - storedRows >= SAVE_AFTER_ROWS) {
				const rows = base.rowCount;
				void saveLogSummary(db, base, columns).then(
					(isSaved) => isSaved && (storedRows = rows),
					() => false
				);
			}
			summary = base;
			const log = digestLogSummary(base, columns);
			await yieldToMain();
			return { cards: loaded.cards, quizAttempts: loaded.quizAttempts, log };
		};
		let queue: Promise<unknown> = Promise.resolve();
		this.#read = new Live(
			() => {
				const next = queue.then(read, read);
				queue = next.catch(() => undefined);
				return next;
			},
			{
				// The summary is replayed with the learner's FSRS parameters, once they are loaded, and
				// made again when they change.
				prepare: () => settings.whenLoaded(),
				key: () => this.#parametersKey,
				watch: () => watchStats(db)
			}
		);
		this.#deck = deck;
		// The clock is read in an effect, never while rendering (the page is rendered on the server too).
		$effect(() => {
			this.now = clock();
		});
		$effect(() => {
			if (this.now === undefined) return;
			const dayEnd = nextStudyDayStart(this.now, settings.value.dayStartHour);
			return wakeAt(dayEnd, () => (this.now = clock()), clock);
		});
		// The figures are computed a slice at a time (a few ms each: computing them over 100,000
		// ratings took one task of 300 ms or more), and each new read or day starts them again. Until
		// the new ones are ready, the page keeps showing the last ones.
		$effect(() => {
			const input = this.#read.current;
			if (!input || this.now === undefined) return;
			const steps = computeStatsSteps(input, this.now, settings.value.dayStartHour, this.#deck());
			return runInSlices(
				steps,
				(report) => {
					this.report = report;
					this.#computeError = undefined;
				},
				(error) => (this.#computeError = error instanceof Error ? error : new Error(String(error)))
			);
		});
	}

	get isLoading(): boolean {
		return this.#read.isLoading;
	}

	get error(): Error | undefined {
		return this.#read.error ?? this.#computeError;
	}
}
