// The map of retired question ids to the ids that replaced them (questions/renames.json). Progress
// points at ids, so when two items are merged the learner's cards and log follow the map.
import type { BankIssue } from '../errors.ts';
import { REVERSE_SUFFIX, isReversedCardId } from '../scheduling/card.ts';

/** Old question id → the question id that replaced it. */
export type IdRenames = Readonly<Record<string, string>>;

const ID = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the rename map against the bank's ids and returns every problem: each key and value must
 * look like an id; an old id is never reused by an item (ids are never reused); every new id is an
 * item of the bank (so a chain old → older-new cannot dangle).
 * @example checkIdRenames({ 'history/x': 'operations/x' }, new Set(['operations/x']), 'questions/renames.json') // []
 */
export function checkIdRenames(
	raw: unknown,
	itemIds: ReadonlySet<string>,
	file: string
): BankIssue[] {
	if (!isRecord(raw)) {
		return [{ file, message: 'must be an object that maps each old id to its new id' }];
	}
	const issues: BankIssue[] = [];
	for (const [oldId, newId] of Object.entries(raw)) {
		if (!ID.test(oldId)) {
			issues.push({ file, id: oldId, message: 'the old id must look like topic/kebab-case-slug' });
		} else if (itemIds.has(oldId)) {
			issues.push({
				file,
				id: oldId,
				message: 'is still an item of the bank: a renamed id is retired and never reused'
			});
		}
		if (typeof newId !== 'string' || !ID.test(newId)) {
			issues.push({
				file,
				id: oldId,
				message: 'the new id must be text like topic/kebab-case-slug'
			});
		} else if (!itemIds.has(newId)) {
			issues.push({ file, id: oldId, message: `the new id "${newId}" is not an item of the bank` });
		}
	}
	return issues;
}

/**
 * The card id a stored card id moves to under the map (a reversed card follows its question), or
 * undefined when its question was not renamed.
 * @example renameCardId('history/crrf-year:reverse', { 'history/crrf-year': 'operations/crrf-year' }) // 'operations/crrf-year:reverse'
 */
export function renameCardId(cardId: string, renames: IdRenames): string | undefined {
	const reversed = isReversedCardId(cardId);
	const itemId = reversed ? cardId.slice(0, -REVERSE_SUFFIX.length) : cardId;
	const renamed = Object.hasOwn(renames, itemId) ? renames[itemId] : undefined;
	if (renamed === undefined) return undefined;
	return reversed ? renamed + REVERSE_SUFFIX : renamed;
}
