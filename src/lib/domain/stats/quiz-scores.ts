import { scorePercent } from '../quiz/score';
import type { StatsQuizAttempt } from './types';

/** One finished quiz on the score chart. */
export interface QuizScore {
	id: number | undefined;
	finishedAt: number;
	score: number;
	maxScore: number;
	/** score / maxScore, from 0 to 1: where the chart draws it. */
	ratio: number;
	/** The whole per cent the quiz's results show (scorePercent). */
	percent: number;
}

/**
 * The finished quizzes in the order they were finished, each with its score as a ratio; quizzes
 * still in progress, or with nothing to score, are left out.
 */
export function listQuizScores(attempts: readonly StatsQuizAttempt[]): QuizScore[] {
	return attempts
		.filter((a) => a.status === 'finished' && a.maxScore > 0 && a.finishedAt > 0)
		.map((a) => ({
			id: a.id,
			finishedAt: a.finishedAt,
			score: a.score,
			maxScore: a.maxScore,
			ratio: Math.min(1, Math.max(0, a.score / a.maxScore)),
			percent: scorePercent(a.score, a.maxScore)
		}))
		.sort((a, b) => a.finishedAt - b.finishedAt);
}
