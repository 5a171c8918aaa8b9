import { nextStudyDayStart, startOfStudyDay } from '../domain/day';
import type { DoneToday } from '../domain/scheduling/queue';
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

// Days before today do not change when today's ratings do, so their streak is remembered per study
// day and per fingerprint of the older rows: their number and the first and last of them (id, card
// and time). The number alone is not enough: an import with Replace can bring a log of the same size
// whose days differ; it keeps the backup's ids, so it also has to match the first and last rows.
const olderStreaks = new WeakMap<CstoDb, { key: string; days: number }>();

/** The number of rows before `before`, and the id, card and time of the first and last of them. */
async function fingerprintOlder(db: CstoDb, before: number, olderCount: number): Promise<string> {
	const [first, last] = await Promise.all([
		db.reviews.where('reviewedAt').below(before).first(),
		db.reviews.where('reviewedAt').below(before).reverse().first()
	]);
	const describe = (row: ReviewRow | undefined) =>
		row ? `${row.id}@${row.reviewedAt}:${row.cardId}` : '-';
	return `${olderCount}|${describe(first)}|${describe(last)}`;
}

/**
 * The streak: how many study days in a row, up to today, have at least one rating. A day without
 * ratings yet does not break it until it is over.
 */
export async function countStreak(
	db: CstoDb,
	now: Date,
	dayStartHour: number,
	today?: { total: number }
): Promise<number> {
	const todayStart = startOfStudyDay(now.getTime(), dayStartHour);
	const todayTotal = today?.total ?? (await loadDoneToday(db, now, dayStartHour)).total;
	const older = (await db.reviews.count()) - todayTotal;
	const key = `${todayStart}|${dayStartHour}|${await fingerprintOlder(db, todayStart, older)}`;
	let memo = olderStreaks.get(db);
	if (memo?.key !== key) {
		memo = { key, days: await countDaysInARow(db, todayStart, dayStartHour) };
		olderStreaks.set(db, memo);
	}
	return memo.days + (todayTotal > 0 ? 1 : 0);
}

// Days are checked in batches whose lookups run side by side in one transaction: in Chromium each
// IndexedDB request costs a round trip, so one request after another was about ten times slower.
const STREAK_BATCH = 32;

/** Counts the study days in a row before `dayStart` that have a rating. */
async function countDaysInARow(
	db: CstoDb,
	dayStart: number,
	dayStartHour: number
): Promise<number> {
	return db.transaction('r', db.reviews, async () => {
		let days = 0;
		let end = dayStart;
		for (;;) {
			const ranges: [number, number][] = [];
			for (let i = 0; i < STREAK_BATCH; i++) {
				const start = startOfStudyDay(end - 1, dayStartHour);
				ranges.push([start, end]);
				end = start;
			}
			const found = await Promise.all(
				ranges.map(([start, stop]) =>
					db.reviews.where('reviewedAt').between(start, stop, true, false).limit(1).primaryKeys()
				)
			);
			const firstEmpty = found.findIndex((keys) => keys.length === 0);
			if (firstEmpty >= 0) return days + firstEmpty;
			days += STREAK_BATCH;
		}
	});
}
