// Finds a Chromium for the browser tests: $CHROME_PATH, then /usr/bin/chromium, then Playwright's
// own; as root with apt-get it installs Debian's chromium; otherwise it stops and says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightChromium() {
	try {
		return execFileSync(
			process.execPath,
			['-e', "console.log(require('playwright-core').chromium.executablePath())"],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
		).trim();
	} catch {
		return '';
	}
}

function hasAptGet() {
	try {
		execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Returns the path of a Chromium binary, installing Debian's when it can; exits with a message when it cannot. */
export function findChromium() {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		console.error(
			`CHROME_PATH is set to ${fromEnv}, but no file is there. Fix or unset CHROME_PATH.`
		);
		process.exit(1);
	}
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	const own = playwrightChromium();
	if (own && existsSync(own)) return own;

	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && hasAptGet()) {
		console.error('No Chromium found: installing Debian’s chromium package (1–2 minutes)…');
		execFileSync('apt-get', ['update'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	}
	console.error(
		'No Chromium found for the browser tests. Install one (on Debian or Ubuntu: ' +
			'`sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome binary.'
	);
	process.exit(1);
}
