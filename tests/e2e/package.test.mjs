// The npm package as a site operator gets it: `npm pack` of this checkout (after
// tools/build), installed with npm into an empty folder, its dist/ served on one origin
// and a host page on another; and the Subresource Integrity snippet tools/release prints.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cq-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT));
const tarball = join(work, packed.filename);
const site = join(work, 'site');
execFileSync('mkdir', ['-p', site]);
writeFileSync(join(site, 'package.json'), '{ "name": "a-site", "private": true }\n');
npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', tarball], site);
const installed = join(site, 'node_modules', 'checkpoint-quiz');

// The servers serve the installed package's dist/, not this checkout's.
process.env.CQ_DIST = join(installed, 'dist');
const { useBrowser, Quiz, events, eventually } = await import('./helpers.mjs');
const env = useBrowser();

test('the package holds the built widget, its banks and its licence, and nothing of the source', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['dist/checkpoint-quiz.js', 'dist/checkpoint_quiz.js', 'dist/checkpoint_quiz_bg.wasm',
    'dist/checkpoint-quiz.css', 'dist/questions/security-customer-service.json', 'LICENSE', 'CHANGELOG.md',
    'README.md', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.deepEqual(files.filter((f) => /^(src|tests|tools|target|node_modules)\//.test(f) || f.endsWith('.rs')), []);
  assert.deepEqual(readdirSync(installed).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
});

test('the widget from the installed package runs on a host page of another origin', async (t) => {
  const { page, problems } = await env.open(t, env.servers.page('<checkpoint-quiz mode="practice"></checkpoint-quiz>'));
  const bank = JSON.parse(await (await fetch(`${env.servers.distOrigin}/questions/security-customer-service.json`)).text());
  const quiz = await new Quiz(page, bank).ready();
  await quiz.answer(true);
  assert.match(await quiz.text('.cq-verdict'), /Correct\./);
  assert.equal((await events(page, 'quiz-answer')).length, 1);
  assert.deepEqual(problems, []);
});

/** tools/release's snippet, pointed at the test's dist server instead of the CDN. */
function snippet() {
  const out = execFileSync(join(ROOT, 'tools', 'release'), ['--cdn', 'https://cdn.example'], { cwd: ROOT, encoding: 'utf8' });
  return out.replaceAll(/https:\/\/cdn\.example\/checkpoint-quiz@[^/]+\/dist/g, env.servers.distOrigin);
}

test("tools/release's Subresource Integrity snippet loads the widget, and a changed wasm is refused", async (t) => {
  // The snippet hashes this checkout's dist/, which is what was packed and installed.
  const html = snippet().replace('<checkpoint-quiz>', '<checkpoint-quiz mode="practice">');
  assert.match(html, /integrity="sha384-[A-Za-z0-9+/]+=*"/);
  const { page, problems } = await env.open(t, env.servers.page(html, { loader: false }));
  const bank = JSON.parse(await (await fetch(`${env.servers.distOrigin}/questions/security-customer-service.json`)).text());
  await new Quiz(page, bank).ready();
  assert.deepEqual(problems, []);

  // The same page with another hash for the wasm: the browser refuses it and the widget says so.
  const tampered = html.replace(/(_bg\.wasm" integrity=")sha384-[^"]+/, '$1sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  const other = await env.open(t, env.servers.page(tampered, { loader: false }));
  await eventually(async () => assert.match(await other.page.locator('checkpoint-quiz [role=alert]').innerText(), /could not start/));
});
