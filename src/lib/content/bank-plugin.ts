// Build-time only: a Vite plugin that serves the validated bank as two modules:
// `virtual:csto-bank`, the whole bank, and `virtual:csto-bank-index`, only what Home needs to count
// cards (id, topic, kind, category), so that the first page does not download every explanation.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Bank } from '../domain/bank/schema.ts';
import { readBank } from './read-bank.ts';

const BANK_ID = 'virtual:csto-bank';
const INDEX_ID = 'virtual:csto-bank-index';

/** The part of each item that decides which flashcards it makes. */
export function toBankIndex(bank: Bank) {
	return bank.items.map((item) => ({
		id: item.id,
		topic: item.topic,
		kind: item.kind,
		...(item.kind === 'qa' ? { category: item.category } : {})
	}));
}

/** Validates questions/ when the bundle asks for the bank; a broken bank fails the build. */
export function bankPlugin(dir = resolve('questions')): Plugin {
	return {
		name: 'csto-bank',
		resolveId(id) {
			return id === BANK_ID || id === INDEX_ID ? '\0' + id : undefined;
		},
		load(id) {
			if (id !== '\0' + BANK_ID && id !== '\0' + INDEX_ID) return undefined;
			this.addWatchFile(dir);
			const bank = readBank(dir);
			const data = id === '\0' + BANK_ID ? bank : toBankIndex(bank);
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
		}
	};
}
