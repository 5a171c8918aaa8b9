// The benchmark's collections must be data the app accepts: a row its validators refuse is left out
// and reported, and Check database then runs in the middle of whatever is being measured.
import { describe, expect, it } from 'vitest';
import { buildCollection } from '../scripts/bench/lib/collection.ts';
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
});
