import { calendarDayKey } from '../day';
import type { QuarantineEntry } from '../integrity/repair';
import { encodeRaw } from './raw';
import {
	BACKUP_FORMAT,
	QUARANTINE_LIST,
	BACKUP_VERSION,
	type BackupCard,
	type BackupQuizAttempt,
	type BackupReview,
	type BackupTable,
	type BackupTables
} from './schema';

const iso = (time: number) => new Date(time).toISOString();

/** A card as the file holds it: times as ISO text, "not buried" as null. */
export function encodeCard(card: BackupCard): Record<string, unknown> {
	return {
		...card,
		due: iso(card.due),
		lastReview: card.lastReview === null ? null : iso(card.lastReview),
		buriedUntil: card.buriedUntil ? iso(card.buriedUntil) : null
	};
}

/** A review as the file holds it: times as ISO text, an unknown due-before as null. */
export function encodeReview(review: BackupReview): Record<string, unknown> {
	return {
		...review,
		dueBefore: review.dueBefore === null ? null : iso(review.dueBefore),
		reviewedAt: iso(review.reviewedAt)
	};
}

/** A quiz attempt as the file holds it: times as ISO text, "not finished" as null. */
export function encodeQuizAttempt(attempt: BackupQuizAttempt): Record<string, unknown> {
	return {
		...attempt,
		startedAt: iso(attempt.startedAt),
		finishedAt: attempt.finishedAt ? iso(attempt.finishedAt) : null
	};
}

/** A damaged original as the file holds it: the row as JSON can hold it, the time as ISO text. */
export function encodeQuarantined(entry: QuarantineEntry): Record<string, unknown> {
	return { ...entry, row: encodeRaw(entry.row), quarantinedAt: iso(entry.quarantinedAt) };
}

const ENCODERS: { [T in BackupTable]: (row: BackupTables[T][number]) => unknown } = {
	settings: (row) => row,
	cards: encodeCard,
	reviews: encodeReview,
	quizAttempts: encodeQuizAttempt
};

/** The name of a backup file saved at `now` (local date). */
export function backupFileName(now: number, kind: 'backup' | 'anki' | 'progress'): string {
	const day = calendarDayKey(now);
	const extension = { backup: 'json', anki: 'txt', progress: 'csv' }[kind];
	return `csto-study-${kind}-${day}.${extension}`;
}

/** The lists a backup file holds, in their order: the tables, then the damaged originals. */
export type BackupList = BackupTable | typeof QUARANTINE_LIST;

/**
 * Writes a backup's JSON text a part at a time, as its rows come: `head`, then for each list in
 * turn `open`, `rows` as many times as there are pieces of it, and `close`, then `end`. Joined, the
 * parts are one JSON document with one row per line.
 */
export class BackupJsonWriter {
	#isFirst = true;
	#encode: (row: never) => unknown = ENCODERS.settings;

	head(meta: { appVersion: string; exportedAt: number }): string {
		const head = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			appVersion: meta.appVersion,
			exportedAt: iso(meta.exportedAt)
		};
		return JSON.stringify(head, null, '\t').slice(0, -2);
	}

	open(list: BackupList): string {
		this.#isFirst = true;
		this.#encode = list === QUARANTINE_LIST ? encodeQuarantined : ENCODERS[list];
		return `,\n\t${JSON.stringify(list)}: [`;
	}

	/** The next rows of the open list ('' for none). */
	rows(rows: readonly unknown[]): string {
		if (rows.length === 0) return '';
		const encode = this.#encode as (row: unknown) => unknown;
		const lines = rows.map((row) => JSON.stringify(encode(row)));
		const part = (this.#isFirst ? '' : ',') + '\n\t\t' + lines.join(',\n\t\t');
		this.#isFirst = false;
		return part;
	}

	close(): string {
		return this.#isFirst ? ']' : '\n\t]';
	}

	end(): string {
		return '\n}\n';
	}
}
