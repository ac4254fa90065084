// Living on someone else's page: two widgets side by side, the host's global CSS on a
// narrow phone screen, a strict Content-Security-Policy, and accessibility checks.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';

import { startServers } from './server.mjs';
import { Quiz, eventually, events, fixture, generatedBank, launchBrowser, openPage, wrongOf } from './helpers.mjs';

const basics = fixture('basics.json');
const second = fixture('second.json');
const long = fixture('long-words.json');

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

test('two widgets with different banks on one page are independent', async (t) => {
  const url = servers.page(`
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
  const url = servers.page(`
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

test('answers given in two widgets of the same bank are all kept in its progress', async (t) => {
  const url = servers.page(`
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
  assert.deepEqual(Object.fromEntries(Object.entries(log).map(([id, answers]) => [id, answers.length])), { q1: 2, q2: 1 });
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
function layout(page) {
  return page.evaluate(() => {
    const el = document.querySelector('checkpoint-quiz');
    const root = el.shadowRoot;
    const vw = document.documentElement.clientWidth;
    const sticking = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width && (r.right > vw + 0.5 || r.left < -0.5)) sticking.push(`${n.textContent.slice(0, 40)} [${r.left}, ${r.right}]`);
    }
    const size = (list) => [...list].map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent.trim().slice(0, 30), width: r.width, height: r.height };
    });
    const px = (e) => parseFloat(getComputedStyle(e).fontSize);
    return {
      viewport: vw,
      scrollWidth: document.scrollingElement.scrollWidth,
      sticking,
      labels: size(root.querySelectorAll('label.cq-choice')),
      buttons: size(root.querySelectorAll('button')),
      hostFont: px(el),
      textFonts: [...root.querySelectorAll('.cq-choice-text, .cq-explanation, .cq-score, .cq-missed p')].map(px),
      buttonFonts: [...root.querySelectorAll('button')].map(px),
      buttonTransforms: [...root.querySelectorAll('button')].map((b) => getComputedStyle(b).textTransform),
    };
  });
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
  for (const f of [...l.textFonts, ...l.buttonFonts]) {
    assert.ok(f >= 15 && f <= 20, `${view}: text inside is ${f}px, not about 16px`);
  }
  for (const tt of l.buttonTransforms) assert.equal(tt, 'none', `${view}: host button rules leak in`);
}

test("the host page's global CSS and a 360px screen do not break the widget, even with very long words", async (t) => {
  const url = servers.page(`<p>Some article text before the quiz.</p>
    <checkpoint-quiz bank="/fixtures/long-words.json" shuffle="false"></checkpoint-quiz>
    <p>And after it.</p>`, { head: `<style>${HOSTILE_CSS}</style>` });
  const { page, problems } = await open(t, url, { viewport: { width: 360, height: 740 }, context: { isMobile: true, hasTouch: true } });
  const quiz = await new Quiz(page, long).ready();
  // The host page's own rules are in force (so the test really is hostile).
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px');

  const l1 = await layout(page);
  assert.ok(l1.labels.length >= 3);
  assertFits(l1, 'question');

  await quiz.answer(false);
  assertFits(await layout(page), 'feedback');
  await quiz.next();

  assert.equal(await quiz.text('.cq-hint'), 'Select all that apply.');
  assertFits(await layout(page), 'select-all question');
  await quiz.answer(false);
  assertFits(await layout(page), 'select-all feedback');
  await quiz.next();

  await quiz.$('.cq-summary').waitFor();
  assert.equal(await quiz.$('.cq-missed').count(), 2);
  const summary = await layout(page);
  assert.equal(summary.buttons.length, 2);
  assertFits(summary, 'summary');
  assert.deepEqual(problems, []);
});

test('the default stylesheet gives touch-sized targets and 16px text on a plain page too', async (t) => {
  const url = servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`);
  const { page } = await open(t, url, { viewport: { width: 360, height: 740 } });
  const quiz = await new Quiz(page, basics).ready();
  assertFits(await layout(page), 'question');
  await quiz.answer(true);
  assertFits(await layout(page), 'feedback');
});

function cspPage(csp) {
  return servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false"></checkpoint-quiz>`, {
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
    `script-src ${servers.distOrigin} 'wasm-unsafe-eval'`,
    `connect-src ${servers.distOrigin} ${servers.hostOrigin}`,
    "style-src 'self'",
    'img-src data:',
  ].join('; ');
  const { page, problems } = await open(t, cspPage(csp), { init: [RECORD_CSP_VIOLATIONS] });
  const quiz = await new Quiz(page, basics).ready();
  await quiz.answer(true);
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
  const styled = await quiz.host.evaluate((el) => {
    const root = el.shadowRoot;
    const button = root.querySelector('button');
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
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});

test("under a CSP without 'wasm-unsafe-eval' the widget says why it cannot start", async (t) => {
  const csp = [
    "default-src 'none'",
    `script-src ${servers.distOrigin}`,
    `connect-src ${servers.distOrigin} ${servers.hostOrigin}`,
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
  const url = servers.page(`<checkpoint-quiz bank="/fixtures/basics.json" shuffle="false" count="ten"></checkpoint-quiz>`);
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
  assert.equal(await quiz.text('.cq-hint'), 'Select all that apply.');
  assert.deepEqual(await axe(page), [], 'select-all question');
  await quiz.answer(false);
  await quiz.next();
  await quiz.$('.cq-summary').waitFor();
  assert.deepEqual(await axe(page), [], 'summary view');
});

test('axe finds no serious or critical problems in the error view', async (t) => {
  const { page } = await open(t, servers.page(`<checkpoint-quiz bank="/fixtures/bad-answer.json"></checkpoint-quiz>`));
  await page.locator('checkpoint-quiz [role=alert]').waitFor();
  assert.deepEqual(await axe(page), []);
});
