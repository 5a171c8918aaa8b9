// Number and date formats of the stats page.

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC'
});
const LONG_DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	year: 'numeric',
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC'
});
const MONTH_FORMAT = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const dateOfKey = (key: string) => new Date(`${key}T00:00:00Z`);

/** A study day key as a short date ("Nov 28"). */
export function formatDay(key: string): string {
	return DAY_FORMAT.format(dateOfKey(key));
}

/** A study day key as a full date ("Sat, Nov 28, 2026"). */
export function formatLongDay(key: string): string {
	return LONG_DAY_FORMAT.format(dateOfKey(key));
}

/** The month of a study day key ("Nov"). */
export function formatMonth(key: string): string {
	return MONTH_FORMAT.format(dateOfKey(key));
}

/** A moment (epoch ms) as a local date and time. */
export function formatTime(time: number): string {
	return TIME_FORMAT.format(new Date(time));
}

/** A share as a whole percent, or a dash when there is nothing to measure. */
export function formatPercent(rate: number | null): string {
	return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The smallest of 1, 2, 5, 10, 20, 50… that is at least `value` (at least 1): a round axis top. */
export function niceMax(value: number): number {
	let step = 1;
	for (;;) {
		for (const m of [1, 2, 5]) if (step * m >= value) return step * m;
		step *= 10;
	}
}
