import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { readBank } from '../src/lib/content/read-bank';

const ROOT = resolve(import.meta.dirname, '..');
// Each run starts Node and Vite's module runner: about 5 s on two busy cores, over Vitest's default.
const CLI_TIMEOUT = 60_000;

it(
	'`bank --json` prints the whole validated bank as JSON and nothing else',
	() => {
		const stdout = execFileSync('node', ['scripts/bank.js', '--json'], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(JSON.parse(stdout)).toEqual(readBank(resolve(ROOT, 'questions')));
	},
	CLI_TIMEOUT
);

it(
	'`bank --check` prints counts per topic and kind',
	() => {
		const stdout = execFileSync('node', ['scripts/bank.js', '--check'], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(stdout).toMatch(/armenia\s*'?\s*│\s*\d+/);
		expect(stdout).toMatch(/The bank is valid: \d+ items in 8 topics/);
	},
	CLI_TIMEOUT
);

it(
	'`bank` without a mode says how to use it',
	() => {
		const run = spawnSync('node', ['scripts/bank.js'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/Usage/);
	},
	CLI_TIMEOUT
);
