// Living on someone else's page: two widgets side by side, the host's global CSS on a
// narrow phone screen, a strict Content-Security-Policy, and accessibility checks.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';

import { useBrowser, answerLog, events, eventually, fixture, generatedBank, Quiz, wrongOf } from './helpers.mjs';

const basics = fixture('basics.json');
const second = fixture('second.json');
const long = fixture('long-words.json');

const env = useBrowser();
const open = env.open;

test('two widgets with different banks on one page are independent', async (t) => {
  const url = env.servers.page(`
    <checkpoint-quiz id="a" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>
    <p>Between the quizzes.</p>
    <checkpoint-quiz id="b" bank="/fixtures/second.json" shuffle="false" mode="practice"></checkpoint-quiz>`);
  const { page, problems } = await open(t, url);
  let a = await new Quiz(page, basics, '#a').ready();
  let b = await new Quiz(page, second, '#b').ready();
  assert.equal(await a.text('.cq-title'), basics.title);
  assert.equal(await b.text('.cq-title'), second.title);

  await a.answer(true);
  await a.next();
  await a.answer(false);
  assert.equal(await b.counter(), 'Question 1 of 3', 'answering in A does not move B');
  assert.equal(await b.$('.cq-feedback').count(), 0);
  assert.deepEqual(await b.checkedValues(), []);
  assert.deepEqual(await b.progress(), { bankId: second.id, answered: 0, correct: 0, total: 3, rounds: 0, bestPercent: null });
  assert.deepEqual(await a.progress(), { bankId: basics.id, answered: 2, correct: 1, total: 5, rounds: 0, bestPercent: null });

  // Choosing in B does not touch A's radios (same input names in both shadow roots).
  await b.choose([1]);
  assert.deepEqual(await b.checkedValues(), [1]);
  assert.deepEqual(await a.checkedValues(), wrongOf(basics.questions[1]), "A keeps its checked answer");
  await b.check();
  assert.equal(await a.counter(), 'Question 2 of 5');
  assert.equal((await a.progress()).answered, 2);

  const answers = await events(page, 'quiz-answer');
  assert.deepEqual(answers.map((e) => [e.target, e.detail.bankId]),
    [['a', basics.id], ['a', basics.id], ['b', second.id]]);

  // Each resumes its own round after a reload.
  await page.reload();
  a = await new Quiz(page, basics, '#a').ready();
  b = await new Quiz(page, second, '#b').ready();
  assert.equal(await a.counter(), 'Question 2 of 5');
  assert.equal(await b.counter(), 'Question 1 of 3');
  assert.equal((await a.progress()).answered, 2);
  assert.equal((await b.progress()).answered, 1);
  assert.deepEqual(problems, []);
});

test('two widgets with the same bank and different ids keep separate rounds but share progress', async (t) => {
  const url = env.servers.page(`
    <checkpoint-quiz id="one" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>
    <checkpoint-quiz id="two" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`);
  const { page, problems } = await open(t, url);
  let one = await new Quiz(page, basics, '#one').ready();
  let two = await new Quiz(page, basics, '#two').ready();

  await one.answer(true);
  await one.next();
  await one.answer(true);
  await one.next();
  assert.equal(await two.counter(), 'Question 1 of 5', 'answering in one does not move two');
  assert.equal(await two.$('.cq-feedback').count(), 0);
  assert.deepEqual(await two.checkedValues(), []);
  await eventually(async () => assert.deepEqual(await two.progress(), await one.progress(), "two's progress follows one's answers"));
  assert.equal((await two.progress()).answered, 2);

  await two.answer(false);
  assert.equal(await one.counter(), 'Question 3 of 5');
  assert.equal(await one.$('.cq-feedback').count(), 0);
  await eventually(async () => assert.deepEqual(await one.progress(),
    { bankId: basics.id, answered: 2, correct: 1, total: 5, rounds: 0, bestPercent: null }, 'q1 is now last answered wrong'));

  await page.reload();
  one = await new Quiz(page, basics, '#one').ready();
  two = await new Quiz(page, basics, '#two').ready();
  assert.equal(await one.counter(), 'Question 3 of 5', 'one resumes its own round');
  assert.equal(await one.$('.cq-feedback').count(), 0);
  assert.equal(await two.counter(), 'Question 1 of 5', 'two resumes its own round');
  assert.match(await two.text('.cq-verdict'), /Not quite\./);
  assert.deepEqual(problems, []);
});

