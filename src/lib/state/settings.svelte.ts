import { getDb } from '../data/app-db';
import { loadSettings, saveSetting } from '../data/settings';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../domain/settings';

/** The learner's settings, loaded once from IndexedDB and saved one key at a time. */
class SettingsState {
	value = $state<Settings>({ ...DEFAULT_SETTINGS, topics: [...DEFAULT_SETTINGS.topics] });
	isLoaded = $state(false);

	async load(): Promise<void> {
		this.value = await loadSettings(getDb());
		this.isLoaded = true;
	}

	/** Validates and saves one setting; throws SettingsError (old value kept) when it is refused. */
	async set<K extends SettingKey>(key: K, value: unknown): Promise<void> {
		const saved = await saveSetting(getDb(), key, value);
		this.value = { ...this.value, [key]: saved };
	}
}

export const settings = new SettingsState();
