import { describe, expect, it } from 'vitest';
import { backupText, sampleTables } from './fixtures';
import { BackupJsonWriter, backupFileName } from './write';

describe('BackupJsonWriter', () => {
	it('writes valid JSON, its lists in order, whether a list comes in one piece or in several', () => {
		const tables = sampleTables();
		const file = JSON.parse(backupText({ appVersion: '0.1.0', exportedAt: 0 }, tables));
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
		// The same list in one piece and in pieces of two and one (an empty piece writes nothing).
		const whole = new BackupJsonWriter();
		const pieces = new BackupJsonWriter();
		const cards = tables.cards;
		expect([whole.open('cards'), whole.rows(cards), whole.close()].join('')).toBe(
			[
				pieces.open('cards'),
				pieces.rows(cards.slice(0, 2)),
				pieces.rows([]),
				pieces.rows(cards.slice(2, 3)),
				pieces.rows(cards.slice(3)),
				pieces.close()
			].join('')
		);
		expect([whole.open('reviews'), whole.close()].join('')).toBe(',\n\t"reviews": []');
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
