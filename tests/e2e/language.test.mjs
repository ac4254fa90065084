// The widget in Spanish: every screen a learner meets, with no English word left (checked
// against every string of the English catalogue), lang set for screen readers, host events
// still in English machine values, axe clean, and a live language switch that keeps the round.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';

import { useBrowser, events, eventually } from './helpers.mjs';

const env = useBrowser();

/** Every piece of English text the catalogue holds, split at its placeholders. */
function englishFragments() {
  const source = (name) => readFileSync(new URL(`../../src/text/${name}.rs`, import.meta.url), 'utf8');
  const literals = (text) => [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  const spanish = new Set(literals(source('es')));
  const fragments = new Set();
  for (const s of literals(source('en'))) {
    if (spanish.has(s)) continue; // the same in both ("%", "–", "; ")
    for (const part of s.split(/\{[a-z]+\}/)) {
      const words = part.trim();
      // Words a learner reads; single short words like "of" are checked inside longer pieces.
      if (words.length >= 4 && /[a-z]{3}/i.test(words)) fragments.add(words);
    }
  }
  return [...fragments];
}
const ENGLISH = englishFragments();

/** The text and accessible names the widget shows now. */
async function shown(page) {
  return page.locator('checkpoint-quiz').evaluate((el) => {
    const root = el.shadowRoot;
    const labels = [...root.querySelectorAll('[aria-label], [title], img[alt]')]
      .map((e) => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('alt')].filter(Boolean).join(' '));
    return [root.textContent, ...labels].join('\n');
  });
}

async function assertNoEnglish(page, where) {
  const text = await shown(page);
  const found = ENGLISH.filter((f) => text.includes(f));
  assert.deepEqual(found, [], `English on the ${where}`);
}

async function assertAxeClean(page, where) {
  const result = await new AxeBuilder({ page }).include('checkpoint-quiz').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], `axe on the ${where}`);
}

const $ = (page, css) => page.locator(`checkpoint-quiz ${css}`);

/** Answers the question on screen with its first choice and moves on (Comprobar, then next). */
async function answerFirst(page) {
  await $(page, 'label.cq-choice').first().click();
  await $(page, 'button[type=submit]').click();
  await $(page, '.cq-feedback').waitFor();
  await $(page, '.cq-actions button').click();
}

test('in Spanish: start, a practice round, a mock exam and the dashboard, with no English left', async (t) => {
  assert.ok(ENGLISH.length > 150, `the English catalogue was read (${ENGLISH.length} pieces)`);
  const { page, problems } = await env.open(t, env.servers.page('<checkpoint-quiz lang="es" count="2" seed="3"></checkpoint-quiz>'));

  await $(page, 'h3.cq-screen-title').waitFor();
  assert.equal(await $(page, 'h3.cq-screen-title').textContent(), 'Elige cómo estudiar');
  assert.equal(await $(page, '.cq').getAttribute('lang'), 'es', 'screen readers read it as Spanish');
  await assertNoEnglish(page, 'start screen');
  await assertAxeClean(page, 'start screen');

  // A practice round: the Spanish default bank, feedback and the summary.
  await $(page, 'button.cq-mode').nth(0).click();
  await $(page, 'legend.cq-prompt').waitFor();
  assert.match(await $(page, '.cq-counter').textContent(), /^Pregunta 1 de 2/);
  await assertNoEnglish(page, 'question');
  await $(page, 'label.cq-choice').first().click();
  await $(page, 'button[type=submit]').click();
  await $(page, '.cq-feedback').waitFor();
  await assertNoEnglish(page, 'feedback');
  await assertAxeClean(page, 'feedback');
  await $(page, '.cq-actions button').click();
  await answerFirst(page);
  await $(page, '.cq-summary').waitFor();
  await assertNoEnglish(page, 'round summary');
  await $(page, '.cq-summary .cq-actions button').last().click(); // Volver al inicio

  // A mock exam of two questions, submitted, and its result.
  await $(page, 'button.cq-mode').nth(1).click();
  await $(page, 'legend.cq-prompt').waitFor();
  await assertNoEnglish(page, 'mock exam');
  await assertAxeClean(page, 'mock exam');
  for (let i = 0; i < 2; i++) {
    await $(page, 'label.cq-choice').first().click();
    if (i === 0) await $(page, '.cq-exam > .cq-actions button').nth(1).click(); // Siguiente
  }
  await $(page, '.cq-exam > .cq-actions button.cq-primary').click();
  await $(page, '[role=alertdialog]').waitFor();
  await assertNoEnglish(page, 'submit dialog');
  await $(page, '[role=alertdialog] button.cq-primary').click();
  await $(page, 'table.cq-topics').waitFor();
  await assertNoEnglish(page, 'exam result');
  await assertAxeClean(page, 'exam result');
  const completed = (await events(page, 'quiz-complete')).map((e) => e.detail.mode);
  assert.deepEqual(completed, ['practice', 'exam'], 'host events keep their English machine values');

  // The dashboard.
  await $(page, '.cq-summary .cq-actions button').last().click();
  await $(page, '.cq-start > .cq-actions button').first().click(); // Tu progreso
  await $(page, '.cq-dashboard').waitFor();
  await assertNoEnglish(page, 'dashboard');
  await assertAxeClean(page, 'dashboard');
  assert.deepEqual(problems, []);
});

