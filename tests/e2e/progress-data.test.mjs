// The learner's own copy of their progress: downloading it, resetting, importing it back (and
// files that are not progress files), and two tabs of one site that share progress live.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { useBrowser, answerLog, eventually, fixture, Quiz, stored, watch } from './helpers.mjs';

const basics = fixture('basics.json');
const second = fixture('second.json');
const PROGRESS_KEY = `checkpoint-quiz:progress:${basics.id}`;
const SECOND_KEY = `checkpoint-quiz:progress:${second.id}`;
const START = `<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`;
const FRESH = { Answered: '0 of 5', Accuracy: '–', 'Due for review': '0' };

const env = useBrowser();
const open = env.open;

/** Everything the dashboard shows in words, to compare before and after. */
async function dashboard(quiz) {
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  const figures = {
    readiness: await quiz.text('.cq-readiness'),
    history: await quiz.$('table.cq-sr-only tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent))),
    bars: await quiz.$('.cq-bar').evaluateAll((bars) => bars.map((b) => b.innerText.replace(/\s+/g, ' ').trim())),
    weakest: await quiz.$('.cq-weak').evaluateAll((items) => items.map((i) => i.innerText.replace(/\s+/g, ' ').trim())),
  };
  await quiz.button('Back').click();
  await quiz.startScreen();
  return figures;
}

async function dataScreen(quiz) {
  await quiz.button('Save or restore progress').click();
  await quiz.heading('Save or restore progress').waitFor();
}

function status(quiz) {
  return quiz.text('.cq-data > .cq-feedback-area');
}

test('download, reset and import: the downloaded file brings every figure back', async (t) => {
  const { page, problems } = await open(t, null);
  // Some progress in another bank of the site, so the file holds two banks.
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/second.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  const other = await new Quiz(page, second).ready();
  await other.answer(true);

  await page.goto(env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  await quiz.begin('Practice');
  await quiz.play([true, false, true, false, true]);
  await quiz.button('Back to start').click();
  await quiz.begin('Practice');
  await quiz.play([true, true]); // 7 answers, 1 finished round, and a round in play
  await quiz.button('Menu').click();
  await quiz.startScreen();
  const figures = await quiz.figures();
  assert.deepEqual(figures, { Answered: '5 of 5', Accuracy: '71%', 'Due for review': '0' });
  const progress = await quiz.progress();
  assert.deepEqual(progress, { bankId: basics.id, answered: 5, correct: 5, total: 5, rounds: 1, bestPercent: 60 });
  const board = await dashboard(quiz);
  assert.equal(board.history.length, 2, 'one finished round in the history');

  // Download.
  await dataScreen(quiz);
  const before = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), quiz.button('Download progress file').click()]);
  const name = download.suggestedFilename();
  const days = [before, Date.now()].map((ms) => new Date(ms).toISOString().slice(0, 10));
  assert.ok(days.some((d) => name === `checkpoint-quiz-progress-${d}.json`), name);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(Object.keys(file), ['format', 'v', 'exported', 'banks']);
  assert.equal(file.format, 'checkpoint-quiz-progress');
  assert.equal(file.v, 3);
  assert.ok(file.exported >= before - 1000 && file.exported <= Date.now() + 1000, `exported ${file.exported}`);
  assert.deepEqual(Object.keys(file.banks).sort(), [basics.id, second.id].sort(), "every bank's progress in this browser");
  const log = answerLog(file.banks[basics.id]);
  assert.deepEqual(Object.keys(log).sort(), ['q1', 'q2', 'q3', 'q4', 'q5']);
  assert.equal(Object.values(log).flat().length, 7);
  assert.deepEqual(file.banks[basics.id].r.map((r) => r.slice(1)), [['practice', 3, 5]]);
  assert.deepEqual(Object.values(answerLog(file.banks[second.id])).flat().length, 1);
  assert.equal(await status(quiz), `Saved ${name} to your downloads. Keep it somewhere safe: importing it restores your progress.`);

  // Reset: Cancel first changes nothing, then reset for real.
  await quiz.button('Reset progress for this quiz…').click();
  const reset = quiz.host.getByRole('alertdialog', { name: 'Reset your progress?' });
  assert.match(await reset.textContent(), /This deletes every answer and score for “E2E basics” in this browser\./);
  await reset.getByRole('button', { name: 'Cancel', exact: true }).click();
  await eventually(async () => assert.equal(await reset.count(), 0));
  assert.equal((await quiz.progress()).answered, 5);
  await quiz.button('Reset progress for this quiz…').click();
  await reset.getByRole('button', { name: 'Reset progress', exact: true }).click();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), FRESH);
  assert.deepEqual(await quiz.progress(), { bankId: basics.id, answered: 0, correct: 0, total: 5, rounds: 0, bestPercent: null });
  assert.equal(await quiz.host.getByRole('button', { name: /^Continue your/ }).count(), 0, 'the round in play is gone too');
  assert.equal(await quiz.mode('Review missed').isDisabled(), true);
  assert.equal(await quiz.$('details').count(), 0);
  assert.equal(Object.keys((await stored(page, PROGRESS_KEY)).data.q).length, 0, 'the stored answers are gone');
  assert.notEqual(await stored(page, SECOND_KEY), null, 'the other quiz is not reset');
  const emptyBoard = await dashboard(quiz);
  assert.equal(emptyBoard.readiness, 'Estimated readiness: 0% (pass mark 70%).');
  assert.deepEqual(emptyBoard.history, []);
  // As if on another browser, the other quiz's progress is missing too.
  await page.evaluate((key) => localStorage.removeItem(key), SECOND_KEY);

  // Import the file: a preview first, then the figures are back exactly.
  await dataScreen(quiz);
  await quiz.host.getByLabel('Choose a progress file to import').setInputFiles(path);
  const preview = quiz.host.getByRole('alertdialog', { name: 'Import this progress file?' });
  await preview.waitFor();
  assert.deepEqual(await preview.locator('#cq-import-text p').allTextContents(), [
    'For this quiz it adds 7 answers on 5 questions and 1 finished round.',
    'It also has progress for 1 other quiz on this site (1 new answer).',
    'Importing adds to what is here; it never removes answers.',
  ]);
  assert.equal((await quiz.progress()).answered, 0, 'nothing changes before Import');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await eventually(async () => assert.equal(await status(quiz), 'Progress imported.'));
  assert.equal(await preview.count(), 0);
  await quiz.button('Back').click();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), figures);
  assert.deepEqual(await quiz.progress(), progress);
  assert.deepEqual(await dashboard(quiz), board);

  // The same file again adds nothing.
  await dataScreen(quiz);
  await quiz.host.getByLabel('Choose a progress file to import').setInputFiles(path);
  await preview.waitFor();
  assert.deepEqual((await preview.locator('#cq-import-text p').allTextContents()).slice(0, 2), [
    'For this quiz it adds nothing new: everything in it is already here.',
    'It also has progress for 1 other quiz on this site (0 new answers).',
  ]);
  await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
  await eventually(async () => assert.equal(await preview.count(), 0));

  // The other quiz got its answer back, and the reload keeps everything.
  await page.reload();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), figures);
  await page.goto(env.servers.page(`<checkpoint-quiz bank="/fixtures/second.json" shuffle="false" mode="practice"></checkpoint-quiz>`));
  const back = await new Quiz(page, second).ready();
  assert.equal((await back.progress()).answered, 1);
  assert.deepEqual(problems, []);
});