test('two widgets with the same bank and no ids keep separate rounds, told apart by their order', async (t) => {
  const url = env.servers.page(`
    <div class="first"><checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz></div>
    <div class="second"><checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz></div>`);
  const { page, problems } = await open(t, url);
  let first = await new Quiz(page, basics, '.first checkpoint-quiz').ready();
  let second = await new Quiz(page, basics, '.second checkpoint-quiz').ready();
  await first.answer(true);
  await first.next();
  assert.equal(await second.counter(), 'Question 1 of 5');
  await page.reload();
  first = await new Quiz(page, basics, '.first checkpoint-quiz').ready();
  second = await new Quiz(page, basics, '.second checkpoint-quiz').ready();
  assert.equal(await first.counter(), 'Question 2 of 5', 'the first resumes its own round');
  assert.equal(await second.counter(), 'Question 1 of 5', 'the second was not moved by the first');
  const keys = Object.keys(await page.evaluate(() => ({ ...localStorage }))).filter((k) => k.includes(':round:')).sort();
  assert.deepEqual(keys, [`checkpoint-quiz:round:${basics.id}`, `checkpoint-quiz:round:${basics.id}:2`]);
  assert.deepEqual(problems, []);
});

test('answers given in two widgets of the same bank are all kept in its progress', async (t) => {
  const url = env.servers.page(`
    <checkpoint-quiz id="one" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>
    <checkpoint-quiz id="two" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>`);
  const { page } = await open(t, url);
  let one = await new Quiz(page, basics, '#one').ready();
  let two = await new Quiz(page, basics, '#two').ready();
  await one.answer(true); // q1
  await one.next();
  await one.answer(true); // q2
  await one.next();
  await two.answer(false); // q1 again, in the other widget
  await page.reload();
  one = await new Quiz(page, basics, '#one').ready();
  two = await new Quiz(page, basics, '#two').ready();
  // q1 and q2 were both answered on this page: "answered" counts distinct questions across reloads.
  assert.equal((await one.progress()).answered, 2, JSON.stringify(await one.progress()));
  assert.deepEqual(await two.progress(), await one.progress());
  // All three answers are in the log.
  const log = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.q, `checkpoint-quiz:progress:${basics.id}`);
  assert.deepEqual(Object.fromEntries(Object.entries(answerLog({ q: log })).map(([id, answers]) => [id, answers.length])), { q1: 2, q2: 1 });
});

const HOSTILE_CSS = `
  html { font-size: 10px; }
  * { box-sizing: content-box; margin: 0; padding: 0; }
  body { font: 1.8rem/1.6 Georgia, "Times New Roman", serif; color: #222; background: #f6f5f1; }
  main { padding: 0 1.6rem; }
  h1 { font-size: 3.2rem; }
  p { margin-bottom: 1.6rem; }
  button { background: #e11d48; color: #fff; border-radius: 0; text-transform: uppercase; padding: 2px; font-size: 1.2rem; line-height: 1; }
  label { display: block; font-size: 1.2rem; font-weight: bold; }
  input { margin: 0 4px; width: 100%; }
  ul, ol { list-style: none; }
  legend { font-size: 1.3rem; }
  checkpoint-quiz { margin: 2.4rem 0; --cq-accent: #0f2a44; }
`;

/** Layout facts about the page and the widget in it. */
function layout(page, selector = 'checkpoint-quiz') {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    const root = el.shadowRoot;
    const vw = document.documentElement.clientWidth;
    const sticking = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      // Visually hidden text (the score history table for screen readers) is clipped away.
      if (n.parentElement.closest('.cq-sr-only')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width && (r.right > vw + 0.5 || r.left < -0.5)) sticking.push(`${n.textContent.slice(0, 40)} [${r.left}, ${r.right}]`);
    }
    const size = (list) => [...list].map((e) => {
      const r = e.getBoundingClientRect();
      return { text: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30), width: r.width, height: r.height };
    });
    const px = (e) => parseFloat(getComputedStyle(e).fontSize);
    const buttons = root.querySelectorAll('button');
    return {
      viewport: vw,
      scrollWidth: document.scrollingElement.scrollWidth,
      sticking,
      labels: size(root.querySelectorAll('label.cq-choice')),
      // Everything else a finger has to hit: buttons (modes, exam navigator, Menu), the
      // "Mastery by topic" disclosure, the file picker.
      buttons: size(root.querySelectorAll('button, summary, input[type=file]')),
      hostFont: px(el),
      textFonts: [...root.querySelectorAll(
        '.cq-prompt, .cq-choice-text, .cq-explanation, .cq-score, .cq-missed p, .cq-mode-name, .cq-screen-title, .cq-readiness, .cq-figures dd',
      )].map(px),
      buttonFonts: [...buttons].map((b) => ({ text: b.textContent.trim().slice(0, 30), size: px(b) })),
      buttonTransforms: [...buttons].map((b) => getComputedStyle(b).textTransform),
    };
  }, selector);
}

