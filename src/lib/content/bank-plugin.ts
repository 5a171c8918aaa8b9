// Build-time only: a Vite plugin that serves the validated bank as virtual modules:
// `virtual:csto-bank`, the whole bank; `virtual:csto-bank-index`, only what Home needs to count
// cards (id, topic, kind, category), so that the first page does not download every explanation;
// `virtual:csto-membership`, the membership data with the items about each state (the Members page);
// and `virtual:csto-map`, the map's projected paths.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Bank } from '../domain/bank/schema.ts';
import { aboutStates } from './about-states.ts';
import { readBank } from './read-bank.ts';
import { readMapGeometry } from './read-map.ts';

const BANK_ID = 'virtual:csto-bank';
const INDEX_ID = 'virtual:csto-bank-index';
const MEMBERSHIP_ID = 'virtual:csto-membership';
const MAP_ID = 'virtual:csto-map';
const IDS = [BANK_ID, INDEX_ID, MEMBERSHIP_ID, MAP_ID];

/**
 * The part of each item that decides which flashcards it makes, without its topic: that is the
 * prefix of its id (the bank's validator checks it), and `bank-index.ts` puts it back. Left out, it
 * saves Home about 0.2 KB of gzip.
 */
export function toBankIndex(bank: Bank) {
	return bank.items.map((item) => ({
		id: item.id,
		kind: item.kind,
		...(item.kind === 'qa' ? { category: item.category } : {})
	}));
}

/** What the Members page needs: the membership data, the map's states and the items about each. */
export function toMembershipModule(bank: Bank) {
	if (!bank.membership || !bank.mapStates) {
		throw new Error('questions/membership.yaml is missing: the Members page and the map need it.');
	}
	return {
		membership: bank.membership,
		mapStates: bank.mapStates,
		about: aboutStates(bank.items, bank.mapStates)
	};
}

/** Validates questions/ when the bundle asks for the bank; a broken bank fails the build. */
export function bankPlugin(dir = resolve('questions')): Plugin {
	return {
		name: 'csto-bank',
		resolveId(id) {
			return IDS.includes(id) ? '\0' + id : undefined;
		},
		load(id) {
			if (!id.startsWith('\0') || !IDS.includes(id.slice(1))) return undefined;
			// Each file, not the folder: Vite's dev server turns a watched path into an import, and a
			// folder cannot be imported (component tests failed to load the map module).
			for (const name of readdirSync(dir)) this.addWatchFile(join(dir, name));
			const bank = readBank(dir);
			const which = id.slice(1);
			const data =
				which === BANK_ID
					? bank
					: which === INDEX_ID
						? toBankIndex(bank)
						: which === MEMBERSHIP_ID
							? toMembershipModule(bank)
							: readMapGeometry(toMembershipModule(bank).membership);
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
		}
	};
}
