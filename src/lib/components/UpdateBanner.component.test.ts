import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import UpdateBanner from './UpdateBanner.svelte';

describe('UpdateBanner', () => {
	it('says nothing until a new version is ready', () => {
		render(UpdateBanner, { isReady: false, isUpdating: false, onreload: vi.fn() });
		expect(screen.getByRole('status')).toBeEmptyDOMElement();
		expect(screen.queryByRole('button')).toBeNull();
	});

	it('reloads only when the learner chooses "Reload to update", by keyboard too', async () => {
		const user = userEvent.setup();
		const onreload = vi.fn();
		render(UpdateBanner, { isReady: true, isUpdating: false, onreload });
		expect(screen.getByRole('status')).toHaveTextContent(
			'A new version of CSTO Study is ready. Nothing reloads until you choose to.'
		);
		expect(onreload).not.toHaveBeenCalled();
		await user.tab();
		expect(screen.getByRole('button', { name: 'Reload to update' })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(onreload).toHaveBeenCalledTimes(1);
	});

	it('says that this tab can no longer save once a newer version changed the data, even after "Later"', async () => {
		const user = userEvent.setup();
		const { rerender } = render(UpdateBanner, {
			isReady: true,
			isUpdating: false,
			onreload: vi.fn()
		});
		await user.click(screen.getByRole('button', { name: 'Later' }));
		expect(screen.getByRole('status')).toBeEmptyDOMElement();
		await rerender({ isReady: true, isOutdated: true, isUpdating: false, onreload: vi.fn() });
		expect(screen.getByRole('status')).toHaveTextContent(
			'CSTO Study was updated in another tab, so this tab can no longer save your progress. Reload to update; nothing you saved is lost.'
		);
		expect(screen.getByRole('button', { name: 'Reload to update' })).toBeEnabled();
	});

	it('"Later" hides the banner without reloading', async () => {
		const user = userEvent.setup();
		const onreload = vi.fn();
		render(UpdateBanner, { isReady: true, isUpdating: false, onreload });
		await user.tab();
		await user.tab();
		expect(screen.getByRole('button', { name: 'Later' })).toHaveFocus();
		await user.keyboard(' ');
		expect(screen.queryByRole('button', { name: 'Reload to update' })).toBeNull();
		expect(screen.getByRole('status')).toBeEmptyDOMElement();
		expect(onreload).not.toHaveBeenCalled();
	});

	it('shows that the update is under way and takes no second press', async () => {
		const user = userEvent.setup();
		const onreload = vi.fn();
		render(UpdateBanner, { isReady: true, isUpdating: true, onreload });
		const updating = screen.getByRole('button', { name: 'Updating…' });
		expect(updating).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Later' })).toBeDisabled();
		await user.click(updating);
		expect(onreload).not.toHaveBeenCalled();
	});
});
