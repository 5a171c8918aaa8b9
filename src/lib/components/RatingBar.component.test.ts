import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import RatingBar from './RatingBar.svelte';

const INTERVALS = { 1: '1m', 2: '6m', 3: '10m', 4: '8d' } as const;

describe('RatingBar', () => {
	it('offers the four ratings, each with its next interval and its key', () => {
		render(RatingBar, { intervals: INTERVALS, onrate: vi.fn() });
		const group = screen.getByRole('group', { name: 'Rate how well you remembered' });
		const buttons = [...group.querySelectorAll('button')];
		expect(buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'Again 1m 1',
			'Hard 6m 2',
			'Good 10m 3',
			'Easy 8d 4'
		]);
		expect(screen.getByRole('button', { name: /^Good 10m/ })).toHaveAttribute(
			'aria-keyshortcuts',
			'3'
		);
	});

	it('rates with a click, and with Enter or Space on a focused button', async () => {
		const user = userEvent.setup();
		const onrate = vi.fn();
		render(RatingBar, { intervals: INTERVALS, onrate });
		await user.click(screen.getByRole('button', { name: /^Hard/ }));
		expect(onrate).toHaveBeenLastCalledWith(2);

		// Tab walks the buttons in order: Again, Hard, Good, Easy.
		await user.tab();
		expect(screen.getByRole('button', { name: /^Good/ })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(onrate).toHaveBeenLastCalledWith(3);
		await user.tab();
		await user.keyboard(' ');
		expect(onrate).toHaveBeenLastCalledWith(4);
		expect(onrate).toHaveBeenCalledTimes(3);
	});

	it('does nothing while disabled', async () => {
		const user = userEvent.setup();
		const onrate = vi.fn();
		render(RatingBar, { intervals: INTERVALS, onrate, disabled: true });
		for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();
		await user.click(screen.getByRole('button', { name: /^Again/ }));
		await user.tab();
		await user.keyboard('{Enter}');
		expect(onrate).not.toHaveBeenCalled();
	});
});
