//! Keeping progress safe without a server: download it as a file, import a file (with a
//! summary of what will change before anything does), or reset this bank's progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::text::{Plural, Text};

use super::super::services::locale::Locale;

use super::confirm_dialog::{confirm_dialog, ConfirmDialogProps};
use super::on_click;
use crate::progress::Progress;
use crate::storage::{self, ExportError, ImportPreview};
use crate::web::services::storage::LocalStorage;
use crate::web::services::{files, now_ms};
use crate::web::state::{Confirm, Overlay, SessionState};

pub struct SavedDataProps {
    pub locale: Rc<Locale>,
    pub session: SessionState,
    /// The import preview, reset confirmation or report open here.
    pub overlay: Overlay,
    pub heading: NodeRef,
    /// Opens or closes the preview, confirmation or report.
    pub onoverlay: Callback<Overlay>,
    /// Imports a file's progress for this bank (other banks are written to storage here).
    pub onimport: Callback<Progress>,
    pub onreset: Callback<()>,
    pub onback: Callback<()>,
}

fn message(text: impl Into<String>) -> Overlay {
    Overlay::Message(text.into())
}

/// Downloads every bank's progress in this browser as one file; says how that went.
fn export(t: &Locale, session: &SessionState) -> Overlay {
    let banks = storage::all_progress(&LocalStorage::open(), (&session.bank.id, &session.progress));
    let date: String = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect();
    let name = ["checkpoint-quiz-progress-", &date, ".json"].concat();
    match files::download(&name, &storage::encode_export(&banks, now_ms())) {
        Ok(()) => message(t.fill(Text::SavedFile, &[("file", &name)])),
        Err(()) => message(t.text(Text::DownloadBlocked)),
    }
}

/// Reads a picked file: its preview, or why it can't be imported.
async fn open(t: Rc<Locale>, file: web_sys::File, session: SessionState) -> Overlay {
    let Some(text) = files::read_text(&file).await else {
        return message(t.text(Text::FileUnreadable));
    };
    match storage::decode_export(&text) {
        Err(why) => message(t.text(match why {
            ExportError::NotJson => Text::FileNotJson,
            ExportError::NotOurs => Text::FileNotOurs,
            ExportError::NoVersion => Text::FileNoVersion,
            ExportError::Newer => Text::FileNewer,
            ExportError::NoBanks => Text::FileNoBanks,
            ExportError::Damaged => Text::FileDamaged,
        })),
        Ok(banks) => Overlay::Import(Rc::new(storage::preview_import(
            &LocalStorage::open(),
            (&session.bank.id, &session.progress),
            banks,
        ))),
    }
}

/// Imports the previewed file: this bank through the session, others into storage.
fn apply(
    t: &Locale,
    preview: &ImportPreview,
    bank_id: &str,
    onimport: &Callback<Progress>,
) -> Overlay {
    let store = LocalStorage::open();
    let mut failed = false;
    for (id, p) in &preview.banks {
        if id == bank_id {
            onimport.emit(p.clone());
        } else {
            failed |= storage::import_into_store(&store, id, p, now_ms()).is_err();
        }
    }
    message(t.text(if failed {
        Text::ImportedPartly
    } else {
        Text::Imported
    }))
}

/// What the previewed file would add, in words.
fn preview_text(t: &Locale, p: &ImportPreview) -> Html {
    let here = match p.here {
        Some(c) if c.answers > 0 || c.rounds > 0 => t.fill(
            Text::ImportAdds,
            &[
                ("answers", &t.count(Plural::Answers, c.answers, &[])),
                ("questions", &t.count(Plural::Questions, c.questions, &[])),
                ("rounds", &t.count(Plural::FinishedRounds, c.rounds, &[])),
            ],
        ),
        Some(_) => t.text(Text::ImportNothingNew).to_string(),
        None => t.text(Text::ImportNoneHere).to_string(),
    };
    let others = (p.other_banks > 0).then(|| {
        t.fill(
            Text::ImportOthers,
            &[
                (
                    "quizzes",
                    &t.count(Plural::OtherQuizzes, p.other_banks, &[]),
                ),
                (
                    "answers",
                    &t.count(Plural::NewAnswers, p.other_answers, &[]),
                ),
            ],
        )
    });
    html! {
        <>
            <p>{ here }</p>
            if let Some(o) = others { <p>{ o }</p> }
            <p class="cq-note">{ t.text(Text::ImportNote) }</p>
        </>
    }
}