function assertFits(l, view) {
  assert.equal(l.viewport, 360);
  assert.ok(l.scrollWidth <= 360, `${view}: the page scrolls sideways (scrollWidth ${l.scrollWidth})`);
  assert.deepEqual(l.sticking, [], `${view}: text sticks out of the screen`);
  for (const x of [...l.labels, ...l.buttons]) {
    assert.ok(x.height >= 44, `${view}: "${x.text}" is ${x.height}px tall, under 44px`);
    assert.ok(x.width >= 44, `${view}: "${x.text}" is ${x.width}px wide, under 44px`);
  }
  assert.ok(Math.abs(l.hostFont - 16) < 0.5, `${view}: the widget's font size is ${l.hostFont}px, not 16px`);
  for (const f of l.textFonts) {
    assert.ok(f >= 15 && f <= 20, `${view}: text inside is ${f}px, not about 16px`);
  }
  // Small print (Menu, the exam navigator) is 0.875em = 14px of the widget's 16px; the host
  // page's button rule (1.2rem = 12px) must not reach any button.
  for (const { text, size } of l.buttonFonts) {
    assert.ok(size >= 14 && size <= 20, `${view}: button "${text}" has ${size}px text, not about 16px`);
  }
  for (const tt of l.buttonTransforms) assert.equal(tt, 'none', `${view}: host button rules leak in`);
}

test("the host page's global CSS and a 360px screen do not break any view, even with very long words", async (t) => {
  const url = env.servers.page(`<p>Some article text before the quiz.</p>
    <checkpoint-quiz bank="/fixtures/long-words.json" shuffle="false"></checkpoint-quiz>
    <p>And after it.</p>`, { head: `<style>${HOSTILE_CSS}</style>` });
  const { page, problems } = await open(t, url, { viewport: { width: 360, height: 740 }, context: { isMobile: true, hasTouch: true } });
  const quiz = await new Quiz(page, long).startScreen();
  // The host page's own rules are in force (so the test really is hostile).
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px');
  const start = await layout(page);
  assert.equal(start.buttons.length, 6, 'four modes and two buttons');
  assertFits(start, 'start screen');

  await quiz.begin('Practice');
  const l1 = await layout(page);
  assert.ok(l1.labels.length >= 3);
  assertFits(l1, 'question');

  await quiz.answer(false);
  assertFits(await layout(page), 'feedback');
  await quiz.next();

  assert.equal(await quiz.$('input[type=checkbox]').count(), 3);
  assertFits(await layout(page), 'select-all question');
  await quiz.answer(false);
  assertFits(await layout(page), 'select-all feedback');
  await quiz.next();

  await quiz.$('.cq-summary').waitFor();
  assert.equal(await quiz.$('.cq-missed').count(), 2);
  const summary = await layout(page);
  assert.equal(summary.buttons.length, 3);
  assertFits(summary, 'summary');

  // The start screen with figures and the mastery bars unfolded (a very long topic name).
  await quiz.button('Back to start').click();
  await quiz.startScreen();
  await quiz.$('details summary').click();
  assert.equal(await quiz.$('details').getAttribute('open'), '');
  assertFits(await layout(page), 'start screen with mastery');

  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assert.ok(await quiz.host.getByRole('button', { name: /^Practise / }).count() >= 1);
  assertFits(await layout(page), 'dashboard');
  await quiz.button('Back').click();

  await quiz.button('Save or restore progress').click();
  await quiz.heading('Save or restore progress').waitFor();
  assertFits(await layout(page), 'save or restore');
  await quiz.button('Back').click();

  await quiz.begin('Mock exam');
  assert.equal(await quiz.navigator.count(), 2);
  assertFits(await layout(page), 'exam');
  await quiz.pick(true);
  await quiz.button('Flag for review').click();
  await quiz.askSubmit();
  assertFits(await layout(page), 'exam with the confirm box');
  await quiz.host.getByRole('alertdialog').getByRole('button', { name: 'Submit exam', exact: true }).click();
  await quiz.heading('Mock exam result').waitFor();
  assertFits(await layout(page), 'exam result');
  assert.deepEqual(problems, []);
});

