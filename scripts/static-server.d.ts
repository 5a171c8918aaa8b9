// Types for static-server.js, so that TypeScript tests can import it without type-checking the script.
import type { Server } from 'node:http';

/** Starts serving `dir` on `port`, answering unknown paths with `200.html`; resolves to the server. */
export function serveStatic(dir: string, port: number): Promise<Server>;
