import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayCard } from '../scheduling/fsrs';
import { FIXTURE_NOW, quizRecord, storedCard, storedQuiz, storedReview } from './fixtures';
import { describeFinding, planCheck, summarizeCheck, type StoredRows } from './repair';
import { ROW_VALIDATORS, STORED_TABLES } from './rows';

const NOW = FIXTURE_NOW;
const DAY = 86_400_000;
const OPTIONS = { desiredRetention: 0.9, enableFuzz: true };
const TARGET = { cardId: 'members/headquarters', itemId: 'members/headquarters', topic: 'members' };

/** A card and its log as the app would have written them: three ratings replayed. */
function studied() {
	const log = [
		{ rating: 3 as const, reviewedAt: NOW - 20 * DAY },
		{ rating: 3 as const, reviewedAt: NOW - 19 * DAY },
		{ rating: 1 as const, reviewedAt: NOW - 5 * DAY }
	];
	const replayed = replayCard(TARGET, log, OPTIONS)!;
	const reviews = replayed.reviews.map((fields, i) => ({
		...fields,
		id: i + 1,
		durationMs: 2000,
		source: 'review' as const
	}));
	return { card: replayed.card, reviews };
}

function tables(overrides: Partial<StoredRows> = {}): StoredRows {
	return { settings: [], cards: [], reviews: [], quizAttempts: [], ...overrides };
}

describe('planCheck', () => {
	it('leaves valid rows alone and says everything is in order', () => {
		const { card, reviews } = studied();
		const plan = planCheck(
			tables({
				cards: [card],
				reviews,
				quizAttempts: [storedQuiz()],
				settings: [{ key: 'theme', value: 'dark' }]
			}),
			NOW,
			OPTIONS
		);
		expect(plan.findings).toEqual([]);
		expect(plan.quarantine).toEqual([]);
		expect(summarizeCheck(plan)).toBe(
			'Checked 1 setting, 1 card, 3 reviews and 1 quiz: everything is in order.'
		);
	});

	it('rebuilds a card with a missing or impossible memory state from its log, keeping its marks', () => {
		const { card, reviews } = studied();
		for (const damage of [{ stability: undefined }, { difficulty: 0 }, { stability: NaN }]) {
			const broken = { ...card, ...damage, suspended: 1 };
			const plan = planCheck(tables({ cards: [broken], reviews }), NOW, OPTIONS);
			expect(plan.put.cards).toEqual([{ ...card, suspended: 1 }]);
			expect(plan.findings).toEqual([
				expect.objectContaining({ action: 'repaired', key: card.id })
			]);
			expect(describeFinding(plan.findings[0]!)).toMatch(
				/^Card “members\/headquarters”: (stability|difficulty) .*\. Repaired: rebuilt its memory state from its 3 ratings\.$/
			);
			expect(plan.quarantine).toEqual([
				expect.objectContaining({ table: 'cards', row: broken, action: 'repaired' })
			]);
		}
	});

	it('rebuilds a card whose last review is in the future from its ratings up to now', () => {
		const { card, reviews } = studied();
		const ahead = { ...card, lastReview: NOW + DAY, due: NOW + 2 * DAY };
		const plan = planCheck(tables({ cards: [ahead], reviews }), NOW, OPTIONS);
		expect(plan.put.cards).toEqual([card]);
	});

	it('sets aside a studied card with no log, and makes a damaged new card new again', () => {
		const plan = planCheck(
			tables({
				cards: [
					storedCard({ stability: 0 }),
					storedCard({ id: 'history/x', itemId: 'history/x', state: 0, difficulty: -1 })
				]
			}),
			NOW,
			OPTIONS
		);
		expect(plan.remove.cards).toEqual(['members/headquarters']);
		expect(plan.put.cards).toEqual([
			expect.objectContaining({ id: 'history/x', state: 0, stability: 0, difficulty: 0 })
		]);
		expect(plan.findings.map((f) => f.action)).toEqual(['set aside', 'repaired']);
	});

	it('repairs a log row’s figures from its card’s log and sets aside a row with no rating', () => {
		const { card, reviews } = studied();
		const broken = { ...reviews[1]!, stability: -1, source: 'elsewhere' };
		const plan = planCheck(
			tables({
				cards: [card],
				reviews: [reviews[0], broken, reviews[2], storedReview({ id: 9, rating: 7 })]
			}),
			NOW,
			OPTIONS
		);
		expect(plan.put.reviews).toEqual([{ ...reviews[1], source: 'review' }]);
		expect(plan.remove.reviews).toEqual([9]);
	});

	it('regrades answers, recounts the score, keeps a finished quiz’s score without an unreadable record, and sets aside an unreadable quiz in progress', () => {
		const record = quizRecord(4);
		const noGrade = structuredClone(record);
		delete (noGrade.answers[0] as Partial<(typeof noGrade.answers)[0]>).grade;
		const badOptions = structuredClone(quizRecord(2));
		delete (badOptions.options as Partial<typeof badOptions.options>).topics;
		const plan = planCheck(
			tables({
				quizAttempts: [
					storedQuiz(noGrade, { id: 1, score: 3 }),
					storedQuiz(record, { id: 2, score: 0 }),
					storedQuiz(badOptions, { id: 3, score: 7, maxScore: 8 }),
					storedQuiz(badOptions, { id: 4, status: 'active', finishedAt: 0 })
				]
			}),
			NOW,
			OPTIONS
		);
		expect(plan.put.quizAttempts).toEqual([
			storedQuiz(record, { id: 1 }),
			storedQuiz(record, { id: 2 }),
			storedQuiz(badOptions, { id: 3, data: null, score: 7, maxScore: 8 })
		]);
		expect(plan.remove.quizAttempts).toEqual([4]);
		expect(summarizeCheck(plan)).toMatch(
			/^Checked 0 settings, 0 cards, 0 reviews and 4 quizzes: found 4 damaged rows, repaired 3 and set aside 1\./
		);
	});

	it('sets aside a setting with a value the app does not allow', () => {
		const plan = planCheck(
			tables({
				settings: [
					{ key: 'newPerDay', value: -5 },
					{ key: 'theme', value: 'dark' }
				]
			}),
			NOW,
			OPTIONS
		);
		expect(plan.remove.settings).toEqual(['newPerDay']);
		expect(describeFinding(plan.findings[0]!)).toBe(
			'Setting “newPerDay”: New cards per day must be between 0 and 500. Set aside: the default value applies instead.'
		);
	});
});

