// The one validator for what may be stored: every row of every table, as IndexedDB holds it. Import
// refuses a backup row that fails it, every write checks its row with it, export sets a failing row
// aside, and Check database repairs or sets aside the rows that fail it. It checks more than the
// shape: what the scheduler and the pages need (FSRS's memory limits, a last review that is not in
// the future, quiz answers that fit their questions).
import { checkSetting, isSettingKey } from '../settings';
import { MEMORY_LIMITS } from '../scheduling/parameters';
import {
	checkFields,
	count,
	flag,
	isRecord,
	moment,
	momentOrZero,
	nonNegative,
	numberIn,
	oneOf,
	text,
	anyText,
	type RowProblem
} from './check';
import { checkQuizRecord, scoreQuizRecord } from './quiz-record';
import type { QuizRecord } from '../quiz/types';

export type { RowProblem } from './check';

/** The tables that hold the learner's data. */
export const STORED_TABLES = ['settings', 'cards', 'reviews', 'quizAttempts'] as const;
export type StoredTable = (typeof STORED_TABLES)[number];

const { minStability, maxStability, minDifficulty, maxDifficulty } = MEMORY_LIMITS;

const STATE = oneOf([0, 1, 2, 3], '0, 1, 2 or 3 (new, learning, review, relearning)');
const ROW_ID = (value: unknown) =>
	value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 1)
		? undefined
		: 'must be a whole number from 1';

const CARD_FIELDS = {
	id: text,
	itemId: text,
	topic: anyText,
	state: STATE,
	due: momentOrZero,
	elapsedDays: nonNegative,
	scheduledDays: nonNegative,
	learningSteps: count,
	reps: count,
	lapses: count,
	suspended: flag,
	leech: flag,
	buriedUntil: momentOrZero
};

const STUDIED_STABILITY = numberIn(
	minStability,
	maxStability,
	`above 0 for a studied card (FSRS allows ${minStability} to ${maxStability} days)`
);
const STUDIED_DIFFICULTY = numberIn(
	minDifficulty,
	maxDifficulty,
	`from ${minDifficulty} to ${maxDifficulty} (FSRS’s range)`
);
const NEW_STABILITY = numberIn(0, maxStability);
const NEW_DIFFICULTY = (value: unknown) =>
	value === 0 || !STUDIED_DIFFICULTY(value)
		? undefined
		: `must be 0 (no memory state yet) or from ${minDifficulty} to ${maxDifficulty}`;

/**
 * How far after `now` a card's last review may be and still not count as being in the future: a read
 * takes its `now` before it reads, and another tab may rate a card in between (two tabs rating the
 * same card at once met a "future" last review a few milliseconds ahead and refused the rating).
 * A wrong clock puts a last review hours or years ahead, far beyond this.
 */
export const LATER_WRITE_SLACK_MS = 10_000;

/**
 * The first problem with a card row at `now`, or undefined when the scheduler and the pages can use
 * it. A studied card needs a memory state within FSRS's limits and a last review that is neither
 * after its due time nor after `now` (give or take `LATER_WRITE_SLACK_MS`); a new card has no
 * memory state (zeros) yet.
 * @example checkCardRow({ ...card, stability: 0, state: 2 }, now) // { field: 'stability', message: 'must be above 0 for a studied card …' }
 */
export function checkCardRow(row: unknown, now: number): RowProblem | undefined {
	if (!isRecord(row)) return { field: '', message: 'must be an object with the fields of a card' };
	const fields = checkFields(row, CARD_FIELDS);
	if (fields) return fields;
	const isStudied = row.state !== 0;
	const memory = checkFields(row, {
		stability: isStudied ? STUDIED_STABILITY : NEW_STABILITY,
		difficulty: isStudied ? STUDIED_DIFFICULTY : NEW_DIFFICULTY
	});
	if (memory) return memory;
	const lastReview = row.lastReview;
	if (lastReview === null || lastReview === undefined) {
		return isStudied
			? { field: 'lastReview', message: 'must be the time of the last review for a studied card' }
			: lastReview === null
				? undefined
				: { field: 'lastReview', message: 'is missing' };
	}
	const time = moment(lastReview);
	if (time) return { field: 'lastReview', message: time };
	if ((lastReview as number) > now + LATER_WRITE_SLACK_MS) {
		return { field: 'lastReview', message: 'must not be later than now (it is in the future)' };
	}
	if (isStudied && (lastReview as number) > (row.due as number)) {
		return { field: 'due', message: 'must not be before the last review' };
	}
	return undefined;
}

