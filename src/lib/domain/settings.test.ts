import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SETTINGS,
	SETTING_RANGES,
	checkSetting,
	describeRange,
	settingsFromRows
} from './settings';

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
