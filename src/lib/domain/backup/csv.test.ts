import { describe, expect, it } from 'vitest';
import { csvField, toProgressCsv } from './csv';

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=SUM(A1)', "'=SUM(A1)"],
		['-x,y', '"\'-x,y"'],
		[-1.5, '-1.5'],
		[42, '42']
	])('%j → %j', (value, field) => {
		expect(csvField(value)).toBe(field);
	});
});

describe('toProgressCsv', () => {
	it('writes a header and one row per card, sorted by id, with CRLF line ends', () => {
		const csv = toProgressCsv([
			{
				id: 'members/b',
				topic: 'members',
				state: 2,
				due: Date.UTC(2026, 11, 1, 4),
				stability: 12.345678,
				difficulty: 5,
				reps: 4,
				lapses: 1,
				lastReview: Date.UTC(2026, 10, 20, 9, 30)
			},
			{
				id: 'members/a,odd',
				topic: 'members',
				state: 0,
				due: 0,
				stability: 0,
				difficulty: 0,
				reps: 0,
				lapses: 0,
				lastReview: null
			}
		]);
		expect(csv.split('\r\n')).toEqual([
			'id,topic,state,due,stability,difficulty,reps,lapses,last review',
			'"members/a,odd",members,new,1970-01-01T00:00:00.000Z,0,0,0,0,',
			'members/b,members,review,2026-12-01T04:00:00.000Z,12.3457,5,4,1,2026-11-20T09:30:00.000Z',
			''
		]);
	});
});
