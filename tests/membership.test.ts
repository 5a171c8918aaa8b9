// questions/membership.yaml against its schema, the map and the rest of the bank.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBank } from '../src/lib/content/read-bank';
import { readMapGeometry } from '../src/lib/content/read-map';
import { membersOn, statusOn } from '../src/lib/domain/bank/membership';
import { BankValidationError } from '../src/lib/domain/errors';

const QUESTIONS = resolve(import.meta.dirname, '..', 'questions');
const bank = readBank(QUESTIONS);
const membership = bank.membership!;
const names = (day: string, active = false) =>
	membersOn(membership, day, { active }).map((s) => s.name);

const copies: string[] = [];
afterAll(() => {
	for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of questions/ with one file's text changed. */
function changedBank(file: string, from: string, to: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'csto-bank-'));
	copies.push(dir);
	cpSync(QUESTIONS, dir, { recursive: true });
	const text = readFileSync(join(dir, file), 'utf8');
	expect(text).toContain(from);
	writeFileSync(join(dir, file), text.replace(from, to));
	return dir;
}

function refusal(dir: string): string[] {
	try {
		readBank(dir);
	} catch (error) {
		if (error instanceof BankValidationError) return error.message.split('\n').slice(1);
		throw error;
	}
	throw new Error('expected the bank to be refused');
}

describe('the membership data', () => {
	it('covers every state ever a party to the treaty, and the observers', () => {
		expect(membership.states.filter((s) => s.periods.length > 0).map((s) => s.name)).toEqual([
			'Armenia',
			'Azerbaijan',
			'Belarus',
			'Georgia',
			'Kazakhstan',
			'Kyrgyzstan',
			'Russia',
			'Tajikistan',
			'Uzbekistan'
		]);
		expect(membership.states.filter((s) => s.observer.length > 0).map((s) => s.name)).toEqual([
			'Serbia',
			'Afghanistan'
		]);
	});

	it('gives the member counts the sources give, year by year', () => {
		expect(names('1992-12-31')).toHaveLength(6);
		expect(names('1993-12-31')).toHaveLength(9);
		expect(names('1999-04-21')).toEqual([
			'Armenia',
			'Belarus',
			'Kazakhstan',
			'Kyrgyzstan',
			'Russia',
			'Tajikistan'
		]);
		expect(names('2006-12-31')).toHaveLength(7);
		expect(names('2013-01-01')).toHaveLength(6);
		expect(names('2026-01-31')).toHaveLength(6);
		expect(names('2026-01-31', true)).not.toContain('Armenia');
		const armenia = membership.states.find((s) => s.id === 'armenia')!;
		expect(statusOn(armenia, '2026-01-31')).toBe('frozen');
		expect(armenia.freezes[0]).toMatchObject({ from: '2024-02-22', formal: false });
	});

	// Simplifying and projecting the 1:50m boundaries takes seconds on a busy machine.
	it(
		'draws every state of the data on the map, the South Caucasus in the inset',
		{ timeout: 60_000 },
		() => {
			const geometry = readMapGeometry(membership);
			const drawn = new Set(geometry.main.shapes.map((s) => s.id));
			for (const state of membership.states) expect(drawn.has(state.id), state.id).toBe(true);
			expect(geometry.insetIds.sort()).toEqual(['armenia', 'azerbaijan', 'georgia']);
			expect(bank.mapStates!.map((s) => s.id)).toEqual(geometry.names.map((n) => n.id));
			expect(bank.mapStates!.find((s) => s.id === 'armenia')!.neighbours).toEqual([
				'azerbaijan',
				'georgia',
				'iran',
				'turkey'
			]);
		}
	);

	it('adds a membership flashcard item for every state', () => {
		const items = bank.items.filter((i) => i.kind === 'membership');
		expect(items.map((i) => i.id)).toEqual(membership.states.map((s) => `members/periods-${s.id}`));
		expect(items.every((i) => i.topic === 'members')).toBe(true);
	});
});

// Each test reads a whole copy of the bank.
describe('a bank item that contradicts the membership data', { timeout: 60_000 }, () => {
	it('fails the build, naming the item and what the data say', () => {
		const dir = changedBank(
			'members.yaml',
			'answer: "6"\n    accept: [six]\n    category: number\n    distractors: ["5", "7", "9"]',
			'answer: "7"\n    accept: [seven]\n    category: number\n    distractors: ["5", "6", "9"]'
		);
		expect(refusal(dir)).toContain(
			'questions/members.yaml › members/current-count › answer: contradicts the membership data: it says “7”, but questions/membership.yaml gives 6'
		);
	});

	it('fails the build when the data change under an item', () => {
		const dir = changedBank('membership.yaml', 'from: 2006-06-23', 'from: 2007-06-23');
		expect(refusal(dir)).toContain(
			'questions/members.yaml › members/uzbekistan-return › answer: contradicts the membership data: it says “2006”, but questions/membership.yaml gives 2007'
		);
	});
});
