// Quiz records for end-to-end tests: built in Node by the app's own quiz code, written into the
// browser's IndexedDB by the tests.
import { rightAnswer } from '../../src/lib/domain/integrity/fixtures';
import { scoreQuizRecord } from '../../src/lib/domain/integrity/quiz-record';
import { buildQuiz } from '../../src/lib/domain/quiz/build';
import { FIXTURE_BANK } from '../../src/lib/domain/quiz/fixtures';
import { gradeAnswer } from '../../src/lib/domain/quiz/grade';
import { DEFAULT_QUIZ_OPTIONS, type QuizRecord } from '../../src/lib/domain/quiz/types';
import { createRng } from '../../src/lib/domain/random';

/**
 * A quiz of `total` questions answered at `at`: the first `right` answered right, the rest with
 * "Don't know", as far as `answered` (all by default).
 */
export function quizRecord(
	total: number,
	right: number,
	at: number,
	answered = total,
	seed = 'e2erecord'
): QuizRecord {
	const options = { ...DEFAULT_QUIZ_OPTIONS, seed, length: total };
	const { questions } = buildQuiz(FIXTURE_BANK, options, createRng(seed));
	const answers = questions.slice(0, answered).map((question, i) => {
		const answer = i < right ? rightAnswer(question) : ({ type: 'dontknow' } as const);
		return { answer, grade: gradeAnswer(question, answer), durationMs: 2000, answeredAt: at + i };
	});
	return { version: 1, options, questions, answers };
}

/** A quiz attempt row holding `record`, started at `at`: finished, or in progress. */
export function quizRow(record: QuizRecord, at: number, status: 'active' | 'finished') {
	return {
		status,
		startedAt: at - 60_000,
		finishedAt: status === 'finished' ? at + 60_000 : 0,
		...scoreQuizRecord(record),
		data: record
	};
}
