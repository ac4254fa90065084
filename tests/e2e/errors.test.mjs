// What the learner and the site operator see when the bank or the attributes are wrong.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useBrowser, events, eventually, fixture, fixtureText, generatedBank, Quiz } from './helpers.mjs';

const basics = fixture('basics.json');

const env = useBrowser();
const open = (t, body) => env.open(t, env.servers.page(body));

/** Waits for the widget's error view and returns its text and the quiz-error events. */
async function failure(page) {
  const alert = page.locator('checkpoint-quiz [role=alert]');
  await alert.waitFor({ timeout: 10000 });
  await eventually(async () => assert.equal((await events(page, 'quiz-error')).length, 1));
  return { text: await alert.innerText(), errors: await events(page, 'quiz-error') };
}

test('a bank that answers 404 says so inside the widget and fires quiz-error', async (t) => {
  const { page } = await open(t, `<checkpoint-quiz bank="/fixtures/no-such-bank.json"></checkpoint-quiz>`);
  const { text, errors } = await failure(page);
  assert.match(text, /This quiz could not be loaded/);
  assert.match(text, /Could not load the question bank: the server answered 404\b/);
  assert.match(errors[0].detail.message, /404/);
  assert.equal(errors[0].bubbles, true);
  assert.equal(errors[0].composed, true);
  assert.equal(await page.locator('checkpoint-quiz legend, checkpoint-quiz input').count(), 0, 'no quiz is shown');
  assert.deepEqual(await events(page, 'quiz-ready'), []);
  assert.equal(await page.locator('checkpoint-quiz').evaluate((el) => el.progress), null);
});

test('an answer out of range is named by its path and question id', async (t) => {
  const { page } = await open(t, `<checkpoint-quiz bank="/fixtures/bad-answer.json"></checkpoint-quiz>`);
  const { text, errors } = await failure(page);
  // The fixture's second question (index 1, id "q2") has "answer": 7 with four choices.
  const expected = 'questions[1] (q2).answer: 7 is out of range: there are 4 choices, numbered 0 to 3';
  assert.match(text, /This quiz could not be loaded/);
  assert.match(text, /The question bank has a problem:/);
  assert.ok(text.includes(expected), `the widget lists the problem: ${text}`);
  assert.ok(errors[0].detail.message.includes('7 is out of range'), errors[0].detail.message);
  assert.equal(await page.locator('checkpoint-quiz input').count(), 0);
});

test('a bank that is not valid JSON says "not valid JSON"', async (t) => {
  const { page } = await open(t, `<checkpoint-quiz bank="/fixtures/invalid.json"></checkpoint-quiz>`);
  const { text, errors } = await failure(page);
  assert.match(text, /This quiz could not be loaded/);
  assert.match(text, /not valid JSON/);
  assert.match(errors[0].detail.message, /not valid JSON/);
  assert.equal(await page.locator('checkpoint-quiz input').count(), 0);
});

test('in Spanish the problems are Spanish too, with the same path, and quiz-error stays English', async (t) => {
  const { page } = await open(t, `
    <checkpoint-quiz id="range" lang="es" bank="/fixtures/bad-answer.json"></checkpoint-quiz>
    <checkpoint-quiz id="json" lang="es" bank="/fixtures/invalid.json"></checkpoint-quiz>`);
  const range = page.locator('#range [role=alert]');
  const json = page.locator('#json [role=alert]');
  await range.waitFor({ timeout: 10000 });
  await json.waitFor({ timeout: 10000 });
  const rangeText = await range.innerText();
  assert.match(rangeText, /No se pudo cargar este cuestionario/);
  assert.ok(
    rangeText.includes('questions[1] (q2).answer: 7 está fuera de rango: hay 4 opciones, numeradas del 0 al 3'),
    rangeText,
  );
  const jsonText = await json.innerText();
  assert.match(jsonText, /Línea \d+, columna \d+: no es JSON válido: /);
  for (const text of [rangeText, jsonText]) {
    for (const english of ['out of range', 'not valid JSON', 'expected', 'choices', 'is missing']) {
      assert.ok(!text.includes(english), `"${english}" left in English: ${text}`);
    }
  }
  assert.equal(await range.evaluate((el) => el.closest('[lang]')?.lang), 'es', 'the error view is marked Spanish');
  await eventually(async () => assert.equal((await events(page, 'quiz-error')).length, 2));
  const messages = (await events(page, 'quiz-error')).map((e) => e.detail.message).join('\n');
  assert.match(messages, /7 is out of range: there are 4 choices/);
  assert.match(messages, /not valid JSON/);
});

