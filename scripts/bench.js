// `npm run bench`: every figure as one JSON line on stdout
// ({"name": "...", "value": <number>, "unit": "ms" | "KB" | "score" | "count"}), and a table on stderr.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { runnerImport } from 'vite';

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const figures = [];

function report(figure) {
	figures.push(figure);
	process.stdout.write(JSON.stringify(figure) + '\n');
}

const benches = readdirSync('scripts/bench')
	.filter((name) => /\.(js|ts)$/.test(name))
	.sort()
	.filter((name) => only.length === 0 || only.some((word) => name.includes(word)));

// `--no-build` reuses the build already in build/ (when measuring the same build again).
if (
	!process.argv.includes('--no-build') &&
	benches.some((name) => /^(bundle|lighthouse|axe|speed)/.test(name))
) {
	process.stderr.write('Building the production app…\n');
	execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

for (const name of benches) {
	process.stderr.write(`Running ${name}…\n`);
	const { module } = name.endsWith('.ts')
		? await runnerImport(`/scripts/bench/${name}`, { logLevel: 'silent', root: process.cwd() })
		: { module: await import(`./bench/${name}`) };
	await module.run(report);
}

const width = Math.max(...figures.map((f) => f.name.length), 4);
process.stderr.write(`\n${'name'.padEnd(width)}  value\n`);
for (const f of figures) process.stderr.write(`${f.name.padEnd(width)}  ${f.value} ${f.unit}\n`);
