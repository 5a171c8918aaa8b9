import { describe, expect, it } from 'vitest';
import { addDays, studyDayKey } from '../day';
import {
	FSRSAlgorithm,
	createEmptyCard,
	dateDiffInDays,
	fsrs,
	type Card,
	type Grade
} from 'ts-fsrs';
import { createRng, randomInt } from '../random';
import type { CardRow, CardTarget, Rating } from './card';
import {
	DEFAULT_PARAMETERS,
	LEECH_LAPSES,
	PARAMETER_BOUNDS,
	elapsedDaysBetween,
	formatInterval,
	isValidParameters,
	nextIntervalDays,
	nextMemoryState,
	recallProbability,
	newCardRow,
	previewDue,
	previewIntervals,
	replayCard,
	retrievability,
	scheduleReview,
	toCardRow,
	toFsrsCard
} from './fsrs';

const TARGET: CardTarget = { cardId: 'members/a', itemId: 'members/a', topic: 'members' };
const START = new Date(2026, 10, 28, 10, 0, 0);
const OPTIONS = { desiredRetention: 0.9, enableFuzz: false };
const DAY = 86_400_000;

// Each starting state is reached by a history of ratings, each given when the card is due.
const HISTORIES: { state: string; ratings: Rating[] }[] = [
	{ state: 'new', ratings: [] },
	{ state: 'learning', ratings: [3] },
	{ state: 'learning (after Again)', ratings: [1] },
	{ state: 'review', ratings: [4] },
	{ state: 'review (graduated through steps)', ratings: [3, 3] },
	{ state: 'relearning', ratings: [4, 1] }
];

function runOurs(ratings: Rating[]): { card: CardRow | undefined; now: Date } {
	let card: CardRow | undefined;
	let now = START;
	for (const rating of ratings) {
		card = scheduleReview(card, TARGET, rating, now, OPTIONS).card;
		now = new Date(card.due);
	}
	return { card, now };
}

function runTheirs(ratings: Rating[]): { card: Card; now: Date } {
	const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true });
	let card = createEmptyCard(START);
	let now = START;
	for (const rating of ratings) {
		card = scheduler.next(card, now, rating as Grade).card;
		now = card.due;
	}
	return { card, now };
}

