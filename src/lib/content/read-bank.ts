// Build-time only (Node): reads questions/*.yaml for the Vite plugin, `npm run bank` and the bank
// test. The browser never loads this file, so no YAML parser ships to it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BankValidationError } from '../domain/errors.ts';
import type { Bank } from '../domain/bank/schema.ts';
import { checkIdRenames, type IdRenames } from '../domain/bank/renames.ts';
import { validateBank, type RawBankFile } from '../domain/bank/validate.ts';
import { readMapStates } from './read-map.ts';

/** The file of membership data beside the topic files (it is not a topic). */
export const MEMBERSHIP_NAME = 'membership.yaml';

/** Reads every topic file (`*.yaml`) of a folder; a file that is not valid YAML becomes a named issue. */
export function readBankFiles(dir: string): RawBankFile[] {
	const names = readdirSync(dir)
		.filter((name) => name.endsWith('.yaml') && name !== MEMBERSHIP_NAME)
		.sort();
	const files: RawBankFile[] = [];
	const broken: { file: string; message: string }[] = [];
	for (const name of names) {
		const file = `questions/${name}`;
		try {
			files.push({ file, data: parse(readFileSync(join(dir, name), 'utf8')) });
		} catch (error) {
			broken.push({
				file,
				message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`
			});
		}
	}
	if (broken.length > 0) throw new BankValidationError(broken);
	return files;
}

/** The month as YYYY-MM in UTC, the latest `asOf` the bank may carry. */
export function currentMonth(now: Date): string {
	return now.toISOString().slice(0, 7);
}

/** The file that maps retired question ids to the ids that replaced them. */
export const RENAMES_FILE = 'renames.json';

/**
 * Reads the rename map of `dir` (none when the file is absent) and checks it against the bank's ids;
 * throws BankValidationError naming every problem.
 */
export function readIdRenames(dir: string, bank: Bank): IdRenames {
	const path = join(dir, RENAMES_FILE);
	if (!existsSync(path)) return {};
	const file = `questions/${RENAMES_FILE}`;
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new BankValidationError([
			{ file, message: `is not valid JSON: ${(error as Error).message.split('\n')[0]}` }
		]);
	}
	const issues = checkIdRenames(raw, new Set(bank.items.map((item) => item.id)), file);
	if (issues.length > 0) throw new BankValidationError(issues);
	return raw as IdRenames;
}

/** Reads questions/membership.yaml when the folder has one (a test fixture may not). */
export function readMembershipFile(dir: string): unknown {
	const path = join(dir, MEMBERSHIP_NAME);
	if (!existsSync(path)) return undefined;
	try {
		return parse(readFileSync(path, 'utf8')) ?? null;
	} catch (error) {
		throw new BankValidationError([
			{
				file: `questions/${MEMBERSHIP_NAME}`,
				message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`
			}
		]);
	}
}

/**
 * Reads and validates the bank in `dir`, with its membership data, the states of the map and its
 * rename map; throws BankValidationError naming every problem.
 */
export function readBank(dir: string, now: Date = new Date()): Bank {
	const bank = validateBank(readBankFiles(dir), {
		currentMonth: currentMonth(now),
		membership: readMembershipFile(dir)
	});
	readIdRenames(dir, bank);
	return bank.membership ? { ...bank, mapStates: readMapStates(bank.membership) } : bank;
}
