import { addToLogSummary, emptyLogSummary, type LogSummary } from '../domain/stats/log';
import type { Streak } from '../domain/stats/streak';
import type { CardRow, CstoDb, QuizAttemptRow } from './db';
import { listCards } from './queue';
import { countStreak, loadDoneToday } from './reviews';

/** Rows per read of the log: each read is one short task for the page, not one long one. */
const LOG_PAGE = 5000;

/**
 * Sums up the ratings made in [`from`, `before`) (every rating by default), reading the log in
 * pages through its `reviewedAt` index. Reading by time, not by id, also lets a live query of the
 * older part of the log ignore a rating made now: it is outside the range that query read.
 */
export async function loadLogSummary(
	db: CstoDb,
	range: { from?: number; before?: number },
	dayStartHour: number
): Promise<LogSummary> {
	const summary = emptyLogSummary();
	const before = range.before ?? Infinity;
	let lower = range.from ?? -Infinity;
	let isLowerIncluded = true;
	for (;;) {
		const page = await db.reviews
			.where('reviewedAt')
			.between(lower, before, isLowerIncluded, false)
			.limit(LOG_PAGE)
			.toArray();
		if (page.length < LOG_PAGE) {
			addToLogSummary(summary, page, dayStartHour);
			return summary;
		}
		// Ratings at the page's last time may go on in the next page: those are read on their own.
		const last = page.at(-1)!.reviewedAt;
		addToLogSummary(
			summary,
			page.filter((row) => row.reviewedAt < last),
			dayStartHour
		);
		addToLogSummary(
			summary,
			await db.reviews.where('reviewedAt').equals(last).toArray(),
			dayStartHour
		);
		lower = last;
		isLowerIncluded = false;
	}
}

/**
 * A cheap read over the range `loadLogSummary(db, { from, before })` reads (a count by the same
 * index), for a live query to watch instead of the rows: a rating made after `before` is outside.
 */
export function watchLogBefore(db: CstoDb, from: number, before: number): Promise<number> {
	return db.reviews.where('reviewedAt').between(from, before, true, false).count();
}

/** What the Stats page reads besides the older log. */
export interface RecentStats {
	cards: CardRow[];
	/** The ratings since the time asked for, summed up. */
	log: LogSummary;
	/** Every rating in the log. */
	reviewCount: number;
	streak: Streak;
	quizAttempts: QuizAttemptRow[];
}

/**
 * A cheap read over what `loadRecentStats` reads (a count of each table), for a live query to watch
 * instead of the rows.
 */
export function watchRecentStats(db: CstoDb): Promise<number[]> {
	return Promise.all([db.cards.count(), db.reviews.count(), db.quizAttempts.count()]);
}

/**
 * Every card, the ratings made since `since` summed up, the number of ratings, the streak (the
 * same as Home's) and the finished quizzes.
 */
export async function loadRecentStats(
	db: CstoDb,
	since: number,
	now: number,
	dayStartHour: number
): Promise<RecentStats> {
	const today = await loadDoneToday(db, new Date(now), dayStartHour);
	return {
		cards: await listCards(db),
		log: await loadLogSummary(db, { from: since }, dayStartHour),
		reviewCount: await db.reviews.count(),
		streak: {
			days: await countStreak(db, new Date(now), dayStartHour, today),
			isTodayDone: today.total > 0
		},
		quizAttempts: await db.quizAttempts.where('status').equals('finished').toArray()
	};
}
