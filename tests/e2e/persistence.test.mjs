// Progress kept in localStorage: resuming after a reload, the stored format, unreadable
// values set aside, and storage that is blocked or full.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startServers } from './server.mjs';
import { Quiz, eventually, events, fixture, launchBrowser, openPage, rightOf, storedKeys } from './helpers.mjs';

const basics = fixture('basics.json');
const PROGRESS_KEY = `checkpoint-quiz:progress:${basics.id}`;
const ROUND_KEY = `checkpoint-quiz:round:${basics.id}`;
const SET_ASIDE = 'Saved progress here could not be read, so it was put aside and you are starting fresh.';
const CANNOT_SAVE =
  "Your progress can't be saved in this browser (storage is blocked or full). You can keep practising; answers will be forgotten when you leave.";

let browser, servers;
before(async () => {
  servers = await startServers();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function open(t, url, options) {
  const opened = await openPage(browser, url, options);
  t.after(() => opened.context.close());
  return opened;
}

/** Opens a page on the host origin without the widget, so a test can seed localStorage first. */
async function seeded(t, items) {
  const opened = await open(t, servers.page('<p>Nothing here yet.</p>', { loader: false }));
  await opened.page.evaluate((items) => {
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, items);
  return opened;
}

test('a reload mid-round resumes the same question, order, answers and current choice', async (t) => {
  // Random order (no seed), so a resumed round cannot pass by drawing the same order again.
  const url = servers.page(`<checkpoint-quiz bank="/fixtures/basics.json"></checkpoint-quiz>`);
  const { page, problems } = await open(t, url);
  let quiz = await new Quiz(page, basics).ready();
  const asked = await quiz.play([true, false]);
  const third = await quiz.question();
  const choice = Array.isArray(third.answer) ? [third.choices.length - 1, rightOf(third)[0]] : [(third.answer + 1) % third.choices.length];
  await quiz.choose(choice);

  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 3 of 5');
  assert.equal(await quiz.prompt(), third.prompt);
  assert.deepEqual(await quiz.checkedValues(), [...choice].sort(), 'the unchecked choice is still chosen');
  assert.equal(await quiz.inputs.first().isDisabled(), false);
  assert.equal(await quiz.button('Check').count(), 1);

  // Checked but not moved on: the reload shows the feedback again.
  await quiz.check();
  const verdict = await quiz.text('.cq-verdict');
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 3 of 5');
  assert.equal(await quiz.text('.cq-verdict'), verdict);
  assert.equal(await quiz.inputs.first().isDisabled(), true);
  assert.deepEqual(await quiz.checkedValues(), [...choice].sort());
  assert.equal(await quiz.button('Next question').count(), 1);
  await quiz.next();
  asked.push({ q: third });
  asked.push(...(await quiz.play([true, true])));

  // The score counts the answers given before the reloads.
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 5 right (60%).');
  const missed = await quiz.$('.cq-missed .cq-missed-prompt').allTextContents();
  assert.deepEqual(missed, [asked[1].q.prompt, third.prompt]);

  // Try again replays the round in the order it was first drawn.
  await quiz.button('Try again').click();
  await quiz.ready();
  const replay = await quiz.play([true, true, true, true, true]);
  assert.deepEqual(replay.map((a) => a.q.id), asked.map((a) => a.q.id));
  assert.deepEqual(problems, []);
});

test('ticked select-all choices survive a reload', async (t) => {
  const { page } = await open(t, servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  let quiz = await new Quiz(page, basics).ready();
  const multi = basics.questions.findIndex((q) => Array.isArray(q.answer));
  await quiz.play(Array(multi).fill(true));
  const q = await quiz.question();
  await quiz.choose(rightOf(q));
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.prompt(), q.prompt);
  assert.deepEqual(await quiz.checkedValues(), rightOf(q));
  await quiz.check();
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
});

test('progress and the finished round are kept across reloads and rounds', async (t) => {
  const url = servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`);
  const { page } = await open(t, url);
  let quiz = await new Quiz(page, basics).ready();
  await quiz.play([true, false, true, false, true]);
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 5 right (60%).');

  await page.reload();
  quiz = new Quiz(page, basics);
  await quiz.$('.cq-summary').waitFor();
  assert.equal(await quiz.text('.cq-score'), 'You got 3 of 5 right (60%).');
  assert.match(await quiz.text('.cq-summary'), /Your best round: 60%\./);
  assert.equal(await quiz.$('.cq-missed').count(), 2);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 3, total: 5, rounds: 1, bestPercent: 60,
  });

  await quiz.button('New round').click();
  await quiz.ready();
  await quiz.answer(true);
  await quiz.next();
  await quiz.answer(true);
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 2 of 5');
  const progress = await quiz.progress();
  assert.equal(progress.answered, 5);
  assert.equal(progress.rounds, 1);
  assert.equal(progress.bestPercent, 60);
  assert.ok(progress.correct >= 3, `answers right this round are counted: ${JSON.stringify(progress)}`);
  await quiz.next();
  await quiz.play([false, false, false]);
  assert.match(await quiz.text('.cq-summary'), /Your best round: 60%\./, 'the best round is still the first one');
  assert.equal((await quiz.progress()).rounds, 2);
});

test('saved values use the documented keys and a versioned envelope', async (t) => {
  const { page } = await open(t, servers.page(`
    <checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>
    <checkpoint-quiz id="side" bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const first = await new Quiz(page, basics, 'checkpoint-quiz:not([id])').ready();
  const side = await new Quiz(page, basics, '#side').ready();
  assert.deepEqual(await storedKeys(page), {}, 'nothing is written before the learner acts');
  const start = Date.now();
  await first.answer(true);
  await side.answer(false);
  const stored = await storedKeys(page);
  assert.deepEqual(Object.keys(stored).sort(), [PROGRESS_KEY, ROUND_KEY, `${ROUND_KEY}:side`].sort());
  for (const [key, text] of Object.entries(stored)) {
    const value = JSON.parse(text);
    assert.equal(value.v, 1, key);
    assert.equal(typeof value.saved, 'number', key);
    assert.ok(Math.abs(value.saved - start) < 60_000, `${key} saved ${value.saved} is a time in ms`);
    assert.equal(typeof value.data, 'object', key);
    assert.notEqual(value.data, null, key);
  }
});

test('unreadable saved progress is put aside with a notice and the quiz starts fresh', async (t) => {
  const junk = '{not json';
  const { page } = await seeded(t, { [PROGRESS_KEY]: junk });
  const before = Date.now();
  await page.goto(servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  let quiz = await new Quiz(page, basics).ready();
  assert.deepEqual(await quiz.notices(), [SET_ASIDE]);
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.equal((await quiz.progress()).answered, 0);
  const stored = await storedKeys(page);
  const aside = Object.keys(stored).filter((k) => k.startsWith('checkpoint-quiz:aside:'));
  assert.equal(aside.length, 1, JSON.stringify(stored));
  const [, ms, rest] = aside[0].match(/^checkpoint-quiz:aside:(\d+):(.*)$/);
  assert.equal(rest, `progress:${basics.id}`);
  assert.ok(Number(ms) >= before - 1000 && Number(ms) <= Date.now() + 1000, `${ms} is the time it was set aside`);
  assert.equal(stored[aside[0]], junk, 'the unreadable value is kept, not deleted');

  // The quiz works and saves readable progress again; after a reload, no notice.
  await quiz.answer(true);
  assert.equal(JSON.parse((await storedKeys(page))[PROGRESS_KEY]).v, 1);
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.deepEqual(await quiz.notices(), []);
  assert.equal((await quiz.progress()).answered, 1);
  assert.equal((await storedKeys(page))[aside[0]], junk, 'the set-aside copy stays');
});

test('an unreadable saved round is put aside with a notice and a fresh round starts', {
  todo: 'widget bug: an unreadable round is set aside silently; only unreadable progress gets the notice (src/web/quiz.rs restore())',
}, async (t) => {
  const junk = JSON.stringify({ v: 1, saved: 1, data: { mode: 'practice', ids: 'not a list' } });
  const { page } = await seeded(t, { [ROUND_KEY]: junk });
  await page.goto(servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  const stored = await storedKeys(page);
  const aside = Object.keys(stored).filter((k) => k.startsWith('checkpoint-quiz:aside:'));
  assert.deepEqual(aside.map((k) => k.replace(/:\d+:/, ':<ms>:')), [`checkpoint-quiz:aside:<ms>:round:${basics.id}`]);
  assert.equal(stored[aside[0]], junk);
  assert.deepEqual(await quiz.notices(), [SET_ASIDE], 'the learner is told their round was put aside');
});

test('both saved values unreadable: both put aside, one notice', async (t) => {
  const { page } = await seeded(t, { [PROGRESS_KEY]: '[]', [ROUND_KEY]: 'null' });
  await page.goto(servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  const aside = Object.keys(await storedKeys(page)).filter((k) => k.startsWith('checkpoint-quiz:aside:'));
  assert.deepEqual(aside.map((k) => k.replace(/:\d+:/, ':<ms>:')).sort(),
    [`checkpoint-quiz:aside:<ms>:progress:${basics.id}`, `checkpoint-quiz:aside:<ms>:round:${basics.id}`]);
  const notices = await quiz.notices();
  assert.equal(notices.filter((n) => n === SET_ASIDE).length, 1, JSON.stringify(notices));
  await quiz.play([true, true, true, true, true]);
  assert.equal(await quiz.text('.cq-score'), 'You got 5 of 5 right (100%).');
});

/** Plays a whole round with storage broken; the notice must show once and the round finish. */
async function playWithBrokenStorage(t, init) {
  const { page, problems } = await open(t, null, { init: [init] });
  await page.goto(servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  const seen = [];
  for (const right of [true, false, true, true, true]) {
    await quiz.answer(right);
    seen.push(await quiz.notices());
    await quiz.next();
  }
  assert.equal(await quiz.text('.cq-score'), 'You got 4 of 5 right (80%).');
  assert.equal((await events(page, 'quiz-complete')).length, 1);
  assert.deepEqual(await quiz.notices(), [CANNOT_SAVE], 'the notice is shown once');
  for (const notices of seen) assert.deepEqual(notices, [CANNOT_SAVE], 'the notice is there from the first answer on');
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 4, total: 5, rounds: 1, bestPercent: 80,
  });
  // Try again still works.
  await quiz.button('Try again').click();
  await quiz.ready();
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.deepEqual(await quiz.notices(), [CANNOT_SAVE]);
  return { page, problems };
}

test('localStorage that throws SecurityError: the quiz works to the end and says once it cannot save', async (t) => {
  const { page, problems } = await playWithBrokenStorage(t, () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  });
  assert.equal(await page.evaluate(() => { try { localStorage; return 'readable'; } catch (e) { return e.name; } }), 'SecurityError');
  assert.deepEqual(problems, []);
});

test('localStorage.setItem that throws QuotaExceededError: the quiz works to the end and says once it cannot save', async (t) => {
  const { page, problems } = await playWithBrokenStorage(t, () => {
    Storage.prototype.setItem = function () {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    };
  });
  assert.deepEqual(problems, []);
  // Nothing could be kept: a reload starts over, as the notice said.
  await page.reload();
  const quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 1 of 5');
  assert.equal((await quiz.progress()).answered, 0);
});
