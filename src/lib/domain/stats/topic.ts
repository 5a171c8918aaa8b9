/**
 * The topic of a card id: the part before the slash (`members/current-six:reverse` → `members`).
 * @example topicOfCardId('armenia/freeze:reverse') // 'armenia'
 */
export function topicOfCardId(cardId: string): string {
	const slash = cardId.indexOf('/');
	return slash > 0 ? cardId.slice(0, slash) : '';
}