test('the default stylesheet gives touch-sized targets and 16px text on a plain page too, with a long exam navigator', async (t) => {
  const bank = generatedBank('e2e-forty', 40);
  env.servers.route('/generated/forty.json', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(bank));
  });
  const url = env.servers.page(`
    <checkpoint-quiz id="practice" bank="/fixtures/basics.json" shuffle="false" mode="practice"></checkpoint-quiz>
    <checkpoint-quiz id="exam" bank="/generated/forty.json" mode="exam" count="all" time-limit="1800"></checkpoint-quiz>`);
  const { page } = await open(t, url, { viewport: { width: 360, height: 740 } });
  const quiz = await new Quiz(page, basics, '#practice').ready();
  assertFits(await layout(page, '#practice'), 'question');
  await quiz.answer(true);
  assertFits(await layout(page, '#practice'), 'feedback');
  await quiz.button('Menu').click();
  await quiz.startScreen();
  assertFits(await layout(page, '#practice'), 'start screen');
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assertFits(await layout(page, '#practice'), 'dashboard');

  const exam = await new Quiz(page, bank, '#exam').ready();
  assert.equal(await exam.navigator.count(), 40);
  const l = await layout(page, '#exam');
  assertFits(l, 'exam with 40 questions');
  const rows = await exam.navigator.evaluateAll((bs) => new Set(bs.map((b) => Math.round(b.getBoundingClientRect().top))).size);
  assert.ok(rows > 1, 'the navigator wraps onto several rows');
});

function cspPage(csp) {
  return env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`, {
    csp,
    head: '<link rel="stylesheet" href="/fixtures/host.css">',
  });
}

const RECORD_CSP_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  }, true);
};

test("works under a Content-Security-Policy without 'unsafe-inline' styles, styled by a constructable stylesheet", async (t) => {
  const csp = [
    "default-src 'none'",
    `script-src ${env.servers.distOrigin} 'wasm-unsafe-eval'`,
    `connect-src ${env.servers.distOrigin} ${env.servers.hostOrigin}`,
    "style-src 'self'",
    'img-src data:',
  ].join('; ');
  const { page, problems } = await open(t, cspPage(csp), { init: [RECORD_CSP_VIOLATIONS] });
  const quiz = await new Quiz(page, basics).startScreen();
  await quiz.begin('Practice');
  await quiz.answer(true);
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
  const styled = await quiz.host.evaluate((el) => {
    const root = el.shadowRoot;
    const button = root.querySelector('button.cq-button');
    return {
      adopted: root.adoptedStyleSheets.length,
      display: getComputedStyle(el).display,
      buttonMinHeight: getComputedStyle(button).minHeight,
      rootBorder: getComputedStyle(root.querySelector('.cq-root')).borderTopWidth,
      choiceDisplay: getComputedStyle(root.querySelector('label.cq-choice')).display,
    };
  });
  assert.ok(styled.adopted >= 1, 'styles come from an adopted stylesheet');
  assert.equal(styled.display, 'block');
  assert.equal(styled.buttonMinHeight, '48px');
  assert.equal(styled.rootBorder, '1px');
  assert.equal(styled.choiceDisplay, 'flex');
  // The other screens render under the policy too.
  await quiz.button('Menu').click();
  await quiz.startScreen();
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  await quiz.button('Back').click();
  await quiz.begin('Mock exam');
  assert.equal(await quiz.navigator.count(), 5);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});

test("under a CSP without 'wasm-unsafe-eval' the widget says why it cannot start", async (t) => {
  const csp = [
    "default-src 'none'",
    `script-src ${env.servers.distOrigin}`,
    `connect-src ${env.servers.distOrigin} ${env.servers.hostOrigin}`,
    "style-src 'self'",
    'img-src data:',
  ].join('; ');
  const { page } = await open(t, cspPage(csp));
  const alert = page.locator('checkpoint-quiz [role=alert]');
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.innerText(), /could not start.*'wasm-unsafe-eval'/s);
  await eventually(async () => assert.equal((await events(page, 'quiz-error')).length, 1));
});

async function axe(page) {
  const result = await new AxeBuilder({ page }).include('checkpoint-quiz').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical problems in the question, feedback and summary views', async (t) => {
  const url = env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" count="ten" mode="practice"></checkpoint-quiz>`);
  const { page } = await open(t, url);
  const quiz = await new Quiz(page, basics).ready();
  assert.equal((await quiz.notices()).length, 1, 'the notice is part of what is checked');
  assert.deepEqual(await axe(page), [], 'question view');
  await quiz.answer(false);
  assert.deepEqual(await axe(page), [], 'feedback view (wrong answer)');
  await quiz.next();
  await quiz.answer(true);
  assert.deepEqual(await axe(page), [], 'feedback view (right answer)');
  await quiz.next();
  await quiz.play([true, false]);
  // The select-all question.
  assert.equal(await quiz.$('input[type=checkbox]').count(), 4);
  assert.deepEqual(await axe(page), [], 'select-all question');
  await quiz.answer(false);
  await quiz.next();
  await quiz.$('.cq-summary').waitFor();
  assert.deepEqual(await axe(page), [], 'summary view');
});

