// Embedding the widget, the start screen, answering, feedback, the summary, events, the
// progress property, the keyboard, and elements that come and go like in a single-page app.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  useBrowser, events, eventually, fixture, focused, generatedBank, LETTERS, Quiz, rightOf, wrongOf,
} from './helpers.mjs';

const basics = fixture('basics.json');
const second = fixture('second.json');
const modes = fixture('modes.json');
// Straight into a practice round (no start screen), in the bank's order.
const BASICS = `<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`;
const BANK_ORDER = BASICS.replace('<checkpoint-quiz ', '<checkpoint-quiz shuffle-choices="false" ');

const env = useBrowser();
const open = env.open;

test('a bare <checkpoint-quiz> loads the default bank next to the loader, shows the start screen, and practises 10 questions', async (t) => {
  const { page, problems } = await open(t, null);
  // The default bank's content is not ours to rely on: serve a known bank at its address.
  const defaultUrl = `${env.servers.distOrigin}/questions/security-customer-service.json`;
  const bank = generatedBank('e2e-default', 12);
  let asked = 0;
  await page.context().route(defaultUrl, (route) => {
    asked++;
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify(bank),
    });
  });
  await page.goto(env.servers.page('<checkpoint-quiz></checkpoint-quiz>'));
  const quiz = await new Quiz(page, bank).startScreen();
  assert.equal(asked, 1, 'the default bank is fetched from the folder the loader came from');
  assert.equal(await quiz.text('.cq-title'), 'Generated e2e-default');
  assert.equal(await quiz.$('legend.cq-prompt').count(), 0, 'no question before a mode is chosen');
  assert.equal(await quiz.modeNote('Practice'), '10 questions with feedback after each');
  await quiz.begin('Practice');
  assert.equal(await quiz.counter(), 'Question 1 of 10');
  await quiz.question(); // the prompt is one of the bank's
  assert.deepEqual(problems, []);
});

test('a relative bank URL is resolved against the host page, not the loader', async (t) => {
  const url = env.servers.page(`<checkpoint-quiz bank="../../fixtures/second.json"></checkpoint-quiz>`, { path: '/guides/week-1/page.html' });
  const { page, problems } = await open(t, url);
  const quiz = await new Quiz(page, second).startScreen();
  assert.equal(await quiz.text('.cq-title'), second.title);
  assert.ok(env.servers.requests.some((r) => r.server === 'host' && r.path === '/fixtures/second.json'));
  assert.deepEqual(problems, []);
});

test('seed fixes the question order; shuffle="false" keeps the bank order', async (t) => {
  const bank = generatedBank('e2e-order', 12);
  env.servers.route('/generated/order.json', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(bank));
  });
  const order = async (attrs) => {
    // A fresh context each time: nothing saved, so the order comes from the attributes alone.
    const { page } = await open(t, env.servers.page(`<checkpoint-quiz bank="/generated/order.json" mode="practice" count="5" ${attrs}></checkpoint-quiz>`));
    const quiz = await new Quiz(page, bank).ready();
    return (await quiz.play([true, true, true, true, true])).map((a) => a.q.id);
  };
  const seeded = await order('seed="42"');
  assert.deepEqual(await order('seed="42"'), seeded, 'the same seed gives the same order');
  assert.notDeepEqual(seeded, ['g1', 'g2', 'g3', 'g4', 'g5'], 'a seeded round is shuffled');
  assert.deepEqual(await order('shuffle="false"'), ['g1', 'g2', 'g3', 'g4', 'g5']);
});

