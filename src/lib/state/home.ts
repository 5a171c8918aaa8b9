// What Home reads, in one module that Home imports only once the page is on screen
// (`liveFrom`): the bank's index, the queue and the quiz records stay out of its first script.
import { BANK_INDEX } from '../content/bank-index';
import { getDb } from '../data/app-db';
import { loadHomeCounts, watchCardsAndLog, type HomeCounts } from '../data/queue';
import { getActiveQuizAttempt, listFinishedQuizAttempts } from '../data/quiz-attempts';
import { quizToSearchParams } from '../domain/quiz/params';
import type { QueueOptions } from '../domain/scheduling/queue';

/** Home's counts, and the time they were read at. */
export async function readHomeCounts(options: QueueOptions): Promise<HomeCounts & { now: number }> {
	const now = new Date();
	const counts = await loadHomeCounts(getDb(), { items: BANK_INDEX, now, options });
	return { ...counts, now: now.getTime() };
}

/** What Dexie watches for Home's counts: a change to any card or rating reads them again. */
export function watchHomeCounts(): Promise<unknown> {
	return watchCardsAndLog(getDb());
}

/** What Home's quiz panel shows: the quiz in progress and the last quiz finished. */
export interface HomeQuizzes {
	resume: { question: number; of: number; search: string } | undefined;
	last: { id: number; score: number; maxScore: number; finishedAt: number } | undefined;
}

/** The quiz in progress (with the link's search to resume it) and the last quiz finished. */
export async function readHomeQuizzes(): Promise<HomeQuizzes> {
	const db = getDb();
	const active = await getActiveQuizAttempt(db);
	const [last] = await listFinishedQuizAttempts(db, 1);
	return {
		resume: active && {
			question: Math.min(active.data.answers.length + 1, active.data.questions.length),
			of: active.data.questions.length,
			search: quizToSearchParams(active.data.options).toString()
		},
		last: last && {
			id: last.id,
			score: last.score,
			maxScore: last.maxScore,
			finishedAt: last.finishedAt
		}
	};
}
