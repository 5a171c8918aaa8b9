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
 * Formats one bank issue as `file › id › field: message`.
 * @example formatBankIssue({ file: 'members.yaml', id: 'members/x', field: 'sources', message: 'at least one source is required' })
 * // 'members.yaml › members/x › sources: at least one source is required'
 */
export function formatBankIssue(issue: BankIssue): string {
	return [issue.file, issue.id, issue.field].filter(Boolean).join(' › ') + ': ' + issue.message;
}
