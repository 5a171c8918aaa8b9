// A small static file server for tests and benchmarks: serves a folder and answers any unknown path
// with its SPA fallback (200.html), gzip and cache headers, as a static host would.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

/** Gzipped files, compressed once each (keyed by path, size and change time), as a CDN keeps them. */
const gzipped = new Map();
function gzipOf(file) {
	const { size, mtimeMs } = statSync(file);
	const key = `${file}|${size}|${mtimeMs}`;
	let body = gzipped.get(key);
	if (!body) gzipped.set(key, (body = gzipSync(readFileSync(file))));
	return body;
}

/** Starts serving `dir` on `port`; resolves to the server. */
export function serveStatic(dir, port) {
	const root = resolve(dir);
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) =>
			join(root, normalize(p))
		);
		let file = candidates.find((c) => c.startsWith(root) && existsSync(c) && statSync(c).isFile());
		let status = 200;
		if (!file) file = join(root, '200.html');
		if (!existsSync(file)) {
			status = 404;
			response.writeHead(status).end('Not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const headers = { 'content-type': type, vary: 'accept-encoding' };
		// As a static host would: hashed assets are immutable, everything else is revalidated.
		headers['cache-control'] = path.includes('/_app/immutable/')
			? 'public, max-age=31536000, immutable'
			: 'no-cache';
		const isText = /text|javascript|json|svg|manifest|wasm/.test(type);
		if (isText && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
			headers['content-encoding'] = 'gzip';
			const body = gzipOf(file);
			headers['content-length'] = String(body.length);
			response.writeHead(status, headers);
			response.end(body);
			return;
		}
		response.writeHead(status, headers);
		createReadStream(file).pipe(response);
	});
	return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [dir = 'build', port = '4173'] = process.argv.slice(2);
	await serveStatic(dir, Number(port));
	console.log(`Serving ${dir} at http://localhost:${port}`);
}
