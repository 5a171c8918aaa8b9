// `stats.compute.100k`: ms for every number of the stats page (reviews per day, heatmap, forecast,
// retention, mastery, quiz scores, streak) over 10,000 cards and 100,000 reviews. Median of 9 runs.
import type { Topic } from '../../src/lib/domain/bank/schema.ts';
import { buildDeck } from '../../src/lib/domain/scheduling/face.ts';
import { computeStats } from '../../src/lib/domain/stats/compute.ts';
import type { StatsQuizAttempt } from '../../src/lib/domain/stats/types.ts';
import { BENCH_NOW, syntheticRows } from './backup.ts';

type Report = (figure: { name: string; value: number; unit: string }) => void;

export async function run(report: Report): Promise<void> {
	const { cards, reviews } = syntheticRows();
	const quizAttempts: StatsQuizAttempt[] = Array.from({ length: 500 }, (_, i) => ({
		id: i + 1,
		status: 'finished',
		finishedAt: BENCH_NOW - i * 3_600_000,
		score: i % 11,
		maxScore: 10
	}));
	// The deck of a bank with one item for each card.
	const deck = buildDeck(
		cards.map((card) => ({ id: card.id, topic: card.topic as Topic, kind: 'statement' })),
		false
	);
	const times: number[] = [];
	let streak = 0;
	for (let i = 0; i < 9; i++) {
		const start = performance.now();
		const stats = computeStats({ cards, reviews, quizAttempts }, BENCH_NOW, 4, deck);
		times.push(performance.now() - start);
		streak = stats.streak.days;
	}
	if (streak <= 0) throw new Error('the synthetic log should give a streak');
	times.sort((a, b) => a - b);
	report({ name: 'node.stats.compute.100k', value: Math.round(times[4]! * 10) / 10, unit: 'ms' });
}
