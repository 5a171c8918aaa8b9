// Says when a card is due in words, in the device's local time: "in 10 minutes", "today at 14:30",
// "tomorrow at 04:00", "on Monday 1 December at 04:00". Today and tomorrow are calendar days, as on
// the wall clock, whatever hour the study day starts at. Takes `now`; reads no clock.
import { calendarDayKey, daysBetween } from '../day';

const MINUTE = 60_000;
// Made on first use: the first date format of a page loads the locale's data, which Home's first
// script should not wait for when no date is shown.
let dateFormat: Intl.DateTimeFormat | undefined;

function clockTime(date: Date): string {
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * When `due` comes, relative to `now`, in words.
 * @example describeDue(now + 10 * 60_000, now) // 'in 10 minutes'
 */
export function describeDue(due: number, now: number): string {
	if (due <= now) return 'now';
	const minutes = Math.ceil((due - now) / MINUTE);
	if (minutes < 60) return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
	const at = new Date(due);
	const days = daysBetween(calendarDayKey(now), calendarDayKey(due));
	if (days === 0) return `today at ${clockTime(at)}`;
	if (days === 1) return `tomorrow at ${clockTime(at)}`;
	dateFormat ??= new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long'
	});
	return `on ${dateFormat.format(at)} at ${clockTime(at)}`;
}
