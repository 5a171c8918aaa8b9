// Backup speed with a large collection in Node, on fake-indexeddb: the code the backup worker runs,
// without the browser. `node.backup.export.100k` reads 10,000 cards and 100,000 reviews and writes
// the JSON file; `node.backup.import.100k` reads and validates that file and applies it with Replace
// in one transaction. Median ms of three runs. In Chromium: ui.export.100k and ui.import.100k.
import 'fake-indexeddb/auto';
import { TOPICS } from '../../src/lib/domain/bank/schema.ts';
import { createRng } from '../../src/lib/domain/random.ts';
import { createDb, type CardRow, type CstoDb, type ReviewRow } from '../../src/lib/data/db.ts';
import { applyBackup, exportBackup, readBackupFile } from '../../src/lib/data/backup.ts';
import { countReviews } from '../../src/lib/data/log.ts';
import { median } from './lib/summary.js';

type Report = (figure: { name: string; value: number; unit: string }) => void;

const CARDS = 10_000;
const REVIEWS = 100_000;
const DAY = 86_400_000;
/** The benchmarks' "now": 28 November 2026, 10:00 local time. */
export const BENCH_NOW = new Date(2026, 10, 28, 10, 0).getTime();

/** 10,000 cards and 100,000 reviews spread over the last two years, the same on every run. */
export function syntheticRows(): { cards: CardRow[]; reviews: ReviewRow[] } {
	const rng = createRng('backup-bench');
	const cards: CardRow[] = Array.from({ length: CARDS }, (_, i) => {
		const topic = TOPICS[i % TOPICS.length]!;
		// Within FSRS's limits, and last reviewed before the card's due time: rows the validator accepts.
		const stability = 0.1 + rng.next() * 90;
		const due = BENCH_NOW + Math.round((rng.next() - 0.3) * 60 * DAY);
		return {
			id: `${topic}/item-${i}`,
			itemId: `${topic}/item-${i}`,
			topic,
			due,
			stability,
			difficulty: 1 + rng.next() * 9,
			elapsedDays: Math.floor(rng.next() * 30),
			scheduledDays: Math.floor(stability),
			learningSteps: 0,
			reps: 10,
			lapses: Math.floor(rng.next() * 3),
			state: 2,
			lastReview: Math.min(BENCH_NOW, due) - Math.floor(rng.next() * 30 * DAY),
			suspended: 0,
			leech: 0,
			buriedUntil: 0
		};
	});
	// A log is written in time order, so ids follow review times.
	const times = Array.from(
		{ length: REVIEWS },
		() => BENCH_NOW - Math.floor(rng.next() * 730 * DAY)
	);
	times.sort((a, b) => a - b);
	const reviews: ReviewRow[] = times.map((reviewedAt, i) => {
		return {
			id: i + 1,
			cardId: cards[i % CARDS]!.id,
			rating: (1 + Math.floor(rng.next() * 4)) as ReviewRow['rating'],
			stateBefore: (i % 10 === 0 ? 0 : 2) as ReviewRow['stateBefore'],
			dueBefore: reviewedAt - DAY,
			stability: 0.1 + rng.next() * 60,
			difficulty: 1 + rng.next() * 9,
			elapsedDays: Math.floor(rng.next() * 20),
			scheduledDays: Math.floor(rng.next() * 20),
			reviewedAt,
			durationMs: Math.floor(rng.next() * 20_000),
			source: 'review'
		};
	});
	return { cards, reviews };
}

async function seed(db: CstoDb): Promise<void> {
	const { cards, reviews } = syntheticRows();
	await db.cards.bulkAdd(cards);
	await db.reviews.bulkAdd(reviews);
	await db.settings.put({ key: 'newPerDay', value: 30 });
}

export async function run(report: Report): Promise<void> {
	const source = createDb(`bench-backup-${crypto.randomUUID()}`);
	await seed(source);
	const exports: number[] = [];
	const imports: number[] = [];
	let file: Blob | undefined;
	for (let i = 0; i < 3; i++) {
		let start = performance.now();
		file = (await exportBackup(source, { appVersion: 'bench', now: BENCH_NOW })).file;
		exports.push(performance.now() - start);

		const target = createDb(`bench-backup-${crypto.randomUUID()}`);
		start = performance.now();
		const backup = await readBackupFile(file, { now: BENCH_NOW });
		await applyBackup(target, backup, 'replace');
		imports.push(performance.now() - start);
		if ((await countReviews(target)) !== REVIEWS) throw new Error('import lost reviews');
		await target.delete();
	}
	await source.delete();
	report({ name: 'node.backup.export.100k', value: Math.round(median(exports)), unit: 'ms' });
	report({ name: 'node.backup.import.100k', value: Math.round(median(imports)), unit: 'ms' });
	report({
		name: 'node.backup.file.100k',
		value: Math.round((file!.size / 1024 / 1024) * 10) / 10,
		unit: 'MB'
	});
}
