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
	#other: string[] = [];
	#otherLength = 0;
	#hasContent = false;

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
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (this.#kind !== undefined) {
				const end = this.#scanValue(c);
				if (end === 'more') continue;
				// A primitive ends before the character that ends it; a container or string on it.
				const stop = end === 'before' ? i : i + 1;
				this.#finishValue(text.slice(start, stop));
				if (end === 'before') i--;
				continue;
			}
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

	/** Follows one character of the value being read: whether it ends the value, and where. */
	#scanValue(c: number): 'more' | 'on' | 'before' {
		if (this.#inString) {
			if (this.#isEscaped) this.#isEscaped = false;
			else if (c === 92 /* \ */) this.#isEscaped = true;
			else if (c === 34 /* " */) {
				this.#inString = false;
				if (this.#kind === 'string') return 'on';
			}
			return 'more';
		}
		if (this.#kind === 'primitive') {
			return isSpace(c) || c === 44 || c === 93 || c === 125 ? 'before' : 'more';
		}
		if (c === 34) this.#inString = true;
		else if (c === 123 || c === 91) this.#depth++;
		else if (c === 125 || c === 93) {
			this.#depth--;
			if (this.#depth === 0) return 'on';
		}
		return 'more';
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
