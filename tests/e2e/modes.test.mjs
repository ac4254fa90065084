// The learning modes: the start screen, mock exams (navigator, flags, submitting, the clock and
// its deadline across reloads, pass or fail), review of missed questions, smart review, and the
// progress dashboard.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  useBrowser, events, eventually, fixture, focused, LETTERS, Quiz, rightOf, seed, stored, wrongOf,
} from './helpers.mjs';

const basics = fixture('basics.json');
const modes = fixture('modes.json');
const ROUND_KEY = `checkpoint-quiz:round:${basics.id}`;
const PROGRESS_KEY = `checkpoint-quiz:progress:${basics.id}`;
const START = `<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`;

const env = useBrowser();
const open = env.open;

/** The rows of the result's "Score by topic" table, as text. */
function topicRows(quiz) {
  return quiz.$('table.cq-topics tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

// --- The start screen ---

test('start screen: fresh figures, Review missed disabled, figures after a round, Menu and "Continue your …"', async (t) => {
  const { page, problems } = await open(t, env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  assert.equal((await focused(page)).tag, 'body', 'the widget does not take focus on its own');
  assert.deepEqual(await quiz.figures(), { Answered: '0 of 5', Accuracy: '–', 'Due for review': '0' });
  assert.equal(await quiz.mode('Review missed').isDisabled(), true, 'nothing to review on a fresh profile');
  assert.equal(await quiz.modeNote('Review missed'), 'No missed questions');
  assert.equal(await quiz.mode('Smart review').isDisabled(), false, 'unseen questions to learn');
  assert.equal(await quiz.mode('Practice').isDisabled(), false);
  assert.equal(await quiz.mode('Mock exam').isDisabled(), false);
  assert.equal(await quiz.modeNote('Practice'), '5 questions with feedback after each', 'at most the bank');
  assert.equal(await quiz.modeNote('Mock exam'), '5 questions, no time limit, pass mark 70%');
  // Accessible names start with the mode's name.
  for (const name of ['Practice', 'Mock exam', 'Review missed', 'Smart review']) {
    assert.equal(await quiz.host.getByRole('button', { name: new RegExp(`^${name}`) }).count(), 1, name);
  }
  assert.equal(await quiz.$('details').count(), 0, 'no mastery before anything is answered');
  assert.equal(await quiz.button('Your progress').count(), 1);
  assert.equal(await quiz.button('Save or restore progress').count(), 1);
  assert.equal(await quiz.host.getByRole('button', { name: /^Continue your/ }).count(), 0, 'no round in play');
  assert.deepEqual(await savedKeys(page), [], 'looking at the start screen saves nothing');

  // A practice round from the start screen; Menu in the middle keeps it in play.
  await quiz.begin('Practice');
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  await quiz.play([false, true]);
  await quiz.button('Menu').click();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), { Answered: '2 of 5', Accuracy: '50%', 'Due for review': '0' });
  const resume = quiz.host.getByRole('button', { name: /^Continue your/ });
  assert.equal(await resume.textContent(), 'Continue your practice round (question 3 of 5)');
  assert.equal((await focused(page)).text, 'Choose how to study', 'focus moves to the start screen heading');
  await resume.click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 3 of 5');
  assert.equal(await quiz.prompt(), basics.questions[2].prompt);
  await quiz.play([false, true, true]);

  // Back to start after the round: the figures count it; the finished round is no longer offered.
  await quiz.button('Back to start').click();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), { Answered: '5 of 5', Accuracy: '60%', 'Due for review': '0' });
  assert.equal(await resume.count(), 0, 'a finished round is not "in play"');
  assert.equal(await quiz.mode('Review missed').isDisabled(), false);
  assert.equal(await quiz.modeNote('Review missed'), '2 to answer right once more');
  assert.equal(await quiz.mode('Smart review').isDisabled(), true, 'nothing due yet and nothing unseen');
  const details = quiz.$('details.cq-details');
  assert.equal(await details.locator('summary').textContent(), 'Mastery by topic');
  assert.equal(await details.getAttribute('open'), null, 'folded away');
  await details.locator('summary').click();
  assert.deepEqual(await details.locator('.cq-bar').evaluateAll((bars) => bars.map((b) => b.innerText.replace(/\s+/g, ' ').trim())),
    ['Greetings 50% (1 of 2)', 'Reports 50% (1 of 2)', 'Patrol 100% (1 of 1)']);

  // A reload with no round in play shows the start screen again with the same figures.
  await page.reload();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), { Answered: '5 of 5', Accuracy: '60%', 'Due for review': '0' });
  assert.deepEqual(problems, []);
});

function savedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('checkpoint-quiz:')));
}

test('the mode attribute skips the start screen; a saved round of that mode resumes; another mode starts afresh', async (t) => {
  const { page } = await open(t, env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.heading('Choose how to study').count(), 0);
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  await quiz.play([true]);

  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 2 of 5', 'the saved practice round resumes');

  // mode="exam" with a practice round saved: an exam, not the practice round.
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="exam"></checkpoint-quiz>`));
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.equal(await quiz.navigator.count(), 5, 'the exam view');
  assert.equal(await quiz.button('Check').count(), 0);
  await quiz.pick(true);

  // mode="smart" straight in, too.
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="smart"></checkpoint-quiz>`));
  await quiz.ready();
  assert.equal(await quiz.heading('Choose how to study').count(), 0);
  assert.equal(await quiz.counter(), 'Question 1 of 4', 'the 4 questions never answered');
  assert.equal(await quiz.prompt(), basics.questions[1].prompt);
  await quiz.play([true]);

  // No mode attribute: the round in play (the smart review) resumes.
  await page.goto(env.servers.page(START));
  await quiz.ready();
  assert.equal(await quiz.heading('Choose how to study').count(), 0);
  assert.equal(await quiz.counter(), 'Question 2 of 4');
  assert.equal(await quiz.prompt(), basics.questions[2].prompt);
});

// --- Mock exams ---

test('a timed mock exam counts down, keeps its clock and answers over a reload, and submits itself at the deadline', async (t) => {
  const LIMIT = 6;
  const url = env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" mode="exam" time-limit="${LIMIT}" count="3" shuffle="false"></checkpoint-quiz>`);
  const { page, problems } = await open(t, null);
  const loaded = Date.now();
  await page.goto(url);
  let quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 1 of 3');
  const first = await quiz.timer();
  assert.ok(first.seconds <= LIMIT && first.seconds >= LIMIT - 3, `the clock starts near 0:0${LIMIT}: ${first.text}`);
  assert.equal(await quiz.button('Check').count(), 0, 'no Check in an exam');

  const { q, chosen } = await quiz.pick(true);
  assert.equal(await quiz.$('.cq-feedback').count(), 0, 'no feedback in an exam');
  assert.deepEqual(await events(page, 'quiz-answer'), [], 'nothing is told before the end');
  await eventually(async () => assert.ok((await quiz.timer()).seconds < first.seconds, 'the clock ticks'), { timeout: 2500 });

  const saved = (await stored(page, ROUND_KEY)).data;
  assert.equal(saved.mode, 'exam');
  assert.equal(typeof saved.deadline, 'number', 'the deadline is stored with the round');
  assert.ok(saved.deadline >= loaded + LIMIT * 1000 && saved.deadline <= Date.now() + LIMIT * 1000,
    `deadline ${saved.deadline} is ${LIMIT}s after the exam started`);
  assert.equal(saved.submitted, undefined);

  // Reload before the deadline: same question, same answer, the same clock still running.
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.ok(Date.now() < saved.deadline, 'fixture timing: the reload finished before the deadline');
  assert.equal(await quiz.counter(), 'Question 1 of 3');
  assert.equal(await quiz.prompt(), q.prompt);
  assert.deepEqual(await quiz.checkedValues(), chosen);
  assert.equal((await quiz.navLabels())[0], 'Question 1, answered');
  const resumed = await quiz.timer();
  assert.ok(resumed.seconds < first.seconds && resumed.seconds >= 0, `the clock did not restart: ${resumed.text}`);
  // Under a minute left: the clock turns to its warning style and says so once, in words.
  assert.equal(await quiz.$('p.cq-timer.is-low').count(), 1);
  assert.equal(await quiz.text('.cq-exam > .cq-feedback-area'), 'Less than a minute left. The exam is submitted automatically at 0:00.');
  assert.equal((await stored(page, ROUND_KEY)).data.deadline, saved.deadline, 'the deadline is kept');

  // The deadline passes: the exam hands itself in.
  await quiz.heading('Mock exam result').waitFor({ timeout: LIMIT * 1000 + 5000 });
  assert.ok(Date.now() >= saved.deadline, 'not before the deadline');
  assert.equal(await quiz.text('.cq-summary .cq-note'), 'Time ran out, so the exam was submitted automatically.');
  assert.equal(await quiz.text('.cq-score'), 'You scored 1 of 3 (33%).');
  assert.equal(await quiz.text('.cq-summary .cq-verdict'), '✗ Not passed: the pass mark is 70%.');
  assert.equal((await stored(page, ROUND_KEY)).data.submitted, saved.deadline, 'handed in at the deadline');
  // Handing in tells the host page each answer given, then the result.
  assert.deepEqual((await events(page, 'quiz-answer')).map((e) => e.detail), [{
    bankId: basics.id, questionId: q.id, chosen: chosen.map(Number), correct: true,
  }]);
  const complete = await events(page, 'quiz-complete');
  assert.deepEqual(complete.map((e) => e.detail), [{
    bankId: basics.id, score: 1, total: 3, mode: 'exam', percent: 33, passMark: 70, passed: false,
    topics: [{ topic: 'Greetings', score: 1, total: 2 }, { topic: 'Reports', score: 0, total: 1 }],
  }]);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 1, correct: 1, total: 5, rounds: 1, bestPercent: 33,
  }, 'the answered question joins the progress; the unanswered ones do not');

  // Another reload shows the result again, without announcing it twice.
  await page.reload();
  await quiz.heading('Mock exam result').waitFor();
  assert.equal(await quiz.text('.cq-score'), 'You scored 1 of 3 (33%).');
  await page.waitForTimeout(300);
  assert.deepEqual((await events(page)).map((e) => e.type), ['quiz-ready']);
  assert.deepEqual(problems, []);
});

