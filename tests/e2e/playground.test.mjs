// The bank playground (dist/playground.html): problems with their positions, the real
// widget as preview, GIFT import and download, the embed snippet on a host page,
// accessibility and a phone-width screen.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';

import { useBrowser, eventually, events, fixture, fixtureText, focused, Quiz } from './helpers.mjs';

const basics = fixture('basics.json');

const env = useBrowser();

/** Opens the playground (on the dist origin, as it is deployed) with clipboard access. */
async function openPlayground(t, options) {
  const opened = await env.open(t, null, options);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.servers.distOrigin });
  await opened.page.goto(`${env.servers.distOrigin}/playground.html`);
  await opened.page.locator('#pg-status').waitFor();
  return opened;
}

const editor = (page) => page.locator('#pg-text');
const status = (page) => page.locator('#pg-status');
const problemButtons = (page) => page.locator('.pg-problem-list button');
const preview = (page, bank) => new Quiz(page, bank, 'checkpoint-quiz#playground');

/** Pastes `text` over the editor's content the way an author does: clipboard, Ctrl+A, Ctrl+V. */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await eventually(async () => assert.equal(await editor(page).inputValue(), text));
}

/** The problems listed: position as shown ("8:70"), kind and message. */
async function problems(page) {
  return problemButtons(page).evaluateAll((buttons) =>
    buttons.map((b) => ({
      at: b.querySelector('.pg-at').textContent,
      kind: b.querySelector('.pg-kind').textContent,
      message: b.querySelector('.pg-message').textContent,
      name: b.textContent,
    })));
}

/** 1-based line and column (in characters) of a UTF-16 offset into `text`. */
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines.at(-1)].length + 1 };
}

/** basics.json with three mistakes, and where each one is in the text. */
function brokenBasics() {
  const bank = structuredClone(basics);
  delete bank.questions[0].answer; // missing
  bank.questions[1].answer = 9; // out of range: four choices
  bank.questions[2].id = bank.questions[1].id; // "q2" twice
  const text = JSON.stringify(bank, null, 2);
  const firstQuestion = text.indexOf('{', text.indexOf('"questions"'));
  const outOfRange = text.indexOf('"answer": 9') + '"answer": '.length;
  const secondQ2 = text.indexOf('"q2"', text.indexOf('"q2"') + 1);
  return {
    text,
    expected: [
      { message: /^questions\[0\] \(q1\)\.answer: .*missing/, ...lineCol(text, firstQuestion) },
      { message: /^questions\[1\] \(q2\)\.answer: 9 is out of range/, ...lineCol(text, outOfRange) },
      { message: /^questions\[2\] \(q2\)\.id: repeats the id/, ...lineCol(text, secondQ2) },
    ],
  };
}

/** Where the editor's caret is, as line and column. */
async function caret(page) {
  return editor(page).evaluate((el) => ({ start: el.selectionStart, end: el.selectionEnd, value: el.value }));
}

test('a broken JSON bank: every problem with its line:column, each moving the caret there', async (t) => {
  const { page, problems: errors } = await openPlayground(t);
  // The sample bank of a first visit is running in the preview.
  await preview(page, { id: 'sample', questions: [] }).startScreen();

  const { text, expected } = brokenBasics();
  await paste(page, text);
  await eventually(async () => assert.match(await status(page).textContent(), /^Read as JSON \(detected\)\. 3 problems\.$/));
  assert.equal(await status(page).getAttribute('role'), 'status');

  const listed = await problems(page);
  assert.equal(listed.length, 3, JSON.stringify(listed));
  for (const want of expected) {
    const found = listed.find((p) => want.message.test(p.message));
    assert.ok(found, `listed: ${want.message} in ${JSON.stringify(listed)}`);
    assert.equal(found.at, `${want.line}:${want.column}`, `${found.message}`);
    assert.equal(found.kind, 'error');
    // The accessible name says it in words.
    assert.ok(found.name.includes(`Line ${want.line}, column ${want.column}: `), found.name);
  }

  // Clicking a problem puts the caret on its spot.
  for (const want of expected) {
    await problemButtons(page).filter({ has: page.locator('.pg-message', { hasText: want.message }) }).click();
    const c = await caret(page);
    assert.equal(c.start, c.end, 'a caret, not a selection');
    assert.deepEqual(lineCol(c.value, c.start), { line: want.line, column: want.column }, `${want.message}`);
    assert.equal((await focused(page)).tag, 'textarea', 'the editor has focus');
  }

  // From the keyboard too: focus a problem, press Enter.
  await problemButtons(page).first().focus();
  await page.keyboard.press('Enter');
  const c = await caret(page);
  assert.equal(lineCol(c.value, c.start).line, expected.map((e) => e.line).sort((a, b) => a - b)[0]);

  // While the bank is invalid, the preview keeps the last valid bank, and says so.
  assert.match(await page.locator('.pg-stale').textContent(), /last valid version.*3 errors/);
  assert.equal(await page.locator('checkpoint-quiz#playground .cq-title').textContent(), 'Sample bank');
  assert.deepEqual(errors, []);
});