test('a round: choose, check, feedback in words, next, and a summary of missed questions', async (t) => {
  const { page, problems } = await open(t, env.servers.page(BASICS));
  const quiz = await new Quiz(page, basics).ready();
  const [q1, q2, q3, q4, q5] = basics.questions;

  assert.equal(await quiz.text('.cq-title'), 'E2E basics');
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.equal(await quiz.prompt(), q1.prompt);
  assert.equal((await focused(page)).tag, 'body', 'the widget does not take focus on its own');
  assert.equal(await quiz.$('input[type=radio]').count(), q1.choices.length);
  const order = await quiz.order();
  assert.deepEqual(await quiz.$('label.cq-choice .cq-choice-text').allTextContents(), order.map((i) => q1.choices[i]), 'each choice shown once, beside its own input');
  assert.deepEqual([...order].sort(), q1.choices.map((_, i) => i));
  assert.equal(await quiz.$('.cq-hint').count(), 0, 'no "select all" hint on a one-answer question');
  assert.equal(await quiz.text('button.cq-link'), 'Menu', 'a way back to the start screen');

  // Q1 wrong.
  const wrong = wrongOf(q1)[0];
  const q1Order = order; // the summary letters the choices as they were shown
  await quiz.choose([wrong]);
  assert.deepEqual(await quiz.checkedValues(), [wrong]);
  await quiz.check();
  const area = quiz.$('.cq-feedback-area');
  assert.equal(await area.getAttribute('role'), 'status');
  assert.match(await quiz.text('.cq-verdict'), /^✗\s*Not quite\.$/);
  assert.equal(await quiz.text('.cq-right-answer'), `The right answer: ${await quiz.letterOf(q1.answer)}. ${q1.choices[q1.answer]}`);
  assert.equal(await quiz.text('.cq-feedback-area .cq-explanation'), q1.explanation);
  for (let i = 0; i < q1.choices.length; i++) {
    assert.equal(await quiz.inputs.nth(i).isDisabled(), true, `choice ${i} is disabled after Check`);
  }
  assert.match(await quiz.choice(q1.answer).textContent(), /✓ Correct answer/);
  assert.match(await quiz.choice(wrong).textContent(), /✗ Your answer: incorrect/);
  for (let i = 0; i < q1.choices.length; i++) {
    if (i !== q1.answer && i !== wrong) assert.doesNotMatch(await quiz.choice(i).textContent(), /[✓✗]/);
  }
  assert.equal(await quiz.button('Check').count(), 0);
  const onNext = await focused(page);
  assert.deepEqual([onNext.host, onNext.tag, onNext.text], ['checkpoint-quiz', 'button', 'Next question'], 'focus moves to Next');
  // Choosing after Check changes nothing.
  await quiz.choice(q1.answer).click({ force: true });
  assert.deepEqual(await quiz.checkedValues(), [wrong]);

  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 2 of 5');
  assert.equal(await quiz.prompt(), q2.prompt);
  const f = await focused(page);
  assert.equal(f.tag, 'legend', 'focus moves to the new question');
  assert.equal(f.text, q2.prompt);
  assert.deepEqual(await quiz.checkedValues(), [], 'nothing is chosen on a new question');
  assert.equal(await quiz.$('.cq-feedback').count(), 0);

  // Q2 right.
  await quiz.answer(true);
  assert.match(await quiz.text('.cq-verdict'), /^✓\s*Correct\.$/);
  assert.equal(await quiz.$('.cq-right-answer').count(), 0);
  assert.equal(await quiz.text('.cq-feedback-area .cq-explanation'), q2.explanation);
  assert.match(await quiz.choice(q2.answer).textContent(), /✓ Your answer: correct/);
  await quiz.next();

  // Q3 right, Q4 wrong.
  assert.equal(await quiz.prompt(), q3.prompt);
  await quiz.answer(true);
  await quiz.next();
  assert.equal(await quiz.prompt(), q4.prompt);
  const q4Order = await quiz.order();
  const q4wrong = (await quiz.answer(false)).chosen;
  await quiz.next();

  // Q5: select all that apply, answered right; the last question offers "See results".
  assert.equal(await quiz.counter(), 'Question 5 of 5');
  assert.equal(await quiz.prompt(), q5.prompt);
  assert.match(q5.prompt, /select all that apply/, 'fixture: the prompt says it already');
  assert.equal(await quiz.$('.cq-hint').count(), 0, 'no hint repeating what the prompt says');
  assert.equal(await quiz.$('input[type=checkbox]').count(), q5.choices.length);
  assert.equal(await quiz.$('input[type=radio]').count(), 0);
  await quiz.answer(true);
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
  assert.equal((await focused(page)).text, 'See results');
  await quiz.next();

  // Summary.
  assert.equal(await quiz.text('.cq-summary h3'), 'Round complete');
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 5 right (60%).');
  assert.match(await quiz.text('.cq-summary'), /Your best round: 60%\./);
  assert.equal(await quiz.host.getByRole('heading', { name: 'Questions to review' }).count(), 1);
  const missed = quiz.$('.cq-missed');
  assert.equal(await missed.count(), 2);
  const m1 = await missed.nth(0).innerText();
  assert.match(m1, new RegExp(escape(q1.prompt)));
  assert.match(m1, new RegExp(`Your answer: ${LETTERS[q1Order.indexOf(wrong)]}\\. ${escape(q1.choices[wrong])}`));
  assert.match(m1, new RegExp(`Right answer: ${LETTERS[q1Order.indexOf(q1.answer)]}\\. ${escape(q1.choices[q1.answer])}`));
  assert.match(m1, new RegExp(escape(q1.explanation)));
  const m2 = await missed.nth(1).innerText();
  assert.match(m2, new RegExp(escape(q4.prompt)));
  assert.match(m2, new RegExp(`Your answer: ${LETTERS[q4Order.indexOf(q4wrong[0])]}\\. ${escape(q4.choices[q4wrong[0]])}`));
  assert.match(m2, new RegExp(`Right answer: ${LETTERS[q4Order.indexOf(q4.answer)]}\\. ${escape(q4.choices[q4.answer])}`));
  assert.match(m2, new RegExp(escape(q4.explanation)));
  assert.deepEqual(await quiz.$('.cq-actions button').allTextContents(), ['New round', 'Try again', 'Back to start']);
  assert.deepEqual(problems, []);
});

