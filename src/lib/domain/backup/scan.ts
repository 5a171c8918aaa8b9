// Reads a JSON object given in pieces of text, handing out the elements of the lists it is told to
// stream one by one: a backup file is read without ever holding its whole text (a large log makes
// a file of hundreds of megabytes, more than a browser can hold as one string or parse at once).

/** The largest single value the scanner holds at once: a row, or any other member's value. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

/** What the scanner found wrong; the caller turns it into a message for the learner. */
export class JsonScanError extends Error {
	constructor(
		readonly kind: 'syntax' | 'truncated' | 'too-large',
		message: string
	) {
		super(message);
		this.name = 'JsonScanError';
	}
}

/** What a whole object gave: its members, with each streamed list collected in order. */
export interface ScannedObject {
	members: Record<string, unknown>;
}

type Mode =
	'start' | 'key' | 'colon' | 'value' | 'after-value' | 'item' | 'after-item' | 'done' | 'other';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Scans the text of one top-level JSON object pushed in pieces. The members named in `lists` whose
 * value is a list are collected element by element (each parsed as soon as it is complete); every
 * other member's value is parsed whole. Anything that is not an object is kept as text for
 * `otherText`, so that the caller can say what it is.
 * @example const s = new JsonObjectScanner(['rows']); s.push('{"rows": [1,'); s.push(' 2]}'); s.end().members // { rows: [1, 2] }
 */
export class JsonObjectScanner {
	readonly #lists: ReadonlySet<string>;
	#mode: Mode = 'start';
	#members: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	#key = '';
	#list: unknown[] | undefined;
	// The value being read: its text so far, and where it stands.
	#parts: string[] = [];
	#length = 0;
	#depth = 0;
	#inString = false;
	#isEscaped = false;
	#kind: 'container' | 'string' | 'primitive' | undefined;
	/** The next backslash in the current piece (-1: none left; -2: not looked up yet). */
	#nextSlash = -2;
	#other: string[] = [];
	#otherLength = 0;
	#hasContent = false;
	/** Rows come one per line (as the app writes them) until a line proves otherwise. */
	#isLineFast = true;

	constructor(lists: readonly string[]) {
		this.#lists = new Set(lists);
	}

	/** True once any character other than white space has been read. */
	get hasContent(): boolean {
		return this.#hasContent;
	}

	/** The text of a file that is not a JSON object (or undefined when it is one). */
	get otherText(): string | undefined {
		return this.#mode === 'other' ? this.#other.join('') : undefined;
	}

