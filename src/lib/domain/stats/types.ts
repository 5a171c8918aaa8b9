// The fields of the stored rows that the stats read. The domain does not import the data layer, so
// these are declared here; the stored rows (src/lib/data/db.ts) have every one of them.

/** One rating from the review log. */
export interface StatsReview {
	cardId: string;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
	rating: number;
	/** The card's memory state before the rating: 0 new, 1 learning, 2 review, 3 relearning. */
	stateBefore: number;
	/** Days since the card's previous review. */
	elapsedDays: number;
	reviewedAt: number;
}

/** One card's current memory state. */
export interface StatsCard {
	id: string;
	topic: string;
	due: number;
	stability: number;
	state: number;
	suspended: number;
	buriedUntil: number;
}

/** One quiz attempt. */
export interface StatsQuizAttempt {
	id?: number;
	status: string;
	finishedAt: number;
	score: number;
	maxScore: number;
}

/** A count for one study day, named by its `YYYY-MM-DD` key. */
export interface DayCount {
	day: string;
	count: number;
}
