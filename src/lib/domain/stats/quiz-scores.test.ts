import { describe, expect, it } from 'vitest';
import { listQuizScores } from './quiz-scores';

describe('listQuizScores', () => {
	it('lists finished quizzes by finish time with their score ratio', () => {
		const scores = listQuizScores([
			{ id: 1, status: 'finished', finishedAt: 300, score: 7.5, maxScore: 10 },
			{ id: 2, status: 'active', finishedAt: 0, score: 2, maxScore: 10 },
			{ id: 3, status: 'finished', finishedAt: 100, score: 20, maxScore: 20 },
			{ id: 4, status: 'finished', finishedAt: 200, score: 0, maxScore: 0 },
			{ id: 5, status: 'finished', finishedAt: 400, score: 1.4, maxScore: 10 }
		]);
		expect(scores).toEqual([
			{ id: 3, finishedAt: 100, score: 20, maxScore: 20, ratio: 1, percent: 100 },
			{ id: 1, finishedAt: 300, score: 7.5, maxScore: 10, ratio: 0.75, percent: 75 },
			// The per cent the quiz's results show: 14, although 1.4 / 10 × 100 is 13.99… in floating point.
			{ id: 5, finishedAt: 400, score: 1.4, maxScore: 10, ratio: 1.4 / 10, percent: 14 }
		]);
	});
});
