import {
	addDays,
	nextStudyDayStart,
	startOfStudyDay,
	startOfStudyDayKey,
	studyDayKey
} from '../domain/day';
import type { DoneToday } from '../domain/scheduling/queue';
import { computeStreak, type Streak } from '../domain/stats/streak';
import type { CstoDb, ReviewRow } from './db';

/** What the current study day's log holds: new cards seen, review cards rated, every rating. */
export interface TodayLog extends DoneToday {
	/** Every rating today, from review and quiz. */
	total: number;
}

/**
 * Reads the log of the study day containing `now` (a rating at 01:00 belongs to the day before
 * when the day starts at 04:00).
 */
export async function loadDoneToday(
	db: CstoDb,
	now: Date,
	dayStartHour: number
): Promise<TodayLog> {
	const start = startOfStudyDay(now.getTime(), dayStartHour);
	const end = nextStudyDayStart(now.getTime(), dayStartHour);
	const rows = await db.reviews.where('reviewedAt').between(start, end, true, false).toArray();
	return {
		newCards: rows.filter((row) => row.stateBefore === 0).length,
		reviews: rows.filter((row) => row.stateBefore === 2).length,
		cardIds: new Set(rows.map((row) => row.cardId)),
		total: rows.length
	};
}

/** Every log row of one card, oldest first. */
export async function listReviewsOfCard(db: CstoDb, cardId: string): Promise<ReviewRow[]> {
	const rows = await db.reviews.where('cardId').equals(cardId).toArray();
	return rows.sort((a, b) => a.reviewedAt - b.reviewedAt);
}

// Days are checked in batches whose lookups run side by side in one transaction: in Chromium each
// IndexedDB request costs a round trip, so one request after another was about ten times slower.
const STREAK_BATCH = 32;

/**
 * The streak (see `computeStreak`, the one definition Home and Stats share), read cheaply: one
 * rating time per study day, from today back to the first day before today without any, through
 * the `reviewedAt` index, never the rows themselves.
 */
export function loadStreak(db: CstoDb, now: Date, dayStartHour: number): Promise<Streak> {
	return db.transaction('r', db.reviews, async () => {
		const today = studyDayKey(now.getTime(), dayStartHour);
		const times: number[] = [];
		for (let newest = today; ; newest = addDays(newest, -STREAK_BATCH)) {
			const keys = Array.from({ length: STREAK_BATCH }, (_, i) => addDays(newest, -i));
			const found = await Promise.all(
				keys.map((key) =>
					db.reviews
						.where('reviewedAt')
						.between(
							startOfStudyDayKey(key, dayStartHour),
							startOfStudyDayKey(addDays(key, 1), dayStartHour),
							true,
							false
						)
						.limit(1)
						.keys()
				)
			);
			for (const [time] of found) if (time !== undefined) times.push(time as number);
			// No streak reaches past a day without a rating (today's does not count: it is not over).
			if (found.some(([time], i) => time === undefined && keys[i] !== today)) break;
		}
		return computeStreak(times, now.getTime(), dayStartHour);
	});
}
