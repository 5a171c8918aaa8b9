// A simulated learner whose memory follows FSRS with known parameters, studying with the app's own
// scheduler: the history that training must learn those parameters back from. Used by the training
// tests, the end-to-end test that seeds it into the browser, and the benchmark.
import type { Rng } from '../random';
import { cardTargetFromId, type CardRow, type Rating, type ReviewFields } from './card';
import {
	elapsedDaysBetween,
	nextMemoryState,
	recallProbability,
	scheduleReview,
	type MemoryState
} from './fsrs';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A learner whose memory differs from FSRS's defaults: new cards start weaker (w0-w3), stability grows
 * far less after a success (w8) and forgetting follows a steeper curve (w20). Every value is within
 * FSRS's bounds.
 */
export const SIMULATED_TRUE_PARAMETERS: readonly number[] = Object.freeze([
	0.1, 0.4, 0.9, 4, 6.8, 0.6, 2.2, 0.02, 0.6, 0.2, 0.8, 1.8, 0.08, 0.3, 1.9, 0.5, 2.3, 0.4, 0.15,
	0.05, 0.6
]);

/** How the simulated learner studies. */
export interface SimulatedLearnerOptions {
	/** The cards, in the order they are introduced. */
	cardIds: readonly string[];
	/** The learner's real memory: whether they recall a card is drawn from these parameters' curve. */
	trueParameters: readonly number[];
	/** Study stops after this many days or this many reviews, whichever comes first. */
	days: number;
	reviewCount: number;
	newPerDay: number;
	/** The first study session (epoch ms); later ones start up to two hours after the same time of day. */
	start: number;
	desiredRetention?: number;
}

/** A review row as the log stores it (without its id). */
export interface SimulatedReview extends ReviewFields {
	durationMs: number;
	source: 'review';
}

/** What the app would have stored: the cards after the last review, and every review in time order. */
export interface SimulatedHistory {
	cards: CardRow[];
	reviews: SimulatedReview[];
}

interface StudiedCard {
	row: CardRow;
	memory: MemoryState;
	lastReview: number;
}

/** A recalled card is rated Hard, Good or Easy with these chances (Again means forgotten). */
function pickRecalledRating(rng: Rng): Rating {
	const x = rng.next();
	return x < 0.15 ? 2 : x < 0.9 ? 3 : 4;
}

/** A new card's first rating: the learner has not seen it, so any button is possible. */
function pickFirstRating(rng: Rng): Rating {
	const x = rng.next();
	return x < 0.2 ? 1 : x < 0.3 ? 2 : x < 0.85 ? 3 : 4;
}

/**
 * Simulates a learner studying with the app: one session a day, at a time that varies; each session
 * rates the cards the app's scheduler (FSRS's defaults, fuzz on) has due, then up to `newPerDay`
 * new cards, then learning cards as their steps fall due. Whether a card is recalled is drawn, with
 * `rng`, from its retrievability under `trueParameters`; a recalled card is rated Hard, Good or Easy.
 * @example simulateLearner({ cardIds, trueParameters: SIMULATED_TRUE_PARAMETERS, days: 200, reviewCount: 3000, newPerDay: 10, start }, createRng('learner')).reviews.length // 3000
 */
export function simulateLearner(options: SimulatedLearnerOptions, rng: Rng): SimulatedHistory {
	const scheduler = { desiredRetention: options.desiredRetention ?? 0.9, enableFuzz: true };
	const studied = new Map<string, StudiedCard>();
	const reviews: SimulatedReview[] = [];
	let nextNew = 0;

	const rate = (id: string, now: number) => {
		const card = studied.get(id);
		let rating: Rating;
		let memory: MemoryState;
		if (!card) {
			rating = pickFirstRating(rng);
			memory = nextMemoryState(undefined, 0, rating, options.trueParameters);
		} else {
			const days = elapsedDaysBetween(card.lastReview, now);
			const recall = recallProbability(days, card.memory.stability, options.trueParameters);
			rating = rng.next() < recall ? pickRecalledRating(rng) : 1;
			memory = nextMemoryState(card.memory, days, rating, options.trueParameters);
		}
		const result = scheduleReview(
			card?.row,
			cardTargetFromId(id),
			rating,
			new Date(now),
			scheduler
		);
		studied.set(id, { row: result.card, memory, lastReview: now });
		reviews.push({
			...result.review,
			durationMs: 3000 + Math.floor(rng.next() * 12_000),
			source: 'review'
		});
	};

	for (let day = 0; day < options.days && reviews.length < options.reviewCount; day++) {
		let now = options.start + day * DAY + Math.floor(rng.next() * 120) * MINUTE;
		let newToday = 0;
		while (reviews.length < options.reviewCount) {
			let due: StudiedCard | undefined;
			for (const card of studied.values()) {
				if (card.row.suspended === 0 && (!due || card.row.due < due.row.due)) due = card;
			}
			if (due && due.row.due <= now) {
				rate(due.row.id, now);
			} else if (newToday < options.newPerDay && nextNew < options.cardIds.length) {
				rate(options.cardIds[nextNew++]!, now);
				newToday++;
			} else if (due && due.row.state !== 2 && due.row.due - now <= 30 * MINUTE) {
				// A learning step falls due soon: the learner waits for it within the session.
				now = due.row.due;
				continue;
			} else {
				break;
			}
			now += 5000 + Math.floor(rng.next() * 15_000);
		}
	}
	return { cards: [...studied.values()].map((card) => card.row), reviews };
}

/** The ids of `count` cards that are not in the bank (the simulated learner's own deck). */
export function simulatedCardIds(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, i) => `members/simulated-${String(i + 1).padStart(4, '0')}`
	);
}

/** The simulated learner of the memory-model tests: 3,000 reviews of 200 cards over 200 days. */
export const SIMULATED_3K = {
	cardIds: simulatedCardIds(200),
	trueParameters: SIMULATED_TRUE_PARAMETERS,
	days: 200,
	reviewCount: 3000,
	newPerDay: 20,
	desiredRetention: 0.9,
	start: Date.UTC(2026, 0, 5, 8, 0)
};

/** The seed of the simulated learner's random draws in every test and benchmark. */
export const SIMULATED_SEED = 'simulated-learner';