describe('scheduleReview', () => {
	const cases = HISTORIES.flatMap((history) =>
		([1, 2, 3, 4] as Rating[]).map((rating) => ({ ...history, rating }))
	);

	it.each(cases)('agrees with ts-fsrs from $state rated $rating', ({ ratings, rating }) => {
		const ours = runOurs(ratings);
		const theirs = runTheirs(ratings);
		expect(ours.now.getTime()).toBe(theirs.now.getTime());
		expect(ours.card?.state ?? 0).toBe(theirs.card.state);

		const result = scheduleReview(ours.card, TARGET, rating, ours.now, OPTIONS);
		const expected = fsrs({
			request_retention: 0.9,
			enable_fuzz: false,
			enable_short_term: true
		}).next(theirs.card, theirs.now, rating as Grade);

		expect(result.card).toEqual({
			id: 'members/a',
			itemId: 'members/a',
			topic: 'members',
			due: expected.card.due.getTime(),
			stability: expected.card.stability,
			difficulty: expected.card.difficulty,
			elapsedDays: expected.card.elapsed_days,
			scheduledDays: expected.card.scheduled_days,
			learningSteps: expected.card.learning_steps,
			reps: expected.card.reps,
			lapses: expected.card.lapses,
			state: expected.card.state,
			lastReview: expected.card.last_review!.getTime(),
			suspended: 0,
			leech: 0,
			buriedUntil: 0
		});
		expect(result.review).toEqual({
			cardId: 'members/a',
			rating,
			stateBefore: expected.log.state,
			// The card's due time before the rating (ts-fsrs's log.due is its last review instead).
			dueBefore: theirs.card.due.getTime(),
			stability: expected.card.stability,
			difficulty: expected.card.difficulty,
			elapsedDays: expected.log.elapsed_days,
			scheduledDays: expected.log.scheduled_days,
			reviewedAt: ours.now.getTime()
		});
		expect(result.isNewLeech).toBe(false);
	});

	it('logs the due time the card had, not its last review, when it is rated late', () => {
		const first = scheduleReview(undefined, TARGET, 4, START, OPTIONS).card;
		const late = new Date(first.due + 3 * DAY);
		const { review } = scheduleReview(first, TARGET, 3, late, OPTIONS);
		expect(review.dueBefore).toBe(first.due);
		expect(review.dueBefore).not.toBe(first.lastReview);
		expect(review.reviewedAt).toBe(late.getTime());
	});

	it('keeps the learning step, so Good twice on a new card graduates it to review', () => {
		const first = scheduleReview(undefined, TARGET, 3, START, OPTIONS).card;
		expect(first).toMatchObject({ state: 1, learningSteps: 1 });
		const second = scheduleReview(first, TARGET, 3, new Date(first.due), OPTIONS).card;
		expect(second.state).toBe(2);
		expect(second.due - first.due).toBeGreaterThanOrEqual(DAY);
	});

	it('puts a card due in days at the same time of day that many calendar days later', () => {
		// Easy on a new card at 04:30 the day before Europe's spring night, and before its autumn one.
		for (const now of [new Date(2026, 2, 28, 4, 30), new Date(2026, 9, 24, 4, 30)]) {
			const { card } = scheduleReview(undefined, TARGET, 4, now, OPTIONS);
			expect(card.state).toBe(2);
			expect(card.scheduledDays).toBeGreaterThanOrEqual(2);
			const days = card.scheduledDays;
			expect(card.due).toBe(new Date(2026, now.getMonth(), now.getDate() + days, 4, 30).getTime());
			expect(studyDayKey(card.due, 4)).toBe(addDays(studyDayKey(now.getTime(), 4), days));
			expect(previewDue(undefined, TARGET, now, OPTIONS)[4]).toBe(card.due);
			expect(previewIntervals(undefined, TARGET, now, OPTIONS)[4]).toBe(`${days}d`);
		}
	});

	it('round-trips a card through the ts-fsrs shape unchanged', () => {
		const card = scheduleReview(undefined, TARGET, 3, START, OPTIONS).card;
		const back = toCardRow(toFsrsCard(card), card);
		expect(back).toEqual(card);
		expect(toCardRow(toFsrsCard(newCardRow(TARGET, START)), newCardRow(TARGET, START))).toEqual(
			newCardRow(TARGET, START)
		);
	});

	it('ends a burial and keeps suspension flags as they were', () => {
		const buried = { ...newCardRow(TARGET, START), buriedUntil: START.getTime() + DAY };
		expect(scheduleReview(buried, TARGET, 3, START, OPTIONS).card.buriedUntil).toBe(0);
	});

	it(`marks a card a leech and suspends it at its ${LEECH_LAPSES}th lapse`, () => {
		const review = runOurs([4]);
		const seventh = { ...review.card!, lapses: LEECH_LAPSES - 1 };
		const result = scheduleReview(seventh, TARGET, 1, review.now, OPTIONS);
		expect(result.card).toMatchObject({ lapses: LEECH_LAPSES, leech: 1, suspended: 1 });
		expect(result.isNewLeech).toBe(true);

		const sixth = { ...review.card!, lapses: LEECH_LAPSES - 2 };
		const notYet = scheduleReview(sixth, TARGET, 1, review.now, OPTIONS);
		expect(notYet.card).toMatchObject({ leech: 0, suspended: 0 });
		expect(notYet.isNewLeech).toBe(false);

		const good = scheduleReview(seventh, TARGET, 3, review.now, OPTIONS);
		expect(good.isNewLeech).toBe(false);
	});

	it('uses the desired retention: a higher one gives shorter intervals', () => {
		const review = runOurs([4]);
		const at80 = scheduleReview(review.card, TARGET, 3, review.now, {
			desiredRetention: 0.8,
			enableFuzz: false
		});
		const at95 = scheduleReview(review.card, TARGET, 3, review.now, {
			desiredRetention: 0.95,
			enableFuzz: false
		});
		expect(at95.card.scheduledDays).toBeLessThan(at80.card.scheduledDays);
	});
});

describe('previewIntervals', () => {
	it('labels the four ratings of a new card as ts-fsrs schedules them', () => {
		expect(previewIntervals(undefined, TARGET, START, OPTIONS)).toEqual({
			1: '1m',
			2: '6m',
			3: '10m',
			4: '8d'
		});
	});

	it('shows the due time each rating then gives, with fuzz on too', () => {
		const review = runOurs([4, 3]);
		const fuzzed = { desiredRetention: 0.9, enableFuzz: true };
		const due = previewDue(review.card, TARGET, review.now, fuzzed);
		for (const rating of [1, 2, 3, 4] as Rating[]) {
			const result = scheduleReview(review.card, TARGET, rating, review.now, fuzzed);
			expect(result.card.due).toBe(due[rating]);
		}
	});
});