test('the "Select all that apply." hint shows when the prompt does not say so, in practice and in exams', async (t) => {
  const multi = modes.questions.find((q) => Array.isArray(q.answer));
  assert.doesNotMatch(multi.prompt, /select all/i, 'fixture: the prompt does not say it');
  const at = modes.questions.indexOf(multi);
  const { page } = await open(t, env.servers.page(`
    <checkpoint-quiz id="p" bank="/fixtures/modes.json" mode="practice" shuffle="false"></checkpoint-quiz>
    <checkpoint-quiz id="e" bank="/fixtures/modes.json" mode="exam" shuffle="false"></checkpoint-quiz>`));
  const practice = await new Quiz(page, modes, '#p').ready();
  const exam = await new Quiz(page, modes, '#e').ready();
  assert.equal(await practice.$('.cq-hint').count(), 0, 'not on a one-answer question');
  await practice.play(Array(at).fill(true));
  assert.equal(await practice.prompt(), multi.prompt);
  assert.equal(await practice.text('.cq-hint'), 'Select all that apply.');
  assert.equal(await practice.$('input[type=checkbox]').count(), multi.choices.length);
  await exam.navigator.nth(at).click();
  await eventually(async () => assert.equal(await exam.prompt(), multi.prompt));
  assert.equal(await exam.text('.cq-hint'), 'Select all that apply.');
});

test('Check with nothing chosen asks for an answer and does nothing else', async (t) => {
  const { page } = await open(t, env.servers.page(BASICS));
  const quiz = await new Quiz(page, basics).ready();
  await quiz.button('Check').click();
  await eventually(async () =>
    assert.equal(await quiz.text('.cq-feedback-area'), 'Choose an answer, then press Check.'));
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.equal(await quiz.$('.cq-feedback').count(), 0, 'no verdict');
  assert.equal(await quiz.button('Check').count(), 1, 'still asking');
  assert.equal(await quiz.inputs.first().isDisabled(), false);
  assert.deepEqual(await events(page, 'quiz-answer'), []);
  assert.equal((await quiz.progress()).answered, 0);
  // Choosing clears the reminder; Check then works.
  await quiz.choose([0]);
  await eventually(async () => assert.equal(await quiz.text('.cq-feedback-area'), ''));
  await quiz.check();
  assert.equal((await events(page, 'quiz-answer')).length, 1);
});

