import { resolve } from '$app/paths';
import { quizToSearchParams } from '$lib/domain/quiz/params';
import type { QuizOptions } from '$lib/domain/quiz/types';
import { createRng, makeSeed } from '$lib/domain/random';

/** The address of a quiz: its seed and options in the query, so that it can be reloaded and shared. */
export function quizHref(options: QuizOptions): string {
	return `${resolve('/quiz')}?${quizToSearchParams(options)}`;
}

/** The address of a finished quiz's results. */
export function resultsHref(attemptId: number): string {
	return `${resolve('/quiz/results')}?attempt=${attemptId}`;
}

/** A fresh seed for a new quiz (the one place a quiz's randomness comes from outside). */
export function newSeed(): string {
	return makeSeed(createRng(crypto.getRandomValues(new Uint32Array(1))[0]!));
}

/** "3 min 12 s" from milliseconds. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	if (minutes === 0) return `${seconds} s`;
	const hours = Math.floor(minutes / 60);
	if (hours === 0) return `${minutes} min ${seconds % 60} s`;
	return `${hours} h ${minutes % 60} min`;
}
