// <checkpoint-quiz> loader: the one script a host page includes.
//
// Everything it needs (wasm, glue, stylesheet, default bank) is found relative to this
// file's own URL, so the build folder can be served from any path or origin. The wasm is
// fetched and compiled once, however many widgets the page has; each widget gets its own
// open shadow root and its own state.

const TAG = 'checkpoint-quiz';
const here = (path) => new URL(path, import.meta.url).href;
// The bundled bank in each language the widget speaks; the same ids in both, so a learner
// who switches language keeps their progress.
const DEFAULT_BANKS = {
  en: here('questions/security-customer-service.json'),
  es: here('questions/security-customer-service.es.json'),
};
const ATTRIBUTES = ['bank', 'count', 'shuffle', 'shuffle-choices', 'seed', 'mode', 'time-limit', 'pass-mark', 'id', 'lang'];

// Nothing waits on something it does not need: the first widget starts the glue, the
// wasm, the stylesheet and its bank at the same moment; the glue is also hinted with
// modulepreload so the browser can fetch and parse it while this script runs.
const GLUE = here('checkpoint_quiz.js');
const WASM = here('checkpoint_quiz_bg.wasm');
if (typeof document !== 'undefined' &&
    ![...document.querySelectorAll('link[rel="modulepreload"]')].some((l) => l.href === GLUE)) {
  const hint = document.createElement('link');
  hint.rel = 'modulepreload';
  hint.href = GLUE;
  document.head.append(hint);
}

/**
 * Subresource Integrity for the wasm, when the host page pins this build: the snippet
 * `tools/release` prints has `<link rel="preload" as="fetch" href="…_bg.wasm" integrity="…">`
 * (and a `modulepreload` with integrity for the glue, which the browser's module map then
 * enforces for the import below). The fetch must repeat the integrity to be checked.
 */
function wasmIntegrity() {
  if (typeof document === 'undefined') return undefined;
  for (const link of document.querySelectorAll('link[rel="preload"][integrity]')) {
    if (link.href === WASM) return link.integrity;
  }
  return undefined;
}

function fetchWasm() {
  const integrity = wasmIntegrity();
  return integrity ? fetch(WASM, { integrity }) : fetch(WASM);
}

let wasm; // Promise of the initialised wasm-bindgen module
function loadWasm() {
  // The wasm download starts now, not after the glue has arrived; the glue's init accepts
  // a promise of the response.
  wasm ??= Promise.all([import(GLUE), fetchWasm()]).then(async ([glue, response]) => {
    await glue.default({ module_or_path: Promise.resolve(response) });
    return glue;
  });
  return wasm;
}

// Each widget requests its bank itself, as soon as it mounts (in parallel with the wasm).
// Not shared between widgets: a shared response would have to be cloned, and the clones'
// unread original would keep every body in memory for the life of the page. The signal
// cancels it when the widget goes away first: an unread response is never collected
// (Chromium keeps its loader and stream), which was the last memory a removed widget left.
function loadBank(url, signal) {
  return fetch(url, { signal });
}

/** The bank URL the widget will use: its `bank` attribute, else the bundled bank. */
function bankUrl(el) {
  const attr = (el.getAttribute('bank') ?? '').trim();
  return attr ? new URL(attr, document.baseURI).href : defaultBank(el);
}

