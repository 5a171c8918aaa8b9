import * as v from 'valibot';
import { BackupError } from '../errors';
import { recomputeStoredDueBefore } from '../scheduling/due-before';
import type { QuarantineEntry } from '../integrity/repair';
import { ROW_VALIDATORS } from '../integrity/rows';
import { JsonObjectScanner, JsonScanError, MAX_VALUE_CHARS } from './scan';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_VERSION,
	BackupQuarantineSchema,
	QUARANTINE_LIST,
	ROW_SCHEMAS,
	isIsoTime,
	type Backup,
	type BackupTable,
	type BackupTables
} from './schema';

const CHOOSE = 'Choose a file that “Export backup” saved.';
const NOT_JSON = `The file is not JSON, so it is not a CSTO Study backup. ${CHOOSE}`;
const CUT_SHORT =
	'The file is cut short (truncated): it ends before the backup is complete. It may not ' +
	'have finished downloading or copying; use a complete copy or export the backup again.';

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
			throw new BackupError(CUT_SHORT, { cause: error });
		}
		throw new BackupError(NOT_JSON, { cause: error });
	}
}

/** The header of a backup, with its tables (and its quarantine list) not yet checked. */
export interface BackupEnvelope {
	/** The backup format version the file was written in (this one or an earlier one). */
	version: number;
	appVersion: string;
	exportedAt: number;
	rows: Record<BackupTable, unknown[]>;
	quarantine: unknown[];
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
	const quarantine = value[QUARANTINE_LIST] ?? [];
	if (!Array.isArray(quarantine)) {
		throw new BackupError(`The backup is damaged: ${QUARANTINE_LIST} must be a list.`);
	}
	return {
		version,
		appVersion: value.appVersion,
		exportedAt: Date.parse(value.exportedAt),
		rows,
		quarantine
	};
}

/**
 * Reads a backup file's text in pieces (`push`), never holding all of it: rows are parsed one by
 * one as they arrive. `finish` then checks what the file says it is and returns its header and
 * rows, not yet checked; or refuses the file (empty, not JSON, cut short, another format …).
 */
export class BackupTextReader {
	#scanner = new JsonObjectScanner([...BACKUP_TABLES, QUARANTINE_LIST]);

	push(text: string): void {
		try {
			this.#scanner.push(text);
		} catch (error) {
			throw toBackupError(error);
		}
	}

	finish(): BackupEnvelope {
		const other = this.#scanner.otherText;
		if (other !== undefined) {
			// Not an object: say what it is (not JSON, cut short, or JSON of another kind).
			return checkBackupEnvelope(parseBackupJson(other));
		}
		if (!this.#scanner.hasContent) throw new BackupError(`The file is empty. ${CHOOSE}`);
		try {
			return checkBackupEnvelope(this.#scanner.end().members);
		} catch (error) {
			throw toBackupError(error);
		}
	}
}

function toBackupError(error: unknown): unknown {
	if (!(error instanceof JsonScanError)) return error;
	if (error.kind === 'truncated') return new BackupError(CUT_SHORT, { cause: error });
	if (error.kind === 'syntax') return new BackupError(NOT_JSON, { cause: error });
	const mb = Math.round(MAX_VALUE_CHARS / 1024 / 1024);
	return new BackupError(
		`The file holds a row larger than ${mb} MB, which no backup of this app has. ${CHOOSE}`,
		{ cause: error }
	);
}

function describeIssue(table: string, index: number, issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? []).map((step) => `.${String(step.key)}`).join('');
	const what = issue.input === undefined && path ? 'is missing' : issue.message;
	return `The backup is damaged: ${table}[${index}]${path} ${what}.`;
}

/**
 * Checks rows `start` to `end` of one table and appends them, as stored rows, to `out`; refuses the
 * first bad row with a message naming table, row and field (`reviews[12].rating must be 1, 2, 3 or 4`).
 * Each row must have the file's shape and pass the validator every stored row passes, at `now`.
 */
export function checkBackupRows<T extends BackupTable>(
	table: T,
	rows: readonly unknown[],
	start: number,
	end: number,
	out: BackupTables[T][number][],
	now: number
): void {
	const schema = ROW_SCHEMAS[table];
	const validate = ROW_VALIDATORS[table];
	for (let i = start; i < end && i < rows.length; i++) {
		const result = v.safeParse(schema, rows[i]);
		if (!result.success) throw new BackupError(describeIssue(table, i, result.issues[0]));
		const problem = validate(result.output, now);
		if (problem) {
			const where =
				table === 'settings'
					? `settings[${i}] (${(result.output as { key: string }).key}): `
					: `${table}[${i}]${problem.field ? `.${problem.field}` : ''} `;
			throw new BackupError(
				`The backup is damaged: ${where}${problem.message.replace(/\.$/, '')}.`
			);
		}
		out.push(result.output as BackupTables[T][number]);
	}
}

/** Checks a backup's quarantine list: damaged originals, kept as they are (any row at all). */
export function checkQuarantineRows(rows: readonly unknown[]): QuarantineEntry[] {
	return rows.map((row, i) => {
		const result = v.safeParse(BackupQuarantineSchema, row);
		if (!result.success) {
			throw new BackupError(describeIssue(QUARANTINE_LIST, i, result.issues[0]));
		}
		return result.output;
	});
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

/** Checks what spans rows: no id repeats within a table. */
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
 * with a BackupError that names the problem. (The data layer does the same reading the file in
 * pieces.) `now` is the time a card's last review may not be after.
 */
export function parseBackup(text: string, now: number): Backup {
	const reader = new BackupTextReader();
	reader.push(text);
	const envelope = reader.finish();
	const tables: BackupTables = { cards: [], reviews: [], quizAttempts: [], settings: [] };
	for (const table of BACKUP_TABLES) {
		const rows = envelope.rows[table];
		checkBackupRows(table, rows, 0, rows.length, tables[table], now);
	}
	checkBackupConsistency(tables);
	upgradeBackupTables(envelope.version, tables);
	return {
		appVersion: envelope.appVersion,
		exportedAt: envelope.exportedAt,
		...tables,
		quarantine: checkQuarantineRows(envelope.quarantine)
	};
}
