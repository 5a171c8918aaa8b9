import { describe, expect, it } from 'vitest';
import { BackupError } from '../errors';
import { rateInTurn } from '../scheduling/fixtures';
import { SAMPLE_EXPORTED_AT, backupReview, backupText, sampleTables } from './fixtures';
import { BackupTextReader, isTruncatedJson, parseBackup } from './parse';
import { MAX_VALUE_CHARS } from './scan';

const NOW = SAMPLE_EXPORTED_AT;

/** A valid backup file's text for the sample tables. */
function sampleText(): string {
	return backupText({ appVersion: '0.1.0', exportedAt: SAMPLE_EXPORTED_AT }, sampleTables());
}

/** The sample backup as an object, with `change` applied, as text. */
type Row = Record<string, unknown>;
interface FileShape {
	[key: string]: unknown;
	cards: Row[];
	reviews: Row[];
	quizAttempts: unknown[];
	settings: Row[];
}

function edited(change: (file: FileShape) => void): string {
	const file = JSON.parse(sampleText());
	change(file);
	return JSON.stringify(file);
}

describe('parseBackup', () => {
	it('reads back exactly the rows that were written', () => {
		const backup = parseBackup(sampleText(), NOW);
		expect(backup).toEqual({
			appVersion: '0.1.0',
			exportedAt: SAMPLE_EXPORTED_AT,
			...sampleTables(),
			quarantine: []
		});
	});

	it('writes times as readable ISO text', () => {
		const file = JSON.parse(sampleText());
		expect(file).toMatchObject({
			format: 'csto-study-backup',
			version: 2,
			exportedAt: '2026-11-22T09:30:00.000Z'
		});
		expect(file.cards[1]).toMatchObject({
			lastReview: '2026-11-21T09:30:00.000Z',
			buriedUntil: '2026-11-22T09:30:00.000Z'
		});
		expect(file.cards[0].buriedUntil).toBeNull();
		expect(file.quizAttempts[1].finishedAt).toBeNull();
	});

	it('reads an empty backup', () => {
		const text = backupText(
			{ appVersion: '0.1.0', exportedAt: 0 },
			{ cards: [], reviews: [], quizAttempts: [], settings: [] }
		);
		expect(parseBackup(text, NOW)).toMatchObject({ cards: [], reviews: [], settings: [] });
	});

	it.each([
		['an empty file', '', /empty/],
		['text that is not JSON', 'Hello, world', /not JSON/],
		['a cut-short file', sampleText().slice(0, 400), /truncated/],
		['JSON of another kind', '[1, 2, 3]', /not a CSTO Study backup/],
		['another format', edited((f) => (f.format = 'anki-deck')), /another format \("anki-deck"\)/],
		['a newer version', edited((f) => (f.version = 3)), /newer version.*format 3/],
		[
			'a version that is not a number',
			edited((f) => (f.version = '1')),
			/version must be a whole number/
		],
		['a missing table', edited((f) => Reflect.deleteProperty(f, 'reviews')), /reviews is missing/],
		['a table that is not a list', edited((f) => (f.cards = {} as Row[])), /cards must be a list/],
		[
			'a wrong type',
			edited((f) => (f.reviews[1]!.rating = 'good')),
			/reviews\[1\]\.rating must be 1, 2, 3 or 4/
		],
		[
			'a missing field',
			edited((f) => delete f.cards[2]!.stability),
			/cards\[2\]\.stability is missing/
		],
		[
			'a row that is not an object',
			edited((f) => (f.quizAttempts[0] = 'x')),
			/quizAttempts\[0\] must be an object/
		],
		[
			'a date that does not parse',
			edited((f) => (f.cards[0]!.due = '2026-02-30T00:00:00Z')),
			/cards\[0\]\.due is not a date that can be read/
		],
		[
			'an export time that does not parse',
			edited((f) => (f.exportedAt = 'last Tuesday')),
			/exportedAt is not a date/
		],
		['a repeated id', edited((f) => (f.reviews[2]!.id = 1)), /reviews\[2\]\.id repeats/],
		[
			'a card the scheduler cannot rate (stability 0)',
			edited((f) => (f.cards[0]!.stability = 0)),
			/cards\[0\]\.stability must be above 0 for a studied card/
		],
		[
			'a card whose difficulty is outside FSRS’s range',
			edited((f) => (f.cards[0]!.difficulty = -3)),
			/cards\[0\]\.difficulty must be from 1 to 10/
		],
		[
			'a card last reviewed in the future',
			edited((f) => (f.cards[0]!.lastReview = '2027-01-01T00:00:00.000Z')),
			/cards\[0\]\.lastReview must not be later than now/
		],
		[
			'a quiz in progress whose options make no quiz link',
			edited((f) => delete (f.quizAttempts[1] as { data: { options: Row } }).data.options.topics),
			/quizAttempts\[1\]\.data\.options\.topics is missing/
		],
		[
			'a quiz answer that does not fit its question',
			edited((f) => {
				const data = (f.quizAttempts[0] as { data: { answers: Row[] } }).data;
				data.answers[0]!.answer = { type: 'ordering', order: [7, 7] };
			}),
			/quizAttempts\[0\]\.data\.answers\[0\]\.answer\.type must be/
		],
		['text after the backup', sampleText() + '{}', /not JSON/],
		[
			'a list that ends with a comma',
			edited((f) => f.settings.push({ key: 'x', value: 1 })).replace(/\}\]/, '},]'),
			/not JSON/
		],
		[
			'a quarantine list that is not a list',
			edited((f) => (f.quarantine = 'nothing')),
			/quarantine must be a list/
		],
		[
			'a setting out of range',
			edited((f) => (f.settings[1]!.value = 9000)),
			/settings\[1\] \(newPerDay\): New cards per day must be between 0 and 500/
		]
	])('refuses %s, naming the problem', (_name, text, message) => {
		expect(() => parseBackup(text, NOW)).toThrow(BackupError);
		expect(() => parseBackup(text, NOW)).toThrow(message);
	});

	it('keeps settings it does not know', () => {
		const backup = parseBackup(
			edited((f) => f.settings.push({ key: 'future', value: [1] })),
			NOW
		);
		expect(backup.settings.at(-1)).toEqual({ key: 'future', value: [1] });
	});
});

