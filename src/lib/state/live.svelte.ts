/** How a Live starts and what it watches. */
export interface LiveOptions<T = unknown> {
	/** Runs once before the first query: for example, imports the modules the query needs. */
	prepare?: () => Promise<unknown>;
	/** Runes state the query depends on: the query starts again when it changes. */
	key?: () => unknown;
	/**
	 * A cheap query (counts over the ranges the real query reads) that Dexie watches instead of the
	 * real query; the real query then runs unwatched each time this one reports a change.
	 */
	watch?: () => unknown;
	/**
	 * Stops watching once a result passes it (the result stays in `current`): for a question whose
	 * answer cannot change back in a way the page cares about, so that later writes do not ask it again.
	 */
	until?: (value: T) => boolean;
}

/**
 * The one bridge from Dexie to runes: runs `query` whenever the data it read changes (in this tab or
 * another) and exposes the latest result as `current`. Create it in a component or inside an
 * `$effect.root`; it unsubscribes when that owner is destroyed.
 *
 * Dexie itself is imported when the first query starts, after `prepare`: that keeps Dexie and the
 * data layer out of the page's first script, so the prerendered page hydrates and answers input
 * before the database work begins. `query` may call no asynchronous API but Dexie's (liveQuery's
 * rule), hence the separate step.
 *
 * Dexie watches every row a live query returns, key by key: for thousands of rows that costs more
 * than reading them. A large read gives a `watch` query instead (see LiveOptions).
 */
export class Live<T> {
	/** The latest result, as read: replaced whole on each change, never made deeply reactive. */
	current = $state.raw<T | undefined>(undefined);
	isLoading = $state(true);
	error = $state<Error | undefined>(undefined);

	constructor(query: () => T | Promise<T>, { prepare, key, watch, until }: LiveOptions<T> = {}) {
		$effect(() => {
			key?.();
			let isActive = true;
			let subscription: { unsubscribe(): void } | undefined;
			let runs = 0;
			let isDone = false;
			// Set once the data layer is loaded: says a closed database means a newer app version.
			let explain = (error: unknown) => error;
			const fail = (caught: unknown) => {
				if (!isActive) return;
				const error = explain(caught);
				this.error = error instanceof Error ? error : new Error(String(error));
				this.isLoading = false;
			};
			const show = (value: T) => {
				if (!isActive) return;
				this.current = value;
				this.isLoading = false;
				this.error = undefined;
				if (until?.(value)) {
					isDone = true;
					subscription?.unsubscribe();
				}
			};
			Promise.all([import('dexie'), import('../data/app-db'), prepare?.()]).then(
				([{ liveQuery }, { explainDbError }]) => {
					explain = explainDbError;
					if (!isActive) return;
					// Async wrappers: a query that throws at once (getDb() after a newer version took the
					// database) fails like one that rejects, shown in `error`, never thrown out of Dexie.
					if (!watch) {
						subscription = liveQuery(async () => query()).subscribe({ next: show, error: fail });
						if (isDone) subscription.unsubscribe();
						return;
					}
					// Dexie reports outside its watching context, so this query is not watched. A report
					// that comes while the query runs makes the older result stale: only the last shows.
					subscription = liveQuery(async () => watch()).subscribe({
						next: () => {
							const run = ++runs;
							new Promise<T>((resolve) => resolve(query())).then(
								(value) => run === runs && show(value),
								fail
							);
						},
						error: fail
					});
					if (isDone) subscription.unsubscribe();
				},
				fail
			);
			return () => {
				isActive = false;
				subscription?.unsubscribe();
			};
		});
	}
}

/**
 * A Live whose query comes from a module imported on first use (`load`), so that neither that
 * module nor Dexie is part of the page's first script; `watch` (see LiveOptions) gets it too.
 * @example const counts = liveFrom(() => import('$lib/state/home'), (home) => home.readHomeCounts(options));
 */
export function liveFrom<M, T>(
	load: () => Promise<M>,
	query: (module: M) => T | Promise<T>,
	{ watch, until }: { watch?: (module: M) => unknown; until?: (value: T) => boolean } = {}
): Live<T> {
	let module: M | undefined;
	return new Live(() => query(module!), {
		prepare: async () => {
			module = await load();
		},
		watch: watch && (() => watch(module!)),
		until
	});
}