	/** Reads the next piece of text. Throws JsonScanError on text that cannot be JSON. */
	push(text: string): void {
		if (this.#mode === 'other') {
			this.#keepOther(text);
			return;
		}
		let start = 0;
		this.#nextSlash = -2;
		for (let i = 0; i < text.length; i++) {
			if (this.#kind !== undefined) {
				const end = this.#findValueEnd(text, i);
				if (end < 0) break;
				this.#finishValue(text.slice(start, end));
				// The loop goes on after the value (a primitive ends before the character that ends it).
				i = end - 1;
				continue;
			}
			const c = text.charCodeAt(i);
			if (isSpace(c)) continue;
			this.#hasContent = true;
			switch (this.#mode) {
				case 'start':
					if (c !== 123 /* { */) {
						this.#mode = 'other';
						this.#keepOther(text.slice(i));
						return;
					}
					this.#mode = 'key';
					break;
				case 'key':
					if (c === 125 /* } */ && Object.keys(this.#members).length === 0) {
						this.#mode = 'done';
					} else if (c === 34 /* " */) {
						start = this.#beginValue(i, 'string');
					} else this.#syntax();
					break;
				case 'colon':
					if (c !== 58 /* : */) this.#syntax();
					this.#mode = 'value';
					break;
				case 'value':
					if (c === 91 /* [ */ && this.#lists.has(this.#key)) {
						this.#list = [];
						this.#members[this.#key] = this.#list;
						this.#mode = 'item';
					} else start = this.#beginValue(i, kindOf(c));
					break;
				case 'after-value':
					if (c === 44 /* , */) this.#mode = 'key';
					else if (c === 125 /* } */) this.#mode = 'done';
					else this.#syntax();
					break;
				case 'item':
					if (c === 93 /* ] */ && this.#list!.length === 0) {
						this.#mode = 'after-value';
					} else if (c === 123 && this.#isLineFast) {
						const end = this.#readRowLine(text, i);
						if (end < 0) start = this.#beginValue(i, 'container');
						else i = end - 1;
					} else start = this.#beginValue(i, kindOf(c));
					break;
				case 'after-item':
					if (c === 44 /* , */) this.#mode = 'item';
					else if (c === 93 /* ] */) this.#mode = 'after-value';
					else this.#syntax();
					break;
				case 'done':
					this.#syntax();
			}
		}
		if (this.#kind !== undefined) this.#hold(text.slice(start));
	}

	/**
	 * Follows the value being read from `from` (after its first character, which beginValue saw):
	 * the index just after its end in `text`, or -1 when it goes on past the text (its state is kept
	 * for the next piece). Strings are crossed with indexOf, not character by character.
	 */
	#findValueEnd(text: string, from: number): number {
		const kind = this.#kind;
		let depth = this.#depth;
		let inString = this.#inString;
		let isEscaped = this.#isEscaped;
		let i = from;
		let end = -1;
		while (i < text.length) {
			if (inString) {
				if (isEscaped) {
					isEscaped = false;
					i++;
					continue;
				}
				const quote = text.indexOf('"', i);
				// The next backslash is looked up once per piece and again only once passed: most
				// pieces have none, and searching to the end for each string would be quadratic.
				if (this.#nextSlash !== -1 && this.#nextSlash < i) {
					this.#nextSlash = text.indexOf('\\', i);
				}
				const slash = this.#nextSlash;
				if (slash >= 0 && (quote < 0 || slash < quote)) {
					isEscaped = true;
					i = slash + 1;
					continue;
				}
				// The string goes on into the next piece.
				if (quote < 0) break;
				inString = false;
				i = quote + 1;
				if (kind === 'string') {
					end = i;
					break;
				}
				continue;
			}
			const c = text.charCodeAt(i);
			if (kind === 'primitive') {
				if (isSpace(c) || c === 44 || c === 93 || c === 125) {
					end = i;
					break;
				}
			} else if (c === 34) inString = true;
			else if (c === 123 || c === 91) depth++;
			else if ((c === 125 || c === 93) && --depth === 0) {
				end = i + 1;
				break;
			}
			i++;
		}
		this.#depth = depth;
		this.#inString = inString;
		this.#isEscaped = isEscaped;
		return end;
	}

	/**
	 * The fast way for a file written by the app, one row per line: the row is the line up to its
	 * comma, parsed at once. A raw line break cannot be inside a JSON string, so when that text parses
	 * as one object it is exactly the row. Returns the index after the row, or -1 (and the fast way
	 * is given up for this file) when the line is not one whole row.
	 */
	#readRowLine(text: string, at: number): number {
		const lineEnd = text.indexOf('\n', at);
		if (lineEnd < 0) return -1;
		let end = lineEnd;
		while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
		if (text.charCodeAt(end - 1) === 44 /* , */) end--;
		if (text.charCodeAt(end - 1) !== 125 /* } */ || end - at > MAX_VALUE_CHARS) {
			this.#isLineFast = false;
			return -1;
		}
		try {
			this.#list!.push(JSON.parse(text.slice(at, end)));
		} catch {
			this.#isLineFast = false;
			return -1;
		}
		this.#mode = 'after-item';
		return end;
	}

	/** Ends the text: the members, or a JsonScanError when the object is not complete. */
	end(): ScannedObject {
		if (this.#mode !== 'done' || this.#kind !== undefined) {
			throw new JsonScanError('truncated', 'The text ends before the object is complete.');
		}
		return { members: this.#members };
	}

	#keepOther(text: string): void {
		this.#otherLength += text.length;
		if (this.#otherLength > MAX_VALUE_CHARS) {
			throw new JsonScanError('too-large', 'The text is not a JSON object.');
		}
		this.#other.push(text);
	}

	#syntax(): never {
		throw new JsonScanError('syntax', 'The text is not JSON.');
	}

	#beginValue(at: number, kind: 'container' | 'string' | 'primitive' | undefined): number {
		if (!kind) this.#syntax();
		this.#kind = kind;
		this.#parts = [];
		this.#length = 0;
		this.#depth = kind === 'container' ? 1 : 0;
		this.#inString = kind === 'string';
		this.#isEscaped = false;
		return at;
	}

	#hold(text: string): void {
		this.#length += text.length;
		if (this.#length > MAX_VALUE_CHARS) {
			throw new JsonScanError('too-large', 'One value is larger than a row can be.');
		}
		this.#parts.push(text);
	}

	#finishValue(lastPart: string): void {
		this.#hold(lastPart);
		const text = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
		this.#parts = [];
		this.#kind = undefined;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			this.#syntax();
		}
		switch (this.#mode) {
			case 'key':
				this.#key = value as string;
				this.#mode = 'colon';
				break;
			case 'value':
				this.#members[this.#key] = value;
				this.#mode = 'after-value';
				break;
			case 'item':
				this.#list!.push(value);
				this.#mode = 'after-item';
				break;
		}
	}
}

/** What kind of JSON value starts with character `c`; undefined when none does. */
function kindOf(c: number): 'container' | 'string' | 'primitive' | undefined {
	if (c === 123 || c === 91) return 'container';
	if (c === 34) return 'string';
	// A number (- or a digit), true, false or null.
	const isPrimitiveStart = c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
	return isPrimitiveStart ? 'primitive' : undefined;
}
