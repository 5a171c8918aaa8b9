import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from './scheduling/fsrs';
import {
	DEFAULT_SETTINGS,
	SETTING_RANGES,
	checkSetting,
	describeRange,
	schedulerParameters,
	settingsFromRows
} from './settings';

const OWN = DEFAULT_PARAMETERS.map((w, i) => (i === 2 ? 1.5 : w));
const MODEL = {
	parameters: OWN,
	trainedAt: Date.UTC(2026, 11, 2),
	reviewCount: 3000,
	comparedCount: 540,
	logLoss: { defaults: 0.45, trained: 0.43 }
};

describe('checkSetting', () => {
	it.each([
		['desiredRetention', 0.9, true],
		['desiredRetention', 0.7, true],
		['desiredRetention', 0.97, true],
		['desiredRetention', 0.69, false],
		['desiredRetention', 0.98, false],
		['desiredRetention', '0.9', false],
		['newPerDay', 0, true],
		['newPerDay', 2.5, false],
		['newPerDay', -1, false],
		['reviewLimit', 0, false],
		['dayStartHour', 23, true],
		['dayStartHour', 24, false],
		['theme', 'dark', true],
		['theme', 'sepia', false],
		['topics', [], false],
		['topics', ['members', 'armenia'], true],
		['topics', ['members', 'mars'], false],
		['reverseCards', 'yes', false]
	] as const)('%s = %j is allowed: %s', (key, value, allowed) => {
		expect(checkSetting(key, value).ok).toBe(allowed);
	});

	it.each([
		['desiredRetention', 0.99, 'Desired retention must be between 0.70 and 0.97.'],
		['desiredRetention', '0.9', 'Desired retention must be a number.'],
		['newPerDay', 2.5, 'New cards per day must be a whole number.'],
		['newPerDay', 501, 'New cards per day must be between 0 and 500.'],
		['reviewLimit', 0, 'The review limit must be between 1 and 9999.'],
		['dayStartHour', 4.5, 'The day start hour must be a whole hour.'],
		['dayStartHour', -1, 'The day start hour must be between 0 and 23.']
	] as const)('says what is allowed when it refuses %s = %j', (key, value, message) => {
		expect(checkSetting(key, value)).toEqual({ ok: false, message });
	});

	it.each(Object.keys(SETTING_RANGES) as (keyof typeof SETTING_RANGES)[])(
		'allows exactly the range the form offers for %s',
		(key) => {
			const { min, max, step } = SETTING_RANGES[key];
			expect(checkSetting(key, min).ok).toBe(true);
			expect(checkSetting(key, max).ok).toBe(true);
			expect(checkSetting(key, min - step).ok).toBe(false);
			expect(checkSetting(key, max + step).ok).toBe(false);
		}
	);
});

describe('describeRange', () => {
	it('writes a range with the decimals of its step', () => {
		expect(describeRange('desiredRetention')).toBe('0.70 to 0.97');
		expect(describeRange('reviewLimit')).toBe('1 to 9999');
	});
});

describe('memoryModel', () => {
	it('is empty (the defaults) at first, and schedules with the defaults then', () => {
		expect(DEFAULT_SETTINGS.memoryModel).toBeNull();
		expect(schedulerParameters(DEFAULT_SETTINGS)).toBeUndefined();
		expect(schedulerParameters({ memoryModel: MODEL })).toEqual(OWN);
	});

	it('accepts trained parameters with their date, review count and log losses', () => {
		expect(checkSetting('memoryModel', MODEL)).toEqual({ ok: true, value: MODEL });
		expect(checkSetting('memoryModel', null)).toEqual({ ok: true, value: null });
	});

	it.each([
		['text', 'w0=0.2', 'must be empty (the defaults) or your trained parameters'],
		['20 parameters', { ...MODEL, parameters: OWN.slice(0, 20) }, 'must have 21 parameters'],
		[
			'a parameter out of bounds',
			{ ...MODEL, parameters: OWN.map((w, i) => (i === 20 ? 2 : w)) },
			"each a number within FSRS's limits"
		],
		['no date', { ...MODEL, trainedAt: undefined }, 'The training date must be a number.'],
		[
			'a fractional review count',
			{ ...MODEL, reviewCount: 2.5 },
			'The review count of your memory model must be a whole number.'
		],
		[
			'parameters that predict worse than the defaults',
			{ ...MODEL, logLoss: { defaults: 0.4, trained: 0.41 } },
			'only when they predict your reviews better than the defaults'
		]
	])('refuses %s, saying what is allowed', (_, value, message) => {
		const checked = checkSetting('memoryModel', value);
		expect(checked.ok).toBe(false);
		expect(checked.ok ? '' : checked.message).toContain(message);
	});
});

describe('settingsFromRows', () => {
	it('starts from the defaults, keeps valid rows and drops invalid or unknown ones', () => {
		const settings = settingsFromRows([
			{ key: 'newPerDay', value: 10 },
			{ key: 'desiredRetention', value: 5 },
			{ key: 'nonsense', value: 1 }
		]);
		expect(settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 10 });
	});
});
