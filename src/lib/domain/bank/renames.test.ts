import { describe, expect, it } from 'vitest';
import { checkIdRenames, renameCardId } from './renames';

const FILE = 'questions/renames.json';
const IDS = new Set(['operations/crrf-year', 'members/current']);

describe('checkIdRenames', () => {
	it('accepts old ids that left the bank, mapped to ids in it', () => {
		expect(
			checkIdRenames(
				{ 'history/crrf-year': 'operations/crrf-year', 'members/old': 'members/current' },
				IDS,
				FILE
			)
		).toEqual([]);
	});

	it.each([
		['a list', [], /must be an object/],
		[
			'an old id that is still an item',
			{ 'members/current': 'operations/crrf-year' },
			/never reused/
		],
		['an old id of the wrong form', { 'Members Old': 'members/current' }, /old id must look like/],
		[
			'a new id that is not an item',
			{ 'history/x': 'operations/missing' },
			/not an item of the bank/
		],
		['a new id that is not text', { 'history/x': 4 }, /new id must be text/]
	])('refuses %s, naming the file and the id', (_what, raw, message) => {
		const issues = checkIdRenames(raw, IDS, FILE);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: FILE, message: expect.stringMatching(message) });
	});
});

describe('renameCardId', () => {
	const renames = { 'history/crrf-year': 'operations/crrf-year' };
	it.each([
		['history/crrf-year', 'operations/crrf-year'],
		['history/crrf-year:reverse', 'operations/crrf-year:reverse'],
		['history/other', undefined],
		['history/crrf-year-2', undefined],
		['toString', undefined]
	])('moves %s to %s', (cardId, expected) => {
		expect(renameCardId(cardId, renames)).toBe(expected);
	});
});
