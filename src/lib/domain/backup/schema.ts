import * as v from 'valibot';
import { STORED_TABLES } from '../integrity/rows';
import type { QuarantineEntry } from '../integrity/repair';
import { decodeRaw } from './raw';

/** The name every backup file carries, so that another app's JSON is never mistaken for one. */
export const BACKUP_FORMAT = 'csto-study-backup';
/**
 * The version of the backup format this app writes; it reads this one and every earlier one. Format 2
 * stores each review's real due time before the rating, or null where it is unknown; format 1 stored
 * the previous review time there, which an import recomputes (see upgradeBackupTables).
 */
export const BACKUP_VERSION = 2;
/** The largest backup file the app reads: 50 MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two-digit number at `at` in `text` (which the pattern has checked holds digits there). */
function twoDigits(text: string, at: number): number {
	return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/**
 * True when `text` is an ISO 8601 date and time that names a real moment (`2026-02-30T…` is not).
 * It reads the digits in place, without building dates: a large backup has hundreds of thousands.
 * @example isIsoTime('2026-11-28T09:30:00.000Z') // true
 */
export function isIsoTime(text: string): boolean {
	if (!ISO_TIME.test(text)) return false;
	const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	if (month < 1 || month > 12 || day < 1) return false;
	const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!;
	return (
		day <= days &&
		twoDigits(text, 11) <= 23 &&
		twoDigits(text, 14) <= 59 &&
		twoDigits(text, 17) <= 59
	);
}

const DATE_MESSAGE =
	'is not a date that can be read (expected a time such as 2026-11-28T09:30:00.000Z)';

/** A moment in the file (ISO text), as epoch ms in the app. */
const Time = v.pipe(
	v.string(DATE_MESSAGE),
	v.check(isIsoTime, DATE_MESSAGE),
	v.transform((text) => Date.parse(text))
);
/** A moment, or null where the app stores 0 for "none". */
const TimeOrZero = v.pipe(
	v.nullable(Time),
	v.transform((time) => time ?? 0)
);

const ROW_MESSAGE = 'must be an object with the fields of a row';
const Id = v.pipe(v.string('must be text'), v.nonEmpty('must not be empty'));
const Count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative')
);
const NonNegative = v.pipe(
	v.number('must be a number'),
	v.finite('must be a finite number'),
	v.minValue(0, 'must not be negative')
);
const Finite = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const CardStateSchema = v.picklist([0, 1, 2, 3], 'must be 0, 1, 2 or 3');
const Flag = v.picklist([0, 1], 'must be 0 or 1');
const RowId = v.pipe(Count, v.minValue(1, 'must be 1 or more'));

/** One card in a backup; the output is the stored row. */
export const BackupCardSchema = v.object(
	{
		id: Id,
		itemId: Id,
		topic: v.string('must be text'),
		due: Time,
		stability: NonNegative,
		difficulty: Finite,
		elapsedDays: NonNegative,
		scheduledDays: NonNegative,
		learningSteps: Count,
		reps: Count,
		lapses: Count,
		state: CardStateSchema,
		lastReview: v.nullable(Time),
		suspended: Flag,
		leech: Flag,
		buriedUntil: TimeOrZero
	},
	ROW_MESSAGE
);

/** One rating of the review log in a backup. */
export const BackupReviewSchema = v.object(
	{
		id: RowId,
		cardId: Id,
		rating: v.picklist([1, 2, 3, 4], 'must be 1, 2, 3 or 4'),
		stateBefore: CardStateSchema,
		dueBefore: v.nullable(Time),
		stability: NonNegative,
		difficulty: Finite,
		elapsedDays: NonNegative,
		scheduledDays: NonNegative,
		reviewedAt: Time,
		durationMs: NonNegative,
		source: v.picklist(['review', 'quiz'], 'must be "review" or "quiz"')
	},
	ROW_MESSAGE
);

/** One quiz attempt in a backup. */
export const BackupQuizAttemptSchema = v.object(
	{
		id: RowId,
		status: v.picklist(['active', 'finished'], 'must be "active" or "finished"'),
		startedAt: Time,
		finishedAt: TimeOrZero,
		score: NonNegative,
		maxScore: NonNegative,
		data: v.unknown()
	},
	ROW_MESSAGE
);

/** One setting in a backup (its value is checked against the setting's own rule separately). */
export const BackupSettingSchema = v.object(
	{
		key: Id,
		value: v.unknown()
	},
	ROW_MESSAGE
);

/**
 * One damaged row's original in a backup's quarantine list: its table and key, the row (values JSON
 * cannot hold written as tagged objects, see raw.ts), what was wrong and what was done.
 */
export const BackupQuarantineSchema = v.object(
	{
		table: v.picklist(STORED_TABLES, `must be one of ${STORED_TABLES.join(', ')}`),
		key: v.string('must be text'),
		row: v.pipe(v.unknown(), v.transform(decodeRaw)),
		problem: v.string('must be text'),
		action: v.picklist(['repaired', 'set aside'], 'must be "repaired" or "set aside"'),
		quarantinedAt: Time
	},
	ROW_MESSAGE
);

export type BackupCard = v.InferOutput<typeof BackupCardSchema>;
export type BackupReview = v.InferOutput<typeof BackupReviewSchema>;
export type BackupQuizAttempt = v.InferOutput<typeof BackupQuizAttemptSchema>;
export type BackupSetting = { key: string; value: unknown };

/** The tables a backup holds, as the app stores them. */
export interface BackupTables {
	cards: BackupCard[];
	reviews: BackupReview[];
	quizAttempts: BackupQuizAttempt[];
	settings: BackupSetting[];
}

/** The table names, in the order a backup file lists them. */
export const BACKUP_TABLES = ['settings', 'cards', 'reviews', 'quizAttempts'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A validated backup: where it came from, its rows, and the damaged originals it keeps. */
export interface Backup extends BackupTables {
	appVersion: string;
	exportedAt: number;
	quarantine: QuarantineEntry[];
}

/** The name of a backup's optional list of damaged originals (older files have none). */
export const QUARANTINE_LIST = 'quarantine';

/** The row schema of each table. */
export const ROW_SCHEMAS = {
	settings: BackupSettingSchema,
	cards: BackupCardSchema,
	reviews: BackupReviewSchema,
	quizAttempts: BackupQuizAttemptSchema
} as const;
