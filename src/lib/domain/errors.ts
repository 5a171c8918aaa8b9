/** The one error family the app shows to people: each subclass carries what the UI needs to say. */
export class AppError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** One problem found in a bank file: where it is and what is wrong. */
export interface BankIssue {
	file: string;
	id?: string;
	field?: string;
	message: string;
}

/** The question bank failed validation; the message lists every problem with file, item id and field. */
export class BankValidationError extends AppError {
	readonly issues: readonly BankIssue[];
	constructor(issues: readonly BankIssue[]) {
		super(
			`The question bank is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
				issues.map(formatBankIssue).join('\n')
		);
		this.issues = issues;
	}
}

/** A setting was refused; the stored value is unchanged. */
export class SettingsError extends AppError {}

/** A backup file was refused before anything was written. */
export class BackupError extends AppError {}

/** Writing to the browser's storage failed; nothing was half-written. */
export class StorageError extends AppError {}

/**
 * A newer version of the app has changed the database (in another tab, now or before), so this tab's
 * older code no longer reads or writes it until the learner reloads. Nothing stored is lost.
 */
export class OutdatedAppError extends AppError {}

/**
 * A stored row failed the validator, so the action that met it did nothing; Check database repairs
 * or sets aside the row, after which the action can be tried again.
 */
export class DamagedDataError extends AppError {
	readonly table: string;
	readonly key: string;
	constructor(table: string, key: string, problem: string) {
		super(
			`Part of your saved progress is damaged (${table} “${key}”: ${problem}), so nothing was ` +
				'changed. Check database repairs it; then try again.'
		);
		this.table = table;
		this.key = key;
	}
}

/**
 * Formats one bank issue as `file › id › field: message`.
 * @example formatBankIssue({ file: 'members.yaml', id: 'members/x', field: 'sources', message: 'at least one source is required' })
 * // 'members.yaml › members/x › sources: at least one source is required'
 */
export function formatBankIssue(issue: BankIssue): string {
	return [issue.file, issue.id, issue.field].filter(Boolean).join(' › ') + ': ' + issue.message;
}

/** A failure as the learner reads it: our words (what happened, what to do) and the raw detail. */
export interface Failure {
	/** What failed, what it means and what to do, in words we wrote. */
	message: string;
	/** The error as the browser or a library gave it, for a bug report; empty for our own errors. */
	detail: string;
}

const STORAGE_UNAVAILABLE =
	'The browser’s storage could not be used just now (another tab may be updating the app, or the browser closed the database). Reload the page, then try again.';
const UNEXPECTED =
	'Something went wrong inside the app. Reload the page and try again; if it happens again, please report it with the details below.';

// What each kind of error the browser, Dexie or ts-fsrs raises means for the learner. The names are
// the errors' `name`: DOMException names from IndexedDB, Dexie's own, and ts-fsrs's validation error.
const EXPLANATIONS: Readonly<Record<string, string>> = {
	QuotaExceededError:
		'This device has no room left for the app’s data. Free some space on the device (or clear other sites’ data), then try again.',
	DataCloneError:
		'The browser could not store the data in the form it was given. Reload the page and try again; if it happens again, please report it with the details below.',
	FSRSValidationError:
		'A card’s saved memory state is one the scheduler cannot use. Run “Check database” in Settings to repair it, then try again.',
	ConstraintError:
		'The change clashed with data already stored (another tab may have saved it first). Reload the page to see the latest data.',
	TimeoutError: 'The browser’s storage took too long to answer. Try again.',
	InvalidStateError: STORAGE_UNAVAILABLE,
	TransactionInactiveError: STORAGE_UNAVAILABLE,
	DatabaseClosedError: STORAGE_UNAVAILABLE,
	OpenFailedError: STORAGE_UNAVAILABLE,
	VersionError: STORAGE_UNAVAILABLE,
	VersionChangeError: STORAGE_UNAVAILABLE,
	UpgradeError: STORAGE_UNAVAILABLE,
	InvalidAccessError: STORAGE_UNAVAILABLE,
	NotFoundError: STORAGE_UNAVAILABLE,
	UnknownError: STORAGE_UNAVAILABLE,
	MissingAPIError:
		'This browser does not let the app store data here (a private window may block it). Open the app in a normal window.',
	SecurityError:
		'This browser does not let the app store data here (a private window may block it). Open the app in a normal window.'
};

/** The error and the errors it wraps (Dexie's `inner`, the standard `cause`), outermost first. */
function chainOf(error: unknown): unknown[] {
	const chain: unknown[] = [];
	let current: unknown = error;
	while (current !== undefined && current !== null && chain.length < 5) {
		chain.push(current);
		const next = current as { inner?: unknown; cause?: unknown };
		current = typeof current === 'object' ? (next.inner ?? next.cause) : undefined;
	}
	return chain;
}

function nameOf(error: unknown): string {
	if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
		return String((error as { name: unknown }).name);
	}
	return typeof error;
}

function messageOf(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'message' in error) {
		return String((error as { message: unknown }).message);
	}
	return String(error);
}

/**
 * Says what a failure means in words we wrote: `doing` (what did not happen, as a sentence), then
 * our message for the error (an AppError's own message, else what its kind of error means and what
 * to do); the raw error goes to `detail`, for the "Details" disclosure.
 * @example describeFailure('Your rating could not be saved, so the card is still here.', new DOMException('quota', 'QuotaExceededError')).message
 * // 'Your rating could not be saved, so the card is still here. This device has no room left …'
 */
export function describeFailure(doing: string, error: unknown): Failure {
	const lead = /[.!?]$/.test(doing) ? doing : `${doing}.`;
	const chain = chainOf(error);
	const ours = chain.find((e): e is AppError => e instanceof AppError);
	if (ours) {
		const inner = chain.slice(chain.indexOf(ours) + 1);
		return {
			message: `${lead} ${ours.message}`,
			detail: inner.map((e) => `${nameOf(e)}: ${messageOf(e)}`).join(' ← ')
		};
	}
	// The innermost error we can explain says the most (Dexie's AbortError wraps the real cause).
	const known = [...chain].reverse().find((e) => nameOf(e) in EXPLANATIONS);
	return {
		message: `${lead} ${known ? EXPLANATIONS[nameOf(known)] : UNEXPECTED}`,
		detail: chain.map((e) => `${nameOf(e)}: ${messageOf(e)}`).join(' ← ')
	};
}