test('fixing the bank empties the list and the preview runs it, offline', async (t) => {
  const { page, context, problems: errors } = await openPlayground(t);
  // Straight into a practice round, in the bank's order.
  await page.locator('#pg-mode').selectOption('practice');
  await page.locator('#pg-shuffle').uncheck();

  const { text } = brokenBasics();
  await editor(page).fill(text);
  await eventually(async () => assert.equal(await problemButtons(page).count(), 3));

  // Everything is loaded: the rest needs no network.
  await context.setOffline(true);
  await editor(page).fill(fixtureText('basics.json'));
  await eventually(async () =>
    assert.equal(await status(page).textContent(), 'Read as JSON (detected). No problems. The preview runs 5 questions.'));
  assert.equal(await problemButtons(page).count(), 0);
  assert.equal(await page.locator('.pg-stale').count(), 0, 'no note about a stale preview');

  const quiz = await preview(page, basics).ready();
  assert.equal(await quiz.prompt(), basics.questions[0].prompt, "the bank's first question");
  const { q } = await quiz.answer(false);
  assert.match(await quiz.text(".cq-feedback"), /Not quite\./);
  assert.ok((await quiz.text('.cq-feedback')).includes(q.explanation), 'the explanation is shown');
  const answers = await events(page, 'quiz-answer');
  assert.deepEqual(answers.map((e) => [e.target, e.detail.bankId, e.detail.questionId, e.detail.correct]), [
    ['playground', basics.id, 'q1', false],
  ]);
  await quiz.next();
  assert.equal(await quiz.counter(), 'Question 2 of 5');

  // Starting over forgets the preview's answers and round.
  await page.getByRole('button', { name: 'Start the preview over' }).click();
  await eventually(async () => assert.equal(await preview(page, basics).counter(), 'Question 1 of 5'));
  assert.equal(await preview(page, basics).prompt(), basics.questions[0].prompt);
  assert.deepEqual(await preview(page, basics).progress(), { bankId: basics.id, answered: 0, correct: 0, total: 5, rounds: 0, bestPercent: null });
  await context.setOffline(false);
  assert.deepEqual(errors, []);
});

const GIFT = `// Fire safety, as exported by Moodle (GIFT in a .txt file)
$CATEGORY: $course$/Fire safety

::fire-exits::Which sign marks an emergency exit? {
  =A green sign with a running figure
  ~A red circle
  ~A yellow triangle
  ####Emergency exit signs are green in most countries.
}

::water-electrics::Water is a safe way to put out an electrical fire. {FALSE ####Water conducts electricity.}

::assembly::Where do you go after leaving the building? {
  ~Back to your desk
  =To the assembly point
  ~To the car park exit
  ####The assembly point is where people are counted.
}
`;