test('a select-all question is right only with every right choice, and lists them all when wrong', async (t) => {
  const { page } = await open(t, env.servers.page(BASICS));
  const quiz = await new Quiz(page, basics).ready();
  const multi = basics.questions.findIndex((q) => Array.isArray(q.answer));
  await quiz.play(Array(multi).fill(true));
  const q = await quiz.question();
  assert.ok(Array.isArray(q.answer));
  const right = rightOf(q);
  // Tick everything right plus one wrong, then untick the wrong one: ticking toggles.
  const extra = q.choices.findIndex((_, i) => !right.includes(i));
  await quiz.choose([...right, extra]);
  assert.deepEqual(await quiz.checkedValues(), [...right, extra].sort());
  await quiz.choose([extra, right[1]]);
  assert.deepEqual(await quiz.checkedValues(), [right[0]], 'unticking works');
  await quiz.check();
  assert.match(await quiz.text('.cq-verdict'), /Not quite\./);
  const line = await quiz.text('.cq-right-answer');
  for (const i of right) assert.ok(line.includes(`${await quiz.letterOf(i)}. ${q.choices[i]}`), `${line} names choice ${i}`);
  assert.match(await quiz.choice(right[0]).textContent(), /✓ Your answer: correct/);
  assert.match(await quiz.choice(right[1]).textContent(), /✓ Correct answer/);
  const [answer] = (await events(page, 'quiz-answer')).slice(-1);
  assert.deepEqual(answer.detail, { bankId: basics.id, questionId: q.id, chosen: [right[0]], correct: false });
});

