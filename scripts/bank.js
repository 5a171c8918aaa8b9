// `npm run bank -- --check`: validate the bank and print counts per topic and kind.
// `npm run --silent bank -- --json`: print the whole validated bank as JSON on stdout, nothing else.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const mode = args.includes('--json') ? 'json' : args.includes('--check') ? 'check' : undefined;
if (!mode) {
	console.error('Usage: npm run bank -- --check | npm run --silent bank -- --json');
	process.exit(2);
}

const { module } = await runnerImport('/src/lib/content/read-bank.ts', {
	configFile: false,
	logLevel: 'silent',
	root: process.cwd()
});

let bank;
try {
	bank = module.readBank(resolve('questions'));
} catch (error) {
	console.error(error.message);
	process.exit(1);
}

if (mode === 'json') {
	// A reader that stops early (`| head`) is not an error.
	process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));
	process.stdout.write(JSON.stringify(bank, null, '\t') + '\n');
} else {
	const kinds = [...new Set(bank.items.map((item) => item.kind))].sort();
	const rows = bank.topics.map((topic) => {
		const items = bank.items.filter((item) => item.topic === topic.id);
		const row = { topic: topic.id, items: items.length };
		for (const kind of kinds) row[kind] = items.filter((item) => item.kind === kind).length;
		return row;
	});
	const total = { topic: 'all', items: bank.items.length };
	for (const kind of kinds) total[kind] = bank.items.filter((item) => item.kind === kind).length;
	console.table([...rows, total]);
	console.log(
		`The bank is valid: ${bank.items.length} items in ${bank.topics.length} topics, facts as of ${bank.asOf || 'no date'}.`
	);
}
