import { getDb } from '../data/app-db';
import { rateCard } from '../data/cards';
import type { CstoDb } from '../data/db';
import { logTables } from '../data/log';
import {
	finishQuizAttempt,
	getActiveQuizAttempt,
	saveQuizProgress,
	startQuizAttempt,
	type ActiveQuizAttempt
} from '../data/quiz-attempts';
import { DamagedDataError } from '../domain/errors';
import type { Bank } from '../domain/bank/schema';
import { buildQuiz } from '../domain/quiz/build';
import { gradeAnswer, quizRating } from '../domain/quiz/grade';
import { quizToSearchParams } from '../domain/quiz/params';
import type {
	AnswerRecord,
	CardEffect,
	Grade,
	QuizAnswer,
	QuizOptions,
	QuizRecord
} from '../domain/quiz/types';
import { retrievabilityByItem } from '../domain/quiz/weak-spots';
import { createRng } from '../domain/random';
import { schedulerParameters, type Settings } from '../domain/settings';
import { databaseCheck } from './database-check.svelte';
import { settings } from './settings.svelte';
import { ActionState } from './slow.svelte';

/** What a quiz session needs from outside; tests pass their own database, bank and clock. */
export interface QuizSessionDeps {
	db: () => CstoDb;
	bank: Bank;
	now: () => number;
	settings: () => Pick<Settings, 'quizUpdatesCards' | 'desiredRetention'> &
		Partial<Pick<Settings, 'memoryModel'>>;
	/** Runs Check database: an answer whose flashcard is damaged waits for it, then is saved. */
	repair: () => Promise<unknown>;
}

const APP_DEPS: Omit<QuizSessionDeps, 'bank'> = {
	db: getDb,
	now: () => Date.now(),
	settings: () => settings.value,
	repair: () => databaseCheck.run(true)
};

/** True when two option sets describe the same quiz (the same URL). */
export function isSameQuiz(a: QuizOptions, b: QuizOptions): boolean {
	return quizToSearchParams(a).toString() === quizToSearchParams(b).toString();
}

/** `conflict`: another quiz is in progress, and the learner chooses between it and this one. */
export type QuizPhase = 'loading' | 'question' | 'feedback' | 'finished' | 'empty' | 'conflict';

/**
 * One quiz being played: builds it (or resumes the stored one with the same options), grades each
 * answer, saves the attempt after every answer before the screen moves on, updates the item's
 * flashcard when the setting allows, and finishes the attempt.
 */
export class QuizSession {
	record = $state.raw<QuizRecord | undefined>(undefined);
	attemptId = $state<number | undefined>(undefined);
	phase = $state<QuizPhase>('loading');
	#action = new ActionState();
	/** True while an answer is being written, so that a second key press cannot answer twice. */
	get isBusy(): boolean {
		return this.#action.isBusy;
	}
	/**
	 * The action has run for longer than `SLOW_ACTION_MS`: only then do the answer controls show as
	 * disabled (`isBusy` refuses a second answer from the key press on). Drawn disabled at the key
	 * press, they cost the feedback a frame in Chromium. Key press to feedback painted, with every
	 * card of the bank and 20,000 reviews (`ui.quiz.feedback.p95.realistic`): 28–31 ms median and
	 * 38–45 ms p95 with the controls disabled at once, 14–18 ms and 27–31 ms without.
	 */
	get isSlow(): boolean {
		return this.#action.isSlow;
	}
	/** True when the quiz was picked up where the learner left it. */
	isResumed = $state(false);
	/** The unfinished quiz met when another one was opened (phase `conflict`). */
	unfinished = $state.raw<ActiveQuizAttempt | undefined>(undefined);
	#wanted: QuizOptions | undefined;

	/** The index of the question on screen. */
	index = $derived(
		this.record
			? Math.min(
					this.phase === 'feedback' ? this.record.answers.length - 1 : this.record.answers.length,
					this.record.questions.length - 1
				)
			: 0
	);
	total = $derived(this.record?.questions.length ?? 0);
	question = $derived(this.record?.questions[this.index]);
	/** The grade of the question on screen, once it is answered. */
	feedback = $derived<Grade | undefined>(
		this.phase === 'feedback' ? this.record?.answers[this.index]?.grade : undefined
	);
	/** What the answer on screen did to its flashcard (a leech says so in the feedback). */
	feedbackCard = $derived<CardEffect | undefined>(
		this.phase === 'feedback' ? this.record?.answers[this.index]?.card : undefined
	);
	isLast = $derived(this.index === this.total - 1);
	answeredCount = $derived(this.record?.answers.length ?? 0);

	#deps: QuizSessionDeps;
	#shownAt = 0;

	/** `bank` is the app's BANK (passed in, so that tests can use a fixture bank). */
	constructor(deps: Partial<QuizSessionDeps> & Pick<QuizSessionDeps, 'bank'>) {
		this.#deps = { ...APP_DEPS, ...deps };
	}

