// The benchmark's collections must be data the app accepts: a row its validators refuse is left out
// and reported, and Check database then runs in the middle of whatever is being measured.
import { describe, expect, it } from 'vitest';
import { buildCollection } from '../scripts/bench/lib/collection.ts';
import { nextStudyDayStart, startOfStudyDay } from '../src/lib/domain/day.ts';
import {
	checkCardRow,
	checkQuizAttemptRow,
	checkReviewRow,
	checkSettingRow
} from '../src/lib/domain/integrity/rows.ts';

describe('the benchmark collections', () => {
	for (const size of ['realistic', 'stress'] as const) {
		it(`holds only rows the app accepts (${size})`, () => {
			const now = Date.UTC(2026, 11, 2, 12);
			const collection = buildCollection(size, now);
			const problems = [
				...collection.cards.map((row) => [row.id, checkCardRow(row, now)] as const),
				...collection.reviews.map((row) => [row.id, checkReviewRow(row)] as const),
				...collection.quizAttempts.map((row, i) => [i, checkQuizAttemptRow(row)] as const),
				...collection.settings.map((row) => [row.key, checkSettingRow(row)] as const)
			].filter(([, problem]) => problem !== undefined);
			expect(problems.slice(0, 3)).toEqual([]);
			expect(collection.reviews).toHaveLength(size === 'stress' ? 100_000 : 20_000);
		});
	}

	it('starts its study day half a day from the time it is built at, so a run cannot cross it', () => {
		const HOUR = 3_600_000;
		// 3:59 and 4:01 were the default day start's edges; the others, any hour of the day.
		for (const now of [
			Date.UTC(2026, 11, 5, 3, 59),
			Date.UTC(2026, 11, 5, 4, 1),
			Date.UTC(2026, 2, 29, 1, 30),
			Date.UTC(2026, 9, 4, 15, 45)
		]) {
			const { settings, reviews } = buildCollection('realistic', now);
			const hour = settings.find((row) => row.key === 'dayStartHour')?.value as number;
			expect(nextStudyDayStart(now, hour) - now).toBeGreaterThan(11 * HOUR);
			expect(now - startOfStudyDay(now, hour)).toBeGreaterThan(11 * HOUR);
			// Every day of the two years has ratings, up to the day before today (the streak's 730).
			const today = startOfStudyDay(now, hour);
			const last = Math.max(...reviews.map((row) => row.reviewedAt));
			expect(last).toBeLessThan(today);
			expect(startOfStudyDay(last, hour)).toBe(startOfStudyDay(today - 1, hour));
		}
	});
});
