import type { Rating } from '../scheduling/card.ts';
import { editDistance, normalizeAnswer } from '../text.ts';
import { scorePercent, sumScore } from './score.ts';
import type { Grade, Question, QuizAnswer, QuizRecord, TypedQuestion } from './types.ts';

/** Typos are forgiven only in answers at least this long (after normalising). */
export const TYPO_MIN_LENGTH = 5;

function verdict(score: number, note: string, isNearMatch = false): Grade {
	return { score, isCorrect: score === 1, isNearMatch, note };
}

// A typo in a number or a year is a different number: "1993" is not a near match for "1992".
const canForgiveTypo = (normalized: string) =>
	normalized.length >= TYPO_MIN_LENGTH && !/\d/.test(normalized);

/**
 * Grades a typed answer: case, diacritics, punctuation and a leading article never matter, any
 * accepted alternative counts, and one small typo (one letter added, missing, changed or two letters
 * swapped) is forgiven in longer answers, unless the text is as close to a known wrong answer.
 * @example gradeTyped({ accepted: ['Tashkent'], rejected: [] , ... }, 'tashknet') // near match
 */
export function gradeTyped(question: Pick<TypedQuestion, 'accepted' | 'rejected'>, text: string) {
	const given = normalizeAnswer(text);
	if (given === '') return verdict(0, 'No answer was given.');
	const accepted = question.accepted.map((a) => ({ text: a, key: normalizeAnswer(a) }));
	if (accepted.some((a) => a.key === given)) return verdict(1, 'Right.');
	const rejected = question.rejected.map(normalizeAnswer);
	if (rejected.includes(given)) return verdict(0, 'Not right.');
	for (const answer of accepted) {
		if (!canForgiveTypo(answer.key)) continue;
		const distance = editDistance(given, answer.key);
		if (distance !== 1) continue;
		if (rejected.some((r) => editDistance(given, r) <= distance)) continue;
		return verdict(1, `Accepted as a near match for “${answer.text}”.`, true);
	}
	return verdict(0, 'Not right.');
}

/** Right picks minus wrong picks over the number of right options, never below 0. */
function gradeSelection(correct: readonly number[], choices: readonly number[]): Grade {
	const picked = new Set(choices);
	const hits = correct.filter((i) => picked.has(i)).length;
	const wrong = [...picked].filter((i) => !correct.includes(i)).length;
	const score = Math.max(0, (hits - wrong) / correct.length);
	if (score === 1) return verdict(1, 'Right.');
	const extra = wrong > 0 ? `, and ${wrong} wrong one${wrong === 1 ? '' : 's'} picked` : '';
	return verdict(score, `${hits} of ${correct.length} right options picked${extra}.`);
}

function countRight(flags: readonly boolean[]): number {
	return flags.filter(Boolean).length;
}

/**
 * Grades an answer to a question. Multiple select scores right picks minus wrong picks over the
 * number of right options (never below 0); matching scores the share of pairs matched; ordering
 * scores the share of events in their right place; "Don't know" scores 0.
 */
export function gradeAnswer(question: Question, answer: QuizAnswer): Grade {
	if (answer.type === 'dontknow') return verdict(0, 'Marked as not known.');
	if (answer.type !== question.type) {
		throw new Error(`A ${answer.type} answer cannot answer a ${question.type} question.`);
	}
	switch (question.type) {
		case 'choice': {
			const { choice } = answer as Extract<QuizAnswer, { type: 'choice' }>;
			return choice === question.correct ? verdict(1, 'Right.') : verdict(0, 'Not right.');
		}
		case 'truefalse': {
			const { value } = answer as Extract<QuizAnswer, { type: 'truefalse' }>;
			return value === question.isTrue ? verdict(1, 'Right.') : verdict(0, 'Not right.');
		}
		case 'typed':
			return gradeTyped(question, (answer as Extract<QuizAnswer, { type: 'typed' }>).text);
		case 'map': {
			const picked = (answer as Extract<QuizAnswer, { type: 'map' }>).choices;
			if (question.variant !== 'years') {
				return picked.length === 1 && picked[0] === question.correct[0]
					? verdict(1, 'Right.')
					: verdict(0, 'Not right.');
			}
			return gradeSelection(question.correct, picked);
		}
		case 'multi':
			return gradeSelection(
				question.correct,
				(answer as Extract<QuizAnswer, { type: 'multi' }>).choices
			);
		case 'matching': {
			const { matches } = answer as Extract<QuizAnswer, { type: 'matching' }>;
			const right = countRight(question.correct.map((c, i) => matches[i] === c));
			const total = question.correct.length;
			return right === total
				? verdict(1, 'Right.')
				: verdict(right / total, `${right} of ${total} pairs matched.`);
		}
		case 'ordering': {
			const { order } = answer as Extract<QuizAnswer, { type: 'ordering' }>;
			const right = countRight(question.correct.map((c, i) => order[i] === c));
			const total = question.correct.length;
			return right === total
				? verdict(1, 'Right.')
				: verdict(right / total, `${right} of ${total} events in the right place.`);
		}
	}
}