test('a mock exam reopened after its deadline shows the result at once, scored at the deadline', async (t) => {
  const url = env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" mode="exam" time-limit="4" count="2" shuffle="false"></checkpoint-quiz>`);
  const { page } = await open(t, url);
  const quiz = await new Quiz(page, basics).ready();
  await quiz.pick(true);
  await quiz.button('Next').click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 2 of 2'));
  await quiz.pick(false);
  const { deadline } = (await stored(page, ROUND_KEY)).data;
  // Leave the page before the deadline, come back after it.
  await page.goto(env.servers.page('<p>Elsewhere on the site.</p>', { loader: false }));
  assert.ok(Date.now() < deadline, 'fixture timing: left before the deadline');
  const round = (await stored(page, ROUND_KEY)).data;
  assert.equal(round.submitted, undefined);
  assert.deepEqual(round.ans, [rightOf(basics.questions[0]), wrongOf(basics.questions[1])]);
  await page.waitForTimeout(Math.max(0, deadline - Date.now()) + 1500);
  await page.goto(url);
  await quiz.heading('Mock exam result').waitFor();
  assert.equal(await quiz.$('legend.cq-prompt').count(), 0);
  assert.equal(await quiz.text('.cq-summary .cq-note'), 'Time ran out, so the exam was submitted automatically.');
  assert.equal(await quiz.text('.cq-score'), 'You scored 1 of 2 (50%).');
  assert.equal((await stored(page, ROUND_KEY)).data.submitted, deadline, 'scored at the deadline, not at the reload');
  const [complete] = await events(page, 'quiz-complete');
  assert.deepEqual([complete.detail.mode, complete.detail.score, complete.detail.total, complete.detail.passed], ['exam', 1, 2, false]);
  const progress = (await stored(page, PROGRESS_KEY)).data;
  assert.equal(progress.r.length, 1);
  assert.deepEqual(progress.r[0].slice(1), ['exam', 1, 2]);
});

