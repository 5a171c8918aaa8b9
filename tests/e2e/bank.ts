// The question bank as the build reads it, for the browser tests that check what the pages show of it.
import { resolve } from 'node:path';
import { readBank } from '../../src/lib/content/read-bank';

export const bank = readBank(resolve(import.meta.dirname, '../../questions'));
