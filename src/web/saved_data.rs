//! Keeping progress safe without a server: download it as a file, import a file (with a
//! summary of what will change before anything does), or reset this bank's progress.

use yew::prelude::*;

use super::quiz::{Confirm, Ctx, Ui};
use crate::session::{Action, Screen};

fn plural(n: usize, one: &str, many: &str) -> String {
    [n.to_string().as_str(), " ", if n == 1 { one } else { many }].concat()
}

pub fn view(ctx: &Ctx) -> Html {
    let quiz = ctx.quiz;
    let back = ctx.act.reform(|_: MouseEvent| Action::Show(Screen::Start));
    let export = ctx.export.reform(|_: MouseEvent| ());
    let onchange = {
        let open = ctx.open_file.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            if let Some(input) = input {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    open.emit(file);
                }
                input.set_value("");
            }
        })
    };
    let cancel = {
        let set_ui = ctx.set_ui.clone();
        Callback::from(move |_: MouseEvent| set_ui.emit(Ui::default()))
    };
    let ask_reset = {
        let set_ui = ctx.set_ui.clone();
        Callback::from(move |_: MouseEvent| {
            set_ui.emit(Ui {
                confirm: Some(Confirm::Reset),
                ..Ui::default()
            })
        })
    };
    let reset = ctx.act.reform(|_: MouseEvent| Action::Reset {
        now: js_sys::Date::now() as i64,
    });
    let apply = ctx.apply_import.reform(|_: MouseEvent| ());

    let preview = ctx.ui.import.as_ref().map(|p| {
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
            Some(_) => "For this quiz it adds nothing new: everything in it is already here.".to_string(),
            None => "It has no progress for this quiz.".to_string(),
        };
        let others = (p.other_banks > 0).then(|| {
            ["It also has progress for ", &plural(p.other_banks, "other quiz", "other quizzes"), " on this site (", &plural(p.other_answers, "new answer", "new answers"), ")."].concat()
        });
        html! {
            <div class="cq-confirm" role="alertdialog" aria-labelledby="cq-import-title" aria-describedby="cq-import-text">
                <h4 class="cq-subtitle" id="cq-import-title" tabindex="-1" ref={ctx.heading.clone()}>{ "Import this progress file?" }</h4>
                <div id="cq-import-text">
                    <p>{ here }</p>
                    if let Some(o) = others { <p>{ o }</p> }
                    <p class="cq-note">{ "Importing adds to what is here; it never removes answers." }</p>
                </div>
                <div class="cq-actions">
                    <button type="button" class="cq-button cq-primary" onclick={apply}>{ "Import" }</button>
                    <button type="button" class="cq-button" onclick={cancel.clone()}>{ "Cancel" }</button>
                </div>
            </div>
        }
    });

    html! {
        <div class="cq-card cq-data">
            <h3 class="cq-screen-title" tabindex="-1" ref={if ctx.ui.import.is_none() && ctx.ui.confirm.is_none() { ctx.heading.clone() } else { NodeRef::default() }}>{ "Save or restore progress" }</h3>
            <p>{ "Your progress is kept in this browser only. Some browsers (Safari in particular) delete it after a few weeks without a visit, and it does not follow you to another device. Download it as a file to keep it safe, and import the file to bring it back." }</p>
            <div class="cq-feedback-area" role="status">
                if let Some(m) = &ctx.ui.message { <p class="cq-message">{ m.clone() }</p> }
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
                if ctx.ui.confirm == Some(Confirm::Reset) {
                    <div class="cq-confirm" role="alertdialog" aria-labelledby="cq-reset-title" aria-describedby="cq-reset-text">
                        <h5 class="cq-subtitle" id="cq-reset-title" tabindex="-1" ref={ctx.heading.clone()}>{ "Reset your progress?" }</h5>
                        <p id="cq-reset-text">{ ["This deletes every answer and score for “", &quiz.bank.title, "” in this browser. Download a progress file first if you may want them back."].concat() }</p>
                        <div class="cq-actions">
                            <button type="button" class="cq-button cq-danger" onclick={reset}>{ "Reset progress" }</button>
                            <button type="button" class="cq-button" onclick={cancel}>{ "Cancel" }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="cq-button" onclick={ask_reset}>{ "Reset progress for this quiz…" }</button>
                }
            </section>
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={back}>{ "Back" }</button>
            </div>
        </div>
    }
}
