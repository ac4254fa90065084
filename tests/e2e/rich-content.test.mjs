// What a question shows: choices in an order of the round's own, pictures, light
// formatting (never HTML), and a text size the host page cannot shrink.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';

import { useBrowser, events, eventually, fixture, LETTERS, Quiz } from './helpers.mjs';

const rich = fixture('rich.json');
const [orderQ, pinned, picture, markup] = rich.questions;

const env = useBrowser();
const open = env.open;

const widget = (attrs = '') =>
  `<checkpoint-quiz bank="/fixtures/rich.json" shuffle="false" mode="practice" ${attrs}></checkpoint-quiz>`;

/** Bank indices of the choices, in the order shown, on a fresh page with these attributes. */
async function firstOrder(t, attrs) {
  const { page } = await open(t, env.servers.page(widget(attrs)));
  const quiz = await new Quiz(page, rich).ready();
  assert.equal(await quiz.prompt(), orderQ.prompt);
  return quiz.order();
}

test('choices are shuffled per seed, kept over a reload, lettered as shown, and reported by bank index', async (t) => {
  const one = await firstOrder(t, 'seed="1"');
  const two = await firstOrder(t, 'seed="2"');
  assert.deepEqual([...one].sort(), [0, 1, 2, 3, 4], 'every choice once');
  assert.notDeepEqual(one, two, 'another seed, another order');
  assert.deepEqual(await firstOrder(t, 'seed="1"'), one, 'a seed fixes the order');
  assert.deepEqual(await firstOrder(t, 'seed="1" shuffle-choices="false"'), [0, 1, 2, 3, 4]);

  // No seed: a random order, which a reload keeps (the round is resumed), selection too.
  const { page } = await open(t, env.servers.page(widget()));
  const quiz = await new Quiz(page, rich).ready();
  const shown = await quiz.order();
  await quiz.choose([orderQ.answer]);
  await page.reload();
  await quiz.ready();
  assert.deepEqual(await quiz.order(), shown, 'the same order after a reload');
  assert.deepEqual(await quiz.checkedValues(), [orderQ.answer]);

  // Letters follow the screen; the event and the right answer use the bank's index.
  const position = shown.indexOf(orderQ.answer);
  assert.equal(await quiz.choice(orderQ.answer).locator('.cq-letter').textContent(), LETTERS[position]);
  await quiz.choose([1 === orderQ.answer ? 0 : 1]);
  await quiz.check();
  assert.equal(
    await quiz.text('.cq-right-answer'),
    `The right answer: ${LETTERS[position]}. ${orderQ.choices[orderQ.answer]}`,
  );
  const [answer] = await events(page, 'quiz-answer');
  assert.deepEqual(answer.detail.chosen, [1 === orderQ.answer ? 0 : 1]);
  assert.equal(answer.detail.correct, false);

  // A question with "All of the above" pins its order.
  await quiz.next();
  assert.equal(await quiz.prompt(), pinned.prompt);
  assert.deepEqual(await quiz.order(), [0, 1, 2, 3]);
});

test('a host page with tiny or monospace text cannot shrink the widget', async (t) => {
  const { page } = await open(t, env.servers.page(widget(), {
    head: '<style>html { font-size: 10px } body { font: 3px monospace }</style>',
  }));
  const quiz = await new Quiz(page, rich).ready();
  const style = (css) => quiz.$(css).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: parseFloat(s.fontSize), family: s.fontFamily };
  });
  for (const css of ['legend.cq-prompt', '.cq-choice-text', 'button.cq-primary']) {
    const s = await style(css);
    assert.ok(s.size >= 16, `${css} is ${s.size}px`);
    assert.doesNotMatch(s.family, /^monospace$/, `${css} keeps the widget's font`);
  }
});

test('a picture shows with its alt text, resolved against the bank, never wider than a 360 px phone', async (t) => {
  const { page, problems } = await open(t, env.servers.page(widget('shuffle-choices="false"')), {
    viewport: { width: 360, height: 740 },
  });
  const quiz = await new Quiz(page, rich).ready();
  for (let i = 0; i < 2; i++) {
    await quiz.answer(true);
    await quiz.next();
  }
  assert.equal(await quiz.prompt(), picture.prompt);
  const img = quiz.$('img.cq-image');
  assert.equal(await img.getAttribute('alt'), picture.image.alt);
  assert.equal(await img.getAttribute('loading'), 'lazy');
  assert.match(await img.getAttribute('src'), /\/fixtures\/gate\.png$/, 'relative to the bank file');
  await eventually(async () => assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth === 1200)));
  const { imgWidth, cardWidth, scroll } = await img.evaluate((el) => ({
    imgWidth: el.getBoundingClientRect().width,
    cardWidth: el.closest('.cq-card').getBoundingClientRect().width,
    scroll: document.documentElement.scrollWidth,
  }));
  assert.ok(imgWidth <= cardWidth, `picture ${imgWidth}px in a ${cardWidth}px card`);
  assert.ok(scroll <= 360, `no horizontal scroll (page is ${scroll}px wide)`);
  const axe = await new AxeBuilder({ page }).include('checkpoint-quiz').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(problems, []);
});

test('formatting becomes emphasis, strong, code and line breaks; HTML in a bank shows as typed', async (t) => {
  const { page } = await open(t, env.servers.page(widget('shuffle-choices="false"')));
  const quiz = await new Quiz(page, rich).ready();
  for (let i = 0; i < 3; i++) {
    await quiz.answer(true);
    await quiz.next();
  }
  const legend = quiz.$('legend.cq-prompt');
  assert.equal(await legend.textContent(), 'Is <b>this</b> shown as typed, and is this emphasised?');
  assert.equal(await legend.locator('b').count(), 0, 'no HTML element from the bank');
  assert.equal(await legend.locator('em').textContent(), 'this');
  assert.equal(await quiz.choice(0).locator('strong').textContent(), 'both');
  assert.equal(await quiz.choice(1).locator('code').textContent(), '<b>');
  assert.equal(await quiz.choice(1).locator('br').count(), 1);
  await quiz.answer(true);
  assert.equal(await quiz.$('.cq-feedback-area .cq-explanation em').textContent(), 'stars');
  assert.ok(markup.prompt.includes('<b>'), 'fixture: the prompt has a tag in it');
});