/// Reads the file the learner picked, then shows its preview or why it can't be imported.
fn file_picked(props: &SavedDataProps) -> Callback<Event> {
    let (session, onoverlay) = (props.session.clone(), props.onoverlay.clone());
    let locale = props.locale.clone();
    Callback::from(move |e: Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let (session, onoverlay) = (session.clone(), onoverlay.clone());
                let locale = locale.clone();
                yew::platform::spawn_local(async move {
                    onoverlay.emit(open(locale, file, session).await);
                });
            }
            input.set_value("");
        }
    })
}

/// Closes the dialog.
fn close(props: &SavedDataProps) -> Callback<()> {
    props.onoverlay.reform(|()| Overlay::None)
}

/// "Import this progress file?", with what it would add.
fn import_dialog(props: &SavedDataProps, preview: &Rc<ImportPreview>) -> Html {
    let apply = {
        let (onimport, onoverlay) = (props.onimport.clone(), props.onoverlay.clone());
        let (p, bank_id) = (preview.clone(), props.session.bank.id.clone());
        let t = props.locale.clone();
        Callback::from(move |()| onoverlay.emit(apply(&t, &p, &bank_id, &onimport)))
    };
    let t = &props.locale;
    confirm_dialog(ConfirmDialogProps {
        name: "import",
        title: html! { <h4 class="cq-subtitle" id="cq-import-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::ImportTitle) }</h4> },
        text: html! { <div id="cq-import-text">{ preview_text(t, preview) }</div> },
        confirm: t.text(Text::Import),
        confirm_class: "cq-primary",
        cancel: t.text(Text::Cancel),
        onconfirm: apply,
        oncancel: close(props),
    })
}

/// "Reset your progress?"
fn reset_dialog(props: &SavedDataProps) -> Html {
    let t = &props.locale;
    let text = t.fill(Text::ResetText, &[("title", &props.session.bank.title)]);
    confirm_dialog(ConfirmDialogProps {
        name: "reset",
        title: html! { <h5 class="cq-subtitle" id="cq-reset-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::ResetTitle) }</h5> },
        text: html! { <p id="cq-reset-text">{ text }</p> },
        confirm: t.text(Text::ResetProgress),
        confirm_class: "cq-danger",
        cancel: t.text(Text::Cancel),
        onconfirm: props.onreset.clone(),
        oncancel: close(props),
    })
}

pub fn saved_data(props: &SavedDataProps) -> Html {
    let (onoverlay, t) = (&props.onoverlay, &props.locale);
    let export = {
        let (session, onoverlay) = (props.session.clone(), onoverlay.clone());
        let t = props.locale.clone();
        Callback::from(move |_: MouseEvent| onoverlay.emit(export(&t, &session)))
    };
    let onchange = file_picked(props);
    let (preview, reset, report) = match &props.overlay {
        Overlay::Import(p) => (Some(import_dialog(props, p)), None, None),
        Overlay::Confirm(Confirm::Reset) => (None, Some(reset_dialog(props)), None),
        Overlay::Message(m) => (None, None, Some(m.clone())),
        Overlay::None | Overlay::Hint | Overlay::Confirm(Confirm::Submit) => (None, None, None),
    };
    let dialog = props.overlay.is_dialog();

    html! {
        <div class="cq-card cq-data">
            <h3 class="cq-screen-title" tabindex="-1" ref={if dialog { NodeRef::default() } else { props.heading.clone() }}>{ t.text(Text::SaveOrRestore) }</h3>
            <p>{ t.text(Text::StorageExplained) }</p>
            <div class="cq-feedback-area" role="status">
                if let Some(m) = report { <p class="cq-message">{ m }</p> }
            </div>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ t.text(Text::Download) }</h4>
                <button type="button" class="cq-button cq-primary" onclick={export}>{ t.text(Text::DownloadFile) }</button>
            </section>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ t.text(Text::Import) }</h4>
                <label class="cq-file">
                    <span>{ t.text(Text::ChooseFile) }</span>
                    <input type="file" accept=".json,application/json" {onchange} />
                </label>
                { preview.unwrap_or_default() }
            </section>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ t.text(Text::Reset) }</h4>
                if let Some(reset) = reset {
                    { reset }
                } else {
                    <button type="button" class="cq-button" onclick={on_click(onoverlay, Overlay::Confirm(Confirm::Reset))}>{ t.text(Text::ResetForThisQuiz) }</button>
                }
            </section>
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={on_click(&props.onback, ())}>{ t.text(Text::Back) }</button>
            </div>
        </div>
    }
}