test('a pasted GIFT sample is detected, previewed and downloaded as a valid bank', async (t) => {
  const { page, problems: errors } = await openPlayground(t);
  await page.locator('#pg-mode').selectOption('practice');
  await page.locator('#pg-shuffle').uncheck();
  await paste(page, GIFT);
  await eventually(async () =>
    assert.equal(await status(page).textContent(), 'Read as GIFT (detected). No problems. The preview runs 3 questions.'));
  assert.match(await page.locator('#pg-format option:checked').textContent(), /^Detect \(GIFT\)$/);
  // Fields for the converted bank appear for an import.
  await page.locator('#pg-import-id').fill('fire-safety');
  await page.locator('#pg-import-title').fill('Fire safety');
  await eventually(async () => assert.equal(await page.locator('checkpoint-quiz#playground .cq-title').textContent(), 'Fire safety'));

  const quiz = await preview(page, {
    id: 'fire-safety',
    questions: [
      { prompt: 'Which sign marks an emergency exit?', choices: [], answer: 0 },
    ],
  }).ready();
  assert.equal(await quiz.prompt(), 'Which sign marks an emergency exit?');
  await quiz.choose([0]);
  await quiz.check();
  assert.ok((await quiz.text('.cq-feedback')).includes('Emergency exit signs are green in most countries.'));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'fire-safety.json');
  const bank = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(bank.id, 'fire-safety');
  assert.equal(bank.title, 'Fire safety');
  assert.equal(bank.version, 1);
  assert.equal(bank.language, 'en');
  assert.deepEqual(bank.questions.map((q) => [q.id, q.choices.length, q.answer]), [
    ['fire-exits', 3, 0],
    ['water-electrics', 2, 1],
    ['assembly', 3, 1],
  ]);
  assert.equal(bank.questions[1].explanation, 'Water conducts electricity.');

  // The downloaded file is a bank the widget loads, on any page.
  env.servers.route('/downloaded/fire-safety.json', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(bank));
  });
  const host = await env.open(t, env.servers.page(`<checkpoint-quiz bank="/downloaded/fire-safety.json"></checkpoint-quiz>`));
  await new Quiz(host.page, bank).startScreen();
  const ready = await events(host.page, 'quiz-ready');
  assert.deepEqual(ready.map((e) => e.detail), [{ bankId: 'fire-safety', title: 'Fire safety', questions: 3 }]);
  assert.deepEqual(errors, []);
});

test('the copied snippet, with the controls set, works on a fresh host page', async (t) => {
  const { page, problems: errors } = await openPlayground(t);
  await page.locator('#pg-mode').selectOption('practice');
  await page.locator('#pg-count').fill('2');
  await page.locator('#pg-shuffle').uncheck();
  await page.locator('#pg-theme').selectOption('dark');
  await page.locator('#pg-colour-accent').fill('#ff8800');
  await page.locator('#pg-pass-mark').fill('150');
  assert.match(await page.locator('#pg-pass-mark-problem').textContent(), /from 1 to 100/, 'a bad value is named');
  await page.locator('#pg-pass-mark').fill('80');
  assert.equal(await page.locator('#pg-pass-mark-problem').count(), 0);
  // The preview follows the controls.
  const shown = page.locator('checkpoint-quiz#playground');
  await eventually(async () => assert.equal(await shown.getAttribute('theme'), 'dark'));
  assert.equal(await shown.getAttribute('count'), '2');

  // Where this site keeps the widget and the bank.
  await page.locator('#pg-script-url').fill(env.servers.loaderUrl);
  await page.locator('#pg-bank-url').fill('/fixtures/basics.json');
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await eventually(async () => assert.equal(await page.locator('.pg-copy-status').textContent(), 'Copied to the clipboard.'));
  assert.ok(await page.locator('.pg-copy-status').isVisible());
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.locator('#pg-snippet').inputValue());
  assert.equal(snippet, `<script type="module" src="${env.servers.loaderUrl}"></script>
<style>
  checkpoint-quiz { --cq-accent: #ff8800; }
</style>
<checkpoint-quiz bank="/fixtures/basics.json" mode="practice" count="2" pass-mark="80" shuffle="false" theme="dark"></checkpoint-quiz>
`);

  const host = await env.open(t, env.servers.page(snippet, { loader: false }));
  const quiz = await new Quiz(host.page, basics).ready();
  assert.equal(await quiz.counter(), 'Question 1 of 2');
  assert.equal(await quiz.prompt(), basics.questions[0].prompt);
  const widget = host.page.locator('checkpoint-quiz');
  assert.equal(await widget.evaluate((el) => getComputedStyle(el).getPropertyValue('--cq-accent').trim()), '#ff8800');
  assert.equal(await widget.getAttribute('theme'), 'dark');
  await quiz.answer(true);
  await quiz.next();
  await quiz.answer(true);
  await quiz.next();
  const [complete] = await events(host.page, 'quiz-complete');
  assert.deepEqual([complete.detail.score, complete.detail.total, complete.detail.mode], [2, 2, 'practice']);
  assert.deepEqual(host.problems, []);
  assert.deepEqual(errors, []);
});

test('when the clipboard refuses, the snippet is selected to copy by hand', async (t) => {
  const { page } = await openPlayground(t, {
    init: [() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    }],
  });
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await eventually(async () => assert.match(await page.locator('.pg-copy-status').textContent(), /did not allow copying: the snippet is selected/));
  const selection = await page.locator('#pg-snippet').evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
  assert.deepEqual(selection, [0, selection[2], selection[2]]);
  assert.equal((await focused(page)).tag, 'textarea');
});