test('files that are not progress files are refused with a reason and change nothing', async (t) => {
  const { page, problems } = await open(t, env.servers.page(START));
  const quiz = await new Quiz(page, basics).startScreen();
  await quiz.begin('Practice');
  await quiz.play([true, false]);
  await quiz.button('Menu').click();
  await quiz.startScreen();
  const figures = await quiz.figures();
  const saved = (await stored(page, PROGRESS_KEY)).data;
  await dataScreen(quiz);
  const input = quiz.host.getByLabel('Choose a progress file to import');
  const preview = quiz.host.getByRole('alertdialog');
  const offer = (name, text) => input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const exported = { format: 'checkpoint-quiz-progress', v: 2, exported: Date.now() };
  const cases = [
    ['notes.txt', 'Remember the milk.', 'This file is not a Checkpoint Quiz progress file (it is not valid JSON).'],
    ['other.json', JSON.stringify({ hello: 'world' }), 'This file is not a Checkpoint Quiz progress file.'],
    ['newer.json', JSON.stringify({ ...exported, v: 4, banks: {} }), 'This progress file comes from a newer version of the quiz; update the page to import it.'],
    ['damaged.json', JSON.stringify({ ...exported, banks: { [basics.id]: { r: [], q: 'nope' } } }), 'This progress file is damaged and was not imported.'],
  ];
  for (const [name, text, message] of cases) {
    await offer(name, text);
    await eventually(async () => assert.equal(await status(quiz), message), { timeout: 3000 });
    assert.equal(await preview.count(), 0, `${name}: no import offered`);
  }

  // A real file with progress for another quiz only: offered, then cancelled.
  const at = Date.now() - 60_000;
  await offer('elsewhere.json', JSON.stringify({ ...exported, banks: { 'e2e-elsewhere': { t0: at, r: [], q: { x1: [2, 4000] } } } }));
  await preview.waitFor();
  assert.deepEqual((await preview.locator('#cq-import-text p').allTextContents()).slice(0, 2), [
    'It has no progress for this quiz.',
    'It also has progress for 1 other quiz on this site (2 new answers).',
  ]);
  await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
  await eventually(async () => assert.equal(await preview.count(), 0));
  assert.equal(await page.evaluate(() => localStorage.getItem('checkpoint-quiz:progress:e2e-elsewhere')), null, 'cancelled: nothing imported');

  assert.deepEqual((await stored(page, PROGRESS_KEY)).data, saved, 'the progress is untouched');
  await quiz.button('Back').click();
  await quiz.startScreen();
  assert.deepEqual(await quiz.figures(), figures);
  assert.deepEqual(problems, []);
});

