// How a quiz is scored, in one place: Results, Home, Stats and the stored attempt all use it.

/**
 * A quiz's score: the points of its graded answers (partial credit counts), to the hundredth.
 * @example sumScore([{ score: 1 }, { score: 2 / 3 }]) // 1.67
 */
export function sumScore(grades: readonly { score: number }[]): number {
	return Math.round(grades.reduce((sum, grade) => sum + grade.score, 0) * 100) / 100;
}

/**
 * A score as a whole per cent of the most that could be scored: rounded down, so that 99.5 % never
 * shows as 100 %, but never below what the score is (1.4 of 10 is 14 %, although 1.4 / 10 × 100 is
 * 13.99… in floating point); 0 when nothing could be scored.
 * @example scorePercent(1.4, 10) // 14
 */
export function scorePercent(score: number, maxScore: number): number {
	return maxScore > 0 ? Math.floor((score / maxScore) * 100 + 1e-9) : 0;
}
