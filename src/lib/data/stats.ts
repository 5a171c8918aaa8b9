import type { StatsInput } from '../domain/stats/compute';
import { checkCardRow, checkQuizAttemptRow, checkReviewRow } from '../domain/integrity/rows';
import { keepValid } from './damage';
import type { CstoDb } from './db';

/**
 * Reads what the stats page needs (cards, reviews, finished quizzes) in one read transaction. A
 * damaged row (failing the validator at `now`) is left out and reported.
 */
export async function loadStatsInput(db: CstoDb, now: number): Promise<StatsInput> {
	const rows = await db.transaction('r', [db.cards, db.reviews, db.quizAttempts], async () => {
		const [cards, reviews, quizAttempts] = await Promise.all([
			db.cards.toArray(),
			db.reviews.toArray(),
			db.quizAttempts.where('status').equals('finished').toArray()
		]);
		return { cards, reviews, quizAttempts };
	});
	return {
		cards: keepValid(
			db,
			'cards',
			rows.cards,
			(row) => checkCardRow(row, now),
			(row) => row.id
		),
		reviews: keepValid(db, 'reviews', rows.reviews, checkReviewRow, (row) => row.id),
		quizAttempts: keepValid(
			db,
			'quizAttempts',
			rows.quizAttempts,
			checkQuizAttemptRow,
			(row) => row.id
		)
	};
}
