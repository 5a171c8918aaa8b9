import type { CstoDb } from '../data/db';
import { loadStatsInput } from '../data/stats';
import { computeStats, type StatsReport } from '../domain/stats/compute';
import { Live } from './live.svelte';
import { settings } from './settings.svelte';

/**
 * The numbers of the stats page, recomputed whenever the stored cards, reviews or quizzes change (in
 * this tab or another) or the day start hour does. Create it in a component: it follows the
 * component's life.
 */
export class StatsState {
	#input: Live<Awaited<ReturnType<typeof loadStatsInput>>>;
	#topicCounts: () => ReadonlyMap<string, number>;
	/** The time the numbers are computed for; `refresh()` moves it to now. */
	now = $state(Date.now());

	constructor(db: CstoDb, topicCounts: () => ReadonlyMap<string, number>) {
		this.#input = new Live(() => loadStatsInput(db, Date.now()));
		this.#topicCounts = topicCounts;
	}

	report: StatsReport | undefined = $derived.by(() => {
		const input = this.#input.current;
		if (!input) return undefined;
		return computeStats(input, this.now, settings.value.dayStartHour, this.#topicCounts());
	});

	get isLoading(): boolean {
		return this.#input.isLoading;
	}

	get error(): Error | undefined {
		return this.#input.error;
	}

	refresh(): void {
		this.now = Date.now();
	}
}
