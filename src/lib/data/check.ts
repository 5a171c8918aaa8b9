import {
	describeFinding,
	planCheck,
	summarizeCheck,
	type Finding,
	type StoredRows
} from '../domain/integrity/repair';
import type { SchedulerOptions } from '../domain/scheduling/fsrs';
import type { IndexableType } from 'dexie';
import type { CstoDb, ReviewRow } from './db';
import {
	blockFinding,
	deleteBlocks,
	deleteReviews,
	everyTable,
	putReviews,
	quarantineBlock,
	readAllReviews
} from './log-bulk';

/** What Check database found and did, in plain words. */
export interface CheckReport {
	checkedAt: number;
	/** One sentence: what was checked, and what was found and done. */
	summary: string;
	findings: Finding[];
	/** One line per finding (`Card “x”: … Repaired: …`). */
	lines: string[];
}

/**
 * Check database, as in Anki: reads every row, repairs the rows that fail the validator where what
 * they lack can be derived (a card's memory state by replaying its log …), sets aside the others,
 * and keeps every damaged original in the quarantine table. One transaction: it all happens or
 * nothing does. Rows that pass are not touched.
 * @example const report = await checkDatabase(db, { now: Date.now(), options: { desiredRetention: 0.9, enableFuzz: true } });
 */
export function checkDatabase(
	db: CstoDb,
	{ now, options }: { now: number; options: SchedulerOptions }
): Promise<CheckReport> {
	return db.transaction('rw', everyTable(db), async () => {
		const log = await readAllReviews(db);
		const rows: StoredRows = {
			settings: await db.settings.toArray(),
			cards: await db.cards.toArray(),
			reviews: log.reviews,
			quizAttempts: await db.quizAttempts.toArray()
		};
		const plan = planCheck(rows, now, options);
		// A block of ratings that cannot be read at all is set aside whole, as one damaged row.
		const blocks = log.damagedBlocks;
		plan.quarantine.push(...blocks.map((block) => quarantineBlock(block, now)));
		plan.findings.push(...blocks.map(blockFinding));
		if (plan.quarantine.length > 0) await db.quarantine.bulkAdd(plan.quarantine);
		if (blocks.length > 0)
			await deleteBlocks(
				db,
				blocks.map(({ id }) => id)
			);
		// A repaired rating was left out of the log's summary: it is summed up again on the next visit.
		const logChanged = plan.remove.reviews.length + plan.put.reviews.length + blocks.length > 0;
		if (logChanged) await db.summaries.clear();
		for (const table of ['settings', 'cards', 'quizAttempts'] as const) {
			const store = db.table(table);
			if (plan.remove[table].length > 0) await store.bulkDelete(plan.remove[table] as never[]);
			if (plan.put[table].length > 0) await store.bulkPut(plan.put[table]);
		}
		if (plan.remove.reviews.length > 0) {
			await deleteReviews(db, plan.remove.reviews as IndexableType[]);
		}
		if (plan.put.reviews.length > 0) await putReviews(db, plan.put.reviews as ReviewRow[]);
		return {
			checkedAt: now,
			summary: summarizeCheck(plan),
			findings: plan.findings,
			lines: plan.findings.map(describeFinding)
		};
	});
}

/** How many damaged originals the quarantine table keeps. */
export function countQuarantined(db: CstoDb): Promise<number> {
	return db.quarantine.count();
}
