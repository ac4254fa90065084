// Progress kept in localStorage: resuming after a reload, the stored format (version 2, and
// version 1 values migrated), unreadable values set aside, and storage that is blocked or full.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  useBrowser, answerLog, events, fixture, Quiz, rightOf, seed, stored, storedKeys,
} from './helpers.mjs';

const basics = fixture('basics.json');
const PRACTICE = `<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`;
const PROGRESS_KEY = `checkpoint-quiz:progress:${basics.id}`;
const ROUND_KEY = `checkpoint-quiz:round:${basics.id}`;
const SET_ASIDE = 'Saved progress here could not be read, so it was put aside and you are starting fresh.';
const CANNOT_SAVE =
  "Your progress can't be saved in this browser (storage is blocked or full). You can keep practising; answers will be forgotten when you leave.";

const env = useBrowser();
const open = env.open;

/** Opens a page on the host origin without the widget, so a test can seed localStorage first. */
async function seeded(t, items) {
  const opened = await open(t, env.servers.page('<p>Nothing here yet.</p>', { loader: false }));
  await seed(opened.page, items);
  return opened;
}

test('a reload mid-round resumes the same question, order, answers and current choice, without the start screen', async (t) => {
  // Random order (no seed), so a resumed round cannot pass by drawing the same order again.
  // No mode attribute: the start screen, then a practice round; a round in play resumes directly.
  const url = env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json"></checkpoint-quiz>`);
  const { page, problems } = await open(t, url);
  let quiz = await new Quiz(page, basics).startScreen();
  await quiz.begin('Practice');
  const asked = await quiz.play([true, false]);
  const third = await quiz.question();
  const choice = Array.isArray(third.answer) ? [third.choices.length - 1, rightOf(third)[0]] : [(third.answer + 1) % third.choices.length];
  await quiz.choose(choice);

  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.equal(await quiz.heading('Choose how to study').count(), 0, 'no start screen');
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
  const { page } = await open(t, env.servers.page(PRACTICE));
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
  // mode="practice": a saved round of that mode is shown again, even when it is finished.
  const url = env.servers.page(PRACTICE);
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

test('saved values use the documented keys, a version 2 envelope and the packed answer log', async (t) => {
  const { page } = await open(t, env.servers.page(`
    <checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>
    <checkpoint-quiz id="side" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
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
    assert.deepEqual(Object.keys(value), ['v', 'saved', 'data'], key);
    assert.equal(value.v, 3, key);
    assert.equal(typeof value.saved, 'number', key);
    assert.ok(Math.abs(value.saved - start) < 60_000, `${key} saved ${value.saved} is a time in ms`);
    assert.equal(typeof value.data, 'object', key);
    assert.notEqual(value.data, null, key);
  }
  // Progress: {"t0":s,"r":[],"q":{"q1":[packed answers]}}. Both widgets answered q1 (shared
  // progress): one right, then one wrong, each packed as delta_s * 4 + rating - 1 from t0.
  const progress = JSON.parse(stored[PROGRESS_KEY]).data;
  assert.deepEqual(Object.keys(progress).sort(), ['q', 'r', 't0']);
  assert.deepEqual(progress.r, [], 'no round finished');
  assert.deepEqual(Object.keys(progress.q), ['q1']);
  const [right, wrong] = answerLog(progress).q1;
  assert.equal(right.at, progress.t0 * 1000, 't0 is the earliest answer');
  assert.ok(Math.abs(progress.t0 * 1000 - start) < 60_000, `t0 ${progress.t0} is a time in seconds`);
  assert.ok([2, 3, 4].includes(right.rating), `a right answer is rated Hard, Good or Easy: ${right.rating}`);
  assert.equal(wrong.rating, 1, 'a wrong answer is rated Again');
  assert.ok(wrong.at >= right.at && wrong.at - right.at < 60_000);
  // Rounds: {"mode","ids","cur","ans","sel",…}, one per widget.
  const round = JSON.parse(stored[ROUND_KEY]).data;
  assert.equal(round.mode, 'practice');
  assert.deepEqual(round.ids, basics.questions.map((q) => q.id));
  assert.equal(round.cur, 0);
  assert.deepEqual(round.ans, [rightOf(basics.questions[0]), [], [], [], []]);
  assert.deepEqual(JSON.parse(stored[`${ROUND_KEY}:side`]).data.ans[0], [(basics.questions[0].answer + 1) % 4]);
});

test('version 1 values (the first release) are migrated: counts, rounds and best kept; the round resumes', async (t) => {
  const at = Date.now() - 3 * 86_400_000;
  // Progress v1: per question [attempts, correct, last answer right (1/0), when]; rounds; best %.
  const v1 = {
    v: 1, saved: at,
    data: { rounds: 3, best: 80, q: { q1: [3, 2, 1, at], q2: [2, 0, 0, at + 1000], q3: [1, 1, 1, at + 2000] } },
  };
  // Round v1: a practice round of q3, q4, q5 with q3 checked and choice D picked on q4.
  const q4 = basics.questions[3];
  const round = { v: 1, saved: at, data: { mode: 'practice', ids: ['q3', 'q4', 'q5'], cur: 1, ans: [[2], [], []], sel: [q4.answer] } };
  const { page, problems } = await seeded(t, { [PROGRESS_KEY]: JSON.stringify(v1), [ROUND_KEY]: JSON.stringify(round) });
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics).ready();
  assert.deepEqual(await quiz.notices(), [], 'read, not set aside');
  assert.equal(await quiz.counter(), 'Question 2 of 3', 'the round in play resumes');
  assert.equal(await quiz.prompt(), q4.prompt);
  assert.deepEqual(await quiz.checkedValues(), [q4.answer], 'with the unchecked choice');
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 3, correct: 2, total: 5, rounds: 3, bestPercent: 80,
  });
  assert.deepEqual(await storedKeys(page), {
    [PROGRESS_KEY]: JSON.stringify(v1), [ROUND_KEY]: JSON.stringify(round),
  }, 'nothing is rewritten before the learner acts');

  // The start screen counts the carried attempts: 3 + 2 + 1 answers, 2 + 0 + 1 right.
  await quiz.button('Menu').click();
  await quiz.startScreen();
  assert.equal((await quiz.figures()).Answered, '3 of 5');
  assert.equal((await quiz.figures()).Accuracy, '50%');
  assert.equal(await quiz.modeNote('Review missed'), '1 to answer right once more');
  await quiz.host.getByRole('button', { name: /^Continue your practice round/ }).click();
  await quiz.ready();

  // The next save writes version 3, keeping the old counts beside the new log.
  await quiz.check();
  const saved = await stored(page, PROGRESS_KEY);
  assert.equal(saved.v, 3);
  assert.equal(saved.data.cr, 3, 'rounds carried');
  assert.equal(saved.data.cb, 80, 'best carried');
  assert.deepEqual(saved.data.q.q1[0], [2, 1], 'q1: 2 earlier attempts, 1 right, besides its last answer');
  assert.deepEqual(saved.data.q.q2[0], [1, 0]);
  // A question with one answer and nothing carried is stored as a bare number (format 3).
  assert.equal(typeof saved.data.q.q3, 'number', 'q3 had only its last answer');
  assert.equal(typeof saved.data.q.q4, 'number');
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 4, correct: 3, total: 5, rounds: 3, bestPercent: 80,
  });
  await quiz.next();
  await quiz.answer(false);
  await quiz.next();
  // This round: q3 right (before the update), q4 right, q5 wrong: 66%, under the carried best.
  assert.equal(await quiz.text('.cq-score'), 'You got 2 of 3 right (66%).');
  assert.match(await quiz.text('.cq-summary'), /Your best round: 80%\./);
  assert.deepEqual(await quiz.progress(), {
    bankId: basics.id, answered: 5, correct: 3, total: 5, rounds: 4, bestPercent: 80,
  });
  assert.deepEqual(problems, []);
});

test('unreadable saved progress is put aside with a notice and the quiz starts fresh', async (t) => {
  const junk = '{not json';
  const { page } = await seeded(t, { [PROGRESS_KEY]: junk });
  const before = Date.now();
  await page.goto(env.servers.page(PRACTICE));
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
  assert.equal(JSON.parse((await storedKeys(page))[PROGRESS_KEY]).v, 3);
  await page.reload();
  quiz = await new Quiz(page, basics).ready();
  assert.deepEqual(await quiz.notices(), []);
  assert.equal((await quiz.progress()).answered, 1);
  assert.equal((await storedKeys(page))[aside[0]], junk, 'the set-aside copy stays');
});

test('an unreadable saved round is put aside with a notice and a fresh round starts', async (t) => {
  const junk = JSON.stringify({ v: 1, saved: 1, data: { mode: 'practice', ids: 'not a list' } });
  const { page } = await seeded(t, { [ROUND_KEY]: junk });
  await page.goto(env.servers.page(PRACTICE));
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
  await page.goto(env.servers.page(PRACTICE));
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
  await page.goto(env.servers.page(PRACTICE));
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
