import { describe, expect, it } from 'vitest';
import { BackupError, DamagedDataError, describeFailure } from './errors';

const DOING = 'Your rating could not be saved, so the card is still here.';

describe('describeFailure', () => {
	it.each([
		['QuotaExceededError', /no room left/],
		['DataCloneError', /could not store the data in the form it was given/],
		['InvalidStateError', /storage could not be used just now/],
		['ConstraintError', /clashed with data already stored/]
	])('explains a %s in our words and keeps the raw error as the detail', (name, message) => {
		const failure = describeFailure(DOING, new DOMException('raw words from the browser', name));
		expect(failure.message.startsWith(DOING)).toBe(true);
		expect(failure.message).toMatch(message);
		expect(failure.message).not.toContain('raw words');
		expect(failure.detail).toBe(`${name}: raw words from the browser`);
	});

	it('explains the innermost known error that Dexie wraps in an AbortError', () => {
		const abort = Object.assign(new Error('Transaction aborted'), {
			name: 'AbortError',
			inner: new DOMException('quota', 'QuotaExceededError')
		});
		const failure = describeFailure(DOING, abort);
		expect(failure.message).toMatch(/no room left/);
		expect(failure.detail).toBe('AbortError: Transaction aborted ← QuotaExceededError: quota');
	});

	it('says what FSRS refusing a card means, and what to do', () => {
		const error = Object.assign(new Error('Invalid memory state'), { name: 'FSRSValidationError' });
		expect(describeFailure(DOING, error).message).toMatch(/Run “Check database” in Settings/);
	});

	it('never shows a TypeError’s own words, only behind Details', () => {
		const failure = describeFailure(
			'The quiz could not be opened',
			new TypeError("Cannot read properties of undefined (reading 'length')")
		);
		expect(failure.message).toBe(
			'The quiz could not be opened. Something went wrong inside the app. Reload the page and try again; if it happens again, please report it with the details below.'
		);
		expect(failure.detail).toBe(
			"TypeError: Cannot read properties of undefined (reading 'length')"
		);
	});

	it('shows our own errors as they are, with what they wrap as the detail', () => {
		const damaged = new DamagedDataError('card', 'members/x', 'stability is missing');
		expect(describeFailure(DOING, damaged)).toEqual({
			message: `${DOING} ${damaged.message}`,
			detail: ''
		});
		const backup = new BackupError('The file is empty.', { cause: new SyntaxError('bad') });
		expect(describeFailure('Not imported', backup)).toEqual({
			message: 'Not imported. The file is empty.',
			detail: 'SyntaxError: bad'
		});
	});
});
