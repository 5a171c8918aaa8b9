import { describe, expect, it } from 'vitest';
import { listQuizScores } from './quiz-scores';

describe('listQuizScores', () => {
	it('lists finished quizzes by finish time with their score ratio', () => {
		const scores = listQuizScores([
			{ id: 1, status: 'finished', finishedAt: 300, score: 7.5, maxScore: 10 },
			{ id: 2, status: 'active', finishedAt: 0, score: 2, maxScore: 10 },
			{ id: 3, status: 'finished', finishedAt: 100, score: 20, maxScore: 20 },
			{ id: 4, status: 'finished', finishedAt: 200, score: 0, maxScore: 0 }
		]);
		expect(scores).toEqual([
			{ id: 3, finishedAt: 100, score: 20, maxScore: 20, ratio: 1 },
			{ id: 1, finishedAt: 300, score: 7.5, maxScore: 10, ratio: 0.75 }
		]);
	});
});
