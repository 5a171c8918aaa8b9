import {
	dayShownFor,
	describeStatus,
	eventsOf,
	statusOn,
	type MemberState,
	type Membership,
	type MembershipEvent,
	type Status
} from '../bank/membership.ts';
import type { MapState } from '../bank/schema.ts';
import { formatPartialDate } from '../format.ts';

/** The map of one year: each state's status, label and accessible name, and what changed that year. */
export interface YearView {
	year: number;
	/** The day the map shows: 31 December, or the end of the data's `asOf` month in its last year. */
	day: string;
	statuses: Record<string, Status>;
	labels: Record<string, string>;
	names: Record<string, string>;
	changes: string[];
}

/** Status names as the key, the table and the cards write them. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
	member: 'Member',
	frozen: 'Member, participation frozen',
	former: 'Former member',
	observer: 'Observer (Parliamentary Assembly)',
	'former-observer': 'Former observer',
	none: 'Never a party (neighbour)'
};

const CHANGE_WORDS: Record<MembershipEvent['kind'], string> = {
	joined: 'signed the treaty',
	withdrawal: 'left the treaty',
	suspension: 'had its membership suspended',
	freeze: 'froze its participation',
	observer: "'s parliament became an observer in the Parliamentary Assembly",
	'observer-ended': "'s observer seat lapsed"
};

function shortYears(state: MemberState, day: string): string {
	return state.periods
		.filter((p) => p.from <= day)
		.map((p) => `${p.from.slice(0, 4)}–${p.to && p.to <= day ? p.to.slice(0, 4) : ''}`)
		.join(', ');
}

/** What one state's line in "what changed" says, e.g. "20 April 1999: Georgia left the treaty". */
function describeChange(state: MemberState, event: MembershipEvent, index: number): string {
	const isReturn = event.kind === 'joined' && index > 0;
	const words = isReturn ? 'rejoined' : CHANGE_WORDS[event.kind];
	const subject = words.startsWith("'s") ? `${state.name}${words}` : `${state.name} ${words}`;
	return `${formatPartialDate(event.date)}: ${subject}`;
}

/**
 * How the map looked in a year, from the membership data: status, label and accessible name of
 * every state on the map (states never in the data are neighbours, never parties).
 * @example yearView(membership, states, 1999).statuses.georgia // 'former'
 */
export function yearView(
	membership: Pick<Membership, 'asOf' | 'states'>,
	mapStates: readonly Pick<MapState, 'id' | 'name'>[],
	year: number
): YearView {
	const day = dayShownFor(membership, year);
	const statuses: Record<string, Status> = {};
	const labels: Record<string, string> = {};
	const names: Record<string, string> = {};
	for (const mapState of mapStates) {
		statuses[mapState.id] = 'none';
		names[mapState.id] = `${mapState.name}: never a party`;
	}
	const changes: { date: string; text: string }[] = [];
	for (const state of membership.states) {
		const status = statusOn(state, day);
		statuses[state.id] = status;
		names[state.id] = `${state.name}: ${describeStatus(state, day)}`;
		if (status === 'member') labels[state.id] = state.name;
		else if (status === 'frozen') labels[state.id] = `${state.name}\n(frozen)`;
		else if (status === 'former') labels[state.id] = `${state.name}\n${shortYears(state, day)}`;
		else if (status === 'observer') labels[state.id] = `${state.name}\n(observer)`;
		else if (status === 'former-observer') labels[state.id] = `${state.name}\n(former observer)`;
		let joins = 0;
		for (const event of eventsOf(state)) {
			const index = event.kind === 'joined' ? joins++ : 0;
			if (event.date.startsWith(String(year)) && event.date <= day) {
				changes.push({ date: event.date, text: describeChange(state, event, index) });
			}
		}
	}
	changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return { year, day, statuses, labels, names, changes: changes.map((c) => c.text) };
}
