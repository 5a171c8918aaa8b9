import type { CstoDb } from '../data/db';
import { loadStats, watchStats, type StatsRead } from '../data/stats';
import type { CardDeck } from '../domain/scheduling/face';
import { nextStudyDayStart } from '../domain/day';
import { schedulerParameters } from '../domain/settings';
import { computeStatsSteps, type StatsReport } from '../domain/stats/compute';
import { Live } from './live.svelte';
import { runInSlices } from './slices';
import { settings } from './settings.svelte';
import { wakeAt } from './wake';

/**
 * The numbers of the stats page, recomputed whenever the stored cards, reviews or quizzes change (in
 * this tab or another), the day start hour does, or a new study day starts while the page is open.
 * Create it in a component: it follows the component's life.
 */
export class StatsState {
	#read: Live<StatsRead>;
	#deck: () => CardDeck;
	/** The time the numbers are computed for: read when the page opens and again at each day start. */
	now = $state<number | undefined>(undefined);
	/** The figures, once computed from the first read; until new ones are ready, the last ones. */
	report = $state.raw<StatsReport | undefined>(undefined);
	#computeError = $state<Error | undefined>(undefined);

	/** `deck` gives the cards the learner can have (buildDeck), read again when its inputs change. */
	constructor(db: CstoDb, deck: () => CardDeck, clock: () => number = Date.now) {
		// Each read after the first adds only the ratings made since the one before (see loadStats).
		let last: StatsRead | undefined;
		this.#read = new Live(async () => (last = await loadStats(db, clock(), last)), {
			watch: () => watchStats(db)
		});
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
			const input = this.#read.current?.input;
			if (!input || this.now === undefined) return;
			const steps = computeStatsSteps(
				input,
				this.now,
				settings.value.dayStartHour,
				this.#deck(),
				schedulerParameters(settings.value)
			);
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
