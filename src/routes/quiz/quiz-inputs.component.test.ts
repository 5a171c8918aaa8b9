import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type {
	ChoiceQuestion,
	MatchingQuestion,
	MultiQuestion,
	OrderingQuestion,
	Question
} from '$lib/domain/quiz/types';
import ChoiceInput from './ChoiceInput.svelte';
import Feedback from './Feedback.svelte';
import MatchingInput from './MatchingInput.svelte';
import OrderingInput from './OrderingInput.svelte';
import QuestionForm from './QuestionForm.svelte';

const base = {
	itemId: 'structure/bodies',
	topic: 'structure',
	difficulty: 1,
	answerText: 'The answer',
	explanation: 'Why it is so.',
	sources: [{ title: 'Charter', publisher: 'CSTO' }]
} as const;

const choice: ChoiceQuestion = {
	...base,
	type: 'choice',
	prompt: 'Where is the Secretariat?',
	options: ['Minsk', 'Astana', 'Moscow', 'Bishkek'],
	correct: 2
};

const multi: MultiQuestion = {
	...base,
	type: 'multi',
	prompt: 'Which are members?',
	options: ['Belarus', 'Georgia', 'Russia', 'Serbia'],
	correct: [0, 2]
};

const matching: MatchingQuestion = {
	...base,
	type: 'matching',
	prompt: 'Match each body to its role.',
	leftLabel: 'Body',
	rightLabel: 'Role',
	left: ['Council', 'Secretariat', 'Joint Staff'],
	right: ['Runs the day to day', 'Plans the forces', 'Decides'],
	correct: [2, 0, 1]
};

const ordering: OrderingQuestion = {
	...base,
	type: 'ordering',
	prompt: 'Put these in order.',
	events: [
		{ text: 'Charter signed', date: '2002-10-07' },
		{ text: 'Treaty signed', date: '1992-05-15' },
		{ text: 'Treaty in force', date: '1994-04-20' }
	],
	correct: [1, 2, 0]
};

/** The question form in practice mode, its answer going to a spy. */
function ask(question: Question) {
	const onanswer = vi.fn();
	render(QuestionForm, {
		question,
		number: 1,
		mode: 'practice',
		isLast: false,
		feedback: undefined,
		busy: false,
		onanswer,
		onnext: vi.fn()
	});
	return onanswer;
}

describe('ChoiceInput', () => {
	it('picks one option by click, by its number key, and answers with Enter', async () => {
		const user = userEvent.setup();
		const onanswer = ask(choice);
		const group = screen.getByRole('group', { name: 'Choose one answer' });
		await user.click(within(group).getByRole('radio', { name: 'Minsk' }));
		expect(screen.getByRole('radio', { name: 'Minsk' })).toBeChecked();
		await user.keyboard('3');
		expect(screen.getByRole('radio', { name: 'Moscow' })).toBeChecked();
		expect(screen.getByRole('radio', { name: 'Moscow' })).toHaveFocus();
		expect(screen.getByRole('radio', { name: 'Minsk' })).not.toBeChecked();
		await user.keyboard('{Enter}');
		expect(onanswer).toHaveBeenCalledWith({ type: 'choice', choice: 2 });
	});

	it('asks for a choice first, and offers "Don\'t know"', async () => {
		const user = userEvent.setup();
		const onanswer = ask(choice);
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Choose an answer first. Or choose “Don’t know”.'
		);
		expect(onanswer).not.toHaveBeenCalled();
		await user.click(screen.getByRole('button', { name: "Don't know" }));
		expect(onanswer).toHaveBeenCalledWith({ type: 'dontknow' });
	});

	it('selects all that apply with Space and number keys', async () => {
		const user = userEvent.setup();
		const onanswer = ask(multi);
		expect(screen.getByRole('group', { name: 'Select all that apply' })).toBeInTheDocument();
		await user.keyboard('1');
		await user.keyboard('2');
		expect(screen.getByRole('checkbox', { name: 'Georgia' })).toHaveFocus();
		// Space on the focused box takes Georgia back out; 3 adds Russia.
		await user.keyboard(' ');
		await user.keyboard('3');
		expect(screen.getByRole('checkbox', { name: 'Georgia' })).not.toBeChecked();
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(onanswer).toHaveBeenCalledWith({ type: 'multi', choices: [0, 2] });
	});

	it('shows the answer as it was sent, whatever was clicked while it was being saved', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		const props = {
			question: choice,
			number: 1,
			mode: 'practice' as const,
			isLast: false,
			feedback: undefined,
			busy: false,
			onanswer,
			onnext: vi.fn()
		};
		const { rerender } = render(QuestionForm, props);
		await user.click(screen.getByRole('radio', { name: 'Minsk' }));
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(onanswer).toHaveBeenCalledWith({ type: 'choice', choice: 0 });
		// While it is being saved, the inputs do not show as disabled yet (busy is drawn only once
		// saving is slow), so a click still reaches them.
		await user.click(screen.getByRole('radio', { name: 'Bishkek' }));
		expect(screen.getByRole('radio', { name: 'Bishkek' })).toBeChecked();
		const grade = { score: 0, isCorrect: false, isNearMatch: false, note: 'Not right.' };
		await rerender({ ...props, feedback: grade });
		const minsk = screen.getByRole('radio', { name: /Minsk/ });
		expect(minsk).toBeChecked();
		expect(minsk.closest('label')).toHaveTextContent('Your answer');
		const bishkek = screen.getByRole('radio', { name: /Bishkek/ });
		expect(bishkek).not.toBeChecked();
		expect(bishkek.closest('label')).not.toHaveTextContent('Your answer');
		expect(onanswer).toHaveBeenCalledTimes(1);
	});

	it('marks the right answer and the learner’s wrong one once answered', () => {
		render(ChoiceInput, {
			options: choice.options,
			multiple: false,
			selected: [0],
			disabled: true,
			correct: [2]
		});
		const minsk = screen.getByRole('radio', { name: /Minsk/ });
		expect(minsk.closest('label')).toHaveTextContent('Your answer');
		expect(screen.getByRole('radio', { name: /Moscow/ }).closest('label')).toHaveTextContent(
			'Right answer'
		);
		for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
	});
});

