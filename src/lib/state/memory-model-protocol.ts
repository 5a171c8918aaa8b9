// The messages between the Settings page and the memory model's worker (memory-model.worker.ts).
import type { MemoryModel } from '../domain/settings';

/** What the page asks: train on the log, or put parameters in use (`null`: the defaults). */
export type WorkerRequest =
	{ type: 'train'; now: number } | { type: 'use'; model: MemoryModel | null };

/** What the worker answers: progress while training, then one final reply per request. */
export type WorkerReply =
	| { type: 'progress'; phase: 'loading' | 'training'; done?: number; total?: number }
	| { type: 'trained'; model: MemoryModel }
	| { type: 'applied'; cards: number }
	| { type: 'failed'; phase: 'loading' | 'training' | 'applying'; message: string };
