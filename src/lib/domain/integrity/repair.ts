// Check database, as a plan: which rows fail the validator, which of them can be repaired from what
// else is stored (a card's memory state from its log, a quiz's score from its answers …), and which
// must be set aside. Pure: the data layer reads the tables, calls planCheck and writes its plan in one
// transaction. Every damaged row's original is kept in the quarantine table, repaired or not.
import type { BackupQuizAttempt, BackupReview } from '../backup/schema';
import { gradeAnswer } from '../quiz/grade';
import type { Question, QuizRecord } from '../quiz/types';
import { cardTargetFromId, type CardRow, type Rating } from '../scheduling/card';
import { newCardRow, replayCard, type SchedulerOptions } from '../scheduling/fsrs';
import { isRecord, moment, momentOrZero } from './check';
import { checkAnswerFits, checkGrade, checkQuizQuestions, scoreQuizRecord } from './quiz-record';
import {
	checkCardRow,
	checkQuizAttemptRow,
	checkReviewRow,
	describeProblem,
	ROW_VALIDATORS,
	STORED_TABLES,
	type StoredTable
} from './rows';

/** Every row of every table, as read from the database (anything at all may be in them). */
export type StoredRows = Record<StoredTable, readonly unknown[]>;

/** What Check database did with one damaged row. */
export interface Finding {
	table: StoredTable;
	/** The row's key (a card's id, a review's or quiz's number, a setting's name), as text. */
	key: string;
	/** What was wrong, in plain words. */
	problem: string;
	action: 'repaired' | 'set aside';
	/** How it was repaired, or what setting it aside means for the learner. */
	outcome: string;
}

/** A damaged row's original, kept for good in the quarantine table. */
export interface QuarantineEntry {
	table: StoredTable;
	key: string;
	row: unknown;
	problem: string;
	action: Finding['action'];
	quarantinedAt: number;
}

/** What to write: rows to put back repaired, keys to remove, originals to keep, and the findings. */
export interface CheckPlan {
	put: { [T in StoredTable]: unknown[] };
	remove: { [T in StoredTable]: unknown[] };
	quarantine: QuarantineEntry[];
	findings: Finding[];
	checked: Record<StoredTable, number>;
}

const PRIMARY_KEY: Record<StoredTable, string> = {
	settings: 'key',
	cards: 'id',
	reviews: 'id',
	quizAttempts: 'id'
};