// Damage of every kind the fuzz applies to a valid row: a field removed, or set to a hostile value.
const hostile = fc.oneof(
	fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e300, null, undefined, '', 'x', true, [], {}),
	fc.integer(),
	fc.double(),
	fc.string({ maxLength: 5 }),
	fc.jsonValue({ maxDepth: 2 })
);

function damageAt(row: unknown, path: (string | number)[], value: unknown, remove: boolean) {
	const copy = structuredClone(row) as Record<string | number, unknown>;
	let target = copy;
	for (const step of path.slice(0, -1)) target = target[step] as typeof target;
	const last = path.at(-1)!;
	if (remove) delete target[last];
	else target[last] = value;
	return copy;
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => [
			[...prefix, Array.isArray(value) ? Number(key) : key],
			...pathsOf(inner, [...prefix, Array.isArray(value) ? Number(key) : key])
		]);
	}
	return [];
}

describe('planCheck under damaged rows (fuzz)', () => {
	const { card, reviews } = studied();
	const samples: { table: (typeof STORED_TABLES)[number]; row: unknown }[] = [
		{ table: 'cards', row: card },
		{
			table: 'cards',
			row: storedCard({
				id: 'history/new',
				state: 0,
				stability: 0,
				difficulty: 0,
				lastReview: null,
				reps: 0
			})
		},
		{ table: 'reviews', row: reviews[1] },
		{ table: 'quizAttempts', row: storedQuiz(quizRecord(5), { id: 7 }) },
		{
			table: 'quizAttempts',
			row: storedQuiz(quizRecord(2), { id: 8, status: 'active', finishedAt: 0 })
		},
		{ table: 'settings', row: { key: 'reviewLimit', value: 100 } }
	];

	it('repairs every damaged row into a valid one or sets it aside, keeping its original', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: samples.length - 1 }),
				fc.nat(),
				hostile,
				fc.boolean(),
				(which, pathIndex, value, remove) => {
					const { table, row } = samples[which]!;
					const paths = pathsOf(row).filter(
						(p) => !(p.length === 1 && p[0] === (table === 'settings' ? 'key' : 'id'))
					);
					const damaged = damageAt(row, paths[pathIndex % paths.length]!, value, remove);
					const rows = tables({ cards: [card], reviews });
					const replaced = { ...rows, [table]: [...rows[table].filter((r) => r !== row), damaged] };
					const plan = planCheck(replaced, NOW, OPTIONS);
					const problem = ROW_VALIDATORS[table](damaged, NOW);
					if (!problem) {
						expect(plan.findings).toEqual([]);
						return;
					}
					expect(plan.findings).toHaveLength(1);
					expect(plan.quarantine).toEqual([expect.objectContaining({ table, row: damaged })]);
					for (const t of STORED_TABLES) {
						for (const put of plan.put[t]) expect(ROW_VALIDATORS[t](put, NOW)).toBeUndefined();
					}
					expect(plan.put[table].length + plan.remove[table].length).toBe(1);
				}
			),
			{ numRuns: 400 }
		);
	}, 60_000);
});
