import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonObjectScanner, JsonScanError } from './scan';

function scan(text: string, lists: string[], pieces: number[] = []): Record<string, unknown> {
	const scanner = new JsonObjectScanner(lists);
	let at = 0;
	for (const size of pieces) {
		scanner.push(text.slice(at, at + size));
		at += size;
	}
	scanner.push(text.slice(at));
	return scanner.end().members;
}

describe('JsonObjectScanner', () => {
	it('reads any JSON object exactly as JSON.parse does, whatever the pieces it comes in', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
				fc.array(fc.nat({ max: 12 }), { maxLength: 40 }),
				fc.boolean(),
				(object, pieces, pretty) => {
					const text = JSON.stringify(object, null, pretty ? '\t' : undefined);
					const lists = Object.keys(object).filter((key) => Array.isArray(object[key]));
					expect({ ...scan(text, lists, pieces) }).toEqual(JSON.parse(text));
				}
			),
			{ numRuns: 500 }
		);
	});

	it.each([
		['{"a": [1, 2', 'truncated'],
		['{"a": "br]ace', 'truncated'],
		['{"a": 1', 'truncated'],
		['{', 'truncated'],
		['{"a": 1,}', 'syntax'],
		['{"a": [1,]}', 'syntax'],
		['{"a": }', 'syntax'],
		['{"a" 1}', 'syntax'],
		['{"a": tru}', 'syntax'],
		['{"a": 1} x', 'syntax'],
		['{a: 1}', 'syntax']
	])('refuses %s (%s)', (text, kind) => {
		const attempt = () => scan(text, ['a']);
		expect(attempt).toThrow(JsonScanError);
		try {
			attempt();
		} catch (error) {
			expect((error as JsonScanError).kind).toBe(kind);
		}
	});

	it('keeps the text of anything that is not an object, and keys such as __proto__ as plain data', () => {
		const scanner = new JsonObjectScanner([]);
		scanner.push('  [1, 2]');
		expect(scanner.otherText).toBe('[1, 2]');
		const members = scan('{"__proto__": {"x": 1}, "list": [{"__proto__": 2}]}', ['list']);
		expect(Object.keys(members)).toEqual(['__proto__', 'list']);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});
