import * as v from 'valibot';
import { TOPICS } from './bank/topics';
import { PARAMETER_COUNT, isValidParameters } from './scheduling/parameters';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A number setting's allowed range, as the schema checks it and the Settings form offers it. */
export interface SettingRange {
	/** How the setting is named at the start of a message ("New cards per day"). */
	name: string;
	min: number;
	max: number;
	/** The form's step; a step of 1 means whole numbers only. */
	step: number;
	/** What a whole number of it is called in a message ("a whole hour"). */
	whole?: string;
}

/** The allowed range of every number setting: the one place both the schema and the form read. */
export const SETTING_RANGES = {
	desiredRetention: { name: 'Desired retention', min: 0.7, max: 0.97, step: 0.01 },
	newPerDay: { name: 'New cards per day', min: 0, max: 500, step: 1 },
	reviewLimit: { name: 'The review limit', min: 1, max: 9999, step: 1 },
	dayStartHour: {
		name: 'The day start hour',
		min: 0,
		max: 23,
		step: 1,
		whole: 'a whole hour'
	}
} as const satisfies Record<string, SettingRange>;

export type NumberSettingKey = keyof typeof SETTING_RANGES;

/**
 * A number setting's range as text, with as many decimals as its step.
 * @example describeRange('desiredRetention') // '0.70 to 0.97'
 */
export function describeRange(key: NumberSettingKey): string {
	const { min, max, step } = SETTING_RANGES[key];
	const decimals = step < 1 ? String(step).split('.')[1]!.length : 0;
	return `${min.toFixed(decimals)} to ${max.toFixed(decimals)}`;
}

/** The schema of a number setting, from its range. */
function numberSetting(key: NumberSettingKey) {
	const range: SettingRange = SETTING_RANGES[key];
	const outside = `${range.name} must be between ${describeRange(key).replace(' to ', ' and ')}.`;
	const number = v.number(`${range.name} must be a number.`);
	const atLeast = v.minValue<number, number, string>(range.min, outside);
	const atMost = v.maxValue<number, number, string>(range.max, outside);
	if (range.step < 1) return v.pipe(number, atLeast, atMost);
	const whole = v.integer(`${range.name} must be ${range.whole ?? 'a whole number'}.`);
	return v.pipe(number, whole, atLeast, atMost);
}
const MEMORY_MODEL_MESSAGE =
	'Your memory model must be empty (the defaults) or your trained parameters with the date, the review count and the two log losses of their training.';
const Count = (what: string) =>
	v.pipe(
		v.number(`${what} must be a number.`),
		v.integer(`${what} must be a whole number.`),
		v.minValue(0, `${what} must not be negative.`)
	);
const Loss = (what: string) =>
	v.pipe(
		v.number(`${what} must be a number.`),
		v.finite(`${what} must be a finite number.`),
		v.minValue(0, `${what} must not be negative.`)
	);

/**
 * The learner's own FSRS parameters, in use instead of the defaults: when and from how many reviews
 * they were trained, and the log loss of the defaults and of them on the held-out reviews (they are
 * used only when theirs is lower).
 */
const MemoryModelSchema = v.pipe(
	v.object(
		{
			parameters: v.pipe(
				v.array(v.unknown(), MEMORY_MODEL_MESSAGE),
				v.check(
					(parameters: unknown[]) => isValidParameters(parameters),
					`Your memory model must have ${PARAMETER_COUNT} parameters, each a number within FSRS's limits.`
				),
				v.transform((parameters) => parameters as number[])
			),
			trainedAt: Count('The training date'),
			reviewCount: Count('The review count of your memory model'),
			comparedCount: Count('The number of reviews your memory model was compared on'),
			logLoss: v.object(
				{
					defaults: Loss('The log loss of the defaults'),
					trained: Loss('The log loss of your parameters')
				},
				MEMORY_MODEL_MESSAGE
			)
		},
		MEMORY_MODEL_MESSAGE
	),
	v.check(
		(model) => model.logLoss.trained < model.logLoss.defaults,
		'Your parameters can be used only when they predict your reviews better than the defaults.'
	)
);

/** Each setting with its rule and a message that says what is allowed. */
export const SETTING_SCHEMAS = {
	theme: v.picklist(THEMES, 'Theme must be system, light or dark.'),
	desiredRetention: numberSetting('desiredRetention'),
	newPerDay: numberSetting('newPerDay'),
	reviewLimit: numberSetting('reviewLimit'),
	dayStartHour: numberSetting('dayStartHour'),
	topics: v.pipe(
		v.array(v.picklist(TOPICS, 'Unknown topic.'), 'Topics must be a list.'),
		v.minLength(1, 'Choose at least one topic.')
	),
	reverseCards: v.boolean('Reversed cards must be on or off.'),
	quizUpdatesCards: v.boolean('Quiz answers updating cards must be on or off.'),
	memoryModel: v.nullable(MemoryModelSchema)
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingKey]: v.InferOutput<(typeof SETTING_SCHEMAS)[K]> };
/** The learner's own parameters in use, with where they came from. */
export type MemoryModel = NonNullable<Settings['memoryModel']>;

/** The settings a new learner starts with (Anki's defaults where Anki has one). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	theme: 'system',
	desiredRetention: 0.9,
	newPerDay: 20,
	reviewLimit: 200,
	dayStartHour: 4,
	topics: [...TOPICS],
	reverseCards: false,
	quizUpdatesCards: true,
	memoryModel: null
});

/** The FSRS parameters to schedule with: the learner's own when in use, otherwise undefined (the defaults). */
export function schedulerParameters(
	settings: Partial<Pick<Settings, 'memoryModel'>>
): number[] | undefined {
	return settings.memoryModel?.parameters;
}

/** True when `key` names a known setting. */
export function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(SETTING_SCHEMAS, key);
}

/**
 * Checks one setting's value: the value when it is allowed, otherwise the message that says what is.
 * @example checkSetting('desiredRetention', 0.99) // { ok: false, message: 'Desired retention must be between 0.70 and 0.97.' }
 */
export function checkSetting<K extends SettingKey>(
	key: K,
	value: unknown
): { ok: true; value: Settings[K] } | { ok: false; message: string } {
	const result = v.safeParse(SETTING_SCHEMAS[key], value);
	if (result.success) return { ok: true, value: result.output as Settings[K] };
	return { ok: false, message: result.issues[0]?.message ?? `Invalid value for ${key}.` };
}

/** Builds whole settings from stored rows: unknown keys are ignored and invalid values fall back to the default. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
	const settings: Settings = { ...DEFAULT_SETTINGS, topics: [...DEFAULT_SETTINGS.topics] };
	for (const row of rows) {
		if (!isSettingKey(row.key)) continue;
		const checked = checkSetting(row.key, row.value);
		if (checked.ok) (settings as Record<SettingKey, unknown>)[row.key] = checked.value;
	}
	return settings;
}