test('one broken widget does not stop a working one on the same page', async (t) => {
  const { page } = await open(t, `
    <checkpoint-quiz id="bad" bank="/fixtures/invalid.json"></checkpoint-quiz>
    <checkpoint-quiz id="good" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`);
  const good = await new Quiz(page, basics, '#good').ready();
  await page.locator('#bad [role=alert]').waitFor();
  await good.answer(true);
  assert.match(await good.text('.cq-verdict'), /Correct\./);
  const errors = await events(page, 'quiz-error');
  assert.deepEqual(errors.map((e) => e.target), ['bad']);
});

test('count="ten" is ignored with a notice and the quiz still works with the default 10 per round', async (t) => {
  const bank = generatedBank('e2e-twelve-a', 12);
  env.servers.route('/generated/twelve-a.json', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(bank));
  });
  const { page } = await open(t, `<checkpoint-quiz bank="/generated/twelve-a.json" count="ten" mode="practice"></checkpoint-quiz>`);
  const quiz = await new Quiz(page, bank).ready();
  const notices = await quiz.notices();
  assert.equal(notices.length, 1);
  assert.ok(notices[0].startsWith('Ignored count="ten"'), notices[0]);
  assert.ok(notices[0].endsWith('using the default.'), notices[0]);
  assert.equal(await quiz.counter(), 'Question 1 of 10', 'the default count is used');
  await quiz.play(Array(10).fill(true));
  assert.equal(await quiz.text('.cq-score'), 'You got 10 of 10 right (100%).');
});

test('every bad attribute gets its own notice; good ones still apply; a bad mode shows the start screen', async (t) => {
  const { page } = await open(t,
    `<checkpoint-quiz bank="/fixtures/basics.json" count="2" shuffle="maybe" seed="-1" mode="speedrun" time-limit="0" pass-mark="120"></checkpoint-quiz>`);
  const quiz = await new Quiz(page, basics).startScreen();
  const notices = await quiz.notices();
  for (const start of ['Ignored shuffle="maybe"', 'Ignored seed="-1"', 'Ignored time-limit="0"', 'Ignored pass-mark="120"']) {
    assert.ok(notices.some((n) => n.startsWith(start)), `a notice starts with ${start}: ${JSON.stringify(notices)}`);
  }
  assert.ok(notices.includes('Ignored mode="speedrun": the modes are practice, exam, review and smart; showing the start screen.'),
    JSON.stringify(notices));
  assert.equal(notices.length, 5);
  // The bank's exam settings stand in for the bad ones; count="2" is still used.
  assert.equal(await quiz.modeNote('Mock exam'), '2 questions, no time limit, pass mark 70%');
  assert.equal(await quiz.modeNote('Practice'), '2 questions with feedback after each');
  await quiz.begin('Practice');
  assert.equal(await quiz.counter(), 'Question 1 of 2');
  await quiz.play([true, false]);
  assert.equal(await quiz.text('.cq-score'), 'You got 1 of 2 right (50%).');
});

test('good time-limit and pass-mark values apply, with or without "%"; an empty mode is no mode', async (t) => {
  const { page } = await open(t, `
    <checkpoint-quiz id="a" bank="/fixtures/basics.json" time-limit=" 3600 " pass-mark="85"></checkpoint-quiz>
    <checkpoint-quiz id="b" bank="/fixtures/basics.json" mode="" time-limit="86400" pass-mark="1%"></checkpoint-quiz>`);
  const a = await new Quiz(page, basics, '#a').startScreen();
  const b = await new Quiz(page, basics, '#b').startScreen();
  assert.equal(await a.modeNote('Mock exam'), '5 questions, 1 hour time limit, pass mark 85%');
  assert.equal(await b.modeNote('Mock exam'), '5 questions, 24 hours time limit, pass mark 1%');
  assert.deepEqual(await a.notices(), []);
  assert.deepEqual(await b.notices(), []);
  await a.begin('Mock exam');
  const clock = await a.timer();
  assert.ok(['1:00:00', '59:59'].includes(clock.text), clock.text);
  assert.ok(clock.seconds >= 3599);
});

test('count="all" asks every question of the bank; count="3" asks 3', async (t) => {
  const bank = generatedBank('e2e-twelve', 12);
  env.servers.route('/generated/twelve.json', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(bank));
  });
  const { page } = await open(t, `
    <checkpoint-quiz id="all" bank="/generated/twelve.json" count="all" mode="practice"></checkpoint-quiz>
    <checkpoint-quiz id="three" bank="/generated/twelve.json" count=" 3 " mode="practice"></checkpoint-quiz>`);
  const all = await new Quiz(page, bank, '#all').ready();
  const three = await new Quiz(page, bank, '#three').ready();
  assert.equal(await all.counter(), 'Question 1 of 12');
  assert.equal(await three.counter(), 'Question 1 of 3');
  assert.deepEqual(await all.notices(), []);
  assert.deepEqual(await three.notices(), []);
});
