import type { CstoDb } from '../data/db';
import { loadLogSummary, loadRecentStats, watchLogBefore, watchRecentStats } from '../data/stats';
import { computeStats, type StatsReport } from '../domain/stats/compute';
import { mergeLogSummaries } from '../domain/stats/log';
import { Live } from './live.svelte';
import { settings } from './settings.svelte';

/**
 * The numbers of the stats page, recomputed whenever the stored cards, reviews or quizzes change (in
 * this tab or another) or the day start hour does. Create it in a component: it follows the
 * component's life.
 *
 * The charts need the log's last year; the streak and the number of ratings come from the
 * database without reading the rows. The log is read in two parts. The ratings of the last year
 * made before the page opened are summed up once, page by page (50,000 of them take ten short
 * reads); a count over that time range is what Dexie watches for them, so a rating made now, here
 * or in another tab, does not read them again. Only the ratings made since, the cards and the
 * quizzes are read again on a change. Each part is summed up as it is read, and the report is
 * computed from the two summaries, never from the rows.
 */
export class StatsState {
	#older: Live<Awaited<ReturnType<typeof loadLogSummary>>>;
	#recent: Live<Awaited<ReturnType<typeof loadRecentStats>>>;
	#topicCounts: () => ReadonlyMap<string, number>;
	/** The time the numbers are computed for; `refresh()` moves it to now. */
	now = $state(Date.now());

	constructor(db: CstoDb, topicCounts: () => ReadonlyMap<string, number>) {
		const split = this.now;
		// A little more than the charts' year, whatever the day start hour and the clock changes.
		const from = split - 367 * 86_400_000;
		// Both parts are summed up by study day: read again when the day start hour changes.
		const options = {
			prepare: () => settings.whenLoaded(),
			key: () => settings.value.dayStartHour
		};
		this.#older = new Live(
			() => loadLogSummary(db, { from, before: split }, settings.value.dayStartHour),
			{ ...options, watch: () => watchLogBefore(db, from, split) }
		);
		this.#recent = new Live(
			() => loadRecentStats(db, split, Date.now(), settings.value.dayStartHour),
			{ ...options, watch: () => watchRecentStats(db) }
		);
		this.#topicCounts = topicCounts;
	}

	report: StatsReport | undefined = $derived.by(() => {
		const older = this.#older.current;
		const recent = this.#recent.current;
		if (!older || !recent) return undefined;
		return computeStats(
			{
				cards: recent.cards,
				log: mergeLogSummaries(older, recent.log),
				reviewCount: recent.reviewCount,
				streak: recent.streak,
				quizAttempts: recent.quizAttempts
			},
			this.now,
			settings.value.dayStartHour,
			this.#topicCounts()
		);
	});

	get isLoading(): boolean {
		return this.#older.isLoading || this.#recent.isLoading;
	}

	get error(): Error | undefined {
		return this.#older.error ?? this.#recent.error;
	}

	refresh(): void {
		this.now = Date.now();
	}
}
