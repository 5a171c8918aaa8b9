import type { Item, Source } from '../bank/schema';

/**
 * The header lines Anki's File › Import reads: tab-separated, plain text, the Basic notetype (without
 * it Anki uses the learner's last notetype: "Basic (and reversed card)" adds reverse cards, Cloze makes
 * empty ones), tags in column 3, a GUID in column 4, and a re-import updates the notes it matches.
 */
export const ANKI_HEADER = [
	'#separator:tab',
	'#html:false',
	'#notetype:Basic',
	'#deck:CSTO Study',
	'#tags column:3',
	'#guid column:4',
	'#if matches:update current'
] as const;

/**
 * One field of a tab-separated line: a field with a tab, a line break, a quote or a leading `#` is
 * wrapped in double quotes with its quotes doubled, which Anki's reader gives back as the text (tabs
 * and line breaks included); line ends become `\n`.
 * @example ankiField('He said "no"\tthen left') // '"He said ""no""\tthen left"'
 */
export function ankiField(text: string): string {
	const clean = text.replace(/\r\n?/g, '\n');
	return /["\n\t]|^#/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function formatSource(source: Source): string {
	const where = [source.publisher, source.date].filter(Boolean).join(', ');
	return [`${source.title} (${where})`, source.url].filter(Boolean).join(' ');
}

/** The back of an item's card: the answer, the explanation, the sources and the as-of month. */
export function ankiBack(item: Item): string {
	const sources = item.sources.map((s) => `Source: ${formatSource(s)}`);
	return [
		item.answer,
		'',
		item.explanation,
		'',
		...sources,
		...(item.asOf ? [`As of ${item.asOf}`] : [])
	].join('\n');
}

/** A tag for Anki (tags are separated by spaces, so a space inside one becomes `_`). */
function ankiTag(text: string): string {
	return text.trim().replace(/\s+/g, '_');
}

/**
 * The bank as a text file that Anki's File › Import accepts: one note per item, with the front
 * (prompt), the back (answer, explanation and source), the tags (`csto::<topic>`) and a stable
 * GUID from the item id, so that importing a newer export updates the notes instead of duplicating
 * them.
 */
export function toAnkiText(items: readonly Item[]): string {
	const lines: string[] = [...ANKI_HEADER];
	for (const item of items) {
		lines.push(
			[item.prompt, ankiBack(item), ankiTag(`csto::${item.topic}`), `csto-study:${item.id}`]
				.map(ankiField)
				.join('\t')
		);
	}
	return lines.join('\n') + '\n';
}
