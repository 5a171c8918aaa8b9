import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBank } from '../src/lib/content/read-bank';
import { toAnkiText } from '../src/lib/domain/backup/anki';
import { readAsAnki } from '../src/lib/domain/backup/fixtures';

describe('the Anki export of the real bank', () => {
	it('reads back, as Anki reads it, as one four-column note per item with the bank’s text', () => {
		const bank = readBank(resolve(import.meta.dirname, '..', 'questions'));
		const { header, records } = readAsAnki(toAnkiText(bank.items));
		expect(header.get('notetype')).toBe('Basic');
		expect(records).toHaveLength(bank.items.length);
		records.forEach((record, i) => {
			const item = bank.items[i]!;
			expect(record, item.id).toHaveLength(4);
			const [front, back, tags, guid] = record;
			expect(front).toBe(item.prompt);
			expect(back!.startsWith(`${item.answer}\n\n${item.explanation}\n\n`), item.id).toBe(true);
			for (const source of item.sources) expect(back).toContain(source.title);
			expect(tags).toBe(`csto::${item.topic}`);
			expect(guid).toBe(`csto-study:${item.id}`);
		});
		// Reading and validating the whole bank took 4 s on a busy 2-core machine.
	}, 30_000);
});
