//! The playground page: editor and problems, the real widget as preview, the attribute
//! controls and the embed snippet.

use gloo::timers::callback::Timeout;
use web_sys::{DragEvent, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;
use crate::report::{self, Format, ImportMeta, Report};
use crate::settings::{Settings, COLOURS};

/// How long typing must pause before the text is checked (and the preview updated).
const DEBOUNCE_MS: u32 = 300;
/// Where the editor's text is kept between visits (never under the widget's own
/// `checkpoint-quiz:` prefix, which holds learners' progress).
const DRAFT_KEY: &str = "cq-playground:draft";
const DRAFT_NAME_KEY: &str = "cq-playground:draft-name";
/// The preview's `id`: its saved round is its own (`checkpoint-quiz:round:<bank>:playground`).
const PREVIEW_ID: &str = "playground";

/// What the editor holds on a first visit: a small valid bank, so the preview runs at once.
const EXAMPLE: &str = r#"{
  "id": "sample",
  "title": "Sample bank",
  "version": 1,
  "language": "en",
  "questions": [
    {
      "id": "rivers-01",
      "topic": "Geography",
      "prompt": "Which river flows through Vienna, Budapest and Belgrade?",
      "choices": ["The Rhine", "The Danube", "The Elbe", "The Vistula"],
      "answer": 1,
      "explanation": "The Danube runs through four capitals: Vienna, Bratislava, Budapest and Belgrade."
    },
    {
      "id": "units-01",
      "topic": "Science",
      "prompt": "Which of these are SI base units? (select all that apply)",
      "choices": ["metre", "litre", "kelvin", "calorie"],
      "answer": [0, 2],
      "explanation": "The metre and the kelvin are base units; the litre and the calorie are not SI base units."
    }
  ]
}
"#;

pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("pg-app"))
    else {
        return;
    };
    yew::Renderer::<App>::with_root(root).render();
}

/// The bank the preview widget runs: the last valid one.
struct Preview {
    /// A `blob:` URL of `json`, the widget's `bank` attribute.
    url: String,
    json: String,
    id: String,
    questions: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Mode,
    Count,
    TimeLimit,
    PassMark,
    Seed,
    Theme,
    Lang,
    ScriptUrl,
    BankUrl,
    ImportId,
    ImportTitle,
    ImportLanguage,
}

pub enum Msg {
    /// The editor's text changed (typing, pasting, dropping text).
    Edited(String),
    /// The pause after typing is over: check now.
    Check,
    /// The format menu: "" to detect.
    Format(String),
    /// A file was picked or dropped.
    Open(web_sys::File),
    /// Its text arrived.
    Opened {
        name: String,
        text: Option<String>,
    },
    /// Put the caret on problem `n`.
    Jump(usize),
    Set(Field, String),
    Shuffle(bool),
    ShuffleChoices(bool),
    Colour(usize, Option<String>),
    Copy,
    Copied(bool),
    Download,
    /// Forget the preview's answers and start it again.
    Restart,
    Dragging(bool),
}

pub struct App {
    editor: NodeRef,
    snippet: NodeRef,
    /// The editor's text as last edited.
    text: String,
    /// The text `report` is about (offsets point into it).
    checked: String,
    chosen: Option<Format>,
    meta: ImportMeta,
    report: Report,
    pending: Option<Timeout>,
    preview: Option<Preview>,
    /// Bumped to remount the preview widget from scratch.
    preview_run: u32,
    settings: Settings,
    copy_status: String,
    file_status: String,
    dragging: bool,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(_ctx: &Context<Self>) -> Self {
        let text = browser::load(DRAFT_KEY).unwrap_or_else(|| EXAMPLE.to_owned());
        let meta = ImportMeta {
            stem: browser::load(DRAFT_NAME_KEY).unwrap_or_default(),
            ..ImportMeta::default()
        };
        let mut app = App {
            editor: NodeRef::default(),
            snippet: NodeRef::default(),
            text,
            checked: String::new(),
            chosen: None,
            meta,
            report: report::check("", None, &ImportMeta::default()),
            pending: None,
            preview: None,
            preview_run: 0,
            settings: Settings::default(),
            copy_status: String::new(),
            file_status: String::new(),
            dragging: false,
        };
        app.check();
        app
    }

