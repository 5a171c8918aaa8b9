import {
	addDays,
	nextStudyDayStart,
	startOfStudyDay,
	startOfStudyDayKey,
	studyDayKey
} from '../domain/day';
import type { DoneToday } from '../domain/scheduling/queue';
import { quarterStarts, storedQuarters } from '../domain/stats/stored-summary';
import { computeStreak, type Streak } from '../domain/stats/streak';
import type { CstoDb } from './db';
import {
	countReviewsInRanges,
	holdsCounted,
	listReviewsBetween,
	logTables,
	type HeadsRead
} from './log';

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
	const rows = await listReviewsBetween(db, start, end);
	return {
		newCards: rows.filter((row) => row.stateBefore === 0).length,
		reviews: rows.filter((row) => row.stateBefore === 2).length,
		cardIds: new Set(rows.map((row) => row.cardId)),
		total: rows.length
	};
}

/** The days the streak's first batch of lookups covers; each next batch covers twice as many. */
const STREAK_BATCH = 32;

/**
 * The streak (see `computeStreak`, the one definition Home and Stats share), read cheaply: whether
 * each study day from today back has a rating, by a count over its range of the `reviewedAt` index,
 * until the first day before today without one. The counts of a batch run side by side
 * (`countReviewsInRanges`): about 90 ms in Chromium for a streak of two years.
 */
export async function loadStreak(db: CstoDb, now: Date, dayStartHour: number): Promise<Streak> {
	const today = studyDayKey(now.getTime(), dayStartHour);
	// Each batch reads only the blocks the batches before it did not (older ones).
	const heads: HeadsRead = { since: Infinity, heads: [] };
	const countDays = (keys: readonly string[]) =>
		countReviewsInRanges(
			db,
			keys.map((key) => [
				startOfStudyDayKey(key, dayStartHour),
				startOfStudyDayKey(addDays(key, 1), dayStartHour)
			]),
			heads
		);
	const batch = (back: number, size: number) =>
		Array.from({ length: size }, (_, i) => addDays(today, -(back + i)));
	// The days the Stats page has summed up (the log's summary, when it still matches the log) need
	// no count: only the days since its last rating are counted. A streak of two years took 80 ms of
	// Home's 195 ms to count. The first batch is counted while the summary is read, not after it:
	// the days since the summary are in it unless Stats was last opened more than a month ago.
	const [summed, firstCounts] = await Promise.all([
		readSummedQuarters(db),
		countDays(batch(0, STREAK_BATCH))
	]);
	let last = -Infinity;
	for (const time of summed ?? []) last = Math.max(last, time);
	const lastCounted = last > -Infinity ? studyDayKey(last, dayStartHour) : undefined;
	const streakOf = (studied: number[]) =>
		computeStreak(summed ? [...summed, ...studied] : studied, now.getTime(), dayStartHour);
	const studied: number[] = [];
	for (let back = 0, size = STREAK_BATCH; ; back += size, size *= 2) {
		// Days from today back, down to the summary's last day when there is one (keys sort by date,
		// so these are the batch's first keys).
		const keys = batch(back, size).filter((key) => lastCounted === undefined || key >= lastCounted);
		const counts = back === 0 ? firstCounts : await countDays(keys);
		for (let i = 0; i < keys.length; i++) {
			const start = startOfStudyDayKey(keys[i]!, dayStartHour);
			if (counts[i]! > 0) studied.push(start);
			// No streak reaches past a day without a rating (today's does not count: it is not over).
			else if (keys[i] !== today) return streakOf(studied);
		}
		if (keys.length < size) return streakOf(studied);
	}
}

/**
 * The quarter hours with ratings in the log's stored summary (see ../domain/stats/log-summary.ts),
 * when the log still holds every rating it counted; undefined when there is none or it is stale.
 * They are read from the summary's days record, stored with it: not the whole summary.
 */
async function readSummedQuarters(db: CstoDb): Promise<Float64Array | undefined> {
	return db.transaction('r', [...logTables(db), db.summaries], async () => {
		const stored = storedQuarters((await db.summaries.get('log-days'))?.value);
		if (!stored) return undefined;
		return (await holdsCounted(db, stored)) ? quarterStarts(stored.quarters) : undefined;
	});
}