describe('an older backup format', () => {
	const DAY = 86_400_000;
	const T = Date.UTC(2026, 9, 1, 9);
	// Rated at the desired retention the backup's settings hold.
	const rated = rateInTurn(
		'members/current-six',
		[
			[3, T],
			[3, T + 600_000],
			[3, T + 9 * DAY]
		],
		{ desiredRetention: 0.85, enableFuzz: true }
	);

	/** A format 1 file: its reviews' due-before is the previous review time. */
	function formatOne(tables: ReturnType<typeof sampleTables>): string {
		const file = JSON.parse(
			backupText({ appVersion: '0.1.0', exportedAt: SAMPLE_EXPORTED_AT }, tables)
		);
		file.version = 1;
		return JSON.stringify(file);
	}

	it('recomputes format 1’s due-before from each card’s log, or marks it unknown', () => {
		const tables = sampleTables();
		tables.cards[0] = { ...tables.cards[0]!, ...rated.card };
		tables.reviews = [
			...rated.reviews.map((review, i) =>
				backupReview({
					...review,
					id: 10 + i,
					dueBefore: rated.reviews[i - 1]?.reviewedAt ?? review.reviewedAt
				})
			),
			// The sample's other reviews, of cards that are not what their logs give.
			...tables.reviews.filter((review) => review.cardId !== rated.card.id)
		];
		tables.settings.push({ key: 'desiredRetention', value: 0.85 });
		const backup = parseBackup(formatOne(tables), NOW);
		expect(backup.reviews.map((r) => r.dueBefore)).toEqual([
			...rated.reviews.map((r) => r.dueBefore),
			null,
			null
		]);
		expect(rated.reviews[2]!.dueBefore).not.toBe(rated.reviews[1]!.reviewedAt);
	});

	it('reads an unknown due-before of format 2 back as unknown', () => {
		const tables = sampleTables();
		tables.reviews[1] = { ...tables.reviews[1]!, dueBefore: null };
		const text = backupText({ appVersion: '0.1.0', exportedAt: 0 }, tables);
		expect(JSON.parse(text).reviews[1].dueBefore).toBeNull();
		expect(parseBackup(text, NOW).reviews).toEqual(tables.reviews);
	});
});

describe('isTruncatedJson', () => {
	it.each([
		['{"a": [1, 2', true],
		['{"a": "text', true],
		['{"a": "br{ace"', true],
		['{"a": "esc\\"aped', true],
		['{"a": 1}', false],
		['{"a": 1}}', false],
		['nothing', false]
	])('%s → %s', (text, truncated) => {
		expect(isTruncatedJson(text)).toBe(truncated);
	});
});

describe('parseBackup reading the text in pieces', () => {
	it('reads the same backup whatever the pieces are, down to one character each', () => {
		const text = sampleText();
		const whole = parseBackup(text, NOW);
		for (const size of [1, 7, 64, 1000]) {
			const reader = new BackupTextReader();
			for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
			const envelope = reader.finish();
			expect(envelope.rows.cards).toEqual(JSON.parse(text).cards);
			expect(envelope.appVersion).toBe(whole.appVersion);
		}
	});

	it('keeps the quarantine list: damaged originals come back exactly, NaN and missing fields included', () => {
		const quarantine = [
			{
				table: 'cards' as const,
				key: 'members/x',
				row: { id: 'members/x', stability: NaN, due: Infinity, difficulty: undefined },
				problem: 'stability must be a number',
				action: 'set aside' as const,
				quarantinedAt: NOW
			}
		];
		const text = backupText({ appVersion: '0.1.0', exportedAt: NOW }, sampleTables(), quarantine);
		expect(parseBackup(text, NOW).quarantine).toEqual(quarantine);
	});

	it('refuses a row larger than any backup holds', () => {
		const huge = `{"format":"csto-study-backup","version":1,"cards":["${'x'.repeat(MAX_VALUE_CHARS)}"]}`;
		expect(() => parseBackup(huge, NOW)).toThrow(/a row larger than 16 MB/);
	});
});
