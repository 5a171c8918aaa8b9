// A small bank for quiz tests, run through the same validator as the real one so that it stays a
// bank the app could ship. Two topics; every item kind; enough items of each kind for every type.
import { validateBank } from '../bank/validate.ts';
import type { Bank } from '../bank/schema.ts';

const source = [{ title: 'Test source', publisher: 'Test publisher', date: '2024-01' }];
const common = { explanation: 'A short explanation.', sources: source, difficulty: 1, tags: [] };

const members = {
	topic: 'members',
	title: 'Members',
	description: 'Who belongs.',
	items: [
		{
			...common,
			id: 'members/headquarters',
			kind: 'qa',
			prompt: 'In which city is the Secretariat based?',
			answer: 'Moscow',
			accept: ['Moskva'],
			category: 'city',
			distractors: ['Minsk', 'Astana', 'Bishkek', 'Yerevan'],
			statement: 'The Secretariat is based in {answer}.'
		},
		{
			...common,
			id: 'members/count',
			kind: 'qa',
			prompt: 'How many full members are there?',
			answer: '6',
			accept: ['six'],
			category: 'number',
			distractors: ['5', '7', '9'],
			statement: 'There are {answer} full members.',
			difficulty: 2
		},
		{
			...common,
			id: 'members/treaty-city',
			kind: 'qa',
			prompt: 'In which city was the treaty signed?',
			answer: 'Tashkent',
			category: 'city',
			distractors: ['Dushanbe', 'Almaty', 'Baku']
		},
		{
			...common,
			id: 'members/council',
			kind: 'qa',
			prompt: 'Which body is the highest?',
			answer: 'the Collective Security Council',
			accept: ['CSC'],
			category: 'body',
			distractors: ['the Council of Foreign Ministers', 'the Secretariat', 'the Joint Staff'],
			difficulty: 3
		},
		{
			...common,
			id: 'members/current',
			kind: 'set',
			prompt: 'Which states are full members?',
			answer: 'Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan',
			label: 'a full member state',
			category: 'country',
			members: ['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan'],
			others: ['Uzbekistan', 'Azerbaijan', 'Georgia', 'Turkmenistan', 'Serbia'],
			accept: { Russia: ['Russian Federation'], Kyrgyzstan: ['Kyrgyz Republic'] }
		},
		{
			...common,
			id: 'members/left-1999',
			kind: 'set',
			prompt: 'Which parties left in 1999?',
			answer: 'Azerbaijan, Georgia and Uzbekistan',
			label: 'a party that left in 1999',
			category: 'country',
			members: ['Azerbaijan', 'Georgia', 'Uzbekistan'],
			others: ['Armenia', 'Belarus', 'Kazakhstan', 'Tajikistan']
		},
		{
			...common,
			id: 'members/duties',
			kind: 'set',
			prompt: 'Which duties come with membership?',
			answer: 'No rival alliances, paying contributions, consent for foreign bases',
			label: 'a duty that comes with membership',
			category: 'concept',
			members: [
				'Not joining military alliances aimed at other members',
				'Paying contributions to the budget',
				'Getting consent before hosting a foreign base'
			],
			others: ['Adopting the rouble', 'Leaving every NATO programme', 'Joining a customs union']
		},
		{
			...common,
			id: 'members/seven',
			kind: 'statement',
			prompt: 'Were there seven members in 2023?',
			answer: 'No, six.',
			truth: 'In 2023 there were six member states.',
			falsehoods: ['In 2023 there were seven member states.']
		},
		{
			...common,
			id: 'members/post-soviet',
			kind: 'statement',
			prompt: 'Are all members former Soviet republics?',
			answer: 'Yes.',
			truth: 'Every full member is a former Soviet republic.',
			falsehoods: ['Serbia is a full member.', 'Afghanistan is a full member.']
		},
		{
			...common,
			id: 'members/pairs-capitals',
			kind: 'pairs',
			prompt: 'Match each member to its capital.',
			answer:
				'Armenia: Yerevan; Belarus: Minsk; Kazakhstan: Astana; Kyrgyzstan: Bishkek; Tajikistan: Dushanbe',
			leftLabel: 'Member',
			rightLabel: 'Capital',
			ask: 'What is the capital of {left}?',
			pairs: [
				{ left: 'Armenia', right: 'Yerevan' },
				{ left: 'Belarus', right: 'Minsk' },
				{ left: 'Kazakhstan', right: 'Astana' },
				{ left: 'Kyrgyzstan', right: 'Bishkek' },
				{ left: 'Tajikistan', right: 'Dushanbe' }
			]
		}
	]
};

