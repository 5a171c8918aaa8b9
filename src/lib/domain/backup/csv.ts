/** The fields of a stored card that the progress CSV lists. */
export interface CsvCard {
	id: string;
	topic: string;
	state: number;
	due: number;
	stability: number;
	difficulty: number;
	reps: number;
	lapses: number;
	lastReview: number | null;
}

/** The column names of the progress CSV, in order. */
export const PROGRESS_CSV_COLUMNS = [
	'id',
	'topic',
	'state',
	'due',
	'stability',
	'difficulty',
	'reps',
	'lapses',
	'last review'
] as const;

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
 * @example csvField('a,"b"') // '"a,""b"""'
 */
export function csvField(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (time: number) => new Date(time).toISOString();
const round = (n: number) => Number(n.toFixed(4));

/**
 * The learner's progress as CSV (RFC 4180, CRLF line ends): one row per card, sorted by id, with its
 * state by name, due date, stability (days), difficulty, reps, lapses and last review.
 */
export function toProgressCsv(cards: readonly CsvCard[]): string {
	const rows = [...cards]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((card) =>
			[
				card.id,
				card.topic,
				STATE_NAMES[card.state] ?? String(card.state),
				iso(card.due),
				round(card.stability),
				round(card.difficulty),
				card.reps,
				card.lapses,
				card.lastReview === null ? '' : iso(card.lastReview)
			]
				.map(csvField)
				.join(',')
		);
	return [PROGRESS_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