test('Try again asks the same questions with answers cleared; New round starts another round', async (t) => {
  const { page } = await open(t, env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" mode="practice" seed="7" count="3"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  const first = await quiz.play([false, true, false]);
  assert.equal(await quiz.text('.cq-score'), 'You got 1 of 3 right (33%).');
  assert.equal(await quiz.$('.cq-missed').count(), 2);

  await quiz.button('Try again').click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 3');
  assert.deepEqual(await quiz.checkedValues(), []);
  assert.equal(await quiz.inputs.first().isDisabled(), false);
  assert.equal(await quiz.$('.cq-feedback').count(), 0);
  const again = await quiz.play([true, true, true]);
  assert.deepEqual(again.map((a) => a.q.id), first.map((a) => a.q.id), 'same questions, same order');
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 3 right (100%).');
  assert.match(await quiz.text('.cq-summary'), /Your best round: 100%\./);
  assert.match(await quiz.text('.cq-summary'), /No missed questions/);
  assert.equal(await quiz.$('.cq-missed').count(), 0);

  await quiz.button('New round').click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 3');
  assert.deepEqual(await quiz.checkedValues(), []);
  assert.equal(await quiz.$('.cq-feedback').count(), 0);
  await quiz.play([true, true, true]);
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 3 right (100%).');
  assert.equal((await quiz.progress()).rounds, 3);
});

test('events quiz-ready, quiz-answer and quiz-complete reach document from the element', async (t) => {
  const { page } = await open(t, env.servers.page(`<checkpoint-quiz id="quiz" bank="/fixtures/second.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, second).ready();
  await eventually(async () => assert.equal((await events(page, 'quiz-ready')).length, 1));
  const [ready] = await events(page, 'quiz-ready');
  assert.deepEqual(ready, {
    type: 'quiz-ready', target: 'quiz', bubbles: true, composed: true,
    detail: { bankId: second.id, title: second.title, questions: second.questions.length },
  });

  const asked = await quiz.play([true, false, true]);
  const answers = await events(page, 'quiz-answer');
  assert.equal(answers.length, 3);
  answers.forEach((e, i) => {
    assert.equal(e.target, 'quiz');
    assert.equal(e.bubbles, true);
    assert.equal(e.composed, true);
    assert.deepEqual(e.detail, {
      bankId: second.id, questionId: asked[i].q.id, chosen: asked[i].chosen, correct: i !== 1,
    });
  });
  const complete = await events(page, 'quiz-complete');
  assert.deepEqual(complete, [{
    type: 'quiz-complete', target: 'quiz', bubbles: true, composed: true,
    detail: {
      bankId: second.id, score: 2, total: 3, mode: 'practice', percent: 66,
      // A bank without topics is one topic, "General".
      topics: [{ topic: 'General', score: 2, total: 3 }],
    },
  }]);
  // The order a host page sees: ready, the answers, then complete.
  assert.deepEqual((await events(page)).map((e) => e.type),
    ['quiz-ready', 'quiz-answer', 'quiz-answer', 'quiz-answer', 'quiz-complete']);

  // Try again is a new round: more answers and a second quiz-complete, but no second quiz-ready.
  await quiz.button('Try again').click();
  await quiz.ready();
  await quiz.play([true, true, true]);
  const types = (await events(page)).map((e) => e.type);
  assert.equal(types.filter((x) => x === 'quiz-ready').length, 1, 'quiz-ready fires once per mount');
  assert.deepEqual((await events(page, 'quiz-complete')).map((e) => [e.detail.score, e.detail.percent]), [[2, 66], [3, 100]]);
});

test('el.progress is null before the bank loads, then counts distinct questions across rounds', async (t) => {
  let release;
  const held = new Promise((r) => (release = r));
  env.servers.route('/held/basics.json', async (req, res) => {
    await held;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(basics));
  });
  const { page } = await open(t, env.servers.page(`<checkpoint-quiz bank="/held/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  const before = await page.evaluate(async () => {
    await customElements.whenDefined('checkpoint-quiz');
    await new Promise((r) => setTimeout(r, 300)); // the wasm has time to start; the bank is held
    return document.querySelector('checkpoint-quiz').progress;
  });
  assert.equal(before, null);
  release();
  const quiz = await new Quiz(page, basics).ready();
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 0, correct: 0, total: 5, rounds: 0, bestPercent: null,
  });

  await quiz.answer(false);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 1, correct: 0, total: 5, rounds: 0, bestPercent: null,
  });
  await quiz.next();
  await quiz.answer(true);
  assert.equal((await quiz.progress()).correct, 1);
  await quiz.next();
  await quiz.play([true, true, false]);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 3, total: 5, rounds: 1, bestPercent: 60,
  });

  // Again: the same questions count once; "correct" follows the latest answer.
  await quiz.button('Try again').click();
  await quiz.ready();
  await quiz.answer(true); // q1, wrong last time
  await quiz.next();
  await quiz.answer(false); // q2, right last time
  await quiz.next();
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 3, total: 5, rounds: 1, bestPercent: 60,
  });
  await quiz.play([true, true, true]);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 4, total: 5, rounds: 2, bestPercent: 80,
  });
});

test('el.progress is already set when quiz-ready fires, on the start screen and in a round', async (t) => {
  const { page } = await open(t, null, {
    init: [() => {
      window.__progressAtReady = [];
      document.addEventListener('quiz-ready', (e) => {
        window.__progressAtReady.push(e.target.progress);
      });
    }],
  });
  const fresh = { bankId: basics.id, answered: 0, correct: 0, total: 5, rounds: 0, bestPercent: null };
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).startScreen();
  await eventually(async () => assert.equal((await page.evaluate(() => window.__progressAtReady)).length, 1));
  assert.deepEqual(await page.evaluate(() => window.__progressAtReady), [fresh]);

  // With saved progress, the handler already sees it.
  await quiz.begin('Practice');
  await quiz.answer(true);
  await page.goto(env.servers.page(BASICS));
  await quiz.ready();
  await eventually(async () => assert.equal((await page.evaluate(() => window.__progressAtReady)).length, 1));
  assert.deepEqual(await page.evaluate(() => window.__progressAtReady), [{ ...fresh, answered: 1, correct: 1 }]);
});