test("two tabs of one site see each other's answers live, and answering in both at once loses nothing", async (t) => {
  const { context, page: pageA, problems } = await open(t, env.servers.page(START));
  const pageB = await context.newPage();
  const problemsB = watch(pageB);
  await pageB.goto(env.servers.page(START));
  const a = await new Quiz(pageA, basics).startScreen();
  const b = await new Quiz(pageB, basics).startScreen();

  // A answers; B, on its start screen in the background, follows without a reload.
  // (A background tab's timers are throttled: the tab the learner uses is brought to the front.)
  await pageA.bringToFront();
  await a.begin('Practice');
  await a.answer(true); // q1
  await eventually(async () => assert.equal((await b.progress()).answered, 1));
  await eventually(async () => assert.deepEqual(await b.figures(), { Answered: '1 of 5', Accuracy: '100%', 'Due for review': '0' }));
  assert.equal(await b.mode('Review missed').isDisabled(), true);
  await a.next();
  await a.answer(false); // q2
  await eventually(async () => assert.deepEqual(await b.figures(), { Answered: '2 of 5', Accuracy: '50%', 'Due for review': '0' }));
  assert.equal(await b.mode('Review missed').isDisabled(), false, "B's start screen offers the question A missed");
  assert.equal(await b.modeNote('Review missed'), '1 to answer right once more');
  assert.deepEqual(await b.progress(), { bankId: basics.id, answered: 2, correct: 1, total: 5, rounds: 0, bestPercent: null });

  // Both answer at once: A right to the end of its round, B wrong through a whole round.
  await a.next();
  await pageB.bringToFront();
  await b.begin('Practice');
  assert.equal((await b.question()).id, 'q3', 'B draws the questions nobody answered first');
  await Promise.all([a.play([true, true, true]), b.play([false, false, false, false, false])]);
  assert.equal(await a.text('.cq-score'), 'You got 4 of 5 right (80%).');
  assert.equal(await b.text('.cq-score'), 'You got 0 of 5 right (0%).');

  // Every answer of both tabs is stored: 5 from A and 5 from B, and both rounds.
  await eventually(async () => {
    const data = (await stored(pageA, PROGRESS_KEY)).data;
    assert.equal(Object.values(answerLog(data)).flat().length, 10, JSON.stringify(data));
    assert.equal(data.r.length, 2);
  });
  const log = answerLog((await stored(pageA, PROGRESS_KEY)).data);
  const lastRight = Object.values(log).filter((answers) => answers.at(-1).rating > 1).length;
  const expected = { bankId: basics.id, answered: 5, correct: lastRight, total: 5, rounds: 2, bestPercent: 80 };
  await eventually(async () => assert.deepEqual(await a.progress(), expected));
  await eventually(async () => assert.deepEqual(await b.progress(), expected));
  for (const quiz of [a, b]) {
    await quiz.page.bringToFront();
    await quiz.button('Back to start').click();
    await quiz.startScreen();
    assert.deepEqual(await quiz.figures(), { Answered: '5 of 5', Accuracy: '40%', 'Due for review': '0' });
  }
  // And after a reload too.
  await pageB.reload();
  await b.startScreen();
  assert.deepEqual(await b.progress(), expected);
  assert.deepEqual(problems, []);
  assert.deepEqual(problemsB, []);
});