/** The widget's language as far as the loader can tell: its `lang`, else the page's nearest, else English. */
function langOf(el) {
  const lang = (el.closest('[lang]')?.getAttribute('lang') ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return lang in DEFAULT_BANKS ? lang : 'en';
}

/** The bundled bank in the widget's language. */
function defaultBank(el) {
  return DEFAULT_BANKS[langOf(el)];
}

// What the loader says when the wasm cannot start, one line per language the widget speaks.
const FAILED = {
  en: (reason) => `This quiz could not start: ${reason}. If this page sets a Content-Security-Policy, script-src needs 'wasm-unsafe-eval'.`,
  es: (reason) => `Este cuestionario no pudo iniciarse: ${reason}. Si esta página define una Content-Security-Policy, script-src necesita 'wasm-unsafe-eval'.`,
};

// One stylesheet shared by every shadow root. Constructable stylesheets work under a
// Content-Security-Policy without 'unsafe-inline'; older browsers get a <link>.
let sheet; // Promise of a CSSStyleSheet, or of null when a <link> must be used
function loadSheet() {
  sheet ??= ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype
    ? fetch(here('checkpoint-quiz.css'))
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))))
        .then((css) => {
          const s = new CSSStyleSheet();
          s.replaceSync(css);
          return s;
        })
    : Promise.reject(new Error('no constructable stylesheets'))
  ).catch(() => null);
  return sheet;
}

class CheckpointQuiz extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    this._handle = null;
    this._bankRequest = null; // AbortController of this mount's bank request
    this._generation = 0; // bumps on every (re)mount and unmount, to drop stale async work
    this._remountQueued = false;
  }

  /** Progress in this widget's bank: { bankId, answered, correct, total, rounds, bestPercent }, or null before the bank loads. */
  get progress() {
    return this._handle ? this._handle.progress : null;
  }

  connectedCallback() {
    // The shadow root at once, so a page can find it right after append; the mount itself a
    // microtask later, so attributes set right after append (as frameworks and host scripts
    // do) are read by the one mount instead of starting a second with its own bank request.
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this._remount();
  }

  disconnectedCallback() {
    this._unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this._remount();
  }

  /** Mounts afresh once the current task's attribute changes are all in. */
  _remount() {
    if (this._remountQueued) return;
    this._remountQueued = true;
    queueMicrotask(() => {
      this._remountQueued = false;
      if (this.isConnected) {
        this._unmount();
        this._mount();
      }
    });
  }

  _unmount() {
    this._generation++;
    this._bankRequest?.abort();
    this._bankRequest = null;
    if (this._handle) {
      try {
        this._handle.unmount();
        this._handle.free(); // the Rust side of the handle, or it stays in wasm memory
      } catch (e) {
        console.error('<checkpoint-quiz>: unmount failed', e);
      }
      this._handle = null;
    }
  }

  async _mount() {
    const generation = ++this._generation;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const root = document.createElement('div');
    root.className = 'cq-root';
    root.setAttribute('part', 'root');
    shadow.replaceChildren(root);
    const url = bankUrl(this);
    this._bankRequest = new AbortController();
    const bank = loadBank(url, this._bankRequest.signal);
    bank.catch(() => {}); // the widget reports a failed request itself
    let glue, css;
    try {
      [glue, css] = await Promise.all([loadWasm(), loadSheet()]);
    } catch (e) {
      if (generation === this._generation) this._fail(root, e);
      return;
    }
    if (generation !== this._generation) return; // removed or remounted meanwhile
    if (css) {
      shadow.adoptedStyleSheets = [css];
    } else {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = here('checkpoint-quiz.css');
      shadow.prepend(link);
    }
    try {
      this._handle = glue.mount(root, this, defaultBank(this), url, bank);
    } catch (e) {
      this._fail(root, e);
    }
  }

  _fail(root, error) {
    console.error('<checkpoint-quiz>: could not start', error);
    const reason = error && error.message ? error.message : String(error);
    // The wasm (and its catalogue) did not start, so the loader says it in the widget's
    // language itself; the host page's event stays in English for the site's developers.
    const english = FAILED.en(reason);
    const lang = langOf(this);
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.setAttribute('lang', lang);
    p.textContent = FAILED[lang](reason);
    root.replaceChildren(p);
    this.dispatchEvent(
      new CustomEvent('quiz-error', { bubbles: true, composed: true, detail: { message: english } }),
    );
  }
}

// Including the script twice (or two copies of it) is harmless.
if (!customElements.get(TAG)) customElements.define(TAG, CheckpointQuiz);
