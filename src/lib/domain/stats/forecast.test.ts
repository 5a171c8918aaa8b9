import { describe, expect, it } from 'vitest';
import { DAY_START, NOW, at, card } from './fixtures';
import { forecastDue } from './forecast';

describe('forecastDue', () => {
	it('counts cards due on each of the next 30 days, overdue ones today', () => {
		const cards = [
			card({ due: at(10) }),
			card({ due: at(0, 20) }),
			card({ due: at(-1, 3) }), // 03:00 tomorrow is still today's study day
			card({ due: at(-1, 5) }),
			card({ due: at(-29, 12) }),
			card({ due: at(-30, 12) }) // beyond the 30 days
		];
		const days = forecastDue(cards, NOW, DAY_START);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-11-28', count: 3 });
		expect(days[1]).toEqual({ day: '2026-11-29', count: 1 });
		expect(days[29]).toEqual({ day: '2026-12-27', count: 1 });
		expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(5);
	});

	it('leaves out new and suspended cards and counts a buried card when it returns', () => {
		const cards = [
			card({ state: 0, due: at(0) }),
			card({ suspended: 1, due: at(0) }),
			card({ due: at(1), buriedUntil: at(-2, 4) }),
			card({ state: 1, due: at(0, 13) })
		];
		const days = forecastDue(cards, NOW, DAY_START, 5);
		expect(days.map((d) => d.count)).toEqual([1, 0, 1, 0, 0]);
	});
});
