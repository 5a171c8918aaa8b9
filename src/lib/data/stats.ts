import type { StatsInput } from '../domain/stats/compute';
import { checkQuizAttemptRow, checkReviewRow } from '../domain/integrity/rows';
import { keepValid } from './damage';
import type { CstoDb } from './db';
import { readInPages } from './pages';
import { listCards } from './queue';

/** What the Stats page has read: its input, and where its read of the log stopped. */
export interface StatsRead {
	input: StatsInput;
	/** The highest id of the log read so far. */
	lastReviewId: number;
	/** How many rows the log held at that read, damaged ones included. */
	reviewCount: number;
}

/** Rows per read of the log: each read is one short task for the page, not one long one. */
const LOG_PAGE = 2000;

/**
 * The ratings with an id above `after`, oldest id first, read and checked a page at a time; a
 * damaged row is left out and reported. Also gives how many rows were read and the last id.
 */
async function listReviewsAfter(db: CstoDb, after: number) {
	const log = await readInPages(
		db.reviews,
		after,
		LOG_PAGE,
		(row) => row.id!,
		(page) => keepValid(db, 'reviews', page, checkReviewRow, (row) => row.id)
	);
	return { valid: log.rows, read: log.read, lastId: log.lastKey ?? after };
}

/**
 * A cheap read that covers every row `loadStats` reads (a count of each table), for a live query to
 * watch instead of the rows: Dexie watching 100,000 ratings key by key cost more than reading them.
 */
export function watchStats(db: CstoDb): Promise<number[]> {
	return Promise.all([db.cards.count(), db.reviews.count(), db.quizAttempts.count()]);
}

/**
 * Reads what the stats page needs (cards, ratings, finished quizzes) in one read transaction. A
 * damaged row (failing the validator at `now`) is left out and reported.
 *
 * Given the `previous` read, only the ratings added since are read: ratings are only ever added at
 * the end of the log (a new id), so when the log holds the rows read before plus those with a higher
 * id, nothing read before has changed. An import, a reset or a repair changes that count, and the
 * whole log is read again. Reading 100,000 ratings takes Chromium about two seconds; after a rating
 * elsewhere this reads one.
 */
export async function loadStats(db: CstoDb, now: number, previous?: StatsRead): Promise<StatsRead> {
	return db.transaction('r', [db.cards, db.reviews, db.quizAttempts], async () => {
		const cards = await listCards(db, now);
		const quizAttempts = keepValid(
			db,
			'quizAttempts',
			await db.quizAttempts.where('status').equals('finished').toArray(),
			checkQuizAttemptRow,
			(row) => row.id
		);
		if (previous) {
			const added = await listReviewsAfter(db, previous.lastReviewId);
			const reviewCount = await db.reviews.count();
			if (reviewCount === previous.reviewCount + added.read) {
				return {
					input: { cards, quizAttempts, reviews: previous.input.reviews.concat(added.valid) },
					lastReviewId: added.lastId,
					reviewCount
				};
			}
		}
		const log = await listReviewsAfter(db, -Infinity);
		return {
			input: { cards, quizAttempts, reviews: log.valid },
			lastReviewId: log.lastId,
			reviewCount: log.read
		};
	});
}
