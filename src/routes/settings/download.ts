// Saving a file from the page: a temporary link to the data, clicked once.
import { version } from '../../../package.json';

/** The app's version, written into every backup. */
export const APP_VERSION: string = version;

/** Saves `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers; a minute later is safe.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A progress line for a long job. */
export function describeProgress(
	phase: 'reading' | 'checking' | 'writing',
	done: number,
	total: number
): string {
	const verb = { reading: 'Reading the file', checking: 'Checking', writing: 'Saving' }[phase];
	return total > 0
		? `${verb}: ${done.toLocaleString()} of ${total.toLocaleString()} rows…`
		: `${verb}…`;
}