    fn rendered(&mut self, _ctx: &Context<Self>, first_render: bool) {
        if first_render {
            // The editor is uncontrolled (setting its value on every keystroke would fight
            // the caret): it gets text only when the page starts or a file is opened.
            if let Some(editor) = self.editor.cast::<HtmlTextAreaElement>() {
                editor.set_value(&self.text);
            }
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edited(text) => {
                self.text = text;
                self.check_soon(ctx);
                false
            }
            Msg::Check => {
                self.pending = None;
                self.check();
                browser::save(DRAFT_KEY, &self.text);
                true
            }
            Msg::Format(key) => {
                self.chosen = Format::from_key(&key);
                self.check();
                true
            }
            Msg::Open(file) => {
                let name = file.name();
                self.file_status = format!("Opening {name}…");
                ctx.link().send_future(async move {
                    let text = browser::read_text(&file).await;
                    Msg::Opened { name, text }
                });
                true
            }
            Msg::Opened { name, text } => {
                let Some(text) = text else {
                    self.file_status = format!("{name} could not be read as text.");
                    return true;
                };
                self.file_status = format!("Opened {name}.");
                self.meta.stem = stem(&name);
                browser::save(DRAFT_NAME_KEY, &self.meta.stem);
                if let Some(editor) = self.editor.cast::<HtmlTextAreaElement>() {
                    editor.set_value(&text);
                    // The editor normalises line breaks; check what it holds.
                    self.text = editor.value();
                } else {
                    self.text = text;
                }
                self.check();
                browser::save(DRAFT_KEY, &self.text);
                true
            }
            Msg::Jump(n) => {
                if let (Some(p), Some(editor)) = (
                    self.report.problems.get(n),
                    self.editor.cast::<HtmlTextAreaElement>(),
                ) {
                    let offset = report::utf16_offset(&self.checked, p.offset);
                    browser::place_caret(&editor, offset as u32, p.line, p.column);
                }
                false
            }
            Msg::Set(field, value) => {
                let s = &mut self.settings;
                match field {
                    Field::Mode => s.mode = value,
                    Field::Count => s.count = value,
                    Field::TimeLimit => s.time_limit = value,
                    Field::PassMark => s.pass_mark = value,
                    Field::Seed => s.seed = value,
                    Field::Theme => s.theme = value,
                    Field::Lang => s.lang = value,
                    Field::ScriptUrl => s.script_url = value,
                    Field::BankUrl => s.bank_url = value,
                    Field::ImportId => self.meta.id = value,
                    Field::ImportTitle => self.meta.title = value,
                    Field::ImportLanguage => self.meta.language = value,
                }
                if matches!(
                    field,
                    Field::ImportId | Field::ImportTitle | Field::ImportLanguage
                ) {
                    self.check_soon(ctx);
                }
                self.copy_status.clear();
                true
            }
            Msg::Shuffle(on) => {
                self.settings.shuffle = on;
                self.copy_status.clear();
                true
            }
            Msg::ShuffleChoices(on) => {
                self.settings.shuffle_choices = on;
                self.copy_status.clear();
                true
            }
            Msg::Colour(i, value) => {
                self.settings.colours[i] = value;
                self.copy_status.clear();
                true
            }
            Msg::Copy => {
                let text = self.settings.snippet();
                ctx.link()
                    .send_future(async move { Msg::Copied(browser::copy(&text).await) });
                false
            }
            Msg::Copied(ok) => {
                if ok {
                    self.copy_status = "Copied to the clipboard.".to_owned();
                } else {
                    if let Some(snippet) = self.snippet.cast::<HtmlTextAreaElement>() {
                        browser::select_all(&snippet);
                    }
                    self.copy_status =
                        "This browser did not allow copying: the snippet is selected, press Ctrl+C (⌘C on a Mac)."
                            .to_owned();
                }
                true
            }
            Msg::Download => {
                if let Some(b) = &self.report.bank {
                    browser::download(&format!("{}.json", b.id), &b.json);
                }
                false
            }
            Msg::Restart => {
                if let Some(p) = &self.preview {
                    browser::remove(&round_key(&p.id));
                    browser::remove(&format!("checkpoint-quiz:progress:{}", p.id));
                }
                self.preview_run += 1;
                true
            }
            Msg::Dragging(on) => {
                let changed = self.dragging != on;
                self.dragging = on;
                changed
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        html! {
            <>
                <header class="pg-header">
                    <h1>{ "Bank playground" }</h1>
                    <p>
                        { "Write or paste a question bank (JSON, Moodle GIFT or Aiken), see every problem with its line and column, and try the bank in the real widget. Nothing leaves this page. " }
                        <a href="./">{ "Back to the demo" }</a>
                    </p>
                </header>
                <main class="pg-main">
                    { self.editor_view(ctx) }
                    <div class="pg-side">
                        { self.preview_view(ctx) }
                        { self.settings_view(ctx) }
                        { self.snippet_view(ctx) }
                    </div>
                </main>
            </>
        }
    }
}

impl App {
    /// Checks once typing has paused for [`DEBOUNCE_MS`] (each call restarts the wait).
    fn check_soon(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.pending = Some(Timeout::new(DEBOUNCE_MS, move || {
            link.send_message(Msg::Check)
        }));
    }

    fn check(&mut self) {
        self.report = report::check(&self.text, self.chosen, &self.meta);
        self.checked = self.text.clone();
        let Some(bank) = &self.report.bank else {
            return;
        };
        if self.preview.as_ref().is_some_and(|p| p.json == bank.json) {
            return;
        }
        let Some(url) = browser::json_url(&bank.json) else {
            return;
        };
        // Each version of the bank starts a fresh round in the preview (answers are kept,
        // as the widget keeps them when a bank gets a new version).
        browser::remove(&round_key(&bank.id));
        if let Some(old) = self.preview.replace(Preview {
            url,
            json: bank.json.clone(),
            id: bank.id.clone(),
            questions: bank.questions,
        }) {
            browser::revoke(&old.url);
        }
    }

    fn editor_view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let detected = report::detect(&self.text).map_or("none yet", Format::name);
        let on_format = link.callback(|e: Event| {
            Msg::Format(e.target_unchecked_into::<HtmlSelectElement>().value())
        });
        let on_file = link.batch_callback(|e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            file.map(Msg::Open)
        });
        let on_input = link.callback(|e: InputEvent| {
            Msg::Edited(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        let on_dragover = link.batch_callback(|e: DragEvent| {
            let files = e
                .data_transfer()
                .is_some_and(|d| d.types().includes(&"Files".into(), 0));
            if files {
                e.prevent_default();
                Some(Msg::Dragging(true))
            } else {
                None
            }
        });
        let on_dragleave = link.callback(|_: DragEvent| Msg::Dragging(false));
        let on_drop = link.batch_callback(|e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            match file {
                Some(file) => {
                    e.prevent_default();
                    vec![Msg::Dragging(false), Msg::Open(file)]
                }
                None => vec![Msg::Dragging(false)],
            }
        });
        let importing = matches!(self.report.format, Some(Format::Gift | Format::Aiken));
        let chosen = self.chosen.map_or("", Format::key);
        html! {
            <section class="pg-editor" aria-labelledby="editor-heading">
                <h2 id="editor-heading">{ "Bank" }</h2>
                <div class="pg-row">
                    <div class="pg-field">
                        <label for="pg-format">{ "Format" }</label>
                        <select id="pg-format" onchange={on_format}>
                            <option value="" selected={chosen.is_empty()}>{ format!("Detect ({detected})") }</option>
                            { for Format::ALL.iter().map(|f| html! {
                                <option value={f.key()} selected={chosen == f.key()}>{ f.name() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="pg-field">
                        <label for="pg-file">{ "Open a file" }</label>
                        <input id="pg-file" type="file" accept=".json,.gift,.txt,application/json,text/plain" onchange={on_file} />
                    </div>
                </div>
                if !self.file_status.is_empty() {
                    <p class="pg-note">{ &self.file_status }</p>
                }
                if importing {
                    { self.import_view(ctx) }
                }
                <label for="pg-text">{ "Bank text: paste, type, or drop a file here" }</label>
                <textarea
                    id="pg-text"
                    class={classes!("pg-text", self.dragging.then_some("pg-dragging"))}
                    ref={self.editor.clone()}
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    aria-describedby="pg-status"
                    oninput={on_input}
                    ondragover={on_dragover}
                    ondragleave={on_dragleave}
                    ondrop={on_drop}
                />
                { self.problems_view(ctx) }
            </section>
        }
    }

    fn import_view(&self, ctx: &Context<Self>) -> Html {
        let field = |id: &'static str,
                     label: &'static str,
                     value: &str,
                     placeholder: String,
                     f: Field| {
            let on = ctx.link().callback(move |e: InputEvent| {
                Msg::Set(f, e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <div class="pg-field">
                    <label for={id}>{ label }</label>
                    <input id={id} type="text" value={value.to_owned()} placeholder={placeholder} oninput={on} />
                </div>
            }
        };
        let defaults = ImportMeta {
            stem: self.meta.stem.clone(),
            ..ImportMeta::default()
        };
        html! {
            <fieldset class="pg-import">
                <legend>{ "The converted bank" }</legend>
                <div class="pg-row">
                    { field("pg-import-id", "Bank id", &self.meta.id, defaults.bank_id(), Field::ImportId) }
                    { field("pg-import-title", "Title", &self.meta.title, defaults.bank_title(), Field::ImportTitle) }
                    { field("pg-import-language", "Language", &self.meta.language, defaults.bank_language(), Field::ImportLanguage) }
                </div>
            </fieldset>
        }
    }

    fn problems_view(&self, ctx: &Context<Self>) -> Html {
        html! {
            <div class="pg-problems">
                <h3 id="problems-heading">{ "Problems" }</h3>
                <p id="pg-status" role="status">{ self.report.summary() }</p>
                if !self.report.problems.is_empty() {
                    <ol class="pg-problem-list">
                        { for self.report.problems.iter().enumerate().map(|(i, p)| {
                            let kind = if p.error { "error" } else { "warning" };
                            html! {
                                <li>
                                    <button type="button" class={classes!("pg-problem", kind)}
                                        data-line={p.line.to_string()} data-column={p.column.to_string()}
                                        onclick={ctx.link().callback(move |_| Msg::Jump(i))}>
                                        <span class="pg-at" aria-hidden="true">{ format!("{}:{}", p.line, p.column) }</span>
                                        <span class="pg-sr">{ format!("Line {}, column {}: ", p.line, p.column) }</span>
                                        <span class="pg-kind">{ kind }</span>
                                        <span class="pg-message">{ &p.text }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                }
            </div>
        }
    }

    fn preview_view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let note = match (&self.preview, &self.report.bank) {
            (None, _) => Some("The preview starts once the bank is valid.".to_owned()),
            (Some(_), None) => Some(format!(
                "Showing the last valid version of the bank: it updates when the {} fixed.",
                match self.report.errors() {
                    1 => "error is".to_owned(),
                    n => format!("{n} errors are"),
                }
            )),
            (Some(_), Some(b)) if self.report.errors() > 0 => Some(format!(
                "Running the {} that converted; the errors above name what was left out.",
                report::plural(b.questions, "question")
            )),
            _ => None,
        };
        let attr = |name: &str| {
            self.settings
                .attributes()
                .into_iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| AttrValue::from(v))
        };
        let style = Some(self.settings.style()).filter(|s| !s.is_empty());
        html! {
            <section class="pg-preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{ "Preview" }</h2>
                if let Some(note) = note {
                    <p class="pg-note pg-stale">{ note }</p>
                }
                if let Some(p) = &self.preview {
                    <checkpoint-quiz
                        key={self.preview_run}
                        id={PREVIEW_ID}
                        bank={p.url.clone()}
                        mode={attr("mode")}
                        count={attr("count")}
                        time-limit={attr("time-limit")}
                        pass-mark={attr("pass-mark")}
                        shuffle={attr("shuffle")}
                        shuffle-choices={attr("shuffle-choices")}
                        seed={attr("seed")}
                        theme={attr("theme")}
                        lang={attr("lang")}
                        style={style}
                    ></checkpoint-quiz>
                    <div class="pg-row pg-actions">
                        <button type="button" onclick={link.callback(|_| Msg::Download)}
                            disabled={self.report.bank.is_none()} aria-describedby="pg-download-note">
                            { "Download JSON" }
                        </button>
                        <button type="button" onclick={link.callback(|_| Msg::Restart)} aria-describedby="pg-restart-note">
                            { "Start the preview over" }
                        </button>
                    </div>
                    <p id="pg-download-note" class="pg-hint">
                        { match &self.report.bank {
                            Some(b) => format!("Download JSON saves {}.json, the bank as the widget reads it: a GIFT or Aiken file converted, a JSON bank as validated (unknown fields left out).", b.id),
                            None => "Download JSON is available once the bank in the editor is valid.".to_owned(),
                        } }
                    </p>
                    <p id="pg-restart-note" class="pg-hint">
                        { format!("Starting over forgets the answers given to bank \"{}\" in this browser ({} in the preview).", p.id, report::plural(p.questions, "question")) }
                    </p>
                }
            </section>
        }
    }

    fn settings_view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let s = &self.settings;
        let text = |id: &'static str,
                    label: &'static str,
                    attr: &'static str,
                    value: &str,
                    f: Field,
                    kind: &'static str,
                    placeholder: &'static str| {
            let problem = s.problem(attr);
            let problem_id = format!("{id}-problem");
            let on = link.callback(move |e: InputEvent| {
                Msg::Set(f, e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <div class="pg-field">
                    <label for={id}>{ label }</label>
                    <input id={id} type={kind} value={value.to_owned()} placeholder={placeholder}
                        aria-invalid={problem.is_some().then_some("true")}
                        aria-describedby={problem.is_some().then(|| problem_id.clone())}
                        oninput={on} />
                    if let Some(p) = problem {
                        <p id={problem_id} class="pg-field-problem">{ p }</p>
                    }
                </div>
            }
        };
        let select = |id: &'static str,
                      label: &'static str,
                      value: &str,
                      options: &[(&'static str, &'static str)],
                      f: Field| {
            let on = link.callback(move |e: Event| {
                Msg::Set(f, e.target_unchecked_into::<HtmlSelectElement>().value())
            });
            html! {
                <div class="pg-field">
                    <label for={id}>{ label }</label>
                    <select id={id} onchange={on}>
                        { for options.iter().map(|(v, name)| html! {
                            <option value={*v} selected={value == *v}>{ *name }</option>
                        }) }
                    </select>
                </div>
            }
        };
        let on_shuffle = link.callback(|e: Event| {
            Msg::Shuffle(e.target_unchecked_into::<HtmlInputElement>().checked())
        });
        let on_shuffle_choices = link.callback(|e: Event| {
            Msg::ShuffleChoices(e.target_unchecked_into::<HtmlInputElement>().checked())
        });
        html! {
            <section class="pg-settings" aria-labelledby="settings-heading">
                <h2 id="settings-heading">{ "Settings" }</h2>
                <p class="pg-hint">{ "Empty fields keep the widget's defaults (and the bank's, for the exam settings)." }</p>
                <div class="pg-grid">
                    { select("pg-mode", "Mode", &s.mode, &[("", "Start screen"), ("practice", "Practice"), ("exam", "Mock exam"), ("review", "Review missed"), ("smart", "Smart review")], Field::Mode) }
                    { text("pg-count", "Questions per round (or all)", "count", &s.count, Field::Count, "text", "10") }
                    { text("pg-time-limit", "Exam time limit (seconds)", "time-limit", &s.time_limit, Field::TimeLimit, "number", "the bank's") }
                    { text("pg-pass-mark", "Exam pass mark (%)", "pass-mark", &s.pass_mark, Field::PassMark, "number", "the bank's (70)") }
                    { text("pg-seed", "Seed (fixes the order)", "seed", &s.seed, Field::Seed, "number", "random") }
                    { select("pg-theme", "Theme", &s.theme, &[("", "Light"), ("dark", "Dark"), ("auto", "Auto (follows the device)")], Field::Theme) }
                    { select("pg-lang", "Language", &s.lang, &[("", "The bank's, else the page's"), ("en", "English"), ("es", "Español")], Field::Lang) }
                </div>
                <div class="pg-checks">
                    <div class="pg-check">
                        <input id="pg-shuffle" type="checkbox" checked={s.shuffle} onchange={on_shuffle} />
                        <label for="pg-shuffle">{ "Shuffle questions" }</label>
                    </div>
                    <div class="pg-check">
                        <input id="pg-shuffle-choices" type="checkbox" checked={s.shuffle_choices} onchange={on_shuffle_choices} />
                        <label for="pg-shuffle-choices">{ "Shuffle choices" }</label>
                    </div>
                </div>
                <fieldset class="pg-colours">
                    <legend>{ "Colours" }</legend>
                    { for COLOURS.iter().enumerate().map(|(i, (name, label, default))| {
                        let id = format!("pg-colour-{}", name.trim_start_matches("--cq-"));
                        let value = s.colours[i].clone().unwrap_or_else(|| (*default).to_owned());
                        let on = link.callback(move |e: InputEvent| {
                            Msg::Colour(i, Some(e.target_unchecked_into::<HtmlInputElement>().value()))
                        });
                        html! {
                            <div class="pg-colour">
                                <input id={id.clone()} type="color" value={value} oninput={on} />
                                <label for={id}>{ format!("{label} ({name})") }</label>
                                if s.colours[i].is_some() {
                                    <button type="button" class="pg-small" onclick={link.callback(move |_| Msg::Colour(i, None))}>
                                        { format!("Reset {}", label.to_lowercase()) }
                                    </button>
                                }
                            </div>
                        }
                    }) }
                </fieldset>
            </section>
        }
    }

    fn snippet_view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let s = &self.settings;
        let on_script = link.callback(|e: InputEvent| {
            Msg::Set(
                Field::ScriptUrl,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        let on_bank = link.callback(|e: InputEvent| {
            Msg::Set(
                Field::BankUrl,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        let snippet = s.snippet();
        let rows = (snippet.lines().count() + 3).to_string();
        html! {
            <section class="pg-snippet" aria-labelledby="snippet-heading">
                <h2 id="snippet-heading">{ "Embed snippet" }</h2>
                <div class="pg-field">
                    <label for="pg-bank-url">{ "Bank URL on your site" }</label>
                    <input id="pg-bank-url" type="text" value={s.bank_url.clone()} oninput={on_bank}
                        aria-describedby="pg-bank-url-hint" />
                    <p id="pg-bank-url-hint" class="pg-hint">
                        { "Put the bank's JSON file (Download JSON) on your site and give its address here; relative addresses are read from the page." }
                    </p>
                </div>
                <div class="pg-field">
                    <label for="pg-script-url">{ "Widget script URL" }</label>
                    <input id="pg-script-url" type="text" value={s.script_url.clone()} oninput={on_script}
                        aria-describedby="pg-script-url-hint" />
                    <p id="pg-script-url-hint" class="pg-hint">
                        { format!("The npm package on a CDN by default (version {}); or where you serve the dist/ folder.", checkpoint_quiz::VERSION) }
                    </p>
                </div>
                <label for="pg-snippet">{ "HTML to paste into your page" }</label>
                <textarea id="pg-snippet" class="pg-snippet-text" ref={self.snippet.clone()} readonly=true
                    rows={rows} value={snippet} spellcheck="false" />
                <div class="pg-row pg-actions">
                    <button type="button" onclick={link.callback(|_| Msg::Copy)}>{ "Copy snippet" }</button>
                    <p class="pg-copy-status" role="status">{ &self.copy_status }</p>
                </div>
            </section>
        }
    }
}

fn round_key(bank_id: &str) -> String {
    format!("checkpoint-quiz:round:{bank_id}:{PREVIEW_ID}")
}

/// A file name without its folder and last extension.
fn stem(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_owned(),
        _ => name.to_owned(),
    }
}
