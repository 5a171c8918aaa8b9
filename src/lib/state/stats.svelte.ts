import type { CstoDb } from '../data/db';
import { loadStatsInput } from '../data/stats';
import type { CardDeck } from '../domain/scheduling/face';
import { nextStudyDayStart } from '../domain/day';
import { schedulerParameters } from '../domain/settings';
import { computeStats, type StatsReport } from '../domain/stats/compute';
import { Live } from './live.svelte';
import { settings } from './settings.svelte';
import { wakeAt } from './wake';

/**
 * The numbers of the stats page, recomputed whenever the stored cards, reviews or quizzes change (in
 * this tab or another), the day start hour does, or a new study day starts while the page is open.
 * Create it in a component: it follows the component's life.
 */
export class StatsState {
	#input: Live<Awaited<ReturnType<typeof loadStatsInput>>>;
	#deck: () => CardDeck;
	/** The time the numbers are computed for: read when the page opens and again at each day start. */
	now = $state<number | undefined>(undefined);

	/** `deck` gives the cards the learner can have (buildDeck), read again when its inputs change. */
	constructor(db: CstoDb, deck: () => CardDeck, clock: () => number = Date.now) {
		this.#input = new Live(() => loadStatsInput(db, clock()));
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
	}

	report: StatsReport | undefined = $derived.by(() => {
		const input = this.#input.current;
		if (!input || this.now === undefined) return undefined;
		return computeStats(
			input,
			this.now,
			settings.value.dayStartHour,
			this.#deck(),
			schedulerParameters(settings.value)
		);
	});

	get isLoading(): boolean {
		return this.#input.isLoading;
	}

	get error(): Error | undefined {
		return this.#input.error;
	}
}