const REVIEW_FIELDS = {
	id: ROW_ID,
	cardId: text,
	rating: oneOf([1, 2, 3, 4], '1, 2, 3 or 4 (Again, Hard, Good, Easy)'),
	reviewedAt: moment,
	stateBefore: STATE,
	// null: unknown (schema 5 could not work it out from the card's log).
	dueBefore: (value: unknown) => (value === null ? undefined : momentOrZero(value)),
	stability: STUDIED_STABILITY,
	difficulty: STUDIED_DIFFICULTY,
	elapsedDays: nonNegative,
	scheduledDays: nonNegative,
	durationMs: nonNegative,
	source: oneOf(['review', 'quiz'], '"review" or "quiz"')
};

/** The fields of a log row that a replay of its card's ratings gives again. */
export const DERIVED_REVIEW_FIELDS = [
	'stateBefore',
	'dueBefore',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays'
] as const;

/**
 * The first problem with a review log row, or undefined. The rating, its time and its card come
 * first: without them the row says nothing; the fields after them can be derived by a replay.
 */
export function checkReviewRow(row: unknown): RowProblem | undefined {
	if (!isRecord(row))
		return { field: '', message: 'must be an object with the fields of a review' };
	return checkFields(row, REVIEW_FIELDS);
}

const QUIZ_FIELDS = {
	id: ROW_ID,
	status: oneOf(['active', 'finished'], '"active" or "finished"'),
	startedAt: moment,
	finishedAt: momentOrZero,
	score: nonNegative,
	maxScore: nonNegative
};

/**
 * The first problem with a quiz attempt row, or undefined. A quiz in progress has no finishing
 * time and a record the app can resume; a finished quiz has its finishing time and either its
 * record or `null` (its record was set aside by Check database and only its score is kept). With
 * a record, the score is the record's.
 */
export function checkQuizAttemptRow(row: unknown): RowProblem | undefined {
	if (!isRecord(row)) return { field: '', message: 'must be an object with the fields of a quiz' };
	const fields = checkFields(row, QUIZ_FIELDS);
	if (fields) return fields;
	const isFinished = row.status === 'finished';
	if (!isFinished && row.finishedAt !== 0) {
		return { field: 'finishedAt', message: 'must be empty (0) for a quiz in progress' };
	}
	if (isFinished && (row.finishedAt as number) < (row.startedAt as number)) {
		return { field: 'finishedAt', message: 'must not be before the quiz started' };
	}
	if (row.data === null && isFinished) {
		return (row.score as number) > (row.maxScore as number)
			? { field: 'score', message: 'must not be more than maxScore' }
			: undefined;
	}
	const record = checkQuizRecord(row.data);
	if (record) return { field: `data.${record.field}`, message: record.message };
	const expected = scoreQuizRecord(row.data as QuizRecord);
	if (row.score !== expected.score || row.maxScore !== expected.maxScore) {
		return {
			field: 'score',
			message: `must be the record’s score (${expected.score} of ${expected.maxScore})`
		};
	}
	return undefined;
}

/**
 * The first problem with a setting row, or undefined: a known setting must hold a value the app
 * allows; an unknown key is kept as it is (the app ignores it).
 */
export function checkSettingRow(row: unknown): RowProblem | undefined {
	if (!isRecord(row)) return { field: '', message: 'must be an object with a key and a value' };
	const key = checkFields(row, { key: text });
	if (key) return key;
	if (!isSettingKey(row.key as string)) return undefined;
	const checked = checkSetting(row.key as never, row.value);
	return checked.ok ? undefined : { field: 'value', message: checked.message };
}

/** The validator of each table; `now` is the time a card's last review may not be after. */
export const ROW_VALIDATORS: {
	readonly [T in StoredTable]: (row: unknown, now: number) => RowProblem | undefined;
} = {
	settings: checkSettingRow,
	cards: checkCardRow,
	reviews: checkReviewRow,
	quizAttempts: checkQuizAttemptRow
};

/**
 * One problem in plain words: `stability must be above 0 …`, or the message alone for the row as a
 * whole. A setting's own message is already a sentence.
 * @example describeProblem({ field: 'rating', message: 'must be 1, 2, 3 or 4' }) // 'rating must be 1, 2, 3 or 4'
 */
export function describeProblem(problem: RowProblem): string {
	if (/^[A-Z]/.test(problem.message)) return problem.message;
	return problem.field ? `${problem.field} ${problem.message}` : `the row ${problem.message}`;
}
