//! Keeping progress safe without a server: download it as a file, import a file (with a
//! summary of what will change before anything does), or reset this bank's progress.

use std::rc::Rc;

use yew::prelude::*;

use super::confirm_dialog::{confirm_dialog, ConfirmDialogProps};
use super::on_click;
use crate::progress::Progress;
use crate::storage::{self, ImportPreview};
use crate::web::services::storage::LocalStorage;
use crate::web::services::{files, now_ms};
use crate::web::state::{Confirm, Overlay, SessionState};

pub struct SavedDataProps {
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

fn plural(n: usize, one: &str, many: &str) -> String {
    [n.to_string().as_str(), " ", if n == 1 { one } else { many }].concat()
}

fn message(text: impl Into<String>) -> Overlay {
    Overlay::Message(text.into())
}

/// Downloads every bank's progress in this browser as one file; says how that went.
fn export(session: &SessionState) -> Overlay {
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
        Ok(()) => message(
            [
                "Saved ",
                &name,
                " to your downloads. Keep it somewhere safe: importing it restores your progress.",
            ]
            .concat(),
        ),
        Err(()) => message("This browser did not allow the download."),
    }
}

/// Reads a picked file: its preview, or why it can't be imported.
async fn open(file: web_sys::File, session: SessionState) -> Overlay {
    let text = files::read_text(&file).await;
    let banks = text
        .ok_or("This file could not be read.")
        .and_then(|t| storage::decode_export(&t));
    match banks {
        Err(why) => message(why),
        Ok(banks) => Overlay::Import(Rc::new(storage::preview_import(
            &LocalStorage::open(),
            (&session.bank.id, &session.progress),
            banks,
        ))),
    }
}

/// Imports the previewed file: this bank through the session, others into storage.
fn apply(preview: &ImportPreview, bank_id: &str, onimport: &Callback<Progress>) -> Overlay {
    let store = LocalStorage::open();
    let mut failed = false;
    for (id, p) in &preview.banks {
        if id == bank_id {
            onimport.emit(p.clone());
        } else {
            failed |= storage::import_into_store(&store, id, p, now_ms()).is_err();
        }
    }
    message(if failed {
        "Imported into this quiz, but progress for the other banks could not be saved in this browser."
    } else {
        "Progress imported."
    })
}

/// What the previewed file would add, in words.
fn preview_text(p: &ImportPreview) -> Html {
    let here = match p.here {
        Some(c) if c.answers > 0 || c.rounds > 0 => [
            "For this quiz it adds ",
            &plural(c.answers, "answer", "answers"),
            " on ",
            &plural(c.questions, "question", "questions"),
            " and ",
            &plural(c.rounds, "finished round", "finished rounds"),
            ".",
        ]
        .concat(),
        Some(_) => {
            "For this quiz it adds nothing new: everything in it is already here.".to_string()
        }
        None => "It has no progress for this quiz.".to_string(),
    };
    let others = (p.other_banks > 0).then(|| {
        [
            "It also has progress for ",
            &plural(p.other_banks, "other quiz", "other quizzes"),
            " on this site (",
            &plural(p.other_answers, "new answer", "new answers"),
            ").",
        ]
        .concat()
    });
    html! {
        <>
            <p>{ here }</p>
            if let Some(o) = others { <p>{ o }</p> }
            <p class="cq-note">{ "Importing adds to what is here; it never removes answers." }</p>
        </>
    }
}

/// Reads the file the learner picked, then shows its preview or why it can't be imported.
fn file_picked(props: &SavedDataProps) -> Callback<Event> {
    let (session, onoverlay) = (props.session.clone(), props.onoverlay.clone());
    Callback::from(move |e: Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let (session, onoverlay) = (session.clone(), onoverlay.clone());
                yew::platform::spawn_local(async move {
                    onoverlay.emit(open(file, session).await);
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
        Callback::from(move |()| onoverlay.emit(apply(&p, &bank_id, &onimport)))
    };
    confirm_dialog(ConfirmDialogProps {
        name: "import",
        title: html! { <h4 class="cq-subtitle" id="cq-import-title" tabindex="-1" ref={props.heading.clone()}>{ "Import this progress file?" }</h4> },
        text: html! { <div id="cq-import-text">{ preview_text(preview) }</div> },
        confirm: "Import",
        confirm_class: "cq-primary",
        cancel: "Cancel",
        onconfirm: apply,
        oncancel: close(props),
    })
}

/// "Reset your progress?"
fn reset_dialog(props: &SavedDataProps) -> Html {
    let text = [
        "This deletes every answer and score for “",
        &props.session.bank.title,
        "” in this browser. Download a progress file first if you may want them back.",
    ]
    .concat();
    confirm_dialog(ConfirmDialogProps {
        name: "reset",
        title: html! { <h5 class="cq-subtitle" id="cq-reset-title" tabindex="-1" ref={props.heading.clone()}>{ "Reset your progress?" }</h5> },
        text: html! { <p id="cq-reset-text">{ text }</p> },
        confirm: "Reset progress",
        confirm_class: "cq-danger",
        cancel: "Cancel",
        onconfirm: props.onreset.clone(),
        oncancel: close(props),
    })
}

pub fn saved_data(props: &SavedDataProps) -> Html {
    let onoverlay = &props.onoverlay;
    let export = {
        let (session, onoverlay) = (props.session.clone(), onoverlay.clone());
        Callback::from(move |_: MouseEvent| onoverlay.emit(export(&session)))
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
            <h3 class="cq-screen-title" tabindex="-1" ref={if dialog { NodeRef::default() } else { props.heading.clone() }}>{ "Save or restore progress" }</h3>
            <p>{ "Your progress is kept in this browser only. Some browsers (Safari in particular) delete it after a few weeks without a visit, and it does not follow you to another device. Download it as a file to keep it safe, and import the file to bring it back." }</p>
            <div class="cq-feedback-area" role="status">
                if let Some(m) = report { <p class="cq-message">{ m }</p> }
            </div>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ "Download" }</h4>
                <button type="button" class="cq-button cq-primary" onclick={export}>{ "Download progress file" }</button>
            </section>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ "Import" }</h4>
                <label class="cq-file">
                    <span>{ "Choose a progress file to import" }</span>
                    <input type="file" accept=".json,application/json" {onchange} />
                </label>
                { preview.unwrap_or_default() }
            </section>
            <section class="cq-section">
                <h4 class="cq-subtitle">{ "Reset" }</h4>
                if let Some(reset) = reset {
                    { reset }
                } else {
                    <button type="button" class="cq-button" onclick={on_click(onoverlay, Overlay::Confirm(Confirm::Reset))}>{ "Reset progress for this quiz…" }</button>
                }
            </section>
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={on_click(&props.onback, ())}>{ "Back" }</button>
            </div>
        </div>
    }
}
