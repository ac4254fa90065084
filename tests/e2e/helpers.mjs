// Shared helpers for the end-to-end tests: the browser, fixtures, waiting, and a small
// driver that answers questions in one <checkpoint-quiz> the way a learner would.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { FIXTURES, startServers } from './server.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
];

/** One browser per test file. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function fixtureText(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A fixture bank, parsed: tests compute right answers from it, never hard-code them. */
export function fixture(name) {
  return JSON.parse(fixtureText(name));
}

export const LETTERS = 'ABCDEFGHIJ';

/** The right choice indices of a bank question, sorted. */
export function rightOf(q) {
  return Array.isArray(q.answer) ? [...q.answer].sort((a, b) => a - b) : [q.answer];
}

/** A wrong answer: the next choice for a single answer, only part of the set for select-all. */
export function wrongOf(q) {
  return Array.isArray(q.answer) ? [rightOf(q)[0]] : [(q.answer + 1) % q.choices.length];
}

/** A bank of `n` one-answer questions, for tests that need more than the fixtures have. */
export function generatedBank(id, n) {
  const questions = Array.from({ length: n }, (_, i) => ({
    id: `g${i + 1}`,
    prompt: `Generated question ${i + 1}?`,
    choices: ['yes', 'no'],
    answer: 0,
    explanation: 'Generated.',
  }));
  return { id, title: `Generated ${id}`, version: 1, language: 'en', questions };
}

/** Retries `fn` (which throws or rejects while not yet true) until it passes or time runs out. */
export async function eventually(fn, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Records every widget event that reaches `document`, before any page script runs. */
export const RECORD_EVENTS = () => {
  window.__cqEvents = [];
  for (const type of ['quiz-ready', 'quiz-answer', 'quiz-complete', 'quiz-error']) {
    document.addEventListener(type, (e) => {
      window.__cqEvents.push({
        type,
        target: e.target.id || e.target.localName,
        bubbles: e.bubbles,
        composed: e.composed,
        detail: JSON.parse(JSON.stringify(e.detail)),
      });
    });
  }
};

/**
 * A fresh context (fresh localStorage) and page that records widget events and collects
 * console errors and uncaught exceptions in `problems`.
 */
/**
 * Starts the two servers and one browser for a test file (closed after it), and returns
 * `env` with `env.servers`, `env.browser` and `env.open(t, url, options)`, which opens a page
 * in a fresh browser context that closes when the test ends.
 */
export function useBrowser() {
  const env = {
    servers: null,
    browser: null,
    async open(t, url, options) {
      const opened = await openPage(env.browser, url, options);
      t.after(() => opened.context.close());
      return opened;
    },
  };
  before(async () => {
    env.servers = await startServers();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.servers?.close();
  });
  return env;
}

export async function openPage(browser, url, { viewport, init = [], context: ctxOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1000, height: 800 }, ...ctxOptions });
  await context.addInitScript(RECORD_EVENTS);
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  const problems = watch(page);
  if (url) await page.goto(url);
  return { context, page, problems };
}