describe('MatchingInput', () => {
	it('matches each row by its label, asks for every row, and moves between rows by Tab', async () => {
		const user = userEvent.setup();
		const onanswer = ask(matching);
		const council = screen.getByRole('combobox', { name: 'Council' });
		await user.selectOptions(council, 'Decides');
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(screen.getByRole('alert')).toHaveTextContent('Match every row first.');
		expect(onanswer).not.toHaveBeenCalled();

		council.focus();
		await user.tab();
		expect(screen.getByRole('combobox', { name: 'Secretariat' })).toHaveFocus();
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Secretariat' }),
			'Plans the forces'
		);
		await user.tab();
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Joint Staff' }),
			'Runs the day to day'
		);
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(onanswer).toHaveBeenCalledWith({ type: 'matching', matches: [2, 1, 0] });
	});

	it('shows the right match of each wrong row once answered', () => {
		render(MatchingInput, { question: matching, matches: [2, 1, 0], disabled: true, reveal: true });
		const rows = screen.getAllByRole('row').slice(1);
		expect(rows[0]).not.toHaveTextContent('Right match');
		expect(rows[1]).toHaveTextContent('Right match: Runs the day to day');
		expect(rows[2]).toHaveTextContent('Right match: Plans the forces');
		expect(screen.getByRole('combobox', { name: 'Council' })).toBeDisabled();
	});
});

describe('OrderingInput', () => {
	const listed = () =>
		screen
			.getAllByRole('listitem')
			.map((li) => li.textContent?.match(/\d\.\s*([^]*?)\s*Move/)?.[1]?.trim());

	it('reorders with the keyboard, keeping focus on the event that moved', async () => {
		const user = userEvent.setup();
		const onanswer = ask(ordering);
		expect(listed()).toEqual(['Charter signed', 'Treaty signed', 'Treaty in force']);
		// The first event cannot move up.
		expect(screen.getByRole('button', { name: 'Move up: Charter signed' })).toBeDisabled();
		screen.getByRole('button', { name: 'Move down: Charter signed' }).focus();
		await user.keyboard('{Enter}');
		expect(listed()).toEqual(['Treaty signed', 'Charter signed', 'Treaty in force']);
		expect(screen.getByRole('button', { name: 'Move down: Charter signed' })).toHaveFocus();
		await user.keyboard(' ');
		expect(listed()).toEqual(['Treaty signed', 'Treaty in force', 'Charter signed']);
		// At the bottom its Move down is disabled, so the focus goes to its Move up.
		expect(screen.getByRole('button', { name: 'Move up: Charter signed' })).toHaveFocus();
		await user.click(screen.getByRole('button', { name: 'Check answer' }));
		expect(onanswer).toHaveBeenCalledWith({ type: 'ordering', order: [1, 2, 0] });
	});

	it('shows the dates once answered', () => {
		render(OrderingInput, { question: ordering, order: [1, 0, 2], disabled: true, reveal: true });
		const [first, second] = screen.getAllByRole('listitem');
		expect(first).toHaveTextContent('Treaty signed (15 May 1992)');
		expect(second).toHaveTextContent('Charter signed (7 October 2002)');
		for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();
	});
});

describe('Feedback', () => {
	const grade = { score: 0, isCorrect: false, isNearMatch: false, note: 'Marked as not known.' };

	it('says when the answer made the card a leech, with a link to unsuspend it in Browse', () => {
		render(Feedback, { question: choice, grade, card: { rating: 1, isNewLeech: true } });
		expect(screen.getByText(/This card is now a leech/)).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Unsuspend it in Browse' })).toHaveAttribute(
			'href',
			'/browse#structure/bodies'
		);
	});

	it('says nothing of leeches otherwise', () => {
		render(Feedback, { question: choice, grade, card: { rating: 1, isNewLeech: false } });
		expect(screen.queryByRole('link', { name: 'Unsuspend it in Browse' })).toBeNull();
		expect(screen.getByText('Not right.')).toBeInTheDocument();
	});
});
