// What the benchmark serves besides the built widget: generated banks (JSON for ours and
// the floor, quizdown markdown for quizdown) and one host page per contender and case.
//
// Generated banks repeat the default bank's questions with unique ids (`<id>-r<k>`), so every
// bank is valid per docs/bank-format.md and has the same text per question as the default.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The default bank repeated up to `n` questions, with unique question ids. */
export function repeatedBank(base, n) {
  const questions = [];
  for (let k = 0; questions.length < n; k++) {
    for (const q of base.questions) {
      if (questions.length === n) break;
      questions.push({ ...q, id: `${q.id}-r${k}` });
    }
  }
  const { $schema, ...rest } = base; // the schema path would not resolve from the bench folder
  return { ...rest, id: `bench-${n}`, title: `${base.title} (${n} questions, generated)`, questions };
}

/** Escapes what markdown would read as markup inside one line of text. */
function md(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|]/g, (c) => '\\' + c)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+])/, '\\$1');
}

/**
 * A bank in quizdown's markdown: one `####` heading per question, an ordered task list
 * (single choice) or an unordered one (select all that apply), `[x]` on the right choices,
 * and the explanation as the comment of each right choice (quizdown shows comments on its
 * results page; it has no per-question feedback).
 */
export function toQuizdown(bank) {
  const out = [];
  for (const q of bank.questions) {
    const right = new Set(Array.isArray(q.answer) ? q.answer : [q.answer]);
    const bullet = Array.isArray(q.answer) ? '-' : '1.';
    out.push(`#### ${md(q.prompt)}`, '');
    q.choices.forEach((c, i) => {
      out.push(`${bullet} [${right.has(i) ? 'x' : ' '}] ${md(c)}`);
      if (right.has(i)) out.push(`    > ${md(q.explanation)}`);
    });
    out.push('');
  }
  return out.join('\n');
}

// The floor: the least a page can do to show the same first question from the same bank
// file. Fetch, JSON.parse, render the prompt and choices as radio buttons (checkboxes for
// select-all) with a Check button; Check writes the feedback into a role="status" region and
// offers Next (so the Check → feedback timing can be repeated on the floor too).
export const FLOOR_JS = `
async function floorMount(el, url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error('HTTP ' + res.status);
  const bank = JSON.parse(await res.text());
  let i = 0;
  const make = (tag, props = {}, kids = []) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...kids);
    return e;
  };
  function render() {
    const q = bank.questions[i % bank.questions.length];
    const multi = Array.isArray(q.answer);
    const right = multi ? q.answer : [q.answer];
    const inputs = q.choices.map((c, k) =>
      make('input', { type: multi ? 'checkbox' : 'radio', name: 'c', value: k }));
    const status = make('div', { className: 'floor-feedback' });
    status.setAttribute('role', 'status');
    const check = make('button', { type: 'submit', textContent: 'Check' });
    const form = make('form', {}, [
      make('fieldset', {}, [
        make('legend', { className: 'floor-prompt', textContent: q.prompt }),
        ...q.choices.map((c, k) => make('label', { className: 'floor-choice' }, [inputs[k], ' ' + c])),
      ]),
      check,
      status,
    ]);
    form.onsubmit = (e) => {
      e.preventDefault();
      const chosen = inputs.filter((x) => x.checked).map((x) => +x.value);
      const ok = chosen.length === right.length && right.every((k) => chosen.includes(k));
      status.textContent = (ok ? 'Correct. ' : 'Not quite. ') + q.explanation;
      const next = make('button', { type: 'button', className: 'floor-next', textContent: 'Next' });
      next.onclick = () => { i++; render(); };
      check.replaceWith(next);
    };
    el.replaceChildren(form);
  }
  render();
}
`;

const HEAD = (title, extra = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40em; padding: 1em; }</style>
${extra}
</head>
<body>
`;

/** Host pages: `<contender>-<case>.html` for each bank case, and `<contender>-heap.html`. */
export function pages(urls) {
  const out = {};
  for (const [name, bank] of Object.entries(urls.banks)) {
    const bankAttr = bank.isDefault ? '' : ` bank="${bank.json}"`;
    out[`ours-${name}.html`] = HEAD('ours', `<script type="module" src="${urls.loader}"></script>`) +
      `<checkpoint-quiz${bankAttr} mode="practice" count="20"></checkpoint-quiz>\n</body>\n</html>\n`;
    out[`quizdown-${name}.html`] = HEAD('quizdown', `<script src="${urls.quizdown}"></script>`) +
      `<div class="quizdown" id="qd"></div>
<script>
fetch(${JSON.stringify(bank.md)}).then((r) => r.text()).then((text) => {
  window.__qd = quizdown.createApp(text, document.getElementById('qd'), { startOnLoad: false });
});
</script>
</body>
</html>
`;
    out[`floor-${name}.html`] = HEAD('floor') + `<div id="quiz"></div>
<script>${FLOOR_JS}floorMount(document.getElementById('quiz'), ${JSON.stringify(bank.json)});</script>
</body>
</html>
`;
  }
  // Heap pages: the library loaded, nothing mounted; the bench mounts and unmounts.
  out['ours-heap.html'] = HEAD('ours', `<script type="module" src="${urls.loader}"></script>`) + '</body>\n</html>\n';
  out['quizdown-heap.html'] = HEAD('quizdown', `<script src="${urls.quizdown}"></script>`) + '</body>\n</html>\n';
  out['floor-heap.html'] = HEAD('floor') + `<script>${FLOOR_JS}window.floorMount = floorMount;</script>\n</body>\n</html>\n`;
  return out;
}

/**
 * Writes banks and pages into `dir` (target/bench/www); idempotent. `defaultBank` is the
 * path of the built default bank (dist/questions/...). Returns the bank cases:
 * { default, q1000, q10000 } with the URL paths of their JSON and markdown.
 */
export function writeFixtures(dir, defaultBankFile, sizes = [1000, 10000]) {
  const base = JSON.parse(readFileSync(defaultBankFile, 'utf8'));
  mkdirSync(join(dir, 'banks'), { recursive: true });
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const write = (path, text) => {
    const file = join(dir, path);
    let old = null;
    try {
      old = readFileSync(file, 'utf8');
    } catch {}
    if (old !== text) writeFileSync(file, text);
  };
  const banks = {
    default: { isDefault: true, questions: base.questions.length, json: '/dist/questions/security-customer-service.json', md: '/bench/banks/default.md' },
  };
  write('banks/default.md', toQuizdown(base));
  for (const n of sizes) {
    const bank = repeatedBank(base, n);
    write(`banks/bench-${n}.json`, JSON.stringify(bank, null, 2) + '\n');
    write(`banks/bench-${n}.md`, toQuizdown(bank));
    banks[`q${n}`] = { isDefault: false, questions: n, json: `/bench/banks/bench-${n}.json`, md: `/bench/banks/bench-${n}.md` };
  }
  const urls = { loader: '/dist/checkpoint-quiz.js', quizdown: '/quizdown/quizdown.js', banks };
  for (const [name, html] of Object.entries(pages(urls))) write(`pages/${name}`, html);
  return banks;
}
