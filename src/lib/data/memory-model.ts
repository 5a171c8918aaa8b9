import { AppError, SettingsError } from '../domain/errors';
import { cardTargetFromId, type Rating } from '../domain/scheduling/card';
import { replayCard } from '../domain/scheduling/fsrs';
import {
	MIN_REVIEWS_TO_TRAIN,
	buildTrainingItems,
	compareOnHoldout,
	holdoutStart,
	type LoggedReview
} from '../domain/scheduling/memory-model';
import {
	trainParameters,
	type FsrsWasm,
	type OnTrainingProgress
} from '../domain/scheduling/optimizer';
import { checkSetting, settingsFromRows, type MemoryModel } from '../domain/settings';
import type { CardRow, CstoDb, ReviewRow } from './db';
import { logTables } from './log';
import { listAllReviews, listReviewsByTime } from './log-bulk';

/** The review log in time order, as the memory model reads it. */
export async function loadReviewLog(db: CstoDb): Promise<LoggedReview[]> {
	const rows = await listReviewsByTime(db);
	return rows.map(({ cardId, rating, reviewedAt }) => ({ cardId, rating, reviewedAt }));
}

/**
 * Trains the learner's parameters on the older 80 % of their log and compares them with the defaults
 * on the most recent 20 %. Reads the log, then blocks while fsrs-rs trains: call it in a worker.
 * Refused (AppError) with fewer than 400 reviews. Writes nothing: `setMemoryModel` puts the result
 * in use.
 */
export async function trainOnLog(
	db: CstoDb,
	wasm: FsrsWasm,
	options: { now: number; onProgress?: OnTrainingProgress }
): Promise<MemoryModel> {
	const log = await loadReviewLog(db);
	if (log.length < MIN_REVIEWS_TO_TRAIN) {
		throw new AppError(
			`Training needs at least ${MIN_REVIEWS_TO_TRAIN} reviews, and there are ${log.length}.`
		);
	}
	const start = holdoutStart(log.length);
	const parameters = trainParameters(
		wasm,
		buildTrainingItems(log.slice(0, start)),
		options.onProgress
	);
	const comparison = compareOnHoldout(log, start, parameters);
	return {
		parameters,
		trainedAt: options.now,
		reviewCount: log.length,
		comparedCount: comparison.count,
		logLoss: { defaults: comparison.defaults, trained: comparison.trained }
	};
}

/**
 * Puts the learner's own parameters in use, or FSRS's defaults with `null`, and recomputes every
 * reviewed card by replaying its log with them: all in one transaction, so that the cards always
 * match the parameters stored. Due dates move accordingly; suspension, leech marks and burials stay.
 * Refused (SettingsError) when `model` is not a valid memory model; nothing is changed then.
 * Returns how many cards were recomputed.
 */
export async function setMemoryModel(
	db: CstoDb,
	model: MemoryModel | null,
	options: { enableFuzz?: boolean } = {}
): Promise<number> {
	const checked = checkSetting('memoryModel', model);
	if (!checked.ok) throw new SettingsError(checked.message);
	const value = checked.value;
	return db.transaction('rw', [db.settings, db.cards, ...logTables(db)], async () => {
		await db.settings.put({ key: 'memoryModel', value });
		const settings = settingsFromRows(await db.settings.toArray());
		const scheduler = {
			desiredRetention: settings.desiredRetention,
			enableFuzz: options.enableFuzz ?? true,
			...(value ? { parameters: value.parameters } : {})
		};
		const [cards, reviews] = await Promise.all([db.cards.toArray(), listAllReviews(db)]);
		const logs = new Map<string, ReviewRow[]>();
		for (const review of reviews) {
			let log = logs.get(review.cardId);
			if (!log) logs.set(review.cardId, (log = []));
			log.push(review);
		}
		const replayed: CardRow[] = [];
		for (const card of cards) {
			const log = logs.get(card.id);
			if (!log) continue;
			const target = { ...cardTargetFromId(card.id), itemId: card.itemId, topic: card.topic };
			const result = replayCard(
				target,
				log.map((row) => ({ rating: row.rating as Rating, reviewedAt: row.reviewedAt })),
				scheduler,
				{ suspended: card.suspended, leech: card.leech, buriedUntil: card.buriedUntil }
			);
			if (result) replayed.push(result.card);
		}
		await db.cards.bulkPut(replayed);
		return replayed.length;
	});
}
