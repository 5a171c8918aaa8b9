import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '$lib/data/app-db';
import { exportBackup, readAllTables } from '$lib/data/backup';
import { createSampleDb } from '$lib/data/fixtures';
import { settings } from '$lib/state/settings.svelte';
import ImportBackup from './ImportBackup.svelte';

afterEach(async () => {
	vi.restoreAllMocks();
	const db = getDb();
	await Promise.all(db.tables.map((table) => table.clear()));
});

/** A real backup file of the sample rows, as "Export backup" saves it. */
async function sampleFile(): Promise<File> {
	const source = await createSampleDb();
	const { file: blob } = await exportBackup(source, {
		appVersion: '0.1.0',
		now: Date.UTC(2026, 10, 28)
	});
	await source.delete();
	return new File([await blob.text()], 'csto-study-backup-2026-11-28.json', {
		type: 'application/json'
	});
}

/** Renders the importer and chooses `file` in its file picker. */
async function choose(file: File) {
	const user = userEvent.setup();
	const { container } = render(ImportBackup, { busy: false });
	await user.click(screen.getByRole('button', { name: 'Import backup' }));
	await user.upload(container.querySelector<HTMLInputElement>('input[type="file"]')!, file);
	return user;
}

describe('ImportBackup', () => {
	it('shows what the backup holds, then merges it from the keyboard', async () => {
		const user = await choose(await sampleFile());
		const heading = await screen.findByRole('heading', { name: 'This backup holds' });
		expect(heading).toHaveFocus();
		const summary = screen.getByRole('group', { name: 'This backup holds' });
		expect(summary).toHaveTextContent('Cards 4');
		expect(summary).toHaveTextContent('Reviews 3');
		expect(summary).toHaveTextContent('Quizzes 2');

		await user.tab();
		expect(screen.getByRole('button', { name: 'Merge' })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(
			await screen.findByText('Merged the backup: 4 cards updated, 3 reviews and 2 quizzes added.')
		).toBeInTheDocument();
		expect(screen.queryByRole('group', { name: 'This backup holds' })).toBeNull();
		const stored = await readAllTables(getDb());
		expect([stored.cards.length, stored.reviews.length, stored.quizAttempts.length]).toEqual([
			4, 3, 2
		]);
	});

	it('refuses a file that is not a backup, saying why, and changes nothing', async () => {
		await choose(new File(['Hello, world'], 'notes.json', { type: 'application/json' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'“notes.json” was not imported. The file is not JSON, so it is not a CSTO Study backup.'
		);
		expect(screen.getByRole('alert')).toHaveTextContent('Your stored data is unchanged.');
		expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
		expect(await getDb().cards.count()).toBe(0);
	});

	it('says the backup was imported when only reading the settings again fails', async () => {
		vi.spyOn(settings, 'load').mockRejectedValueOnce(new Error('disk error'));
		const user = await choose(await sampleFile());
		await user.click(await screen.findByRole('button', { name: 'Replace' }));
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent(
			/^The backup was imported, but your settings could not be read again\. .*Reload the page.*Details.*disk error/
		);
		expect(alert).not.toHaveTextContent('Nothing was changed');
		expect(
			screen.getByText('Replaced your data with the backup: 4 cards, 3 reviews, 2 quizzes.')
		).toBeInTheDocument();
		expect(await getDb().cards.count()).toBe(4);
	});

	it('says nothing was changed when the import itself fails', async () => {
		const user = await choose(await sampleFile());
		const replace = await screen.findByRole('button', { name: 'Replace' });
		// A write refused half-way: the import runs in one transaction, so nothing is kept.
		const refuse = () => {
			throw new Error('QuotaExceededError');
		};
		getDb().reviewBlocks.hook('creating', refuse);
		try {
			await user.click(replace);
			expect(await screen.findByRole('alert')).toHaveTextContent(
				/^The import failed, so nothing was changed\. .*Details.*QuotaExceededError/
			);
		} finally {
			getDb().reviewBlocks.hook('creating').unsubscribe(refuse);
		}
		expect(await getDb().cards.count()).toBe(0);
		// Busy is shown with aria-disabled (which keeps the keyboard focus), and it is over.
		expect(screen.getByRole('button', { name: 'Replace' })).toHaveAttribute(
			'aria-disabled',
			'false'
		);
	});
});
