import * as v from 'valibot';
import { BankValidationError, type BankIssue } from '../errors.ts';
import { checkBankAgainstMembership, MEMBERSHIP_FILE } from './membership-checks.ts';
import { createMembershipSchema, type Membership } from './membership-schema.ts';
import { toMembershipItem } from './membership.ts';
import { TOPICS, createTopicFileSchema, type Bank, type Item, type Topic } from './schema.ts';

/** A bank file as read from disk: its name and its parsed (not yet trusted) content. */
export interface RawBankFile {
	file: string;
	data: unknown;
}

/**
 * Validates every bank file and the rules across files (unique ids, id prefix equals topic, file
 * name equals topic) and returns the bank, or throws one BankValidationError listing every problem
 * with its file, item id and field. With `membership` (questions/membership.yaml), it validates that
 * too, adds one membership item per state to the members topic, and refuses the bank when an item
 * contradicts the membership data.
 */
export function validateBank(
	files: readonly RawBankFile[],
	options: { currentMonth: string; membership?: unknown }
): Bank {
	const schema = createTopicFileSchema(options.currentMonth);
	const issues: BankIssue[] = [];
	const items: Item[] = [];
	const topics: Bank['topics'] = [];
	const idFiles = new Map<string, string>();

	if (files.length === 0) {
		issues.push({ file: 'questions/', message: 'no bank files (*.yaml) were found' });
	}

	for (const { file, data } of files) {
		checkIds(file, data, idFiles, issues);
		const result = v.safeParse(schema, data);
		if (!result.success) {
			for (const issue of result.issues) issues.push(toBankIssue(file, data, issue));
			continue;
		}
		const parsed = result.output;
		const expectedName = `${parsed.topic}.yaml`;
		if (!file.endsWith(expectedName)) {
			issues.push({
				file,
				field: 'topic',
				message: `the file for topic "${parsed.topic}" must be named ${expectedName}`
			});
		}
		if (topics.some((t) => t.id === parsed.topic)) {
			issues.push({
				file,
				field: 'topic',
				message: `topic "${parsed.topic}" is defined in two files`
			});
		}
		topics.push({
			id: parsed.topic,
			title: parsed.title,
			description: parsed.description,
			count: parsed.items.length
		});
		for (const item of parsed.items) items.push({ ...item, topic: parsed.topic });
	}

	let membership: Membership | undefined;
	if (options.membership !== undefined) {
		const result = v.safeParse(createMembershipSchema(options.currentMonth), options.membership);
		if (!result.success) {
			for (const issue of result.issues) {
				issues.push(toBankIssue(MEMBERSHIP_FILE, options.membership, issue));
			}
		} else {
			membership = result.output;
			const derived = membership.states.map((state) => ({
				...toMembershipItem(state),
				topic: 'members' as const
			}));
			for (const item of derived) {
				const earlier = idFiles.get(item.id);
				if (earlier) {
					issues.push({
						file: earlier,
						id: item.id,
						field: 'id',
						message: `this id is taken by the membership item of ${item.state} (${MEMBERSHIP_FILE})`
					});
				}
			}
			const validIds = new Set(items.map((item) => item.id));
			const invalidIds = new Set([...idFiles.keys()].filter((id) => !validIds.has(id)));
			issues.push(...checkBankAgainstMembership(membership, items, invalidIds));
			items.push(...derived);
			const members = topics.find((t) => t.id === 'members');
			if (members) members.count += derived.length;
		}
	}

	if (issues.length > 0) throw new BankValidationError(issues);

	const order = (topic: Topic) => TOPICS.indexOf(topic);
	topics.sort((a, b) => order(a.id) - order(b.id));
	const sortedItems = items
		.map((item, index) => ({ item, index }))
		.sort((a, b) => order(a.item.topic) - order(b.item.topic) || a.index - b.index)
		.map(({ item }) => item);
	const asOf = sortedItems.reduce(
		(latest, item) => (item.asOf && item.asOf > latest ? item.asOf : latest),
		''
	);
	return { topics, items: sortedItems, asOf, ...(membership ? { membership } : {}) };
}

/** Checks ids on the raw file, so that they are reported even when an item has other faults. */
function checkIds(
	file: string,
	data: unknown,
	idFiles: Map<string, string>,
	issues: BankIssue[]
): void {
	const raw = data as { topic?: unknown; items?: unknown } | null;
	if (!raw || !Array.isArray(raw.items)) return;
	for (const item of raw.items as { id?: unknown }[]) {
		const id = item?.id;
		if (typeof id !== 'string') continue;
		if (typeof raw.topic === 'string' && id.includes('/') && !id.startsWith(`${raw.topic}/`)) {
			issues.push({ file, id, field: 'id', message: `must start with "${raw.topic}/"` });
		}
		const earlier = idFiles.get(id);
		if (earlier)
			issues.push({ file, id, field: 'id', message: `duplicate id (also in ${earlier})` });
		else idFiles.set(id, file);
	}
}

function toBankIssue(file: string, data: unknown, issue: v.BaseIssue<unknown>): BankIssue {
	const keys = (issue.path ?? []).map((step) => step.key);
	let id: string | undefined;
	let field: string | undefined;
	const list = keys[0];
	if ((list === 'items' || list === 'states') && typeof keys[1] === 'number') {
		const raw = (data as Record<string, unknown[] | undefined> | null)?.[list]?.[keys[1]];
		const rawId = (raw as { id?: unknown } | undefined)?.id;
		id =
			typeof rawId === 'string' ? rawId : `${list === 'items' ? 'item' : 'state'} #${keys[1] + 1}`;
		field = keys.slice(2).map(String).join('.') || undefined;
	} else {
		field = keys.map(String).join('.') || undefined;
	}
	const message =
		issue.kind === 'schema' && issue.received === 'undefined' && field
			? 'is required'
			: issue.message;
	return { file, id, field, message };
}
