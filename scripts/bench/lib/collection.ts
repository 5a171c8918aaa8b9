// The two collections the browser benchmarks seed into the app's real IndexedDB, the same on every
// run (seeded randomness), relative to `now`:
// - realistic: every card of the bank with reversed cards on, and 20,000 ratings over two years;
// - stress: 10,000 cards (the bank's, and the rest for items no longer in the bank) and 100,000
//   ratings over two years.
// In both, a quarter of the bank's cards are due today (a learner back after a few days), so that a
// review session has more than 40 cards to rate, and every study day of the two years has ratings.
// The study day starts 12 hours from `now`'s hour (the `dayStartHour` setting): with the default
// 4:00, a run that started before 4:00 UTC and went on after it timed a Home whose streak had
// dropped to 0 days and read almost nothing (2026-12-05, `ui.home.counts.stress.*`).
import { readBank } from '../../../src/lib/content/read-bank.ts';
import { TOPICS } from '../../../src/lib/domain/bank/schema.ts';
import { createRng, type Rng } from '../../../src/lib/domain/random.ts';
import type { CardRow, ReviewRow } from '../../../src/lib/data/db.ts';
import { cardTargetsFor } from '../../../src/lib/domain/scheduling/face.ts';
import { startOfStudyDay } from '../../../src/lib/domain/day.ts';

export type CollectionSize = 'realistic' | 'stress';

export interface Collection {
	cards: CardRow[];
	reviews: ReviewRow[];
	quizAttempts: {
		status: 'finished';
		startedAt: number;
		finishedAt: number;
		score: number;
		maxScore: number;
		data: unknown;
	}[];
	settings: { key: string; value: unknown }[];
}

const DAY = 86_400_000;
const SIZES = {
	realistic: { cards: 0, reviews: 20_000 },
	stress: { cards: 10_000, reviews: 100_000 }
} as const;

/** A studied card due at `due`, last reviewed its interval before that, and never after `now`. */
function reviewCard(id: string, rng: Rng, due: number, now: number): CardRow {
	const itemId = id.replace(/:reverse$/, '');
	const stability = 1 + rng.next() * 200;
	const scheduledDays = Math.max(1, Math.round(stability));
	return {
		id,
		itemId,
		topic: itemId.split('/')[0]!,
		due,
		stability,
		difficulty: 1 + rng.next() * 9,
		elapsedDays: scheduledDays,
		scheduledDays,
		learningSteps: 0,
		reps: 3 + Math.floor(rng.next() * 30),
		lapses: Math.floor(rng.next() * 4),
		state: 2,
		// A last review in the future is damage, which the app reports and Check database repairs.
		lastReview: Math.min(due - scheduledDays * DAY, now - DAY),
		suspended: 0,
		leech: 0,
		buriedUntil: 0
	};
}

/** Builds one collection; `now` is the time the benchmark runs at. */
export function buildCollection(size: CollectionSize, now: number): Collection {
	const rng = createRng(`ui-bench-${size}`);
	const bank = readBank('questions');
	const bankIds = bank.items.flatMap((item) => cardTargetsFor(item, true).map((t) => t.cardId));
	const cards = bankIds.map((id, i) =>
		reviewCard(
			id,
			rng,
			// Every fourth card overdue by up to five days, the others due in the next four months.
			i % 4 === 0
				? now - Math.floor(rng.next() * 5 * DAY)
				: now + DAY + Math.floor(rng.next() * 120 * DAY),
			now
		)
	);
	for (let i = cards.length; i < SIZES[size].cards; i++) {
		const topic = TOPICS[i % TOPICS.length]!;
		cards.push(
			reviewCard(`${topic}/retired-${i}`, rng, now + Math.floor((rng.next() * 130 - 10) * DAY), now)
		);
	}

	// Ratings over the 730 days before today (none today yet), in time order as a log is written.
	const dayStartHour = (new Date(now).getHours() + 12) % 24;
	const todayStart = startOfStudyDay(now, dayStartHour);
	const count = SIZES[size].reviews;
	const times = Array.from({ length: count }, (_, i) =>
		// Spread evenly, with some jitter, so that every day of the two years has ratings.
		Math.floor(todayStart - 730 * DAY + ((i + rng.next()) / count) * 730 * DAY)
	).map((time) => Math.min(time, todayStart - 1));
	const reviews: ReviewRow[] = times.map((reviewedAt, i) => {
		const roll = rng.next();
		const stateBefore = (
			roll < 0.1 ? 0 : roll < 0.15 ? 1 : roll < 0.2 ? 3 : 2
		) as ReviewRow['stateBefore'];
		const r = rng.next();
		return {
			id: i + 1,
			cardId: cards[Math.floor(rng.next() * cards.length)]!.id,
			rating: (r < 0.1 ? 1 : r < 0.25 ? 2 : r < 0.85 ? 3 : 4) as ReviewRow['rating'],
			stateBefore,
			dueBefore: reviewedAt - Math.floor(rng.next() * 3 * DAY),
			stability: 0.1 + rng.next() * 100,
			difficulty: 1 + rng.next() * 9,
			elapsedDays: stateBefore === 2 ? 1 + Math.floor(rng.next() * 60) : 0,
			scheduledDays: Math.floor(rng.next() * 60),
			reviewedAt,
			durationMs: 2000 + Math.floor(rng.next() * 15_000),
			source: rng.next() < 0.9 ? 'review' : 'quiz'
		};
	});

	const quizAttempts = Array.from({ length: 40 }, (_, i) => {
		const finishedAt = todayStart - (40 - i) * 10 * DAY;
		const maxScore = 10;
		return {
			status: 'finished' as const,
			startedAt: finishedAt - 300_000,
			finishedAt,
			score: Math.floor(rng.next() * 11),
			maxScore,
			// Only the score: a finished quiz without its record (as Check database leaves one it set aside).
			data: null
		};
	});
	return {
		cards,
		reviews,
		quizAttempts,
		settings: [
			{ key: 'reverseCards', value: true },
			{ key: 'dayStartHour', value: dayStartHour }
		]
	};
}
