import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBank } from '../src/lib/domain/bank/validate';
import { BankValidationError } from '../src/lib/domain/errors';

// Hostile input: whatever a bank file holds, the validator either returns a bank or throws a
// BankValidationError that names a file. It never throws anything else.
const fieldValue = fc.oneof(
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant(undefined),
	fc.array(fc.string(), { maxLength: 5 }),
	fc.date({ noInvalidDate: false }),
	fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })
);

const itemLike = fc.record(
	{
		id: fc.oneof(fc.constantFrom('members/a', 'members/b', 'history/a', 'x'), fc.string()),
		kind: fc.oneof(fc.constantFrom('qa', 'set', 'timeline', 'pairs', 'statement'), fc.string()),
		prompt: fieldValue,
		answer: fieldValue,
		explanation: fieldValue,
		sources: fc.oneof(
			fieldValue,
			fc.array(
				fc.record({ title: fieldValue, publisher: fieldValue, date: fieldValue, url: fieldValue }),
				{
					maxLength: 2
				}
			)
		),
		asOf: fieldValue,
		difficulty: fc.oneof(fc.constantFrom(1, 2, 3), fieldValue),
		tags: fieldValue,
		category: fc.oneof(fc.constantFrom('country', 'year'), fieldValue),
		distractors: fieldValue,
		members: fieldValue,
		others: fieldValue,
		events: fc.oneof(
			fieldValue,
			fc.array(fc.record({ date: fieldValue, text: fieldValue, ask: fieldValue }), { maxLength: 4 })
		),
		pairs: fc.oneof(
			fieldValue,
			fc.array(fc.record({ left: fieldValue, right: fieldValue }), { maxLength: 5 })
		),
		truth: fieldValue,
		falsehoods: fieldValue,
		accept: fc.oneof(fieldValue, fc.dictionary(fc.string(), fc.array(fc.string())))
	},
	{ requiredKeys: [] }
);

const fileLike = fc.oneof(
	fieldValue,
	fc.record(
		{
			topic: fc.oneof(fc.constantFrom('members', 'history', 'armenia'), fieldValue),
			title: fieldValue,
			description: fieldValue,
			items: fc.oneof(fieldValue, fc.array(fc.oneof(itemLike, fieldValue), { maxLength: 4 }))
		},
		{ requiredKeys: [] }
	)
);

describe('bank validator under hostile input', () => {
	it('never throws anything but a BankValidationError naming the file', () => {
		fc.assert(
			fc.property(fc.array(fileLike, { maxLength: 3 }), (datas) => {
				const files = datas.map((data, index) => ({ file: `questions/f${index}.yaml`, data }));
				try {
					const bank = validateBank(files, { currentMonth: '2026-11' });
					expect(bank.items.length).toBeGreaterThan(0);
				} catch (error) {
					expect(error).toBeInstanceOf(BankValidationError);
					for (const issue of (error as BankValidationError).issues) {
						expect(issue.file).toMatch(/^questions\//);
						expect(issue.message.length).toBeGreaterThan(0);
					}
				}
			}),
			{ numRuns: 3000 }
		);
		// 3000 validations took 7 s on two busy cores, over Vitest's 5 s default.
	}, 120_000);
});
