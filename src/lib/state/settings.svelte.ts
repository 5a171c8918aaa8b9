import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../domain/settings';

/** The database and the settings table's module, imported on first use (not in the first script). */
async function dataModules() {
	const [{ getDb }, { loadSettings, saveSetting }] = await Promise.all([
		import('../data/app-db'),
		import('../data/settings')
	]);
	return { db: getDb(), loadSettings, saveSetting };
}

/** The learner's settings, loaded once from IndexedDB and saved one key at a time. */
class SettingsState {
	value = $state<Settings>({ ...DEFAULT_SETTINGS, topics: [...DEFAULT_SETTINGS.topics] });
	isLoaded = $state(false);
	#loading: Promise<void> | undefined;

	load(): Promise<void> {
		this.#loading = (async () => {
			const { db, loadSettings } = await dataModules();
			this.value = await loadSettings(db);
			this.isLoaded = true;
		})();
		return this.#loading;
	}

	/** The load under way or done, started now when none has: the app's first read of the database. */
	loadOnce(): Promise<void> {
		return this.#loading ?? this.load();
	}

	/** Settles once the current load has (the defaults stay when it failed); at once when none ran. */
	whenLoaded(): Promise<void> {
		return (this.#loading ?? Promise.resolve()).catch(() => undefined);
	}

	/** Validates and saves one setting; throws SettingsError (old value kept) when it is refused. */
	async set<K extends SettingKey>(key: K, value: unknown): Promise<void> {
		const { db, saveSetting } = await dataModules();
		const saved = await saveSetting(db, key, value);
		this.value = { ...this.value, [key]: saved };
	}
}

export const settings = new SettingsState();
