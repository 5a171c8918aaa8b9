import type { StatsInput } from '../domain/stats/compute';
import type { CstoDb } from './db';

/** Reads what the stats page needs (cards, reviews, finished quizzes) in one read transaction. */
export async function loadStatsInput(db: CstoDb): Promise<StatsInput> {
	return db.transaction('r', [db.cards, db.reviews, db.quizAttempts], async () => {
		const [cards, reviews, quizAttempts] = await Promise.all([
			db.cards.toArray(),
			db.reviews.toArray(),
			db.quizAttempts.where('status').equals('finished').toArray()
		]);
		return { cards, reviews, quizAttempts };
	});
}