test('switching lang on a live widget keeps the round; es-MX speaks Spanish; the page lang is the fallback', async (t) => {
  const { page } = await env.open(t, env.servers.page(
    '<checkpoint-quiz lang="es-MX" mode="practice" count="3" seed="5"></checkpoint-quiz>'));
  await $(page, 'legend.cq-prompt').waitFor();
  assert.match(await $(page, '.cq-counter').textContent(), /^Pregunta 1 de 3/);
  await answerFirst(page);
  const prompt = await $(page, 'legend.cq-prompt').textContent();
  assert.match(await $(page, '.cq-counter').textContent(), /^Pregunta 2 de 3/);

  await page.evaluate(() => document.querySelector('checkpoint-quiz').setAttribute('lang', 'en'));
  await eventually(async () => assert.match(await $(page, '.cq-counter').textContent(), /^Question 2 of 3/));
  assert.notEqual(await $(page, 'legend.cq-prompt').textContent(), prompt, 'the English text of the same question');
  assert.equal(await $(page, '.cq').getAttribute('lang'), 'en');

  await page.evaluate(() => document.querySelector('checkpoint-quiz').setAttribute('lang', 'es'));
  await eventually(async () => assert.equal(await $(page, 'legend.cq-prompt').textContent(), prompt));

  // No lang attribute: the host page's nearest lang decides.
  const other = await env.open(t, env.servers.page('<div lang="es"><checkpoint-quiz mode="practice" count="1"></checkpoint-quiz></div>'));
  await other.page.locator('checkpoint-quiz legend.cq-prompt').waitFor();
  assert.match(await other.page.locator('checkpoint-quiz .cq-counter').textContent(), /^Pregunta 1 de 1/);
});

test("when the wasm cannot start (a CSP without 'wasm-unsafe-eval'), the loader says so in Spanish too", async (t) => {
  const csp = [
    "default-src 'none'",
    `script-src ${env.servers.distOrigin}`,
    `connect-src ${env.servers.distOrigin} ${env.servers.hostOrigin}`,
    "style-src 'self'",
  ].join('; ');
  const { page } = await env.open(t, env.servers.page('<checkpoint-quiz lang="es-MX"></checkpoint-quiz>', { csp }));
  const alert = page.locator('checkpoint-quiz [role=alert]');
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.innerText(), /^Este cuestionario no pudo iniciarse: .*'wasm-unsafe-eval'/s);
  assert.equal(await alert.getAttribute('lang'), 'es');
  await eventually(async () => {
    const [error] = await events(page, 'quiz-error');
    assert.match(error.detail.message, /^This quiz could not start/, 'the event stays in English');
  });
});