test('axe finds no serious or critical problems in the error view', async (t) => {
  const { page } = await open(t, env.servers.page(`<checkpoint-quiz bank="/fixtures/bad-answer.json"></checkpoint-quiz>`));
  await page.locator('checkpoint-quiz [role=alert]').waitFor();
  assert.deepEqual(await axe(page), []);
});

test('axe finds no serious or critical problems in the start screen, exam, exam result, dashboard and save or restore views', async (t) => {
  const url = env.servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" time-limit="600"></checkpoint-quiz>`);
  const { page } = await open(t, url);
  const quiz = await new Quiz(page, basics).startScreen();
  assert.equal(await quiz.mode('Review missed').isDisabled(), true);
  assert.deepEqual(await axe(page), [], 'start screen (fresh)');

  await quiz.begin('Mock exam');
  await quiz.pick(true);
  await quiz.button('Flag for review').click();
  await quiz.button('Next').click();
  await eventually(async () => assert.equal(await quiz.counter(), 'Question 2 of 5'));
  await quiz.pick(false);
  assert.equal(await quiz.$('p.cq-timer').count(), 1);
  assert.deepEqual(await axe(page), [], 'exam view with the navigator and the clock');
  await quiz.askSubmit();
  assert.deepEqual(await axe(page), [], 'exam view with the confirm box open');
  await quiz.host.getByRole('alertdialog').getByRole('button', { name: 'Submit exam', exact: true }).click();
  await quiz.heading('Mock exam result').waitFor();
  assert.deepEqual(await axe(page), [], 'exam result');

  await quiz.button('Back to start').click();
  await quiz.startScreen();
  await quiz.$('details summary').click();
  assert.deepEqual(await axe(page), [], 'start screen with figures and mastery');
  await quiz.button('Your progress').click();
  await quiz.heading('Your progress').waitFor();
  assert.equal(await quiz.heading('Weakest topics').count(), 1);
  assert.deepEqual(await axe(page), [], 'dashboard');
  await quiz.button('Back').click();

  await quiz.button('Save or restore progress').click();
  await quiz.heading('Save or restore progress').waitFor();
  assert.deepEqual(await axe(page), [], 'save or restore');
  await quiz.host.getByLabel('Choose a progress file to import').setInputFiles({
    name: 'progress.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'checkpoint-quiz-progress', v: 2, exported: 1, banks: { [basics.id]: { t0: 1, r: [], q: { q3: [2] } } } })),
  });
  await quiz.host.getByRole('alertdialog', { name: 'Import this progress file?' }).waitFor();
  assert.deepEqual(await axe(page), [], 'import preview');
  await quiz.button('Cancel').click();
  await quiz.button('Reset progress for this quiz…').click();
  await quiz.host.getByRole('alertdialog', { name: 'Reset your progress?' }).waitFor();
  assert.deepEqual(await axe(page), [], 'reset confirm box');
});
