// The Stats page's arithmetic in Node, without the database: `node.stats.summarize.100k` sums up
// 100,000 ratings by study day (the page does it page by page as it reads the log), and
// `node.stats.compute.100k` computes every number of the page from that summary and 10,000 cards.
// Median of 9 runs. The page itself, reading included, is measured in Chromium (speed.ts).
import { TOPICS } from '../../src/lib/domain/bank/schema.ts';
import { computeStats } from '../../src/lib/domain/stats/compute.ts';
import { summarizeLog } from '../../src/lib/domain/stats/log.ts';
import type { StatsQuizAttempt } from '../../src/lib/domain/stats/types.ts';
import { BENCH_NOW, syntheticRows } from './backup.ts';

type Report = (figure: { name: string; value: number; unit: string }) => void;

function median(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

export async function run(report: Report): Promise<void> {
	const { cards, reviews } = syntheticRows();
	const quizAttempts: StatsQuizAttempt[] = Array.from({ length: 500 }, (_, i) => ({
		id: i + 1,
		status: 'finished',
		finishedAt: BENCH_NOW - i * 3_600_000,
		score: i % 11,
		maxScore: 10
	}));
	const bankCounts = new Map(TOPICS.map((topic) => [topic, 1300]));
	const summarizing: number[] = [];
	const computing: number[] = [];
	for (let i = 0; i < 9; i++) {
		let start = performance.now();
		const log = summarizeLog(reviews, 4);
		summarizing.push(performance.now() - start);
		start = performance.now();
		const stats = computeStats(
			{
				cards,
				log,
				reviewCount: reviews.length,
				streak: { days: 0, isTodayDone: false },
				quizAttempts
			},
			BENCH_NOW,
			4,
			bankCounts
		);
		computing.push(performance.now() - start);
		if (stats.heatmap.total === 0) throw new Error('the synthetic log should fill the heatmap');
	}
	report({ name: 'node.stats.summarize.100k', value: median(summarizing), unit: 'ms' });
	report({ name: 'node.stats.compute.100k', value: median(computing), unit: 'ms' });
}