const AIKEN = `Which colour is a fire extinguisher for electrical fires labelled with in the UK?
A) Black
B) Red
C) Cream
ANSWER: A
`;

test('a dropped Aiken .txt file is read and named after the file; the menu overrides detection; the draft survives a reload', async (t) => {
  const { page, problems: errors } = await openPlayground(t);
  // Drop a file on the editor, as from a file manager.
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'UK extinguishers.txt', { type: 'text/plain' }));
    return dt;
  }, AIKEN);
  await editor(page).dispatchEvent('dragover', { dataTransfer: transfer });
  await editor(page).dispatchEvent('drop', { dataTransfer: transfer });
  await eventually(async () => assert.equal(await editor(page).inputValue(), AIKEN));
  await eventually(async () =>
    assert.match(await status(page).textContent(), /^Read as Aiken \(detected\)\. .*The preview runs 1 question\.$/));
  assert.equal(await page.locator('#pg-import-id').getAttribute('placeholder'), 'uk-extinguishers');
  assert.equal(await page.locator('#pg-import-title').getAttribute('placeholder'), 'UK extinguishers');
  await eventually(async () => assert.equal(await page.locator('checkpoint-quiz#playground .cq-title').textContent(), 'UK extinguishers'));

  // Read as GIFT instead, it has no answer blocks: the menu wins, and says so.
  await page.locator('#pg-format').selectOption('gift');
  await eventually(async () => assert.match(await status(page).textContent(), /^Read as GIFT \(chosen\)\./));
  assert.ok((await problems(page)).length > 0);
  await page.locator('#pg-format').selectOption('');
  await eventually(async () => assert.match(await status(page).textContent(), /^Read as Aiken \(detected\)\./));

  // Opening a file through the file picker works the same way.
  await page.locator('#pg-file').setInputFiles({ name: 'basics.json', mimeType: 'application/json', buffer: Buffer.from(fixtureText('basics.json')) });
  await eventually(async () => assert.equal(await status(page).textContent(), 'Read as JSON (detected). No problems. The preview runs 5 questions.'));

  // The editor's text is kept for the next visit.
  await page.reload();
  await eventually(async () => assert.equal(await editor(page).inputValue(), fixtureText('basics.json')));
  await eventually(async () => assert.match(await status(page).textContent(), /The preview runs 5 questions\.$/));
  assert.deepEqual(errors, []);
});

async function axe(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical problems, with problems listed and with an import', async (t) => {
  const { page } = await openPlayground(t);
  await preview(page, { questions: [] }).startScreen();
  assert.deepEqual(await axe(page), [], 'first visit');
  await editor(page).fill(brokenBasics().text);
  await eventually(async () => assert.equal(await problemButtons(page).count(), 3));
  await page.locator('#pg-count').fill('zero');
  assert.deepEqual(await axe(page), [], 'problems listed, a bad setting');
  await editor(page).fill(GIFT);
  await page.locator('#pg-import-id').waitFor();
  assert.deepEqual(await axe(page), [], 'an import');
  // Focus is visible on the controls.
  await page.locator('#pg-format').focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
});

test('at 360 px the playground stacks vertically and never scrolls sideways', async (t) => {
  const { page, problems: errors } = await openPlayground(t, {
    viewport: { width: 360, height: 740 },
    context: { isMobile: true, hasTouch: true },
  });
  await preview(page, { questions: [] }).startScreen();
  await editor(page).fill(brokenBasics().text);
  await eventually(async () => assert.equal(await problemButtons(page).count(), 3));
  await page.locator('#pg-count').fill('zero');
  const layout = await page.evaluate(() => {
    const box = (sel) => document.querySelector(sel).getBoundingClientRect();
    return {
      scrollWidth: document.documentElement.scrollWidth,
      editor: box('.pg-editor'),
      preview: box('.pg-preview'),
      settings: box('.pg-settings'),
      snippet: box('.pg-snippet'),
    };
  });
  assert.ok(layout.scrollWidth <= 360, `the page scrolls sideways (scrollWidth ${layout.scrollWidth})`);
  const order = ['editor', 'preview', 'settings', 'snippet'];
  for (let i = 1; i < order.length; i++) {
    const [a, b] = [layout[order[i - 1]], layout[order[i]]];
    assert.ok(b.top >= a.bottom, `${order[i]} is below ${order[i - 1]}`);
    assert.ok(b.right <= 360 && b.left >= 0, `${order[i]} fits the screen`);
  }
  assert.deepEqual(errors, []);
});