describe('formatInterval', () => {
	const MIN = 60_000;
	it.each([
		[0, '1m'],
		[30_000, '1m'],
		[10 * MIN, '10m'],
		[59 * MIN, '59m'],
		[60 * MIN, '1h'],
		[5 * 60 * MIN, '5h'],
		[DAY, '1d'],
		[4 * DAY, '4d'],
		[13 * DAY, '13d'],
		[14 * DAY, '2w'],
		[45 * DAY, '6w'],
		[90 * DAY, '3mo'],
		[400 * DAY, '1.1y']
	])('%i ms is %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});

describe('retrievability', () => {
	it('is 0 for a new card', () => {
		expect(retrievability(newCardRow(TARGET, START), START)).toBe(0);
	});

	it('is about 90% after one stability of days and falls with time', () => {
		const review = runOurs([4]).card!;
		const atStability = new Date(review.lastReview! + review.stability * DAY);
		expect(retrievability(review, atStability)).toBeCloseTo(0.9, 2);
		const later = new Date(atStability.getTime() + 30 * DAY);
		expect(retrievability(review, later)).toBeLessThan(retrievability(review, atStability));
		expect(retrievability(review, new Date(review.lastReview!))).toBe(1);
	});
});

describe("retrievability with the learner's parameters", () => {
	it('follows the forgetting curve of the parameters it is given', () => {
		const card = runOurs([4]).card!;
		const later = new Date(card.lastReview! + 20 * DAY);
		// A steeper curve (w20) forgets faster past the stability.
		const steep = [...DEFAULT_PARAMETERS];
		steep[20] = 0.6;
		expect(retrievability(card, later, steep)).toBeLessThan(retrievability(card, later));
		expect(retrievability(card, later, DEFAULT_PARAMETERS)).toBe(retrievability(card, later));
	});
});

describe('the memory model', () => {
	it('has 21 default parameters, each within its bounds', () => {
		expect(DEFAULT_PARAMETERS).toEqual(fsrs().parameters.w);
		expect(PARAMETER_BOUNDS).toHaveLength(21);
		expect(isValidParameters(DEFAULT_PARAMETERS)).toBe(true);
	});

	it.each([
		['20 numbers', DEFAULT_PARAMETERS.slice(0, 20)],
		['22 numbers', [...DEFAULT_PARAMETERS, 0.1]],
		['a NaN', DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? NaN : w))],
		['text', DEFAULT_PARAMETERS.map((w, i) => (i === 3 ? '8' : w))],
		['w20 above 0.8', DEFAULT_PARAMETERS.map((w, i) => (i === 20 ? 0.81 : w))],
		['w4 below 1', DEFAULT_PARAMETERS.map((w, i) => (i === 4 ? 0.5 : w))]
	])('refuses parameters with %s', (_, parameters) => {
		expect(isValidParameters(parameters)).toBe(false);
	});

	it.each([
		['the defaults', DEFAULT_PARAMETERS],
		[
			'other parameters',
			[
				0.1, 0.4, 0.9, 4, 6.8, 0.6, 2.2, 0.02, 0.6, 0.2, 0.8, 1.8, 0.08, 0.3, 1.9, 0.5, 2.3, 0.4,
				0.15, 0.05, 0.6
			]
		]
	])('takes exactly the steps of ts-fsrs with %s, through 5,000 random ratings', (_, w) => {
		const theirs = new FSRSAlgorithm({
			w: [...w],
			enable_short_term: true,
			request_retention: 0.85
		});
		const rng = createRng('memory-steps');
		let ours: ReturnType<typeof nextMemoryState> | undefined;
		let state: { difficulty: number; stability: number } | null = null;
		for (let i = 0; i < 5000; i++) {
			// A new card now and then; gaps from the same day to a year.
			if (i % 12 === 0) [ours, state] = [undefined, null];
			const days = [0, 0, 1, 3, 10, 40, 365][randomInt(rng, 7)]!;
			const rating = (1 + randomInt(rng, 4)) as Rating;
			const expected = theirs.next_state(state, state ? days : 0, rating as Grade);
			ours = nextMemoryState(ours, state ? days : 0, rating, w);
			expect(ours).toEqual(expected);
			state = expected;
			expect(recallProbability(days, ours.stability, w)).toBe(
				theirs.forgetting_curve(days, ours.stability)
			);
			expect(nextIntervalDays(ours.stability, 0.85, w)).toBe(
				theirs.next_interval(ours.stability, days)
			);
		}
	});

	it('counts elapsed days by calendar date (UTC), as ts-fsrs does', () => {
		const rng = createRng('days');
		for (let i = 0; i < 2000; i++) {
			const from = Date.UTC(1995, 0, 1) + rng.next() * 40 * 365 * DAY;
			const to = from + rng.next() * 400 * DAY * (i % 50 === 0 ? 10 : 0.01 + rng.next());
			expect(elapsedDaysBetween(from, to)).toBe(dateDiffInDays(new Date(from), new Date(to)));
		}
		const evening = Date.UTC(2026, 0, 1, 23, 59);
		expect(elapsedDaysBetween(evening, evening + 2 * 60_000)).toBe(1);
		expect(elapsedDaysBetween(evening - 23 * 3_600_000, evening)).toBe(0);
		expect(elapsedDaysBetween(evening, evening + 10 * DAY)).toBe(10);
	});

	it('schedules at the interval where the curve meets the desired retention', () => {
		for (const retention of [0.8, 0.9, 0.95]) {
			const days = nextIntervalDays(30, retention);
			expect(recallProbability(days, 30)).toBeCloseTo(retention, 1);
		}
		expect(nextIntervalDays(30, 0.9)).toBe(30);
		expect(nextIntervalDays(30, 0.8)).toBeGreaterThan(nextIntervalDays(30, 0.95));
	});
});

describe('replayCard', () => {
	const FUZZED = { desiredRetention: 0.9, enableFuzz: true };
	// Ratings given at varied times, some early, some late, some the same day.
	const LOG: { rating: Rating; reviewedAt: number }[] = [
		{ rating: 3, reviewedAt: START.getTime() },
		{ rating: 1, reviewedAt: START.getTime() + 10 * 60_000 },
		{ rating: 3, reviewedAt: START.getTime() + 30 * 60_000 },
		{ rating: 3, reviewedAt: START.getTime() + 2 * DAY },
		{ rating: 2, reviewedAt: START.getTime() + 9 * DAY + 3_600_000 },
		{ rating: 1, reviewedAt: START.getTime() + 30 * DAY },
		{ rating: 4, reviewedAt: START.getTime() + 30 * DAY + 600_000 },
		{ rating: 3, reviewedAt: START.getTime() + 61 * DAY }
	];

	function rateInTurn(options: typeof FUZZED) {
		let card: CardRow | undefined;
		const reviews = [];
		for (const { rating, reviewedAt } of LOG) {
			const result = scheduleReview(card, TARGET, rating, new Date(reviewedAt), options);
			card = result.card;
			reviews.push(result.review);
		}
		return { card: card!, reviews };
	}

	it.each([
		['without fuzz', OPTIONS],
		['with the seeded fuzz the app uses', FUZZED]
	])('reproduces the card and every log row that rating in turn gave, %s', (_, options) => {
		const expected = rateInTurn(options);
		// Shuffled: a replay orders the log by time.
		const shuffled = [LOG[3]!, LOG[0]!, LOG[7]!, LOG[1]!, LOG[5]!, LOG[2]!, LOG[6]!, LOG[4]!];
		expect(replayCard(TARGET, shuffled, options)).toEqual(expected);
	});

	it('keeps the workload fields it is given, not those of the log', () => {
		const workload = { suspended: 1 as const, leech: 0 as const, buriedUntil: 123 };
		const replayed = replayCard(TARGET, LOG, OPTIONS, workload)!;
		expect(replayed.card).toMatchObject(workload);
		expect(replayCard(TARGET, LOG, OPTIONS)!.card).toMatchObject({
			suspended: 0,
			leech: 0,
			buriedUntil: 0
		});
	});

	it('gives nothing for an empty log', () => {
		expect(replayCard(TARGET, [], OPTIONS)).toBeUndefined();
	});

	it('schedules with the parameters it is given', () => {
		const defaults = replayCard(TARGET, LOG, OPTIONS)!.card;
		// FSRS-6 defaults with a larger initial stability for Good (w[2]).
		const w = [...fsrs().parameters.w];
		w[2] = w[2]! * 3;
		const own = replayCard(TARGET, LOG, { ...OPTIONS, parameters: w })!.card;
		expect(own.stability).not.toBe(defaults.stability);
		expect(own.reps).toBe(defaults.reps);
	});
});
