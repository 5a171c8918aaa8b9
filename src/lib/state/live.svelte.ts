import { liveQuery } from 'dexie';
import { explainDbError } from '../data/app-db';

/**
 * The one bridge from Dexie to runes: runs `query` whenever the data it read changes (in this tab or
 * another) and exposes the latest result as `current`. Create it in a component or inside an
 * `$effect.root`; it unsubscribes when that owner is destroyed.
 */
export class Live<T> {
	current = $state<T | undefined>(undefined);
	isLoading = $state(true);
	error = $state<Error | undefined>(undefined);

	constructor(query: () => T | Promise<T>) {
		$effect(() => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.current = value;
					this.isLoading = false;
					this.error = undefined;
				},
				error: (caught: unknown) => {
					const error = explainDbError(caught);
					this.error = error instanceof Error ? error : new Error(String(error));
					this.isLoading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}
}
