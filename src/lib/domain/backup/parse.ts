import * as v from 'valibot';
import { BackupError } from '../errors';
import { recomputeStoredDueBefore } from '../scheduling/due-before';
import { checkSetting, isSettingKey } from '../settings';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_VERSION,
	MAX_BACKUP_BYTES,
	ROW_SCHEMAS,
	isIsoTime,
	type Backup,
	type BackupTable,
	type BackupTables
} from './schema';

const CHOOSE = 'Choose a file that “Export backup” saved.';

/**
 * Refuses a file over 50 MB before it is read.
 * @example checkBackupSize(60 * 1024 * 1024) // throws: the file is 60.0 MB; a backup can be at most 50 MB
 */
export function checkBackupSize(bytes: number): void {
	if (bytes > MAX_BACKUP_BYTES) {
		const mb = (bytes / 1024 / 1024).toFixed(1);
		throw new BackupError(`The file is ${mb} MB; a backup can be at most 50 MB. ${CHOOSE}`);
	}
}

/**
 * True when `text` is the start of a JSON document that stops before its end: an object, list or
 * text value is still open.
 */
export function isTruncatedJson(text: string): boolean {
	let depth = 0;
	let inString = false;
	let started = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // a backslash escapes the next character
			else if (c === 34) inString = false;
		} else if (c === 34) {
			inString = true;
		} else if (c === 123 || c === 91) {
			depth++;
			started = true;
		} else if (c === 125 || c === 93) {
			depth--;
			if (depth < 0) return false;
		}
	}
	return started && (depth > 0 || inString);
}

/** Parses the file's text as JSON, or refuses it as empty, cut short, or not JSON at all. */
export function parseBackupJson(text: string): unknown {
	if (text.trim() === '') throw new BackupError(`The file is empty. ${CHOOSE}`);
	try {
		return JSON.parse(text);
	} catch (error) {
		const start = text.trimStart()[0];
		if ((start === '{' || start === '[') && isTruncatedJson(text)) {
			throw new BackupError(
				'The file is cut short (truncated): it ends before the backup is complete. It may not ' +
					'have finished downloading or copying; use a complete copy or export the backup again.',
				{ cause: error }
			);
		}
		throw new BackupError(`The file is not JSON, so it is not a CSTO Study backup. ${CHOOSE}`, {
			cause: error
		});
	}
}

/** The header of a backup, with its tables not yet checked. */
export interface BackupEnvelope {
	/** The backup format version the file was written in (this one or an earlier one). */
	version: number;
	appVersion: string;
	exportedAt: number;
	rows: Record<BackupTable, unknown[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks what the file says it is (format, version, app version, export time) and that each table is a
 * list; the rows themselves are checked by `checkBackupRows`.
 */
export function checkBackupEnvelope(value: unknown): BackupEnvelope {
	if (!isRecord(value) || !('format' in value)) {
		throw new BackupError(
			`This JSON file is not a CSTO Study backup: it does not say "format": "${BACKUP_FORMAT}". ${CHOOSE}`
		);
	}
	if (value.format !== BACKUP_FORMAT) {
		throw new BackupError(
			`This file is of another format (${JSON.stringify(value.format).slice(0, 60)}), not a CSTO Study backup. ${CHOOSE}`
		);
	}
	const version = value.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		throw new BackupError(
			`The backup's version must be a whole number such as ${BACKUP_VERSION} (found ${JSON.stringify(version) ?? 'nothing'}).`
		);
	}
	if (version > BACKUP_VERSION) {
		throw new BackupError(
			`This backup was made by a newer version of CSTO Study (backup format ${version}; this app reads ` +
				`format ${BACKUP_VERSION}). Reload the app while online to update it, then import again.`
		);
	}
	if (typeof value.appVersion !== 'string') {
		throw new BackupError('The backup is damaged: appVersion must be text.');
	}
	if (typeof value.exportedAt !== 'string' || !isIsoTime(value.exportedAt)) {
		throw new BackupError(
			`The backup is damaged: exportedAt is not a date that can be read (found ${JSON.stringify(value.exportedAt) ?? 'nothing'}).`
		);
	}
	const rows = {} as Record<BackupTable, unknown[]>;
	for (const table of BACKUP_TABLES) {
		const list = value[table];
		if (!Array.isArray(list)) {
			throw new BackupError(
				`The backup is damaged: ${table} ${list === undefined ? 'is missing' : 'must be a list'}.`
			);
		}
		rows[table] = list;
	}
	return {
		version,
		appVersion: value.appVersion,
		exportedAt: Date.parse(value.exportedAt),
		rows
	};
}

function describeIssue(table: string, index: number, issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? []).map((step) => `.${String(step.key)}`).join('');
	const what = issue.input === undefined && path ? 'is missing' : issue.message;
	return `The backup is damaged: ${table}[${index}]${path} ${what}.`;
}