test('keyboard: Tab reaches Menu then the first choice, arrows move, Enter and Space submit and go on', async (t) => {
  // Choices in bank order: this test is about keys, not about where the shuffle puts them.
  const { page } = await open(t, env.servers.page(`<p><a href="#top">Before the quiz</a></p>${BANK_ORDER}`));
  const quiz = await new Quiz(page, basics).ready();
  const [q1, q2, q3] = basics.questions;
  await page.locator('a[href="#top"]').focus();
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.deepEqual([f.host, f.tag, f.text], ['checkpoint-quiz', 'button', 'Menu'], 'Tab reaches Menu first');
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.deepEqual([f.host, f.tag, f.type, f.value], ['checkpoint-quiz', 'input', 'radio', '0'], 'Tab reaches the first choice');

  // Arrow keys move through the radio group, choosing as they go.
  for (let i = 0; i < q1.answer; i++) await page.keyboard.press('ArrowDown');
  f = await focused(page);
  assert.equal(f.value, String(q1.answer));
  assert.deepEqual(await quiz.checkedValues(), [q1.answer]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await quiz.checkedValues(), [q1.answer]);

  // Enter inside the radio group submits the form.
  await page.keyboard.press('Enter');
  await quiz.$('.cq-feedback').waitFor();
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
  assert.equal((await focused(page)).text, 'Next question');

  // Space on Next question; focus lands on the new prompt.
  await page.keyboard.press('Space');
  await eventually(async () => assert.equal(await quiz.prompt(), q2.prompt));
  await eventually(async () => assert.equal((await focused(page)).tag, 'legend'));

  // From the prompt: Tab to the choices, Space picks one, Tab to Check, Space submits.
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.deepEqual([f.tag, f.type], ['input', 'radio']);
  for (let i = 0; i < q2.answer; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  assert.deepEqual(await quiz.checkedValues(), [q2.answer]);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Check');
  await page.keyboard.press('Space');
  await quiz.$('.cq-feedback').waitFor();
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);

  // Enter on Next, then Enter on Check with a choice made by keyboard.
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await quiz.prompt(), q3.prompt));
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // choice B
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Check');
  await page.keyboard.press('Enter');
  await quiz.$('.cq-feedback').waitFor();
  const [, , third] = await events(page, 'quiz-answer');
  assert.deepEqual(third.detail.chosen, [1]);
});

test('keyboard: Space ticks and unticks select-all checkboxes', async (t) => {
  const { page } = await open(t, env.servers.page(BANK_ORDER));
  const quiz = await new Quiz(page, basics).ready();
  const multi = basics.questions.findIndex((q) => Array.isArray(q.answer));
  await quiz.play(Array(multi).fill(true));
  const q = await quiz.question();
  const right = rightOf(q);
  await quiz.inputs.first().focus();
  for (let i = 0; i < q.choices.length; i++) {
    if (right.includes(i)) await page.keyboard.press('Space');
    if (i < q.choices.length - 1) await page.keyboard.press('Tab');
  }
  assert.deepEqual(await quiz.checkedValues(), right);
  // Tick a wrong one and untick it again (focus is on the last choice).
  const last = q.choices.length - 1;
  assert.ok(!right.includes(last), 'fixture: the last choice of the select-all question is wrong');
  await page.keyboard.press('Space');
  assert.deepEqual(await quiz.checkedValues(), [...right, last]);
  await page.keyboard.press('Space');
  assert.deepEqual(await quiz.checkedValues(), right);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Check');
  await page.keyboard.press('Enter');
  await quiz.$('.cq-feedback').waitFor();
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
});

