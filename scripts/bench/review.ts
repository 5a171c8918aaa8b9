// Review speed with a large collection: 10,000 cards and 100,000 log rows on fake-indexeddb in Node.
// `review.queue.10k` builds today's queue (`.new`: with room for new cards), `review.rate.10k`
// commits one rating (card and log row in one transaction), `home.counts.10k` reads Home's figures
// (the streak is two years long: one index lookup per day), `home.counts.10k.cold` the same on a
// freshly opened database. Median ms of repeated runs.
import 'fake-indexeddb/auto';
import { TOPICS, type Item } from '../../src/lib/domain/bank/schema.ts';
import { createDb, type CardRow, type ReviewRow } from '../../src/lib/data/db.ts';
import { loadHomeCounts, loadQueue, rateCard } from '../../src/lib/data/cards.ts';
import { createRng } from '../../src/lib/domain/random.ts';
import type { QueueOptions } from '../../src/lib/domain/scheduling/queue.ts';

type Report = (figure: { name: string; value: number; unit: string }) => void;

const CARDS = 10_000;
const ITEMS = 10_500; // 500 items never seen: the new cards
const REVIEWS = 100_000;
const DAY = 86_400_000;
const NOW = new Date(2026, 10, 28, 10, 0);
const OPTIONS: QueueOptions = {
	newPerDay: 20,
	reviewLimit: 200,
	dayStartHour: 4,
	reverseCards: false,
	topics: [...TOPICS]
};

function syntheticItems(): Item[] {
	return Array.from({ length: ITEMS }, (_, i) => {
		const topic = TOPICS[i % TOPICS.length]!;
		return {
			id: `${topic}/item-${i}`,
			topic,
			kind: 'qa',
			prompt: `Question ${i}?`,
			answer: `Answer ${i}`,
			accept: [],
			category: 'concept',
			distractors: ['One', 'Two', 'Three'],
			explanation: `Explanation ${i}.`,
			sources: [{ title: 'Source', publisher: 'Publisher' }],
			difficulty: 1,
			tags: []
		} satisfies Item;
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return Math.round(value * 100) / 100;
}

async function time(runs: number, fn: (run: number) => Promise<unknown>): Promise<number> {
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		await fn(run);
		samples.push(performance.now() - start);
	}
	return median(samples);
}

export async function run(report: Report): Promise<void> {
	const rng = createRng('review-bench');
	const items = syntheticItems();
	const name = `bench-review-${Date.now()}`;
	const db = createDb(name);

	const cards: CardRow[] = items.slice(0, CARDS).map((item) => {
		// Mostly review cards due over the next three months (about 5% due today), some in learning.
		const isLearning = rng.next() < 0.02;
		const due = NOW.getTime() + Math.floor((rng.next() * 100 - 5) * DAY);
		return {
			id: item.id,
			itemId: item.id,
			topic: item.topic,
			due: isLearning ? NOW.getTime() - 60_000 : due,
			stability: 1 + rng.next() * 60,
			difficulty: 1 + rng.next() * 9,
			elapsedDays: 3,
			scheduledDays: 10,
			learningSteps: isLearning ? 1 : 0,
			reps: 10,
			lapses: Math.floor(rng.next() * 3),
			state: isLearning ? 1 : 2,
			// Never after the card's due time, which the validator refuses.
			lastReview: Math.min(NOW.getTime() - 3 * DAY, due - DAY),
			suspended: rng.next() < 0.01 ? 1 : 0,
			leech: 0,
			buriedUntil: 0
		};
	});
	// 100,000 ratings over the last two years, every day, so the streak is two years long.
	const reviews: ReviewRow[] = Array.from({ length: REVIEWS }, (_, i) => ({
		cardId: cards[i % CARDS]!.id,
		rating: (1 + Math.floor(rng.next() * 4)) as 1 | 2 | 3 | 4,
		stateBefore: 2,
		dueBefore: NOW.getTime() - DAY,
		stability: 10,
		difficulty: 5,
		elapsedDays: 3,
		scheduledDays: 10,
		reviewedAt: NOW.getTime() - (1 + Math.floor((i / REVIEWS) * 730)) * DAY,
		durationMs: 4000,
		source: 'review'
	}));
	await db.cards.bulkAdd(cards);
	await db.reviews.bulkAdd(reviews);

	const request = { items, now: NOW, options: OPTIONS };
	const queue = await loadQueue(db, request);
	process.stderr.write(
		`  queue: ${queue.counts.learning} learning, ${queue.counts.review} review, ${queue.counts.new} new\n`
	);

	await loadQueue(db, request); // warm up
	report({
		name: 'review.queue.10k',
		value: await time(15, () => loadQueue(db, request)),
		unit: 'ms'
	});

	// The same with room for new cards (a review limit above the 560 review cards due): which bank
	// items are new then depends on every stored card id.
	const roomy = { ...request, options: { ...OPTIONS, reviewLimit: 1000 } };
	await loadQueue(db, roomy); // warm up
	report({
		name: 'review.queue.10k.new',
		value: await time(15, () => loadQueue(db, roomy)),
		unit: 'ms'
	});

	const due = queue.entries;
	report({
		name: 'review.rate.10k',
		value: await time(30, (run) =>
			rateCard(
				db,
				{
					target: due[run % due.length]!.target,
					rating: 3,
					now: new Date(NOW.getTime() + run * 1000),
					durationMs: 3000,
					source: 'review'
				},
				{ desiredRetention: 0.9, enableFuzz: true }
			)
		),
		unit: 'ms'
	});

	const counts = await loadHomeCounts(db, request);
	process.stderr.write(`  home: ${JSON.stringify(counts)}\n`);
	report({
		name: 'home.counts.10k',
		value: await time(15, () => loadHomeCounts(db, request)),
		unit: 'ms'
	});
	db.close();

	const cold: number[] = [];
	for (let run = 0; run < 5; run++) {
		const fresh = createDb(name);
		await fresh.open();
		const start = performance.now();
		await loadHomeCounts(fresh, request);
		cold.push(performance.now() - start);
		fresh.close();
	}
	report({ name: 'home.counts.10k.cold', value: median(cold), unit: 'ms' });
	await createDb(name).delete();
}
