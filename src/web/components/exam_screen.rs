//! A mock exam in progress: no feedback; move back and forth, flag questions, see the
//! countdown, and submit (with a warning when questions are unanswered).

use yew::prelude::*;

use crate::text::{Plural, Text};

use super::super::services::locale::Locale;

use super::choice_list::{choice_list, ChoiceListProps};
use super::confirm_dialog::{confirm_dialog, ConfirmDialogProps};
use super::formatted;
use super::on_click;
use super::question_card::{header, image};
use crate::session::Session;
use crate::text::says_select_all;
use crate::timing;

pub struct ExamScreenProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    pub now: i64,
    /// The learner asked to submit: the confirm box is open.
    pub confirming: bool,
    pub heading: NodeRef,
    pub prompt: NodeRef,
    pub onselect: Callback<usize>,
    pub ontoggle: Callback<usize>,
    pub onprev: Callback<()>,
    pub onnext: Callback<()>,
    /// Jump to a question, by position.
    pub ongoto: Callback<usize>,
    pub onflag: Callback<()>,
    /// Asks to submit (opens the confirm box); `onconfirm` submits, `oncancel` closes it.
    pub onsubmit: Callback<()>,
    pub onconfirm: Callback<()>,
    pub oncancel: Callback<()>,
    pub onmenu: Callback<()>,
}

pub fn exam_screen(props: &ExamScreenProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let r = &session.round;
    let Some(q) = session.question() else {
        return Html::default();
    };
    let position = r.current;
    let total = r.len();
    let flagged = r.flags.get(position).copied().unwrap_or(false);
    let left = r.deadline.map(|d| d.saturating_sub(props.now));
    let unanswered = session.unanswered();
    let click = |callback: &Callback<()>| on_click(callback, ());

    let timer = left.map(|ms| {
        let low = ms <= 60_000;
        html! {
            <p class={if low { "cq-timer is-low" } else { "cq-timer" }} role="timer" aria-live="off">
                { t.text(Text::TimeLeft) }{ " " }
                { timing::clock(ms) }
            </p>
        }
    });
    // Said once when a minute is left (the timer itself is not read out every second).
    let warning = left
        .filter(|ms| *ms <= 60_000)
        .map(|_| t.text(Text::MinuteLeft));

    let confirm = props.confirming.then(|| confirm_submit(props, unanswered));

    html! {
        <div class="cq-card cq-exam">
            { header(t, position, total, &q.topic, &props.onmenu) }
            { timer.unwrap_or_default() }
            <fieldset class="cq-fieldset">
                <legend class="cq-prompt" tabindex="-1" ref={props.prompt.clone()}>{ formatted::view(&q.prompt) }</legend>
                { image(q) }
                if q.answer.is_multiple() && !says_select_all(&q.prompt) { <p class="cq-hint">{ t.text(Text::SelectAllThatApply) }</p> }
                { choice_list(&ChoiceListProps { locale: t, session, marks: false, onselect: &props.onselect, ontoggle: &props.ontoggle }) }
            </fieldset>
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={click(&props.onprev)} disabled={position == 0}>{ t.text(Text::Previous) }</button>
                <button type="button" class="cq-button" onclick={click(&props.onnext)} disabled={position + 1 >= total}>{ t.text(Text::Next) }</button>
                <button type="button" class="cq-button" aria-pressed={if flagged { "true" } else { "false" }} onclick={click(&props.onflag)}>
                    { t.text(if flagged { Text::Flagged } else { Text::FlagForReview }) }
                </button>
            </div>
            <nav class="cq-nav" aria-label={t.text(Text::ExamQuestions)}>
                <ul class="cq-nav-list">{ navigator(props) }</ul>
            </nav>
            <div class="cq-feedback-area" role="status">
                if let Some(w) = warning { <p class="cq-hint-empty">{ w }</p> }
            </div>
            if let Some(confirm) = confirm {
                { confirm }
            } else {
                <div class="cq-actions">
                    <button type="button" class="cq-button cq-primary" onclick={click(&props.onsubmit)}>
                        { if unanswered > 0 { t.count(Plural::SubmitUnanswered, unanswered, &[]) } else { t.text(Text::SubmitExam).to_string() } }
                    </button>
                </div>
            }
        </div>
    }
}

/// One button per question, saying whether it is answered and flagged.
fn navigator(props: &ExamScreenProps) -> Html {
    let (r, t) = (&props.session.round, props.locale);
    let position = r.current;
    r.ids.iter().enumerate().map(|(i, _)| {
        let answered = r.answers[i].as_ref().is_some_and(|a| !a.is_empty());
        let flag = r.flags[i];
        let question = t.count(Plural::NavQuestion, i + 1, &[]);
        let mut label = t.fill(
            if answered { Text::NavAnswered } else { Text::NavNotAnswered },
            &[("question", &question)],
        );
        if flag {
            label = t.fill(Text::NavFlagged, &[("question", &label)]);
        }
        let class = ["cq-nav-item", if answered { " is-answered" } else { "" }, if flag { " is-flagged" } else { "" }].concat();
        html! {
            <li>
                <button type="button" class={class} aria-label={label} aria-current={(i == position).then_some("step")}
                    onclick={on_click(&props.ongoto, i)}>
                    { t.number(i + 1) }
                    if flag { <span aria-hidden="true">{ "⚑" }</span> }
                </button>
            </li>
        }
    })
    .collect()
}

/// "Submit the exam?", warning of unanswered questions.
fn confirm_submit(props: &ExamScreenProps, unanswered: usize) -> Html {
    let t = props.locale;
    let text = if unanswered > 0 {
        t.count(Plural::UnansweredWarning, unanswered, &[])
    } else {
        t.text(Text::CantChangeAnswers).to_string()
    };
    confirm_dialog(ConfirmDialogProps {
        name: "confirm",
        title: html! { <h3 class="cq-subtitle" id="cq-confirm-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::SubmitTitle) }</h3> },
        text: html! { <p id="cq-confirm-text">{ text }</p> },
        confirm: t.text(Text::SubmitExam),
        confirm_class: "cq-primary",
        cancel: t.text(Text::KeepWorking),
        onconfirm: props.onconfirm.clone(),
        oncancel: props.oncancel.clone(),
    })
}