test('an element created later by script mounts; removing it and changing attributes behave', async (t) => {
  const { page, problems } = await open(t, env.servers.page('<div id="slot"></div>'));
  await page.evaluate(() => customElements.whenDefined('checkpoint-quiz'));
  await page.evaluate(() => {
    const el = document.createElement('checkpoint-quiz');
    el.id = 'late';
    el.setAttribute('bank', '/fixtures/basics.json');
    el.setAttribute('shuffle', 'false');
    document.getElementById('slot').append(el);
  });
  const quiz = await new Quiz(page, basics, '#late').startScreen();

  // Setting mode remounts straight into that mode.
  await page.evaluate(() => document.getElementById('late').setAttribute('mode', 'practice'));
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 5');

  // Changing count remounts with the new setting.
  await page.evaluate(() => document.getElementById('late').setAttribute('count', '2'));
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 1 of 2'));
  await quiz.answer(true);
  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 2 of 2');

  // Changing the bank remounts with the other bank.
  await page.evaluate(() => document.getElementById('late').setAttribute('bank', '/fixtures/second.json'));
  await eventually(async () => assert.equal(await quiz.text('.cq-title'), second.title));
  assert.equal((await quiz.progress()).bankId, second.id);

  // Removing tears it down: nothing more happens, and no errors.
  await page.evaluate(() => document.getElementById('late').remove());
  await page.waitForTimeout(200);
  assert.equal(await page.locator('checkpoint-quiz').count(), 0);

  // Added and removed at once, before it could load: no errors, no late events.
  const readyBefore = (await events(page, 'quiz-ready')).length;
  await page.evaluate(() => {
    const el = document.createElement('checkpoint-quiz');
    el.setAttribute('bank', '/fixtures/second.json');
    document.body.append(el);
    el.remove();
  });
  await page.waitForTimeout(300);
  assert.equal((await events(page, 'quiz-ready')).length, readyBefore);

  // The same element put back on the page works again.
  await page.evaluate(() => {
    const el = document.createElement('checkpoint-quiz');
    el.id = 'back';
    el.setAttribute('bank', '/fixtures/second.json');
    el.setAttribute('shuffle', 'false');
    el.setAttribute('mode', 'practice');
    document.body.append(el);
    el.remove();
    document.body.append(el);
  });
  const back = await new Quiz(page, second, '#back').ready();
  // Removed widgets hand their yew root to the next one (yew never frees a root's
  // listeners): clicks must reach the new widget, and its events come from its own element.
  await page.evaluate(() => {
    window.fromBack = [];
    document.getElementById('back').addEventListener('quiz-answer', (e) => window.fromBack.push(e.detail.questionId));
  });
  await back.answer(true);
  assert.equal((await back.progress()).answered, 1);
  assert.deepEqual(await page.evaluate(() => window.fromBack), [second.questions[0].id]);
  assert.equal(await back.counter(), 'Question 1 of ' + second.questions.length, 'a fresh round, nothing kept from #late');
  assert.deepEqual(problems, []);
});

test('an element removed while its bank is still loading stays quiet', async (t) => {
  let release;
  const held = new Promise((r) => (release = r));
  env.servers.route('/held/removed.json', async (req, res) => {
    await held;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(basics));
  });
  const { page, problems } = await open(t, env.servers.page('<p>An app page.</p>'));
  await page.evaluate(() => customElements.whenDefined('checkpoint-quiz'));
  await page.evaluate(() => {
    const el = document.createElement('checkpoint-quiz');
    el.id = 'gone';
    el.setAttribute('bank', '/held/removed.json');
    window.heard = [];
    for (const type of ['quiz-ready', 'quiz-error']) el.addEventListener(type, () => window.heard.push(type));
    window.gone = el;
    document.body.append(el);
  });
  await page.locator('#gone .cq-loading').waitFor();
  await page.evaluate(() => window.gone.remove());
  release();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.heard), [], 'no events from a removed widget');
  assert.deepEqual(problems, []);
});

test('including the loader script twice is harmless', async (t) => {
  // Two copies under different URLs are two module instances: both run.
  const url = env.servers.page(`${BASICS}<script type="module" src="${env.servers.loaderUrl}?copy=2"></script>`);
  const { page, problems } = await open(t, url);
  const quiz = await new Quiz(page, basics).ready();
  await quiz.answer(true);
  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 2 of 5');
  assert.equal(await page.locator('checkpoint-quiz .cq-root').count(), 1, 'one widget, rendered once');
  assert.equal((await events(page, 'quiz-ready')).length, 1);
  assert.deepEqual(problems, []);
});

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
