// The topics on their own, without the bank's schema: the settings (on every page) need the list,
// and importing the schema module would run every valibot schema of the bank on the first page.

/** The topics the bank may hold, in the order the app shows them. */
export const TOPICS = [
	'members',
	'history',
	'structure',
	'functions',
	'benefits',
	'operations',
	'armenia',
	'comparison'
] as const;
export type Topic = (typeof TOPICS)[number];
