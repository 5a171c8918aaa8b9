import { describe, expect, it } from 'vitest';
import { calibrate, sortByTime } from '../scheduling/memory-model';
import { runSteps } from '../steps';
import { inTimeOrder, summarizeLog } from './compute';
import { NOW, review } from './fixtures';
import {
	canFold,
	digestLogSummary,
	emptyLogSummary,
	foldSteps,
	checkStoredLogSummary,
	fromStoredLogSummarySteps,
	isForParameters,
	toStoredLogSummary,
	summaryColumns
} from './log-summary';
import { QUARTER_HOUR_MS } from './stored-summary';
import { computeTrueRetention, tallyRetention } from './retention';
import { buildHeatmap, countReviewsPerDay, timesOf } from './reviews-per-day';
import { computeStreak } from './streak';
import type { StatsReview } from './types';

/** A log of `count` ratings over the last 400 days, many of them just around a study day's start. */
function randomLog(count: number, dayStartHour: number, seed: number): StatsReview[] {
	let state = seed;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
	const now = new Date(NOW);
	const log = Array.from({ length: count }, (_, i) => {
		const daysAgo = Math.floor(random() * 400);
		// Half of them within 20 minutes of the day start (local time), the rest at any minute.
		const minutes =
			i % 2 === 0 ? dayStartHour * 60 + Math.floor(random() * 40) - 20 : random() * 24 * 60;
		const reviewedAt = new Date(
			now.getFullYear(),
			now.getMonth(),
			now.getDate() - daysAgo,
			0,
			Math.floor(minutes),
			Math.floor(random() * 60)
		).getTime();
		return review({
			cardId: `${['members', 'history', 'armenia'][i % 3]}/c${Math.floor(random() * 40)}`,
			rating: 1 + Math.floor(random() * 4),
			stateBefore: Math.floor(random() * 4),
			elapsedDays: Math.floor(random() * 5),
			reviewedAt
		});
	});
	return log.filter((r) => r.reviewedAt < NOW);
}

/** A stored value back as a summary, when it is one for these parameters. */
function fromStoredLogSummary(value: unknown, parameters: readonly number[] | undefined) {
	const stored = checkStoredLogSummary(value);
	return stored && isForParameters(stored, parameters)
		? runSteps(fromStoredLogSummarySteps(stored))
		: undefined;
}