	/**
	 * Opens the quiz these options describe: the stored quiz in progress when it has the same options
	 * (a reload or a return from Home), otherwise a new one built from the seed. When another quiz is
	 * in progress, nothing is started: the phase becomes `conflict` and the learner chooses (finish
	 * that one, or `startNew()`).
	 */
	async open(options: QuizOptions): Promise<void> {
		const db = this.#deps.db();
		this.phase = 'loading';
		const active = await getActiveQuizAttempt(db);
		if (active && isSameQuiz(active.data.options, options)) {
			this.record = active.data;
			this.attemptId = active.id;
			this.isResumed = active.data.answers.length > 0;
			if (active.data.answers.length >= active.data.questions.length) await this.#finish();
			else this.#show();
			return;
		}
		if (active) {
			this.unfinished = active;
			this.#wanted = options;
			this.phase = 'conflict';
			return;
		}
		await this.#build(options);
	}

	/**
	 * After a conflict: starts the quiz that was opened. The quiz in progress is finished as it
	 * stands, its answers scored (in the same transaction that stores the new one).
	 */
	async startNew(): Promise<void> {
		const options = this.#wanted;
		if (this.phase !== 'conflict' || !options || this.isBusy) return;
		await this.#action.run(async () => {
			try {
				this.phase = 'loading';
				await this.#build(options);
				this.unfinished = undefined;
			} catch (error) {
				this.phase = 'conflict';
				throw error;
			}
		});
	}

	async #build(options: QuizOptions): Promise<void> {
		const db = this.#deps.db();
		const retrievability = options.weakSpots
			? retrievabilityByItem(
					await db.cards.toArray(),
					this.#date(this.#deps.now()),
					schedulerParameters(this.#deps.settings())
				)
			: undefined;
		const quiz = buildQuiz(
			this.#deps.bank,
			{ ...options, ...(retrievability ? { retrievability } : {}) },
			createRng(options.seed)
		);
		if (quiz.questions.length === 0) {
			this.phase = 'empty';
			return;
		}
		const record: QuizRecord = { version: 1, options, questions: quiz.questions, answers: [] };
		this.attemptId = await startQuizAttempt(db, record, this.#deps.now());
		this.record = record;
		this.isResumed = false;
		this.#show();
	}

	// A point in time handed to the domain, never stored in state or read reactively.
	#date(ms: number): Date {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain value, not state
		return new Date(ms);
	}

	#show() {
		this.phase = 'question';
		this.#shownAt = this.#deps.now();
	}

	/**
	 * Grades and stores an answer to the question on screen and, when the setting allows, rates its
	 * flashcard in the same transaction as the rating the answer counts as (quizRating: Good, Hard or
	 * Again); then shows feedback in practice mode or moves on in exam mode.
	 */
	async answer(answer: QuizAnswer): Promise<Grade | undefined> {
		const record = this.record;
		const question = this.question;
		if (!record || !question || this.phase !== 'question' || this.isBusy) return undefined;
		return this.#action.run(async () => {
			const now = this.#deps.now();
			// The answer may hold component state (proxies), which IndexedDB cannot store.
			answer = $state.snapshot(answer) as QuizAnswer;
			const grade = gradeAnswer(question, answer);
			const durationMs = Math.max(0, now - this.#shownAt);
			const entry: AnswerRecord = { answer, grade, durationMs, answeredAt: now };
			const db = this.#deps.db();
			const current = this.#deps.settings();
			const { quizUpdatesCards, desiredRetention } = current;
			const parameters = schedulerParameters(current);
			const save = () =>
				db.transaction('rw', [db.quizAttempts, db.cards, ...logTables(db)], async () => {
					const saved: QuizRecord = { ...record, answers: [...record.answers, { ...entry }] };
					if (quizUpdatesCards) {
						const rating = quizRating(grade);
						const { isNewLeech } = await rateCard(
							db,
							{
								target: { cardId: question.itemId, itemId: question.itemId, topic: question.topic },
								rating,
								now: this.#date(now),
								durationMs,
								source: 'quiz'
							},
							{ desiredRetention, enableFuzz: true, ...(parameters ? { parameters } : {}) }
						);
						saved.answers[saved.answers.length - 1]!.card = { rating, isNewLeech };
					}
					await saveQuizProgress(db, this.attemptId!, saved);
					return saved;
				});
			let next: QuizRecord;
			try {
				next = await save();
			} catch (error) {
				// The item's flashcard is damaged: Check database repairs it (or sets it aside, and the
				// card starts again as new); then the answer is saved. Nothing was written before.
				if (!(error instanceof DamagedDataError)) throw error;
				await this.#deps.repair();
				next = await save();
			}
			this.record = next;
			this.isResumed = false;
			if (next.options.mode === 'practice') this.phase = 'feedback';
			else if (next.answers.length >= next.questions.length) await this.#finish();
			else this.#show();
			return grade;
		});
	}

	/** After feedback: the next question, or the end of the quiz after the last one. */
	async next(): Promise<void> {
		if (this.phase !== 'feedback' || !this.record || this.isBusy) return;
		if (this.record.answers.length >= this.record.questions.length) {
			await this.#action.run(() => this.#finish());
		} else {
			this.#show();
		}
	}

	async #finish(): Promise<void> {
		await finishQuizAttempt(this.#deps.db(), this.attemptId!, this.record!, this.#deps.now());
		this.phase = 'finished';
	}
}
