import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MapGeometry } from '$lib/domain/map/types';
import StateMap from './StateMap.svelte';

const square = (x: number, y: number) => `M${x} ${y}h10v10h-${10}Z`;
const shape = (id: string, x: number) => ({
	id,
	d: square(x, 0),
	label: { x, y: 5 },
	area: 100,
	hasRoomForLabel: true
});

/** Four states; Armenia is small, so it is chosen in the inset. */
const GEOMETRY: MapGeometry = {
	main: {
		width: 100,
		height: 50,
		shapes: [shape('russia', 0), shape('kazakhstan', 20), shape('armenia', 40), shape('china', 60)],
		background: ''
	},
	inset: {
		width: 40,
		height: 30,
		shapes: [shape('armenia', 0), shape('russia', 20)],
		background: ''
	},
	insetFrame: { x: 35, y: 0, width: 20, height: 15 },
	insetIds: ['armenia'],
	names: [
		{ id: 'armenia', name: 'Armenia' },
		{ id: 'china', name: 'China' },
		{ id: 'kazakhstan', name: 'Kazakhstan' },
		{ id: 'russia', name: 'Russia' }
	]
};
const NAMES = {
	armenia: 'Armenia: member since 1992, participation frozen (de facto) since 2024',
	china: 'China: never a party',
	kazakhstan: 'Kazakhstan: member since 1992',
	russia: 'Russia: member since 1992'
};

function renderMap(props: Record<string, unknown> = {}) {
	const onselect = vi.fn();
	const result = render(StateMap, {
		geometry: GEOMETRY,
		label: 'States on the map',
		names: NAMES,
		mode: 'radio',
		onselect,
		...props
	});
	// The page keeps the selection: do as it does, so that the roving tab stop follows.
	onselect.mockImplementation((id: string) => result.rerender({ selected: id }));
	return { onselect, ...result };
}

describe('StateMap by keyboard', () => {
	it('is one tab stop: a radio group whose states have their status in their names', async () => {
		renderMap();
		const group = screen.getByRole('radiogroup', { name: 'States on the map' });
		const radios = screen.getAllByRole('radio');
		expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
			NAMES.russia,
			NAMES.kazakhstan,
			NAMES.china,
			NAMES.armenia
		]);
		expect(radios.filter((r) => r.getAttribute('tabindex') === '0')).toHaveLength(1);
		await userEvent.tab();
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.armenia }));
		expect(group).toContainElement(document.activeElement as HTMLElement);
	});

	it('moves between states with the arrow keys in alphabetical order, selecting each', async () => {
		const { onselect } = renderMap();
		await userEvent.tab();
		await userEvent.keyboard('{ArrowRight}');
		expect(onselect).toHaveBeenLastCalledWith('china');
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.china }));
		expect(screen.getByRole('radio', { name: NAMES.china })).toHaveAttribute(
			'aria-checked',
			'true'
		);
		await userEvent.keyboard('{ArrowDown}{ArrowDown}');
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.russia }));
		await userEvent.keyboard('{ArrowRight}');
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.armenia }));
		await userEvent.keyboard('{ArrowLeft}');
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.russia }));
		await userEvent.keyboard('{Home}');
		expect(onselect).toHaveBeenLastCalledWith('armenia');
		await userEvent.keyboard('{End}');
		expect(onselect).toHaveBeenLastCalledWith('russia');
	});

	it('chooses the South Caucasus in the enlarged view, each state once', () => {
		renderMap();
		const armenia = screen.getByRole('radio', { name: NAMES.armenia });
		expect(armenia.closest('figure')).toHaveClass('inset');
		expect(screen.getByRole('radio', { name: NAMES.russia }).closest('figure')).toHaveClass('main');
		expect(screen.getAllByRole('radio', { name: NAMES.russia })).toHaveLength(1);
	});

	it('selects with Space or Enter, and the selected state keeps the tab stop', async () => {
		const { onselect } = renderMap({ selected: 'kazakhstan' });
		await userEvent.tab();
		expect(document.activeElement).toBe(screen.getByRole('radio', { name: NAMES.kazakhstan }));
		onselect.mockClear();
		await userEvent.keyboard(' ');
		expect(onselect).toHaveBeenCalledWith('kazakhstan');
		await userEvent.keyboard('{Enter}');
		expect(onselect).toHaveBeenCalledTimes(2);
	});

	it('selects a state clicked with the pointer', async () => {
		const { onselect } = renderMap();
		await userEvent.click(screen.getByRole('radio', { name: NAMES.china }));
		expect(onselect).toHaveBeenCalledWith('china');
	});
});

describe('StateMap as a picture or for pointer only', () => {
	it('is one image with its description when not interactive', () => {
		renderMap({ mode: 'none', label: 'Map with one state highlighted; it borders Russia.' });
		expect(
			screen.getByRole('img', { name: 'Map with one state highlighted; it borders Russia.' })
		).toBeInTheDocument();
		expect(screen.queryAllByRole('radio')).toEqual([]);
	});

	it('in pointer mode, selects the state clicked and adds no tab stop (the list beside it is the keyboard way)', async () => {
		const { onselect, container } = renderMap({ mode: 'pointer' });
		expect(screen.queryAllByRole('radio')).toEqual([]);
		expect(container.querySelectorAll('[tabindex]')).toHaveLength(0);
		await userEvent.click(container.querySelector('.main [data-state="kazakhstan"]')!);
		expect(onselect).toHaveBeenCalledWith('kazakhstan');
	});

	it('shows a key with the same patterns as the map', () => {
		renderMap({
			legend: [
				{ style: 'member', text: 'Member (solid)' },
				{ style: 'frozen', text: 'Member, participation frozen (stripes)' }
			]
		});
		const key = screen.getByRole('list', { name: 'Key' });
		expect(key).toHaveTextContent('Member (solid)');
		expect(key.querySelectorAll('rect')[1]).toHaveAttribute(
			'fill',
			expect.stringMatching(/^url\(#.+-frozen\)$/)
		);
	});
});
