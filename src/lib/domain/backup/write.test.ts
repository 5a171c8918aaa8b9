import { describe, expect, it } from 'vitest';
import { sampleTables } from './fixtures';
import { backupFileName, writeBackupJson } from './write';

describe('writeBackupJson', () => {
	it('writes valid JSON in parts of at most the chunk size, counting rows as it goes', () => {
		const tables = sampleTables();
		const parts = [...writeBackupJson({ appVersion: '0.1.0', exportedAt: 0 }, tables, 2)];
		const file = JSON.parse(parts.map((p) => p.part).join(''));
		expect(Object.keys(file)).toEqual([
			'format',
			'version',
			'appVersion',
			'exportedAt',
			'settings',
			'cards',
			'reviews',
			'quizAttempts',
			'quarantine'
		]);
		expect(file.quarantine).toEqual([]);
		expect(file.cards).toHaveLength(4);
		const counts = parts.map((p) => p.rowsDone);
		expect(counts.at(-1)).toBe(11);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		// Never more than two rows in one part.
		expect(Math.max(...counts.map((c, i) => c - (counts[i - 1] ?? 0)))).toBe(2);
	});
});

describe('backupFileName', () => {
	it('names the file by kind and local date', () => {
		const now = new Date(2026, 10, 8, 23, 0).getTime();
		expect(backupFileName(now, 'backup')).toBe('csto-study-backup-2026-11-08.json');
		expect(backupFileName(now, 'anki')).toBe('csto-study-anki-2026-11-08.txt');
		expect(backupFileName(now, 'progress')).toBe('csto-study-progress-2026-11-08.csv');
	});
});