/** Console errors and uncaught page errors, as strings. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console.error: ' + m.text());
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  return problems;
}

export function events(page, type) {
  return page.evaluate((type) => window.__cqEvents.filter((e) => !type || e.type === type), type);
}

/** What has focus, looking inside shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      host = el;
      el = el.shadowRoot.activeElement;
    }
    if (!el) return null;
    return {
      host: host ? host.id || host.localName : null,
      tag: el.localName,
      type: el.getAttribute('type'),
      value: el.value ?? null,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent || '').trim(),
    };
  });
}

/** Bank text as the widget shows it: formatting markers gone, escapes resolved (enough for fixtures). */
export function shownText(text) {
  return text.replace(/\\([*`\\])|[*`]/g, (_, escaped) => escaped ?? '').replace(/\n/g, '');
}

/** Drives one widget like a learner: reads the question on screen, picks choices, presses buttons. */
export class Quiz {
  constructor(page, bank, selector = 'checkpoint-quiz') {
    this.page = page;
    this.bank = bank;
    this.host = page.locator(selector);
  }

  $(css) {
    return this.host.locator(css);
  }

  button(name) {
    return this.host.getByRole('button', { name, exact: true });
  }

  get choices() {
    return this.$('label.cq-choice');
  }

  get inputs() {
    return this.$('label.cq-choice input');
  }

  /** The choice with the bank's index `i`, wherever the shuffle put it (its input's value). */
  choice(i) {
    return this.$(`label.cq-choice:has(input[value="${i}"])`);
  }

  /** Bank indices of the choices, in the order shown. */
  async order() {
    return (await this.inputs.evaluateAll((els) => els.map((e) => e.value))).map(Number);
  }

  /** The letter shown beside the choice with the bank's index `i`. */
  async letterOf(i) {
    return LETTERS[(await this.order()).indexOf(i)];
  }

  /** Waits until a question is on screen. */
  async ready() {
    await this.$('legend.cq-prompt').waitFor({ timeout: 10000 });
    return this;
  }

  async text(css) {
    return ((await this.$(css).textContent()) ?? '').trim();
  }

  async counter() {
    return this.text('.cq-counter > span:first-child');
  }

  async prompt() {
    return this.text('legend.cq-prompt');
  }

  /** The bank question whose prompt is on screen. */
  async question() {
    const prompt = await this.prompt();
    const q = this.bank.questions.find((q) => q.prompt === prompt || shownText(q.prompt) === prompt);
    assert.ok(q, `the prompt on screen is not in bank ${this.bank.id}: ${prompt}`);
    return q;
  }

  async choose(indices) {
    for (const i of indices) await this.choice(i).click();
  }

  async check() {
    await this.button('Check').click();
    await this.$('.cq-feedback').waitFor();
  }

  /** Answers the question on screen right or wrong; returns it and the indices chosen. */
  async answer(right) {
    const q = await this.question();
    const chosen = right ? rightOf(q) : wrongOf(q);
    await this.choose(chosen);
    await this.check();
    return { q, chosen };
  }

  /** Presses "Next question" or "See results". */
  async next() {
    const before = await this.counter();
    const button = this.$('.cq-actions button');
    const name = (await button.textContent()).trim();
    assert.ok(name === 'Next question' || name === 'See results', `no Next button, found "${name}"`);
    await button.click();
    if (name === 'See results') await this.$('.cq-summary').waitFor();
    else await eventually(async () => assert.notEqual(await this.counter(), before));
  }

  /** Answers the rest of the round, right or wrong as `pattern` says; returns what was asked. */
  async play(pattern) {
    const asked = [];
    for (const right of pattern) {
      asked.push(await this.answer(right));
      await this.next();
    }
    return asked;
  }

  async checkedValues() {
    return this.inputs.evaluateAll((els) => els.filter((e) => e.checked).map((e) => Number(e.value)).sort((a, b) => a - b));
  }

  async notices() {
    return this.$('.cq-notice').allTextContents();
  }

  progress() {
    return this.host.evaluate((el) => el.progress);
  }

  // --- The start screen ---

  /** Waits until the start screen is on show. */
  async startScreen() {
    await this.heading('Choose how to study').waitFor({ timeout: 10000 });
    return this;
  }

  /** A heading inside the widget, by its exact text. */
  heading(name) {
    return this.host.getByRole('heading', { name, exact: true });
  }

  /** The figures at the top of the start screen: { Answered, Accuracy, 'Due for review' }. */
  figures() {
    return this.$('dl.cq-figures').evaluate((dl) => Object.fromEntries(
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])));
  }

  /** A mode button of the start screen ("Practice", "Mock exam", "Review missed", "Smart review"). */
  mode(name) {
    return this.host.locator('button.cq-mode').filter({ has: this.page.locator('.cq-mode-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }) });
  }

  /** The note under a mode button, e.g. "10 questions with feedback after each". */
  async modeNote(name) {
    return ((await this.mode(name).locator('.cq-mode-note').textContent()) ?? '').trim();
  }

  /** Starts a mode from the start screen and waits for its first question. */
  async begin(name) {
    await this.mode(name).click();
    return this.ready();
  }

  // --- Mock exams ---

  /** Picks the right (or a wrong) answer of the exam question on screen; no Check in an exam. */
  async pick(right) {
    const q = await this.question();
    const chosen = right ? rightOf(q) : wrongOf(q);
    await this.choose(chosen);
    await eventually(async () => assert.deepEqual(await this.checkedValues(), chosen));
    return { q, chosen };
  }

  /** The buttons of the exam's question navigator. */
  get navigator() {
    return this.host.getByRole('navigation', { name: 'Exam questions' }).getByRole('button');
  }

  async navLabels() {
    return this.navigator.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  }

  /** The 0-based position the navigator marks as current (aria-current="step"). */
  async navCurrent() {
    const current = await this.navigator.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-current')));
    assert.equal(current.filter(Boolean).length, 1, `one current question: ${JSON.stringify(current)}`);
    assert.equal(current.find(Boolean), 'step');
    return current.findIndex(Boolean);
  }

  /** The countdown's "m:ss" (or "h:mm:ss") and the seconds it stands for. */
  async timer() {
    const text = await this.text('p.cq-timer[role=timer]');
    const m = text.match(/(?:^|\s)(?:(\d+):(?=\d\d:))?(\d+):(\d\d)$/);
    assert.ok(m, `the timer shows m:ss: "${text}"`);
    return { text: m[0].trim(), seconds: Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
  }

  /** "Submit exam" / "Submit exam (N unanswered)", opening the confirm box. */
  async askSubmit() {
    await this.host.locator('.cq-exam > .cq-actions > button.cq-primary').click();
    await this.$('[role=alertdialog]').waitFor();
  }
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes items into the page's localStorage (the page must be on the host origin). */
export function seed(page, items) {
  return page.evaluate((items) => {
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, items);
}

/** The parsed JSON stored under `key`, or null. */
export async function stored(page, key) {
  const text = await page.evaluate((key) => localStorage.getItem(key), key);
  return text === null ? null : JSON.parse(text);
}

/**
 * Decodes the answer log of a progress value: { id: [{ at, rating }] } with `at` in ms
 * (rating 1 wrong … 4 easy). Version 3 packs times in whole seconds from `t0` and writes a
 * question answered once as a bare number; version 2 packed ms.
 */
export function answerLog(data, version = 3) {
  const unit = version >= 3 ? 1000 : 1;
  const out = {};
  for (const [id, value] of Object.entries(data.q)) {
    const items = Array.isArray(value) ? value : [value];
    let at = data.t0 ?? 0;
    out[id] = items.filter((x) => typeof x === 'number').map((x) => {
      at += Math.floor(x / 4);
      return { at: at * unit, rating: (x % 4) + 1 };
    });
  }
  return out;
}

/** The stored JSON of every checkpoint-quiz key in the page's localStorage. */
export function storedKeys(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('checkpoint-quiz:')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}