/**
 * Checks rows `start` to `end` of one table and appends them, as stored rows, to `out`; refuses the
 * first bad row with a message naming table, row and field (`reviews[12].rating must be 1, 2, 3 or 4`).
 */
export function checkBackupRows<T extends BackupTable>(
	table: T,
	rows: readonly unknown[],
	start: number,
	end: number,
	out: BackupTables[T][number][]
): void {
	const schema = ROW_SCHEMAS[table];
	for (let i = start; i < end && i < rows.length; i++) {
		const result = v.safeParse(schema, rows[i]);
		if (!result.success) throw new BackupError(describeIssue(table, i, result.issues[0]));
		out.push(result.output as BackupTables[T][number]);
	}
}

function findRepeat<T>(rows: readonly T[], keyOf: (row: T) => unknown): number {
	const seen = new Set<unknown>();
	for (let i = 0; i < rows.length; i++) {
		const key = keyOf(rows[i]!);
		if (seen.has(key)) return i;
		seen.add(key);
	}
	return -1;
}

/**
 * Checks what spans rows: no id repeats within a table, and each known setting holds a value the app
 * allows (unknown settings are kept, as the app ignores them).
 */
export function checkBackupConsistency(tables: BackupTables): void {
	const repeats: [BackupTable, number, string][] = [
		['cards', findRepeat(tables.cards, (r) => r.id), 'id'],
		['reviews', findRepeat(tables.reviews, (r) => r.id), 'id'],
		['quizAttempts', findRepeat(tables.quizAttempts, (r) => r.id), 'id'],
		['settings', findRepeat(tables.settings, (r) => r.key), 'key']
	];
	for (const [table, index, field] of repeats) {
		if (index >= 0) {
			throw new BackupError(
				`The backup is damaged: ${table}[${index}].${field} repeats an earlier row's ${field}.`
			);
		}
	}
	tables.settings.forEach((row, i) => {
		if (!isSettingKey(row.key)) return;
		const checked = checkSetting(row.key, row.value);
		if (!checked.ok) {
			throw new BackupError(
				`The backup is damaged: settings[${i}] (${row.key}): ${checked.message}`
			);
		}
	});
}

/**
 * Brings the checked rows of an older backup format up to this one, in place. Format 1 logged each
 * card's previous review time as a review's `dueBefore`: it is recomputed from the card's log in the
 * backup where that log reproduces the card, and marked unknown (null) where it does not, as the
 * database's own upgrade does.
 */
export function upgradeBackupTables(version: number, tables: BackupTables): void {
	if (version >= 2) return;
	const dueBefore = recomputeStoredDueBefore(tables);
	for (const review of tables.reviews) review.dueBefore = dueBefore.get(review.id) ?? null;
}

/**
 * Validates a whole backup file's text at once and returns its rows as the app stores them; refuses it
 * with a BackupError that names the problem. (The data layer does the same in chunks.)
 */
export function parseBackup(text: string): Backup {
	checkBackupSize(text.length);
	const envelope = checkBackupEnvelope(parseBackupJson(text));
	const tables: BackupTables = { cards: [], reviews: [], quizAttempts: [], settings: [] };
	for (const table of BACKUP_TABLES) {
		const rows = envelope.rows[table];
		checkBackupRows(table, rows, 0, rows.length, tables[table]);
	}
	checkBackupConsistency(tables);
	upgradeBackupTables(envelope.version, tables);
	return { appVersion: envelope.appVersion, exportedAt: envelope.exportedAt, ...tables };
}
