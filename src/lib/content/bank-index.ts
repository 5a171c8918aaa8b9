import raw from 'virtual:csto-bank-index';
import { deepFreeze } from '../domain/freeze';
import { topicOfCardId } from '../domain/scheduling/card';
import type { CardSource } from '../domain/scheduling/face';

/**
 * The bank's items in bank order, reduced to id, topic, kind and category: what Home needs to count
 * new cards. A separate module so that Home does not load the whole bank. The build leaves the topic
 * out (`toBankIndex`): it is the id up to its `/` (`topicOfCardId`).
 */
export const BANK_INDEX: readonly CardSource[] = deepFreeze(
	raw.map((item) => ({
		...item,
		topic: topicOfCardId(item.id) as CardSource['topic']
	}))
);