/** One answered question, as results need it. */
export interface AnsweredQuestion {
	question: Question;
	answer: QuizAnswer;
	grade: Grade;
}

/** A finished quiz in figures. */
export interface QuizResults {
	score: number;
	maxScore: number;
	/** Whole per cent (scorePercent). */
	percent: number;
	rightCount: number;
	/** The ids of the items not fully right, in quiz order: what "Retry wrong answers" asks. */
	wrongItemIds: string[];
}

/**
 * The flashcard rating a quiz answer counts as: fully right is Good, partly right (some credit in
 * select-all, matching or ordering) is Hard, and wrong or "Don't know" is Again.
 * @example quizRating({ score: 0.5, isCorrect: false }) // 2 (Hard)
 */
export function quizRating(grade: Pick<Grade, 'score' | 'isCorrect'>): Rating {
	if (grade.isCorrect) return 3;
	return grade.score > 0 ? 2 : 1;
}

/**
 * Sums up answered questions: score (partial credit counts), percentage and the items to retry.
 * @example summarizeResults([]) // { score: 0, maxScore: 0, percent: 0, rightCount: 0, wrongItemIds: [] }
 */
export function summarizeResults(answered: readonly AnsweredQuestion[]): QuizResults {
	const score = sumScore(answered.map((a) => a.grade));
	const maxScore = answered.length;
	return {
		score,
		maxScore,
		percent: scorePercent(score, maxScore),
		rightCount: answered.filter((a) => a.grade.isCorrect).length,
		wrongItemIds: answered.filter((a) => !a.grade.isCorrect).map((a) => a.question.itemId)
	};
}

/** The learner's answer written out for results, e.g. "Moscow" or "True". */
export function describeAnswer(question: Question, answer: QuizAnswer): string {
	if (answer.type === 'dontknow') return 'Don’t know';
	switch (answer.type) {
		case 'choice':
			return question.type === 'choice' ? (question.options[answer.choice] ?? '') : '';
		case 'map':
			return question.type === 'map'
				? answer.choices
						.slice()
						.sort((a, b) => a - b)
						.map((i) => question.options[i])
						.join('; ') || 'Nothing selected'
				: '';
		case 'multi':
			return question.type === 'multi'
				? answer.choices
						.slice()
						.sort((a, b) => a - b)
						.map((i) => question.options[i])
						.join('; ') || 'Nothing selected'
				: '';
		case 'truefalse':
			return answer.value ? 'True' : 'False';
		case 'typed':
			return answer.text.trim() || '(blank)';
		case 'matching':
			return question.type === 'matching'
				? question.left
						.map((l, i) => {
							const r = answer.matches[i];
							return `${l}: ${r === null || r === undefined ? '(none)' : question.right[r]}`;
						})
						.join('; ')
				: '';
		case 'ordering':
			return question.type === 'ordering'
				? answer.order.map((i) => question.events[i]?.text ?? '').join('; ')
				: '';
	}
}

/** The answered questions of a stored quiz, in order (questions not answered yet are left out). */
export function answeredQuestions(record: QuizRecord): AnsweredQuestion[] {
	return record.answers.flatMap((entry, i) => {
		const question = record.questions[i];
		return question ? [{ question, answer: entry.answer, grade: entry.grade }] : [];
	});
}
