import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ErrorMessage from './ErrorMessage.svelte';
import CheckReport from './CheckReport.svelte';

describe('ErrorMessage', () => {
	it('shows our words as an alert and the raw error only behind "Details"', () => {
		render(ErrorMessage, {
			message:
				'Your rating could not be saved, so the card is still here. This device has no room left.',
			detail: 'QuotaExceededError: The quota has been exceeded.'
		});
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent(/^Your rating could not be saved/);
		const raw = screen.getByText('QuotaExceededError: The quota has been exceeded.');
		expect(raw).not.toBeVisible();
		// jsdom does not open <details> on a click of its summary; the browser does (e2e).
		const disclosure = raw.closest('details')!;
		expect(disclosure.querySelector('summary')).toHaveTextContent('Details');
		disclosure.open = true;
		expect(raw).toBeVisible();
	});

	it('has no Details when there is nothing raw to show', () => {
		render(ErrorMessage, { message: 'The file is empty.' });
		expect(screen.queryByText('Details')).toBeNull();
	});
});

describe('CheckReport', () => {
	it('names the report, lists each finding and can be dismissed', async () => {
		const user = userEvent.setup();
		let dismissed = 0;
		render(CheckReport, {
			title: 'What Check database found',
			summary:
				'Checked 1 setting, 2 cards, 0 reviews and 0 quizzes: found 1 damaged row, repaired 1.',
			lines: [
				'Card “members/x”: stability is missing. Repaired: rebuilt its memory state from its 2 ratings.'
			],
			ondismiss: () => dismissed++
		});
		const region = screen.getByRole('region', { name: 'What Check database found' });
		expect(region).toHaveTextContent('found 1 damaged row');
		expect(screen.getAllByRole('listitem')).toHaveLength(1);
		await user.click(screen.getByRole('button', { name: 'Dismiss' }));
		expect(dismissed).toBe(1);
	});
});
