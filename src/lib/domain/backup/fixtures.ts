// Small, fixed rows for the backup tests, and a reader of the Anki export as Anki reads it.
import { parse } from 'csv-parse/sync';
// Small, fixed rows for the backup tests.
import { quizRecord } from '../integrity/fixtures';
import { scoreQuizRecord } from '../integrity/quiz-record';
import type { QuarantineEntry } from '../integrity/repair';
import {
	BACKUP_TABLES,
	QUARANTINE_LIST,
	type BackupCard,
	type BackupQuizAttempt,
	type BackupReview,
	type BackupTables
} from './schema';
import { BackupJsonWriter } from './write';

const T = Date.UTC(2026, 10, 20, 9, 30);
const DAY = 86_400_000;

/** A reviewed card, with any field overridden. */
export function backupCard(overrides: Partial<BackupCard> = {}): BackupCard {
	return {
		id: 'members/current-six',
		itemId: 'members/current-six',
		topic: 'members',
		due: T + 3 * DAY,
		stability: 3.1734,
		difficulty: 5.27,
		elapsedDays: 0,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2,
		lastReview: T,
		suspended: 0,
		leech: 0,
		buriedUntil: 0,
		...overrides
	};
}

/** A review of a card, with any field overridden. */
export function backupReview(overrides: Partial<BackupReview> = {}): BackupReview {
	return {
		id: 1,
		cardId: 'members/current-six',
		rating: 3,
		stateBefore: 0,
		dueBefore: T - DAY,
		stability: 3.1734,
		difficulty: 5.27,
		elapsedDays: 0,
		scheduledDays: 3,
		reviewedAt: T,
		durationMs: 4200,
		source: 'review',
		...overrides
	};
}

/** A finished quiz (four of eight questions answered, its score its record's), with any field overridden. */
export function backupQuiz(overrides: Partial<BackupQuizAttempt> = {}): BackupQuizAttempt {
	const record = quizRecord(4);
	return {
		id: 1,
		status: 'finished',
		startedAt: T - 600_000,
		finishedAt: T - 60_000,
		...scoreQuizRecord(record),
		data: record,
		...overrides
	};
}

/** A few rows of every table, including a card for an item no longer in any bank. */
export function sampleTables(): BackupTables {
	return {
		cards: [
			backupCard(),
			backupCard({
				id: 'armenia/freeze:reverse',
				itemId: 'armenia/freeze',
				topic: 'armenia',
				state: 1,
				lastReview: T + DAY,
				buriedUntil: T + 2 * DAY
			}),
			backupCard({ id: 'removed/old-item', itemId: 'removed/old-item', topic: 'removed' }),
			backupCard({ id: 'history/new', itemId: 'history/new', state: 0, lastReview: null, reps: 0 })
		],
		reviews: [
			backupReview(),
			backupReview({ id: 2, cardId: 'armenia/freeze:reverse', rating: 1, reviewedAt: T + DAY }),
			backupReview({ id: 5, cardId: 'removed/old-item', source: 'quiz', reviewedAt: T - DAY })
		],
		quizAttempts: [
			backupQuiz(),
			backupQuiz({
				id: 2,
				status: 'active',
				startedAt: T + DAY,
				finishedAt: 0,
				score: 0,
				data: quizRecord(0, 'fixture2')
			})
		],
		settings: [
			{ key: 'theme', value: 'dark' },
			{ key: 'newPerDay', value: 15 }
		]
	};
}

/** The sample as the text of a backup file, exported at `exportedAt`. */
export const SAMPLE_EXPORTED_AT = T + 2 * DAY;

/** An Anki text file as Anki's importer sees it: its `#key:value` header lines, then its records. */
export interface AnkiFile {
	header: Map<string, string>;
	records: string[][];
}

/**
 * Reads an Anki text export back the way Anki's File › Import does (rslib/src/import_export/text/csv):
 * the `#key:value` lines at the top are settings; the rest goes through a real CSV parser configured
 * like Anki's reader: tab separator, fields in double quotes with doubled quotes inside, a line that
 * starts with `#` is a comment, no header row, records of any length.
 */
export function readAsAnki(text: string): AnkiFile {
	const header = new Map<string, string>();
	for (const line of text.split('\n')) {
		if (!line.startsWith('#')) break;
		const colon = line.indexOf(':');
		if (colon > 0) header.set(line.slice(1, colon).trim().toLowerCase(), line.slice(colon + 1));
	}
	const records: string[][] = parse(text, {
		delimiter: '\t',
		quote: '"',
		escape: '"',
		comment: '#',
		comment_no_infix: true,
		relax_column_count: true,
		skip_empty_lines: true
	});
	return { header, records };
}

/**
 * A whole backup file's text for `tables`, written as the export writes it (`BackupJsonWriter`),
 * each list's rows in pieces of two, so that the pieces' joins are in every file the tests read.
 */
export function backupText(
	meta: { appVersion: string; exportedAt: number },
	tables: BackupTables,
	quarantine: readonly QuarantineEntry[] = []
): string {
	const writer = new BackupJsonWriter();
	const parts = [writer.head(meta)];
	const lists = [
		...BACKUP_TABLES.map((table) => [table, tables[table]] as const),
		[QUARANTINE_LIST, quarantine] as const
	];
	for (const [list, rows] of lists) {
		parts.push(writer.open(list));
		for (let start = 0; start < rows.length; start += 2) {
			parts.push(writer.rows(rows.slice(start, start + 2)));
		}
		parts.push(writer.close());
	}
	parts.push(writer.end());
	return parts.join('');
}