describe('the log summed up by quarter hour', () => {
	it.each([0, 4, 23])(
		'gives the same figures as the ratings themselves (day start %i h, in this time zone)',
		(dayStartHour) => {
			const log = randomLog(3000, dayStartHour, 7 + dayStartHour);
			const digest = digestLogSummary(summarizeLog(log));
			expect(digest.quarters.times.every((time) => time % QUARTER_HOUR_MS === 0)).toBe(true);
			expect(countReviewsPerDay(digest.quarters, NOW, dayStartHour, 30)).toEqual(
				countReviewsPerDay(timesOf(log), NOW, dayStartHour, 30)
			);
			expect(buildHeatmap(digest.quarters, NOW, dayStartHour, 365)).toEqual(
				buildHeatmap(timesOf(log), NOW, dayStartHour, 365)
			);
			const topics = ['members', 'history'];
			expect(computeTrueRetention(digest.retention, NOW, dayStartHour, topics)).toEqual(
				computeTrueRetention(tallyRetention(log), NOW, dayStartHour, topics)
			);
			expect(computeStreak(digest.quarters.times, NOW, dayStartHour)).toEqual(
				computeStreak(
					log.map((r) => r.reviewedAt),
					NOW,
					dayStartHour
				)
			);
			const sorted = sortByTime(log.map((r) => ({ ...r, rating: r.rating as 1 | 2 | 3 | 4 })));
			expect(digest.calibration).toEqual(calibrate(sorted));
			expect(digest.reviews).toBe(log.length);
		}
	);

	it('replays the calibration with the parameters it was made for', () => {
		const log = randomLog(500, 4, 3);
		const parameters = [
			0.3, 1.2, 3.1, 15.7, 7.1, 0.6, 1.9, 0.01, 1.5, 0.1, 1.0, 1.9, 0.1, 0.3, 2.3, 0.2, 3.0, 0.5,
			0.7, 0.1, 0.2
		];
		const sorted = sortByTime(log.map((r) => ({ ...r, rating: r.rating as 1 | 2 | 3 | 4 })));
		const digest = digestLogSummary(summarizeLog(log, parameters));
		expect(digest.calibration).toEqual(calibrate(sorted, parameters));
		expect(digest.calibration).not.toEqual(calibrate(sorted));
	});

	it('adds ratings a batch at a time with the same result as all at once', () => {
		const log = inTimeOrder(randomLog(3000, 4, 11));
		const inParts = emptyLogSummary(undefined);
		for (const part of [log.slice(0, 1000), log.slice(1000, 2500), log.slice(2500)]) {
			expect(canFold(inParts, part)).toBe(true);
			runSteps(foldSteps(inParts, part));
		}
		expect(digestLogSummary(inParts)).toEqual(digestLogSummary(summarizeLog(log)));
	});

	it('pauses every 2,000 ratings', () => {
		const summary = emptyLogSummary(undefined);
		const steps = foldSteps(summary, inTimeOrder(randomLog(5000, 4, 5)));
		let pauses = 0;
		for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
		expect(pauses).toBe(2);
	});

	it('is read back from storage with a pause every 2,000 entries, across all its Maps', () => {
		// Many topics, each well under 2,000 quarter hours: counted per topic, none would pause.
		const log = Array.from({ length: 12_000 }, (_, i) =>
			review({
				cardId: `topic${i % 12}/c${i % 40}`,
				stateBefore: 2,
				elapsedDays: 3,
				reviewedAt: NOW - (i + 1) * QUARTER_HOUR_MS
			})
		);
		const summary = summarizeLog(log);
		const stored = checkStoredLogSummary(structuredClone(toStoredLogSummary(summary)))!;
		expect(stored.retention).toHaveLength(12);
		expect(stored.retention.every((topic) => topic.quarters.length === 1000)).toBe(true);
		const entries = stored.quarters.length + 12_000 + stored.cardIds.length;
		const steps = fromStoredLogSummarySteps(stored);
		let pauses = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) pauses++;
		expect(pauses).toBe(Math.floor(entries / 2000));
		expect(step.value).toEqual(summary);
	});

	it('keys its Maps by small integers, which V8 keeps off the heap, also when read back', () => {
		const summary = summarizeLog(randomLog(2000, 4, 19));
		const back = fromStoredLogSummary(structuredClone(toStoredLogSummary(summary)), undefined)!;
		for (const { perQuarter, retention } of [summary, back]) {
			const keys = [
				...perQuarter.keys(),
				...[...retention.values()].flatMap(({ passed, total }) => [
					...passed.keys(),
					...total.keys()
				])
			];
			expect(keys.length).toBeGreaterThan(2000);
			// V8's small integers: 31 bits with pointer compression (Chromium), so below 2^30.
			expect(keys.every((key) => Number.isInteger(key) && Math.abs(key) < 2 ** 30)).toBe(true);
		}
	});

	it('refuses ratings that go back in time for their card (a merged backup)', () => {
		const summary = summarizeLog([review({ cardId: 'members/a', reviewedAt: NOW - 1000 })]);
		expect(canFold(summary, [review({ cardId: 'members/b', reviewedAt: NOW - 5000 })])).toBe(true);
		expect(canFold(summary, [review({ cardId: 'members/a', reviewedAt: NOW - 5000 })])).toBe(false);
		expect(
			canFold(summary, [
				review({ cardId: 'members/b', reviewedAt: NOW }),
				review({ cardId: 'members/b', reviewedAt: NOW - 1 })
			])
		).toBe(false);
	});

	it('is stored as typed arrays and read back as it was, for the same parameters only', () => {
		const summary = summarizeLog(randomLog(2000, 4, 13));
		const stored = structuredClone(toStoredLogSummary(summary));
		expect(fromStoredLogSummary(stored, undefined)).toEqual(summary);
		expect(fromStoredLogSummary(stored, [1, 2])).toBeUndefined();
		const trained = summarizeLog([review()], [1, 2]);
		expect(fromStoredLogSummary(toStoredLogSummary(trained), [1, 2])).toEqual(trained);
		expect(fromStoredLogSummary(toStoredLogSummary(trained), [1, 3])).toBeUndefined();
		expect(fromStoredLogSummary(toStoredLogSummary(trained), undefined)).toBeUndefined();
		expect(isForParameters(trained, [1, 2])).toBe(true);
		expect(isForParameters(summary, [1, 2])).toBe(false);
	});

	it('makes the stored copy and the figures’ copy from one set of columns, unchanged by later ratings', () => {
		const log = inTimeOrder(randomLog(3000, 4, 17));
		const summary = summarizeLog(log.slice(0, 2000));
		const alone = { stored: toStoredLogSummary(summary), digest: digestLogSummary(summary) };
		const columns = summaryColumns(summary);
		const stored = toStoredLogSummary(summary, columns);
		const digest = digestLogSummary(summary, columns);
		expect(stored).toEqual(alone.stored);
		expect(digest).toEqual(alone.digest);
		expect(digest.quarters.times.length).toBeGreaterThan(100);
		expect(digest.retention.length).toBeGreaterThan(0);
		const copies = structuredClone({ stored, digest });
		runSteps(foldSteps(summary, log.slice(2000)));
		expect({ stored, digest }).toEqual(copies);
		expect(digestLogSummary(summary)).not.toEqual(digest);
	});

	it('drops a stored value of another shape or a damaged one', () => {
		const stored = toStoredLogSummary(summarizeLog([review()]));
		for (const damaged of [
			undefined,
			'summary',
			{ ...stored, format: 1 },
			{ ...stored, format: 3 },
			{ ...stored, quarters: [...stored.quarters] },
			// Format 1's quarter hours: their starts in ms.
			{ ...stored, quarters: Float64Array.from(stored.quarters, (q) => q * QUARTER_HOUR_MS) },
			{ ...stored, quarterCounts: new Uint32Array(0) },
			{ ...stored, memory: new Float64Array(1) },
			{ ...stored, cardIds: [7] },
			{
				...stored,
				retention: [
					{
						topic: 'members',
						quarters: new Uint32Array(1),
						passed: new Uint32Array(1),
						total: new Uint32Array(0)
					}
				]
			},
			{ ...stored, calibration: new Float64Array(3) },
			{ ...stored, lastReviewId: 1.5 }
		]) {
			expect(fromStoredLogSummary(damaged, undefined)).toBeUndefined();
		}
	});
});
