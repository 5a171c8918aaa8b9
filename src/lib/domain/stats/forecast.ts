import { buildDayWindow, dayIndexOf } from '../day';
import type { DayCount, StatsCard } from './types';

/**
 * The number of cards that fall due on each of the next `days` study days, today first. Cards that
 * are already overdue count today; new cards (not yet studied) and suspended cards are left out, as
 * in Anki's forecast; a buried card counts on the day it comes back.
 */
export function forecastDue(
	cards: readonly Pick<StatsCard, 'due' | 'state' | 'suspended' | 'buriedUntil'>[],
	now: number,
	dayStartHour: number,
	days = 30
): DayCount[] {
	const window = buildDayWindow(now, dayStartHour, 0, days);
	const todayStart = window.starts[0]!;
	const counts = new Array<number>(days).fill(0);
	for (const card of cards) {
		if (card.state === 0 || card.suspended) continue;
		const due = Math.max(card.due, card.buriedUntil);
		const index = due < todayStart ? 0 : dayIndexOf(window, due);
		if (index >= 0) counts[index]!++;
	}
	return window.keys.map((day, i) => ({ day, count: counts[i]! }));
}
