import { describe, expect, it } from 'vitest';
import type { CardRow } from './card';
import { describeCardStatus } from './card-status';
import { newCardRow } from './fsrs';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const HOUR = 3_600_000;
const TARGET = { cardId: 'members/a', itemId: 'members/a', topic: 'members' };

const row = (overrides: Partial<CardRow>): CardRow => ({
	...newCardRow(TARGET, new Date(0)),
	...overrides
});

describe('describeCardStatus', () => {
	it('calls a card never seen new, with no due time and no marks', () => {
		expect(describeCardStatus(undefined, NOW)).toEqual({
			stage: 'New',
			due: undefined,
			isSuspended: false,
			isLeech: false,
			buriedUntil: undefined
		});
	});

	it.each([
		{ state: 0, stage: 'New', due: undefined },
		{ state: 1, stage: 'Learning', due: NOW + HOUR },
		{ state: 2, stage: 'Review', due: NOW + HOUR },
		{ state: 3, stage: 'Learning', due: NOW + HOUR }
	] as const)('state $state is $stage, due $due', ({ state, stage, due }) => {
		const status = describeCardStatus(row({ state, due: NOW + HOUR }), NOW);
		expect(status.stage).toBe(stage);
		expect(status.due).toBe(due);
	});

	it('reports suspension and the leech mark as stored', () => {
		expect(describeCardStatus(row({ state: 2, suspended: 1 }), NOW)).toMatchObject({
			isSuspended: true,
			isLeech: false
		});
		expect(describeCardStatus(row({ state: 3, suspended: 1, leech: 1 }), NOW)).toMatchObject({
			isSuspended: true,
			isLeech: true
		});
	});

	it('reports a burial only until it ends', () => {
		const buried = row({ state: 2, buriedUntil: NOW + HOUR });
		expect(describeCardStatus(buried, NOW).buriedUntil).toBe(NOW + HOUR);
		expect(describeCardStatus(buried, NOW + HOUR).buriedUntil).toBeUndefined();
	});
});
