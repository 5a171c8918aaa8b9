const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * Writes a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in words, the same on every device.
 * @example formatPartialDate('2024-02') // 'February 2024'
 * @example formatPartialDate('2002-10-07') // '7 October 2002'
 */
export function formatPartialDate(date: string): string {
	const [year, month, day] = date.split('-');
	if (!month) return year ?? date;
	const name = MONTHS[Number(month) - 1] ?? month;
	return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
