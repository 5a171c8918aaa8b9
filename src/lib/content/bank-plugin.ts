// Build-time only: a Vite plugin that serves the validated bank as the module `virtual:csto-bank`.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readBank } from './read-bank.ts';

const VIRTUAL_ID = 'virtual:csto-bank';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Validates questions/ when the bundle asks for the bank; a broken bank fails the build. */
export function bankPlugin(dir = resolve('questions')): Plugin {
	return {
		name: 'csto-bank',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			this.addWatchFile(dir);
			const bank = readBank(dir);
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(bank))});`;
		}
	};
}
