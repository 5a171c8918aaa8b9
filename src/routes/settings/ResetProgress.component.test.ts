import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '$lib/data/app-db';
import { readAllTables } from '$lib/data/backup';
import { sampleTables } from '$lib/domain/backup/fixtures';
import ResetProgress from './ResetProgress.svelte';

beforeEach(async () => {
	const db = getDb();
	const tables = sampleTables();
	await db.cards.bulkAdd(tables.cards);
	await db.reviews.bulkAdd(tables.reviews);
	await db.quizAttempts.bulkAdd(tables.quizAttempts);
	await db.settings.bulkAdd(tables.settings);
});

afterEach(async () => {
	const db = getDb();
	await Promise.all(db.tables.map((table) => table.clear()));
});

describe('ResetProgress', () => {
	it('asks for the word RESET, then clears progress and keeps settings, all by keyboard', async () => {
		const user = userEvent.setup();
		render(ResetProgress, { busy: false });
		await user.tab();
		expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
		await user.keyboard('{Enter}');

		const field = screen.getByRole('textbox', { name: 'Type RESET to confirm' });
		expect(field).toHaveFocus();
		const confirm = screen.getByRole('button', { name: 'Confirm reset' });
		expect(confirm).toBeDisabled();
		await user.keyboard('reset');
		expect(confirm).toBeDisabled();
		await user.keyboard('{Enter}');
		expect(await getDb().cards.count()).toBe(4);

		await user.clear(field);
		await user.keyboard('RESET');
		expect(confirm).toBeEnabled();
		await user.keyboard('{Enter}');
		expect(
			await screen.findByText(
				'Your progress was reset: cards, reviews and quizzes are cleared; settings are kept.'
			)
		).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
		const stored = await readAllTables(getDb());
		expect([stored.cards, stored.reviews, stored.quizAttempts]).toEqual([[], [], []]);
		expect(stored.settings).toHaveLength(2);
	});

	it('Cancel closes the question, gives the focus back and deletes nothing', async () => {
		const user = userEvent.setup();
		render(ResetProgress, { busy: false });
		await user.click(screen.getByRole('button', { name: 'Reset progress' }));
		await user.keyboard('RESET');
		// Confirm is next in the tab order, then Cancel.
		await user.tab();
		await user.tab();
		expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(screen.queryByRole('textbox', { name: 'Type RESET to confirm' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
		expect(await getDb().cards.count()).toBe(4);
	});

	it('says what went wrong, and that nothing was changed, when the reset fails', async () => {
		const user = userEvent.setup();
		render(ResetProgress, { busy: false });
		await user.click(screen.getByRole('button', { name: 'Reset progress' }));
		await user.keyboard('RESET');
		const refuse = () => {
			throw new Error('the disk is full');
		};
		// A refused step inside the reset's one transaction undoes the whole of it.
		getDb().quizAttempts.hook('deleting', refuse);
		try {
			await user.click(screen.getByRole('button', { name: 'Confirm reset' }));
			expect(await screen.findByRole('alert')).toHaveTextContent(
				/^The reset failed, so nothing was changed\. .+Details.*the disk is full/
			);
		} finally {
			getDb().quizAttempts.hook('deleting').unsubscribe(refuse);
		}
		expect(await getDb().cards.count()).toBe(4);
	});
});
