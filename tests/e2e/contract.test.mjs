// The embed contract, pinned: the attributes the element reacts to, the events and the keys
// of their detail, the `progress` property, the storage keys and the stored format version.
// A change here is a decision: bump the version and say so in CHANGELOG.md, then update
// fixtures/contract.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { useBrowser, events, fixture, Quiz } from './helpers.mjs';

const contract = fixture('contract.json');
const basics = fixture('basics.json');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
const env = useBrowser();

test('the contract names this version, and the changelog has an entry for it', () => {
  assert.equal(contract.version, pkg.version, 'fixtures/contract.json was reviewed for this version');
  assert.match(changelog, new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')}\\b`, 'm'));
});

test('attributes, events with their detail keys, progress and storage are as pinned', async (t) => {
  const { page } = await env.open(t, env.servers.page(
    `<checkpoint-quiz bank="/fixtures/basics.json" mode="exam" count="1" shuffle="false"></checkpoint-quiz>
     <checkpoint-quiz id="broken" bank="/fixtures/invalid.json"></checkpoint-quiz>`));
  const quiz = await new Quiz(page, basics, 'checkpoint-quiz:not(#broken)').ready();
  const observed = await page.evaluate(() => [...customElements.get('checkpoint-quiz').observedAttributes].sort());
  assert.deepEqual(observed, contract.attributes);

  await quiz.pick(true);
  await quiz.askSubmit();
  await quiz.host.getByRole('alertdialog').getByRole('button', { name: 'Submit exam', exact: true }).click();
  await quiz.heading('Mock exam result').waitFor();
  const keys = (o) => Object.keys(o).sort();
  for (const [name, expected] of Object.entries(contract.events)) {
    const [first] = await events(page, name);
    assert.ok(first, `a ${name} event was sent`);
    assert.deepEqual(keys(first.detail), expected, name);
  }
  const [complete] = await events(page, 'quiz-complete');
  assert.deepEqual(keys(complete.detail.topics[0]), contract.completeTopic);
  assert.deepEqual(keys(await quiz.progress()), contract.progress);

  const stored = await page.evaluate(() => Object.keys(localStorage).sort());
  const expectedKeys = contract.storageKeys.map((k) => k.replace('<bankId>', basics.id)).sort();
  assert.deepEqual(stored, expectedKeys);
  for (const key of stored) {
    const value = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
    assert.equal(value.v, contract.storedVersion, key);
  }
});