test('mock exam: navigator, flags, Previous/Next, the unanswered warning, pass or fail against pass-mark, score by topic', async (t) => {
  const { page, problems } = await open(t, env.servers.page(
    `<checkpoint-quiz bank="/fixtures/basics.json" mode="exam" shuffle="false" shuffle-choices="false" pass-mark="60%"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  const [q1, q2, , , q5] = basics.questions;
  const flag = quiz.host.getByRole('button', { name: /^(Flag for review|⚑ Flagged)$/ });
  const submit = quiz.host.locator('.cq-exam > .cq-actions > button.cq-primary');

  assert.equal(await quiz.counter(), 'Question 1 of 5', 'every question when the bank sets no exam size');
  assert.equal(await quiz.$('p.cq-timer').count(), 0, 'no clock without a time limit');
  assert.deepEqual(await quiz.navLabels(), [1, 2, 3, 4, 5].map((i) => `Question ${i}, not answered`));
  assert.equal(await quiz.navCurrent(), 0);
  assert.equal(await quiz.button('Previous').isDisabled(), true);
  assert.equal(await quiz.button('Next').isDisabled(), false);
  assert.equal(await flag.getAttribute('aria-pressed'), 'false');
  assert.equal(await submit.textContent(), 'Submit exam (5 unanswered)');

  // Q1 right and flagged.
  await quiz.pick(true);
  assert.equal(await submit.textContent(), 'Submit exam (4 unanswered)');
  await flag.click();
  await eventually(async () => assert.equal(await flag.getAttribute('aria-pressed'), 'true'));
  assert.equal(await flag.textContent(), '⚑ Flagged');
  assert.equal((await quiz.navLabels())[0], 'Question 1, answered, flagged');
  // Flag and unflag Q2 on the way.
  await quiz.button('Next').click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 2 of 5'));
  assert.equal(await quiz.prompt(), q2.prompt);
  assert.equal(await quiz.navCurrent(), 1);
  assert.equal(await flag.textContent(), 'Flag for review', 'flags are per question');
  await flag.click();
  await eventually(async () => assert.equal((await quiz.navLabels())[1], 'Question 2, not answered, flagged'));
  await flag.click();
  await eventually(async () => assert.equal((await quiz.navLabels())[1], 'Question 2, not answered'));
  const q2wrong = (await quiz.pick(false)).chosen;

  // Jump to Q5 (select all): Next is disabled on the last question.
  await quiz.navigator.nth(4).click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 5 of 5'));
  assert.equal(await quiz.prompt(), q5.prompt);
  assert.equal(await quiz.navCurrent(), 4);
  assert.equal(await quiz.button('Next').isDisabled(), true);
  assert.equal(await quiz.$('input[type=checkbox]').count(), q5.choices.length);
  await quiz.pick(true);
  await quiz.button('Previous').click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 4 of 5'));
  assert.deepEqual(await quiz.checkedValues(), [], 'nothing chosen on an unanswered question');

  // Back to Q1: the answer and the flag are still there.
  await quiz.navigator.nth(0).click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 1 of 5'));
  assert.deepEqual(await quiz.checkedValues(), rightOf(q1));
  assert.equal(await flag.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await quiz.navLabels(), [
    'Question 1, answered, flagged', 'Question 2, answered', 'Question 3, not answered', 'Question 4, not answered', 'Question 5, answered',
  ]);

  // Menu leaves the exam in play; the start screen offers to continue it where it was.
  await quiz.button('Menu').click();
  await quiz.startScreen();
  const resume = quiz.host.getByRole('button', { name: /^Continue your/ });
  assert.equal(await resume.textContent(), 'Continue your mock exam (question 1 of 5)');
  await resume.click();
  await quiz.ready();
  assert.equal(await quiz.navCurrent(), 0);
  assert.deepEqual(await quiz.checkedValues(), rightOf(q1));

  // Submit: the confirm box warns about the 2 unanswered questions; Keep working goes back.
  assert.equal(await submit.textContent(), 'Submit exam (2 unanswered)');
  await quiz.askSubmit();
  const dialog = quiz.host.getByRole('alertdialog', { name: 'Submit the exam?' });
  assert.equal(await dialog.count(), 1);
  assert.equal(await dialog.locator('p').textContent(),
    "You have 2 unanswered questions. Unanswered questions count as wrong. You can't change answers after submitting.");
  assert.equal((await focused(page)).text, 'Submit the exam?', 'focus moves into the confirm box');
  await dialog.getByRole('button', { name: 'Keep working', exact: true }).click();
  await eventually(async () => assert.equal(await dialog.count(), 0));
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.deepEqual(await events(page, 'quiz-complete'), []);
  await quiz.askSubmit();
  await dialog.getByRole('button', { name: 'Submit exam', exact: true }).click();

  // The result.
  await quiz.heading('Mock exam result').waitFor();
  assert.equal(await quiz.$('.cq-summary .cq-note').filter({ hasText: 'Time ran out' }).count(), 0, 'submitted by hand');
  assert.equal(await quiz.text('.cq-score'), 'You scored 2 of 5 (40%).');
  assert.equal(await quiz.text('.cq-summary .cq-verdict'), '✗ Not passed: the pass mark is 60%.');
  assert.equal(await quiz.text('table.cq-topics caption'), 'Score by topic');
  assert.deepEqual(await topicRows(quiz), [
    ['Greetings', '1 of 2', '50%'], ['Reports', '0 of 2', '0%'], ['Patrol', '1 of 1', '100%'],
  ]);
  assert.equal(await quiz.heading('Every question').count(), 1);
  const items = quiz.$('.cq-missed');
  assert.equal(await items.count(), 5);
  const item = async (i) => (await items.nth(i).innerText()).replace(/\s+/g, ' ');
  assert.ok((await item(0)).includes(`${q1.prompt} ✓ Right. Your answer: ${LETTERS[q1.answer]}. ${q1.choices[q1.answer]} (flagged)`), await item(0));
  assert.ok(!(await item(0)).includes('Right answer:'), 'no correction for a right answer');
  const w = q2wrong[0];
  assert.ok((await item(1)).includes(`✗ Wrong. Your answer: ${LETTERS[w]}. ${q2.choices[w]}`), await item(1));
  assert.ok((await item(1)).includes(`Right answer: ${LETTERS[q2.answer]}. ${q2.choices[q2.answer]}`), await item(1));
  assert.ok((await item(1)).includes(q2.explanation));
  assert.ok((await item(2)).includes('Your answer: not answered'), await item(2));
  assert.ok((await item(4)).includes('Right. Your answer: A. Varying your route; B. Checking doors and locks'), await item(4));
  assert.deepEqual((await events(page, 'quiz-complete')).map((e) => e.detail), [{
    bankId: basics.id, score: 2, total: 5, mode: 'exam', percent: 40, passMark: 60, passed: false,
    topics: [{ topic: 'Greetings', score: 1, total: 2 }, { topic: 'Reports', score: 0, total: 2 }, { topic: 'Patrol', score: 1, total: 1 }],
  }]);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 3, correct: 2, total: 5, rounds: 1, bestPercent: 40,
  });
  assert.deepEqual(await quiz.$('.cq-actions button').allTextContents(), ['New mock exam', 'Back to start']);
  // Nothing can be changed after submitting.
  assert.equal(await quiz.$('input').count(), 0);

  // A new exam, exactly at the pass mark: 3 of 5 = 60% passes; nothing unanswered.
  await quiz.button('New mock exam').click();
  await quiz.ready();
  assert.deepEqual(await quiz.navLabels(), [1, 2, 3, 4, 5].map((i) => `Question ${i}, not answered`));
  for (const [i, right] of [true, false, true, false, true].entries()) {
    await quiz.navigator.nth(i).click();
    await eventually(async () => assert.equal(await quiz.counter(), `Question ${i + 1} of 5`));
    await quiz.pick(right);
  }
  assert.equal(await submit.textContent(), 'Submit exam');
  await quiz.askSubmit();
  assert.equal(await dialog.locator('p').textContent(), "You can't change answers after submitting.");
  await dialog.getByRole('button', { name: 'Submit exam', exact: true }).click();
  await eventually(async () => assert.equal(await quiz.text('.cq-score'), 'You scored 3 of 5 (60%).'));
  assert.equal(await quiz.text('.cq-summary .cq-verdict'), '✓ Passed: the pass mark is 60%.');
  const [, second] = await events(page, 'quiz-complete');
  assert.deepEqual([second.detail.percent, second.detail.passMark, second.detail.passed], [60, 60, true]);
  await quiz.button('Back to start').click();
  await quiz.startScreen();
  assert.deepEqual(problems, []);
});

test("mock exam settings: the bank's examQuestions, timeLimit and passMark, and the attributes that override them", async (t) => {
  const { page } = await open(t, env.servers.page(`
    <checkpoint-quiz id="bank" bank="/fixtures/modes.json"></checkpoint-quiz>
    <checkpoint-quiz id="exam" bank="/fixtures/modes.json" mode="exam"></checkpoint-quiz>
    <checkpoint-quiz id="attrs" bank="/fixtures/modes.json" count="2" time-limit="90" pass-mark="50%"></checkpoint-quiz>
    <checkpoint-quiz id="all" bank="/fixtures/modes.json" mode="exam" count="all"></checkpoint-quiz>`));
  const fromBank = await new Quiz(page, modes, '#bank').startScreen();
  assert.equal(await fromBank.text('.cq-description'), modes.description);
  assert.equal(await fromBank.modeNote('Mock exam'), '4 questions, 10 minutes time limit, pass mark 60%');
  assert.equal(await fromBank.modeNote('Practice'), '6 questions with feedback after each');

  const exam = await new Quiz(page, modes, '#exam').ready();
  assert.equal(await exam.counter(), 'Question 1 of 4', "the bank's examQuestions");
  assert.equal(await exam.navigator.count(), 4);
  const clock = await exam.timer();
  assert.ok(clock.seconds <= 600 && clock.seconds >= 595, `the bank's time limit: ${clock.text}`);
  assert.match(clock.text, /^(10:00|9:5\d)$/);

  const attrs = await new Quiz(page, modes, '#attrs').startScreen();
  assert.equal(await attrs.modeNote('Mock exam'), '2 questions, 1 minute 30 seconds time limit, pass mark 50%');
  assert.equal(await attrs.modeNote('Practice'), '2 questions with feedback after each');
  await attrs.begin('Mock exam');
  assert.equal(await attrs.counter(), 'Question 1 of 2');
  const short = await attrs.timer();
  assert.ok(short.seconds <= 90 && short.seconds >= 85, short.text);
  await attrs.pick(true);
  await attrs.askSubmit();
  await attrs.host.getByRole('alertdialog').getByRole('button', { name: 'Submit exam', exact: true }).click();
  await eventually(async () => assert.equal(await attrs.text('.cq-score'), 'You scored 1 of 2 (50%).'));
  assert.equal(await attrs.text('.cq-summary .cq-verdict'), '✓ Passed: the pass mark is 50%.');

  const all = await new Quiz(page, modes, '#all').ready();
  assert.equal(await all.counter(), `Question 1 of ${modes.questions.length}`, 'count="all"');
});

// --- Review missed and smart review ---

test('review missed asks only the questions last answered wrong, and repeats a miss until it is right', async (t) => {
  const { page, problems } = await open(t, env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  const [q1, , q3] = basics.questions;
  await quiz.begin('Practice');
  await quiz.play([false, true, false, true, true]); // q1 and q3 wrong
  await quiz.button('Back to start').click();
  await quiz.startScreen();
  assert.equal(await quiz.modeNote('Review missed'), '2 to answer right once more');

  await quiz.begin('Review missed');
  assert.equal(await quiz.counter(), 'Question 1 of 2', 'only the two missed questions');
  assert.equal(await quiz.prompt(), q1.prompt);
  assert.equal(await quiz.$('.cq-hint').count(), 0);
  await quiz.answer(false); // missed again
  assert.match(await quiz.text('.cq-verdict'), /Not quite\./);
  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 2 of 3', 'the miss is queued again at the end');
  assert.equal(await quiz.prompt(), q3.prompt);
  await quiz.answer(true);
  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 3 of 3');
  assert.equal(await quiz.prompt(), q1.prompt);
  assert.equal(await quiz.text('.cq-hint'), 'You missed this one earlier in this review.');
  await quiz.answer(true);
  assert.equal(await quiz.text('.cq-actions button'), 'See results');
  await quiz.next();

  assert.equal(await quiz.text('.cq-summary h3'), 'Review complete');
  assert.equal(await quiz.text('.cq-score'), 'You answered 1 of 2 right at the first try, and every one right in the end.');
  assert.equal(await quiz.heading('Missed at the first try').count(), 1);
  assert.deepEqual(await quiz.$('.cq-missed-prompt').allTextContents(), [q1.prompt]);
  assert.deepEqual(await quiz.$('.cq-actions button').allTextContents(), ['Back to start']);
  assert.deepEqual((await events(page, 'quiz-answer')).slice(5).map((e) => [e.detail.questionId, e.detail.correct]),
    [['q1', false], ['q3', true], ['q1', true]]);
  const [, review] = await events(page, 'quiz-complete');
  assert.deepEqual([review.detail.mode, review.detail.score, review.detail.total], ['review', 1, 2]);

  await quiz.button('Back to start').click();
  await quiz.startScreen();
  assert.equal(await quiz.mode('Review missed').isDisabled(), true, 'nothing left to review');
  assert.equal(await quiz.modeNote('Review missed'), 'No missed questions');
  // 8 answers in all, 5 of them right.
  assert.deepEqual(await quiz.figures(), { Answered: '5 of 5', Accuracy: '62%', 'Due for review': '0' });
  assert.deepEqual(problems, []);
});

test('smart review on a fresh profile asks the unseen questions', async (t) => {
  const { page } = await open(t, env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  assert.equal(await quiz.modeNote('Smart review'), 'Nothing due: new questions');
  await quiz.begin('Smart review');
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  const asked = await quiz.play([true, false, true, true, false]);
  assert.deepEqual(asked.map((a) => a.q.id), basics.questions.map((q) => q.id), 'every question, once, in bank order');
  assert.equal(await quiz.text('.cq-summary h3'), 'Smart review complete');
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 5 right (60%).');
  assert.deepEqual(await quiz.$('.cq-actions button').allTextContents(), ['Back to start']);
  const [complete] = await events(page, 'quiz-complete');
  assert.equal(complete.detail.mode, 'smart');
});

test('smart review asks the questions due for review first, then unseen ones, and skips those not due', async (t) => {
  // q1 answered wrong and q2 answered right and easily, both two days ago (a version 2 value).
  const at = Date.now() - 2 * 86_400_000;
  const { page } = await open(t, env.servers.page('<p>Seeding.</p>', { loader: false }));
  await seed(page, { [PROGRESS_KEY]: JSON.stringify({ v: 2, saved: at, data: { t0: at, r: [], q: { q1: [0], q2: [3] } } }) });
  await page.goto(env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  assert.deepEqual(await quiz.figures(), { Answered: '2 of 5', Accuracy: '50%', 'Due for review': '1' });
  assert.equal(await quiz.modeNote('Smart review'), '1 due now');
  assert.equal(await quiz.modeNote('Review missed'), '1 to answer right once more');
  await quiz.begin('Smart review');
  assert.equal(await quiz.counter(), 'Question 1 of 4');
  const asked = await quiz.play([true, true, true, true]);
  assert.deepEqual(asked.map((a) => a.q.id), ['q1', 'q3', 'q4', 'q5'], 'due q1 first, then the unseen; q2 is not due');
  assert.equal(await quiz.text('.cq-summary h3'), 'Smart review complete');
});

test('the start screen follows the clock: a question that falls due is counted without a reload', async (t) => {
  // Every question answered; q1 wrong 50 s ago, so the memory model makes it due 10 s from
  // now (saved times keep whole seconds, and a slow page load must not reach the due time).
  const at = Date.now() - 50_000;
  const { page } = await open(t, env.servers.page('<p>Seeding.</p>', { loader: false }));
  await seed(page, { [PROGRESS_KEY]: JSON.stringify({ v: 2, saved: at, data: { t0: at, r: [], q: { q1: [0], q2: [3], q3: [3], q4: [3], q5: [3] } } }) });
  await page.goto(env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  assert.equal((await quiz.figures())['Due for review'], '0');
  assert.equal(await quiz.mode('Smart review').isDisabled(), true, 'nothing due yet, nothing unseen');
  await page.waitForTimeout(Math.max(0, at + 61_000 - Date.now()));
  // Going to another screen and back is the least a learner would do.
  await quiz.button('Your progress').click();
  await quiz.button('Back').click();
  await quiz.startScreen();
  await eventually(async () => assert.equal((await quiz.figures())['Due for review'], '1'), { timeout: 2000 });
  assert.equal(await quiz.mode('Smart review').isDisabled(), false);
});

// --- The dashboard ---

test('the progress dashboard: readiness, score history with a text table, mastery by topic, practising a weak topic', async (t) => {
  const { page, problems } = await open(t, env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assert.equal(await quiz.text('.cq-readiness'), 'Estimated readiness: 0% (pass mark 70%).');
  assert.match(await quiz.text('.cq-dashboard'), /No rounds finished yet\./);
  assert.equal(await quiz.$('svg.cq-chart').count(), 0);
  await quiz.button('Back').click();
  await quiz.startScreen();

  // A practice round (q3, q4 wrong: Reports 0 of 2) and a mock exam.
  await quiz.begin('Practice');
  await quiz.play([true, true, false, false, true]);
  await quiz.button('Back to start').click();
  await quiz.begin('Mock exam');
  for (let i = 0; i < 5; i++) {
    await quiz.navigator.nth(i).click();
    await eventually(async () => assert.equal(await quiz.counter(), `Question ${i + 1} of 5`));
    await quiz.pick(i !== 3); // q4 wrong again, q3 right now
  }
  await quiz.askSubmit();
  await quiz.host.getByRole('alertdialog').getByRole('button', { name: 'Submit exam', exact: true }).click();
  await quiz.heading('Mock exam result').waitFor();
  await quiz.button('Back to start').click();
  await quiz.startScreen();
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assert.equal((await focused(page)).text, 'Your progress', 'focus moves to the heading');

  // Readiness: 4 of 5 questions last answered right, just now.
  assert.equal(await quiz.text('.cq-readiness'), 'Estimated readiness: 80% (pass mark 70%).');
  assert.match(await quiz.text('.cq-dashboard'), /estimate/);
  assert.equal(await quiz.heading('Score history').count(), 1);
  const chart = quiz.$('svg.cq-chart');
  assert.equal(await chart.getAttribute('aria-hidden'), 'true', 'the chart is hidden from screen readers');
  assert.equal(await chart.locator('circle').count(), 2, 'one point per round');
  const table = quiz.$('table.cq-sr-only');
  assert.equal(await table.locator('caption').textContent(), 'Your last 2 rounds, oldest first');
  assert.deepEqual(await table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent))), [
    ['Round', 'Mode', 'Score'], ['1', 'Practice', '60%'], ['2', 'Mock exam', '80%'],
  ]);
  const hidden = await table.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return { rect: [r.width, r.height], position: s.position, clipPath: s.clipPath, clip: s.clip };
  });
  // Tables ignore width: 1px, so the clip is what hides it.
  assert.equal(hidden.position, 'absolute', 'the table is visually hidden');
  assert.equal(hidden.clipPath, 'inset(50%)', 'the table is visually hidden');
  assert.equal(await quiz.heading('Mastery by topic').count(), 1);
  assert.deepEqual(await quiz.$('section[aria-labelledby="cq-mastery"] .cq-bar').evaluateAll((bars) => bars.map((b) => b.innerText.replace(/\s+/g, ' ').trim())),
    ['Greetings 100% (2 of 2)', 'Reports 50% (1 of 2)', 'Patrol 100% (1 of 1)']);
  assert.equal(await quiz.heading('Weakest topics').count(), 1);
  const practise = quiz.host.getByRole('button', { name: /^Practise / });
  assert.deepEqual(await practise.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))), ['Practise Reports'],
    'only topics not yet mastered');

  // Practise the weak topic: a practice round of its questions only.
  await quiz.host.getByRole('button', { name: 'Practise Reports', exact: true }).click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 2');
  const asked = await quiz.play([true, true]);
  assert.deepEqual(asked.map((a) => a.q.topic), ['Reports', 'Reports']);
  assert.equal(await quiz.text('.cq-score'), 'You got 2 of 2 right (100%).');
  // New round keeps the topic.
  await quiz.button('New round').click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 2');
  assert.equal((await quiz.question()).topic, 'Reports');
  await quiz.button('Menu').click();
  await quiz.startScreen();
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assert.equal(await quiz.heading('Weakest topics').count(), 0, 'every topic mastered');
  assert.equal(await quiz.text('.cq-readiness'), 'Estimated readiness: 100% (pass mark 70%).');
  await quiz.button('Back').click();
  await quiz.startScreen();
  assert.deepEqual(problems, []);
});
