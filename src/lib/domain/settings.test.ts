import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, checkSetting, settingsFromRows } from './settings';

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

	it('says what is allowed when it refuses', () => {
		expect(checkSetting('desiredRetention', 0.99)).toEqual({
			ok: false,
			message: 'Desired retention must be between 0.70 and 0.97.'
		});
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
