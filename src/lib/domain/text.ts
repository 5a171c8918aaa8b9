const ARTICLES = /^(the|a|an)\s+/;

/**
 * Folds a free-text answer to a comparable form: lower case, no diacritics, no punctuation, no
 * leading article, single spaces. Used both to grade typed answers and to stop a distractor from
 * equalling an answer.
 * @example normalizeAnswer('  The Collective-Security Council! ') // 'collective security council'
 * @example normalizeAnswer('Chișinău') // 'chisinau'
 */
export function normalizeAnswer(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[‘’'`´]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.replace(ARTICLES, '');
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
 * swaps of two adjacent letters each cost one.
 * @example editDistance('Tashkent', 'Tashknet') // 1
 */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[] = new Array(rows * cols).fill(0);
	for (let i = 0; i < rows; i++) d[i * cols] = i;
	for (let j = 0; j < cols; j++) d[j] = j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(
				d[(i - 1) * cols + j]! + 1,
				d[i * cols + j - 1]! + 1,
				d[(i - 1) * cols + j - 1]! + cost
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
			}
			d[i * cols + j] = best;
		}
	}
	return d[rows * cols - 1]!;
}
