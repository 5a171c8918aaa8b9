import { SettingsError } from '../domain/errors';
import { checkSetting, settingsFromRows, type SettingKey, type Settings } from '../domain/settings';
import type { CstoDb } from './db';

/** Reads every setting; missing or invalid stored values give the default. */
export async function loadSettings(db: CstoDb): Promise<Settings> {
	return settingsFromRows(await db.settings.toArray());
}

/**
 * Validates and stores one setting. An invalid value is refused with a SettingsError that says what
 * is allowed, and the stored value stays as it was.
 */
export async function saveSetting<K extends SettingKey>(
	db: CstoDb,
	key: K,
	value: unknown
): Promise<Settings[K]> {
	const checked = checkSetting(key, value);
	if (!checked.ok) throw new SettingsError(checked.message);
	await db.settings.put({ key, value: checked.value });
	return checked.value;
}