const history = {
	topic: 'history',
	title: 'History',
	description: 'How it came to be.',
	items: [
		{
			...common,
			id: 'history/founding',
			kind: 'timeline',
			prompt: 'Put the founding steps in order.',
			answer: 'Signed 1992, in force 1994, renewed 1999, Charter 2002',
			events: [
				{
					date: '1992-05-15',
					text: 'The treaty is signed',
					ask: 'In which year was the treaty signed?'
				},
				{
					date: '1994-04-20',
					text: 'The treaty enters into force',
					ask: 'In which year did the treaty enter into force?'
				},
				{
					date: '1999-04-02',
					text: 'The treaty is renewed',
					ask: 'In which year was the treaty renewed?'
				},
				{
					date: '2002-10-07',
					text: 'The Charter is signed',
					ask: 'In which year was the Charter signed?'
				},
				{
					date: '2003-09-18',
					text: 'The Charter enters into force',
					ask: 'In which year did the Charter enter into force?'
				}
			]
		},
		{
			...common,
			id: 'history/kazakhstan',
			kind: 'timeline',
			prompt: 'Put the Kazakhstan mission in order.',
			answer: 'Appeal, arrival, withdrawal',
			events: [
				{
					date: '2022-01-05',
					text: 'Tokayev appeals for help',
					ask: 'In which year did Tokayev appeal for help?'
				},
				{
					date: '2022-01-06',
					text: 'The first troops arrive',
					ask: 'In which year did the first troops arrive?'
				},
				{
					date: '2022-01',
					text: 'The mission is announced',
					ask: 'In which year was the mission announced?'
				},
				{
					date: '2022-01-19',
					text: 'The last troops leave',
					ask: 'In which year did the last troops leave?'
				}
			]
		},
		{
			...common,
			id: 'history/armenia',
			kind: 'timeline',
			prompt: 'Put the steps of Armenia’s drift in order.',
			answer: 'Summit refusal 2022, Minsk absence 2023, freeze 2024',
			events: [
				{
					date: '2022-11-23',
					text: 'Armenia refuses to sign the Yerevan declaration',
					ask: 'In which year did Armenia refuse to sign the Yerevan declaration?'
				},
				{
					date: '2023-11-23',
					text: 'Armenia skips the Minsk summit',
					ask: 'In which year did Armenia skip the Minsk summit?'
				},
				{
					date: '2024-02',
					text: 'Armenia freezes its participation',
					ask: 'In which year did Armenia freeze its participation?'
				}
			],
			difficulty: 2
		},
		{
			...common,
			id: 'history/secretaries',
			kind: 'pairs',
			prompt: 'Match each Secretary General to the state he came from.',
			answer: 'Bordyuzha: Russia; Khachaturov: Armenia; Zas: Belarus; Tasmagambetov: Kazakhstan',
			leftLabel: 'Secretary General',
			rightLabel: 'State',
			ask: 'Which member state did Secretary General {left} come from?',
			pairs: [
				{ left: 'Nikolai Bordyuzha', right: 'Russia' },
				{ left: 'Yuri Khachaturov', right: 'Armenia' },
				{ left: 'Stanislav Zas', right: 'Belarus' },
				{ left: 'Imangali Tasmagambetov', right: 'Kazakhstan' }
			]
		},
		{
			...common,
			id: 'history/charter-city',
			kind: 'qa',
			prompt: 'In which city was the Charter signed?',
			answer: 'Chișinău',
			accept: ['Kishinev'],
			category: 'city',
			distractors: ['Minsk', 'Moscow', 'Yerevan']
		},
		{
			...common,
			id: 'history/renewal',
			kind: 'statement',
			prompt: 'Did all parties renew the treaty in 1999?',
			answer: 'No.',
			truth: 'Only six parties renewed the treaty in 1999.',
			falsehoods: [
				'All nine parties renewed the treaty in 1999.',
				'No party renewed the treaty in 1999.',
				'The treaty was never renewed.',
				'Georgia renewed the treaty in 1999.'
			]
		}
	]
};

/** A valid two-topic bank with every item kind. */
export const FIXTURE_BANK: Bank = validateBank(
	[
		{ file: 'questions/members.yaml', data: members },
		{ file: 'questions/history.yaml', data: history }
	],
	{ currentMonth: '2026-11' }
);