/** A row's primary key (as IndexedDB holds it), or undefined when the row has none. */
export function primaryKeyOf(table: StoredTable, row: unknown): unknown {
	return isRecord(row) ? row[PRIMARY_KEY[table]] : undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Repaired<T> = { row: T; outcome: string } | undefined;

/** A log row as far as a replay needs it: which card, which rating, when. */
interface Rated {
	cardId: string;
	rating: Rating;
	reviewedAt: number;
}

/** True when a log row names its card, its rating and its time, which nothing else can give. */
function isRated(row: unknown): row is Rated & Record<string, unknown> {
	return (
		isRecord(row) &&
		typeof row.cardId === 'string' &&
		row.cardId !== '' &&
		[1, 2, 3, 4].includes(row.rating as number) &&
		moment(row.reviewedAt) === undefined
	);
}

/**
 * Repairs a card row that failed the validator, or says it cannot be (undefined): its suspended,
 * leech and burial marks read as "not" when unreadable; its memory state rebuilt by replaying its
 * ratings up to `now`; a new card (no ratings) made new again. A studied card with no usable log
 * cannot be rebuilt.
 */
export function repairCard(
	row: unknown,
	log: readonly Rated[],
	now: number,
	options: SchedulerOptions
): Repaired<CardRow> {
	if (!isRecord(row) || typeof row.id !== 'string' || row.id === '') return undefined;
	const target = cardTargetFromId(row.id);
	const workload = {
		suspended: row.suspended === 1 ? 1 : 0,
		leech: row.leech === 1 ? 1 : 0,
		buriedUntil: momentOrZero(row.buriedUntil) ? 0 : (row.buriedUntil as number)
	} as const;
	const names = {
		itemId: typeof row.itemId === 'string' && row.itemId !== '' ? row.itemId : target.itemId,
		topic: typeof row.topic === 'string' ? row.topic : target.topic
	};

	const marksOnly = { ...row, ...names, ...workload };
	if (!checkCardRow(marksOnly, now)) {
		return { row: marksOnly as unknown as CardRow, outcome: 'cleared its unreadable marks' };
	}
	const usable = log.filter((entry) => entry.reviewedAt <= now);
	if (usable.length > 0) {
		const replayed = replayCard(target, usable, options, workload);
		const card = replayed && { ...replayed.card, ...names };
		if (card && !checkCardRow(card, now)) {
			return {
				row: card,
				outcome: `rebuilt its memory state from its ${plural(usable.length, 'rating')}`
			};
		}
	}
	if (row.state === 0 && usable.length === 0) {
		const due = momentOrZero(row.due) ? 0 : (row.due as number);
		return {
			row: { ...newCardRow(target, new Date(due)), ...names, ...workload },
			outcome: 'made it a new card again (it had never been rated)'
		};
	}
	return undefined;
}

/**
 * Repairs a log row whose rating, time and card are readable: the fields a replay of its card's
 * ratings gives are taken from the replay; an unreadable time taken becomes 0 and an unreadable
 * source "review".
 */
export function repairReview(
	row: unknown,
	cardLog: readonly Rated[],
	options: SchedulerOptions
): Repaired<BackupReview> {
	if (!isRated(row) || typeof row.id !== 'number') return undefined;
	const replayed = replayCard(cardTargetFromId(row.cardId), cardLog, options);
	const index = [...cardLog]
		.sort((a, b) => a.reviewedAt - b.reviewedAt)
		.findIndex((entry) => entry.reviewedAt === row.reviewedAt && entry.rating === row.rating);
	const fields = replayed?.reviews[index];
	if (!fields) return undefined;
	const repaired: BackupReview = {
		...fields,
		id: row.id,
		durationMs:
			typeof row.durationMs === 'number' && Number.isFinite(row.durationMs) && row.durationMs >= 0
				? row.durationMs
				: 0,
		source: row.source === 'quiz' ? 'quiz' : 'review'
	};
	if (checkReviewRow(repaired)) return undefined;
	return { row: repaired, outcome: 'worked out its memory figures again from its card’s ratings' };
}

/**
 * The record with every unreadable grade given again by grading its answer (the same record when
 * every grade reads); undefined when that is not enough to make it usable.
 */
function regrade(data: unknown): QuizRecord | undefined {
	if (checkQuizQuestions(data)) return undefined;
	const record = data as QuizRecord & { answers: unknown };
	if (!Array.isArray(record.answers) || record.answers.length > record.questions.length) {
		return undefined;
	}
	let isChanged = false;
	const answers = [];
	for (let i = 0; i < record.answers.length; i++) {
		const entry: unknown = record.answers[i];
		const question: Question = record.questions[i]!;
		if (!isRecord(entry) || checkAnswerFits(entry.answer, question)) return undefined;
		if (checkGrade(entry.grade)) {
			isChanged = true;
			const answer = entry.answer as QuizRecord['answers'][number]['answer'];
			answers.push({ ...entry, grade: gradeAnswer(question, answer) });
		} else answers.push(entry);
	}
	return isChanged ? ({ ...record, answers } as QuizRecord) : (record as QuizRecord);
}

/**
 * Repairs a quiz row: its status from its finishing time, unreadable grades given again, its score
 * from its record, a finished quiz's finishing time from its last answer; a finished quiz whose
 * record cannot be read keeps its score without the record. A quiz in progress whose record cannot
 * be read cannot be resumed, so it cannot be repaired.
 */
export function repairQuizAttempt(row: unknown): Repaired<BackupQuizAttempt> {
	if (!isRecord(row) || typeof row.id !== 'number' || moment(row.startedAt)) return undefined;
	const outcomes: string[] = [];
	let status = row.status;
	if (status !== 'active' && status !== 'finished') {
		status = typeof row.finishedAt === 'number' && row.finishedAt > 0 ? 'finished' : 'active';
		outcomes.push(`read it as ${status === 'active' ? 'in progress' : 'finished'}`);
	}
	let data: QuizRecord | null | undefined = regrade(row.data);
	if (data && data !== row.data) outcomes.push('graded its answers again');
	if (!data && status === 'active') return undefined;
	if (!data) {
		data = null;
		if (row.data !== null) {
			outcomes.push('kept its score; its questions and answers could not be read');
		}
	}
	const startedAt = row.startedAt as number;
	let finishedAt = row.finishedAt;
	if (status === 'active') finishedAt = 0;
	else if (moment(finishedAt) || (finishedAt as number) < startedAt) {
		finishedAt = Math.max(startedAt, ...(data?.answers.map((a) => a.answeredAt) ?? []));
		outcomes.push('took its finishing time from its last answer');
	}
	const score = data ? scoreQuizRecord(data) : { score: row.score, maxScore: row.maxScore };
	const repaired = { ...row, status, finishedAt, data, ...score } as BackupQuizAttempt;
	if (checkQuizAttemptRow(repaired)) return undefined;
	if (score.score !== row.score || score.maxScore !== row.maxScore) {
		outcomes.push('counted its score again from its answers');
	}
	return { row: repaired, outcome: outcomes.join(', ') || 'repaired it' };
}

const SET_ASIDE: Record<StoredTable, string> = {
	settings: 'the default value applies instead',
	cards: 'the card starts again as a new card (its ratings stay in the log)',
	reviews: 'it no longer counts in your stats or in its card’s history',
	quizAttempts: 'it no longer shows among your quizzes'
};

/**
 * Plans Check database over every stored row at `now`: each row that fails the validator is
 * repaired (rewritten, its original kept) or set aside (removed, its original kept), with a finding
 * in plain words. Rows that pass are left alone.
 * @example planCheck({ settings: [], cards: [], reviews: [], quizAttempts: [] }, now, options).findings // []
 */
export function planCheck(rows: StoredRows, now: number, options: SchedulerOptions): CheckPlan {
	const plan: CheckPlan = {
		put: { settings: [], cards: [], reviews: [], quizAttempts: [] },
		remove: { settings: [], cards: [], reviews: [], quizAttempts: [] },
		quarantine: [],
		findings: [],
		checked: { settings: 0, cards: 0, reviews: 0, quizAttempts: 0 }
	};
	// The log of each card, from the rows whose rating, time and card can be read.
	const logs = new Map<string, Rated[]>();
	for (const review of rows.reviews) {
		if (!isRated(review)) continue;
		const log = logs.get(review.cardId) ?? [];
		log.push({ cardId: review.cardId, rating: review.rating, reviewedAt: review.reviewedAt });
		logs.set(review.cardId, log);
	}

	for (const table of STORED_TABLES) {
		const validate = ROW_VALIDATORS[table];
		plan.checked[table] = rows[table].length;
		for (const row of rows[table]) {
			const problem = validate(row, now);
			if (!problem) continue;
			const key = primaryKeyOf(table, row);
			const repaired = repairRow(table, row, logs, now, options);
			const finding: Finding = {
				table,
				key: String(key),
				problem: describeProblem(problem),
				action: repaired ? 'repaired' : 'set aside',
				outcome: repaired ? repaired.outcome : SET_ASIDE[table]
			};
			plan.findings.push(finding);
			plan.quarantine.push({
				table,
				key: finding.key,
				row,
				problem: finding.problem,
				action: finding.action,
				quarantinedAt: now
			});
			if (repaired) plan.put[table].push(repaired.row);
			else plan.remove[table].push(key);
		}
	}
	return plan;
}

function repairRow(
	table: StoredTable,
	row: unknown,
	logs: ReadonlyMap<string, Rated[]>,
	now: number,
	options: SchedulerOptions
): Repaired<unknown> {
	switch (table) {
		case 'cards': {
			const id = isRecord(row) ? row.id : undefined;
			return repairCard(row, typeof id === 'string' ? (logs.get(id) ?? []) : [], now, options);
		}
		case 'reviews':
			return isRated(row) ? repairReview(row, logs.get(row.cardId) ?? [], options) : undefined;
		case 'quizAttempts':
			return repairQuizAttempt(row);
		case 'settings':
			return undefined;
	}
}

const TABLE_NAMES: Record<StoredTable, [string, string]> = {
	settings: ['setting', 'settings'],
	cards: ['card', 'cards'],
	reviews: ['review', 'reviews'],
	quizAttempts: ['quiz', 'quizzes']
};

/** How one finding reads: `Card “members/x”: stability must be … Repaired: rebuilt its …`. */
export function describeFinding(finding: Finding): string {
	const what = {
		settings: `Setting “${finding.key}”`,
		cards: `Card “${finding.key}”`,
		// A damaged block of ratings (log-bulk.ts) is keyed `block <id>`.
		reviews: finding.key.startsWith('block ')
			? `Stored block of reviews no. ${finding.key.slice(6)}`
			: `Review no. ${finding.key}`,
		quizAttempts: `Quiz no. ${finding.key}`
	}[finding.table];
	const done = finding.action === 'repaired' ? 'Repaired' : 'Set aside';
	return `${what}: ${finding.problem.replace(/\.$/, '')}. ${done}: ${finding.outcome}.`;
}

/**
 * The report's first sentence: what was checked and what was found.
 * @example summarizeCheck({ checked: { settings: 2, cards: 1, reviews: 3, quizAttempts: 0 }, findings: [] }) // 'Checked 2 settings, 1 card, 3 reviews and 0 quizzes: everything is in order.'
 */
export function summarizeCheck(plan: Pick<CheckPlan, 'checked' | 'findings'>): string {
	const parts = STORED_TABLES.map((table) => plural(plan.checked[table], ...TABLE_NAMES[table]));
	const checked = `Checked ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
	if (plan.findings.length === 0) return `${checked}: everything is in order.`;
	const repaired = plan.findings.filter((f) => f.action === 'repaired').length;
	const setAside = plan.findings.length - repaired;
	const did = [
		repaired > 0 ? `repaired ${repaired}` : '',
		setAside > 0 ? `set aside ${setAside}` : ''
	].filter(Boolean);
	return (
		`${checked}: found ${plural(plan.findings.length, 'damaged row')}, ${did.join(' and ')}. ` +
		'The damaged originals are kept in the quarantine table, which is never emptied and goes into every backup.'
	);
}
