import type { IdRenames } from '../bank/renames';
import { renameProgress } from '../scheduling/rename';
import { DEFAULT_SETTINGS, checkSetting } from '../settings';
import type { BackupTables } from './schema';

/**
 * A backup's tables with the progress of merged questions moved to their new ids, as the database
 * upgrade moved it on this device: a backup made before a merge then imports like one made after.
 * Where the backup holds cards under both ids, they become one card replayed from their joined log,
 * with the desired retention the backup carries; every log row is kept.
 */
export function renameBackupIds(tables: BackupTables, renames: IdRenames): BackupTables {
	const stored = tables.settings.find((row) => row.key === 'desiredRetention');
	const checked = checkSetting('desiredRetention', stored?.value);
	const moved = renameProgress({ cards: tables.cards, reviews: tables.reviews }, renames, {
		desiredRetention: checked.ok ? checked.value : DEFAULT_SETTINGS.desiredRetention,
		enableFuzz: true
	});
	return { ...tables, cards: moved.cards, reviews: moved.reviews };
}
