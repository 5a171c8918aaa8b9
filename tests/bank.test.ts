import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK, ITEMS_BY_ID } from '../src/lib/content/bank';
import { BANK_INDEX } from '../src/lib/content/bank-index';
import { bankPlugin } from '../src/lib/content/bank-plugin';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENAMES_FILE, readBank, readIdRenames } from '../src/lib/content/read-bank';
import { TOPICS } from '../src/lib/domain/bank/schema';
import { BankValidationError } from '../src/lib/domain/errors';

const QUESTIONS = resolve(import.meta.dirname, '..', 'questions');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');

function refusal(run: () => unknown): BankValidationError {
	try {
		run();
	} catch (error) {
		if (error instanceof BankValidationError) return error;
		throw error;
	}
	throw new Error('expected the bank to be refused');
}

// Each test reads and validates the whole bank, with its membership data and the map's states: seconds
// on a busy two-core machine.
describe('the real question bank', { timeout: 60_000 }, () => {
	it('passes validation (a failure names file, item and field)', () => {
		// Throwing here prints the validator's message: every problem with file, id and field.
		const bank = readBank(QUESTIONS);
		expect(bank.items.length).toBeGreaterThanOrEqual(120);
	});

	it('covers every topic, with enough items and several kinds in each', () => {
		const bank = readBank(QUESTIONS);
		expect(bank.topics.map((t) => t.id)).toEqual([...TOPICS]);
		for (const topic of TOPICS) {
			const items = bank.items.filter((i) => i.topic === topic);
			expect(items.length, topic).toBeGreaterThanOrEqual(10);
			expect(new Set(items.map((i) => i.kind)).size, topic).toBeGreaterThanOrEqual(3);
		}
	});

	it('has ids that are unique across files', () => {
		const ids = BANK.items.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ITEMS_BY_ID.size).toBe(ids.length);
	});

	it('reaches the app validated and frozen', () => {
		expect(BANK.items).toEqual(readBank(QUESTIONS).items);
		expect(Object.isFrozen(BANK)).toBe(true);
		expect(Object.isFrozen(BANK.items[0])).toBe(true);
		expect(Object.isFrozen(BANK.items[0]!.sources[0])).toBe(true);
		expect(() => (BANK.items as unknown[]).push({})).toThrow(TypeError);
	});

	it("has an index, in bank order, with exactly what decides each item's cards", () => {
		expect(BANK_INDEX.map((i) => i.id)).toEqual(BANK.items.map((i) => i.id));
		expect(BANK_INDEX.map((i) => i.topic)).toEqual(BANK.items.map((i) => i.topic));
		expect(BANK_INDEX.find((i) => i.kind === 'qa')).toHaveProperty('category');
		expect(BANK_INDEX.find((i) => i.kind !== 'qa')).not.toHaveProperty('category');
		expect(Object.keys(BANK_INDEX[0]!).sort()).toEqual(
			BANK.items[0]!.kind === 'qa' ? ['category', 'id', 'kind', 'topic'] : ['id', 'kind', 'topic']
		);
		expect(Object.isFrozen(BANK_INDEX[0])).toBe(true);
	});

	it('has a rename map from retired ids to items of the bank', () => {
		const bank = readBank(QUESTIONS);
		const renames = readIdRenames(QUESTIONS, bank);
		expect(Object.keys(renames).length).toBeGreaterThan(0);
		for (const [oldId, newId] of Object.entries(renames)) {
			expect(ITEMS_BY_ID.has(oldId), oldId).toBe(false);
			expect(ITEMS_BY_ID.has(newId), newId).toBe(true);
		}
	});

	it('says when the facts date from', () => {
		expect(BANK.asOf).toMatch(/^\d{4}-\d{2}$/);
	});
});

describe('a broken bank', () => {
	it('is refused with every defect named by file, item and field', () => {
		const error = refusal(() => readBank(resolve(FIXTURES, 'bad-bank'), new Date('2026-11-28')));
		const lines = error.message.split('\n');
		expect(lines).toContain(
			'questions/members.yaml › members/no-source › sources: at least one source is required'
		);
		expect(lines).toContain(
			'questions/members.yaml › members/overlap › others: a non-member is also listed as a member'
		);
		expect(lines).toContain(
			'questions/history.yaml › history/bad-date › events.0.date: must be a real date as YYYY, YYYY-MM or YYYY-MM-DD'
		);
		expect(lines).toContain(
			'questions/history.yaml › members/no-source › id: must start with "history/"'
		);
		expect(lines).toContain(
			'questions/members.yaml › members/no-source › id: duplicate id (also in questions/history.yaml)'
		);
	});

	it('names a file that is not valid YAML', () => {
		const error = refusal(() => readBank(resolve(FIXTURES, 'broken-yaml')));
		expect(error.message).toMatch(/questions\/members\.yaml: is not valid YAML/);
	});

	it('refuses a rename map that reuses an id, points nowhere or is not JSON', () => {
		const bank = readBank(QUESTIONS);
		const dir = mkdtempSync(join(tmpdir(), 'renames-'));
		try {
			const kept = bank.items[0]!.id;
			writeFileSync(
				join(dir, RENAMES_FILE),
				JSON.stringify({ [kept]: bank.items[1]!.id, 'history/gone': 'history/nowhere' })
			);
			const lines = refusal(() => readIdRenames(dir, bank)).message.split('\n');
			expect(lines).toContain(
				`questions/renames.json › ${kept}: is still an item of the bank: a renamed id is retired and never reused`
			);
			expect(lines).toContain(
				'questions/renames.json › history/gone: the new id "history/nowhere" is not an item of the bank'
			);
			writeFileSync(join(dir, RENAMES_FILE), '{ "history/gone": ');
			expect(refusal(() => readIdRenames(dir, bank)).message).toMatch(
				/questions\/renames\.json: is not valid JSON/
			);
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	it('fails the build: the Vite plugin throws the same message', () => {
		const plugin = bankPlugin(resolve(FIXTURES, 'bad-bank'));
		const load = plugin.load as (this: unknown, id: string) => unknown;
		const context = { addWatchFile: () => {} };
		expect(() => load.call(context, '\0virtual:csto-bank')).toThrow(
			/at least one source is required/
		);
	});
});
