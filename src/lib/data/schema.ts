// The database's schema at each released version, in Dexie's syntax. A module of its own, with no
// imports, so that tests outside the app's build (the end-to-end ones) can write a database as an
// earlier release left it.

/** The schema of each version, kept as released: a change is a new version with its upgrade. */
export const SCHEMA_VERSIONS = {
	1: {
		cards: 'id, due',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt',
		settings: 'key'
	},
	2: {
		cards: 'id, due, topic, itemId',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	3: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	4: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	5: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key'
	},
	6: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key',
		quarantine: '++id, table'
	},
	7: {
		cards: 'id, due, topic, itemId, [state+due]',
		reviews: '++id, cardId, reviewedAt',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key',
		quarantine: '++id, table',
		summaries: 'key'
	},
	8: {
		cards: 'id',
		reviews: '++id, cardId, reviewedAt',
		reviewBlocks: '++id, [lastId+n], to',
		reviewBlockLogs: 'id',
		quizAttempts: '++id, finishedAt, status',
		settings: 'key',
		quarantine: '++id, table',
		summaries: 'key'
	}
} as const;

/** The newest schema version this code knows. */
export const LATEST_VERSION = Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number));
