import type {
	Backup,
	BackupCard,
	BackupQuizAttempt,
	BackupReview,
	BackupSetting,
	BackupTables
} from './schema';

/** What is stored now, as far as a merge needs to know. */
export interface StoredRows {
	cards: readonly BackupCard[];
	reviews: readonly Pick<BackupReview, 'cardId' | 'reviewedAt'>[];
	quizAttempts: readonly Pick<BackupQuizAttempt, 'startedAt' | 'status'>[];
	settingKeys: readonly string[];
}

/** The rows a merge writes: cards to put (replacing older ones), and log rows to add with new ids. */
export interface MergePlan {
	cards: BackupCard[];
	reviews: Omit<BackupReview, 'id'>[];
	quizAttempts: Omit<BackupQuizAttempt, 'id'>[];
	settings: BackupSetting[];
}

const reviewKey = (r: Pick<BackupReview, 'cardId' | 'reviewedAt'>) =>
	`${r.cardId}\u0000${r.reviewedAt}`;

/**
 * Plans a Merge of a backup into what is stored. For each card the more recently reviewed version
 * wins (the stored one on a tie). Logs are united without duplicates: a review is the same review
 * when it has the same card and time, a quiz when it started at the same time; added rows get new ids
 * (numbered in time order) because ids from another device may already be taken here. The app keeps
 * one quiz in progress at most, so the backup's unfinished quiz is added only when none is in
 * progress here. Settings already set here stay; settings only in the backup are added.
 */
export function planMerge(stored: StoredRows, incoming: BackupTables): MergePlan {
	const storedCards = new Map(stored.cards.map((card) => [card.id, card]));
	const cards = incoming.cards.filter((card) => {
		const current = storedCards.get(card.id);
		return !current || (card.lastReview ?? -Infinity) > (current.lastReview ?? -Infinity);
	});

	const reviewKeys = new Set(stored.reviews.map(reviewKey));
	const reviews: Omit<BackupReview, 'id'>[] = [];
	for (const { id: _id, ...review } of incoming.reviews) {
		const key = reviewKey(review);
		if (reviewKeys.has(key)) continue;
		reviewKeys.add(key);
		reviews.push(review);
	}
	reviews.sort((a, b) => a.reviewedAt - b.reviewedAt);

	const quizStarts = new Set(stored.quizAttempts.map((a) => a.startedAt));
	let hasActiveQuiz = stored.quizAttempts.some((a) => a.status === 'active');
	const quizAttempts: Omit<BackupQuizAttempt, 'id'>[] = [];
	for (const { id: _id, ...attempt } of incoming.quizAttempts) {
		if (quizStarts.has(attempt.startedAt)) continue;
		if (attempt.status === 'active') {
			if (hasActiveQuiz) continue;
			hasActiveQuiz = true;
		}
		quizStarts.add(attempt.startedAt);
		quizAttempts.push(attempt);
	}
	quizAttempts.sort((a, b) => a.startedAt - b.startedAt);

	const settingKeys = new Set(stored.settingKeys);
	const settings = incoming.settings.filter((s) => !settingKeys.has(s.key));
	return { cards, reviews, quizAttempts, settings };
}

/** What a backup holds, to show before the learner chooses Merge or Replace. */
export interface BackupSummary {
	appVersion: string;
	exportedAt: number;
	counts: { cards: number; reviews: number; quizAttempts: number; settings: number };
	/** The first and last review or quiz in the backup, or null when it has none. */
	firstActivity: number | null;
	lastActivity: number | null;
}

/** Counts a backup's rows and finds the span of time its reviews and quizzes cover. */
export function summarizeBackup(backup: Omit<Backup, 'quarantine'>): BackupSummary {
	let first = Infinity;
	let last = -Infinity;
	const see = (time: number) => {
		if (time < first) first = time;
		if (time > last) last = time;
	};
	for (const review of backup.reviews) see(review.reviewedAt);
	for (const attempt of backup.quizAttempts) {
		see(attempt.startedAt);
		if (attempt.finishedAt) see(attempt.finishedAt);
	}
	return {
		appVersion: backup.appVersion,
		exportedAt: backup.exportedAt,
		counts: {
			cards: backup.cards.length,
			reviews: backup.reviews.length,
			quizAttempts: backup.quizAttempts.length,
			settings: backup.settings.length
		},
		firstActivity: Number.isFinite(first) ? first : null,
		lastActivity: Number.isFinite(last) ? last : null
	};
}
