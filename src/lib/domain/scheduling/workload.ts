// What desired retention costs: the reviews per day a learner can expect, simulated with FSRS's memory
// model and the learner's parameters, as Anki's workload simulator does.
import type { Rng } from '../random';
import type { Rating } from './card';
import { nextIntervalDays, nextMemoryState, recallProbability, type MemoryState } from './fsrs';

/** What the simulation is run for. */
export interface WorkloadOptions {
	desiredRetention: number;
	/** The learner's parameters; FSRS's defaults when absent. */
	parameters?: readonly number[];
	/** Cards in the deck, all new at the start. */
	cardCount: number;
	newPerDay: number;
	/** New and review cards together per day, as in Settings. */
	reviewLimit: number;
	days: number;
}

// The chances of each button that FSRS's own simulator (fsrs-rs) assumes by default.
/** First rating of a new card: Again, Hard, Good, Easy. */
const FIRST_RATING = [0.24, 0.094, 0.495, 0.171];
/** Rating of a card recalled in review: Hard, Good, Easy (Again is a lapse). */
const RECALL_RATING = [0.224, 0.633, 0.143];
/**
 * Same-day learning reviews after a new card's first rating (the app's steps are 1 and 10 minutes):
 * Again goes through both steps, Hard and Good through the second, Easy graduates at once.
 */
const LEARNING_STEPS: Record<Rating, number> = { 1: 2, 2: 1, 3: 1, 4: 0 };

function pick(rng: Rng, chances: readonly number[]): number {
	let x = rng.next();
	for (let i = 0; i < chances.length - 1; i++) {
		x -= chances[i]!;
		if (x < 0) return i;
	}
	return chances.length - 1;
}

interface SimulatedCard {
	memory: MemoryState;
	lastDay: number;
	dueDay: number;
}

/**
 * The mean number of reviews per day over `days`, simulated day by day: due cards are reviewed
 * (most overdue first, up to the daily limit) and recalled with the probability the model gives;
 * a lapse costs one more review that day (the relearning step); then new cards are learnt (with
 * their learning steps) while the limits allow. Intervals follow `desiredRetention`.
 * @example simulateWorkload({ desiredRetention: 0.9, cardCount: 170, newPerDay: 20, reviewLimit: 200, days: 365 }, createRng('workload')) // about 5
 */
export function simulateWorkload(options: WorkloadOptions, rng: Rng): number {
	const { parameters, desiredRetention } = options;
	const cards: SimulatedCard[] = [];
	const schedule = (card: SimulatedCard, day: number) => {
		card.lastDay = day;
		card.dueDay = day + nextIntervalDays(card.memory.stability, desiredRetention, parameters);
	};
	let total = 0;
	for (let day = 0; day < options.days; day++) {
		let today = 0;
		const due = cards.filter((card) => card.dueDay <= day).sort((a, b) => a.dueDay - b.dueDay);
		for (const card of due) {
			if (today >= options.reviewLimit) break;
			const elapsed = day - card.lastDay;
			const recall = recallProbability(elapsed, card.memory.stability, parameters);
			const rating = (rng.next() < recall ? 2 + pick(rng, RECALL_RATING) : 1) as Rating;
			card.memory = nextMemoryState(card.memory, elapsed, rating, parameters);
			today++;
			if (rating === 1) {
				card.memory = nextMemoryState(card.memory, 0, 3, parameters);
				today++;
			}
			schedule(card, day);
		}
		let learnt = 0;
		while (
			learnt < options.newPerDay &&
			today < options.reviewLimit &&
			cards.length < options.cardCount
		) {
			const rating = (1 + pick(rng, FIRST_RATING)) as Rating;
			let memory = nextMemoryState(undefined, 0, rating, parameters);
			for (let step = 0; step < LEARNING_STEPS[rating]; step++) {
				memory = nextMemoryState(memory, 0, 3, parameters);
			}
			const card: SimulatedCard = { memory, lastDay: day, dueDay: day };
			schedule(card, day);
			cards.push(card);
			today += 1 + LEARNING_STEPS[rating];
			learnt++;
		}
		total += today;
	}
	return total / options.days;
}

/**
 * Three desired retentions to show the cost of: the learner's own and five points either side,
 * shifted to stay within the allowed 0.70 to 0.97.
 * @example retentionChoices(0.9) // [0.85, 0.9, 0.95]
 * @example retentionChoices(0.97) // [0.87, 0.92, 0.97]
 */
export function retentionChoices(desiredRetention: number): [number, number, number] {
	const round = (r: number) => Math.round(r * 100) / 100;
	const middle = Math.min(0.92, Math.max(0.75, desiredRetention));
	const choices = [round(middle - 0.05), round(middle), round(middle + 0.05)];
	if (!choices.includes(round(desiredRetention))) {
		// 0.70-0.74 or 0.93-0.97: the learner's own value replaces the nearest end.
		choices[desiredRetention < middle ? 0 : 2] = round(desiredRetention);
	}
	return choices as [number, number, number];
}
