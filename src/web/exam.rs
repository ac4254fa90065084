//! A mock exam in progress: no feedback; move back and forth, flag questions, see the
//! countdown, and submit (with a warning when questions are unanswered).

use yew::prelude::*;

use super::formatted;
use super::question::{choices, header, image};
use super::quiz::{Confirm, Ctx, Ui};
use crate::session::Action;
use crate::timing;

pub fn view(ctx: &Ctx) -> Html {
    let quiz = ctx.quiz;
    let r = &quiz.round;
    let Some(q) = quiz.question() else {
        return Html::default();
    };
    let position = r.current;
    let total = r.len();
    let flagged = r.flags.get(position).copied().unwrap_or(false);
    let left = r.deadline.map(|d| d.saturating_sub(ctx.now));
    let unanswered = quiz.unanswered();
    let now = || js_sys::Date::now() as i64;

    let timer = left.map(|ms| {
        let low = ms <= 60_000;
        html! {
            <p class={if low { "cq-timer is-low" } else { "cq-timer" }} role="timer" aria-live="off">
                { "Time left: " }
                { timing::clock(ms) }
            </p>
        }
    });
    // Said once when a minute is left (the timer itself is not read out every second).
    let warning = left
        .filter(|ms| *ms <= 60_000)
        .map(|_| "Less than a minute left. The exam is submitted automatically at 0:00.");

    let nav = r.ids.iter().enumerate().map(|(i, _)| {
        let answered = r.answers[i].as_ref().is_some_and(|a| !a.is_empty());
        let flag = r.flags[i];
        let mut label = ["Question ", &(i + 1).to_string()].concat();
        label.push_str(if answered { ", answered" } else { ", not answered" });
        if flag {
            label.push_str(", flagged");
        }
        let class = ["cq-nav-item", if answered { " is-answered" } else { "" }, if flag { " is-flagged" } else { "" }].concat();
        html! {
            <li>
                <button type="button" class={class} aria-label={label} aria-current={(i == position).then_some("step")}
                    onclick={ctx.act.reform(move |_: MouseEvent| Action::Goto(i))}>
                    { (i + 1).to_string() }
                    if flag { <span aria-hidden="true">{ "⚑" }</span> }
                </button>
            </li>
        }
    });

    let ask_submit = {
        let set_ui = ctx.set_ui.clone();
        Callback::from(move |_: MouseEvent| {
            set_ui.emit(Ui {
                confirm: Some(Confirm::Submit),
                ..Ui::default()
            })
        })
    };
    let cancel = {
        let set_ui = ctx.set_ui.clone();
        Callback::from(move |_: MouseEvent| set_ui.emit(Ui::default()))
    };
    let confirming = ctx.ui.confirm == Some(Confirm::Submit);

    html! {
        <div class="cq-card cq-exam">
            { header(ctx, position, total, &q.topic) }
            { timer.unwrap_or_default() }
            <fieldset class="cq-fieldset">
                <legend class="cq-prompt" tabindex="-1" ref={ctx.prompt.clone()}>{ formatted::view(&q.prompt) }</legend>
                { image(q) }
                if q.answer.is_multiple() && !q.prompt.to_ascii_lowercase().contains("select all") { <p class="cq-hint">{ "Select all that apply." }</p> }
                { choices(ctx, q, &quiz.round.choice_order(q), quiz.picked(), false, false) }
            </fieldset>
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={ctx.act.reform(|_: MouseEvent| Action::Prev)} disabled={position == 0}>{ "Previous" }</button>
                <button type="button" class="cq-button" onclick={ctx.act.reform(move |_: MouseEvent| Action::Next { now: now() })} disabled={position + 1 >= total}>{ "Next" }</button>
                <button type="button" class="cq-button" aria-pressed={if flagged { "true" } else { "false" }} onclick={ctx.act.reform(|_: MouseEvent| Action::Flag)}>
                    { if flagged { "⚑ Flagged" } else { "Flag for review" } }
                </button>
            </div>
            <nav class="cq-nav" aria-label="Exam questions">
                <ul class="cq-nav-list">{ for nav }</ul>
            </nav>
            <div class="cq-feedback-area" role="status">
                if let Some(w) = warning { <p class="cq-hint-empty">{ w }</p> }
            </div>
            if confirming {
                <div class="cq-confirm" role="alertdialog" aria-labelledby="cq-confirm-title" aria-describedby="cq-confirm-text">
                    <h3 class="cq-subtitle" id="cq-confirm-title" tabindex="-1" ref={ctx.heading.clone()}>{ "Submit the exam?" }</h3>
                    <p id="cq-confirm-text">{
                        if unanswered > 0 {
                            ["You have ", &unanswered.to_string(), if unanswered == 1 { " unanswered question" } else { " unanswered questions" }, ". Unanswered questions count as wrong. You can't change answers after submitting."].concat()
                        } else {
                            "You can't change answers after submitting.".to_string()
                        }
                    }</p>
                    <div class="cq-actions">
                        <button type="button" class="cq-button cq-primary" onclick={ctx.act.reform(move |_: MouseEvent| Action::Submit { now: now() })}>{ "Submit exam" }</button>
                        <button type="button" class="cq-button" onclick={cancel}>{ "Keep working" }</button>
                    </div>
                </div>
            } else {
                <div class="cq-actions">
                    <button type="button" class="cq-button cq-primary" onclick={ask_submit}>
                        { if unanswered > 0 { ["Submit exam (", &unanswered.to_string(), " unanswered)"].concat() } else { "Submit exam".to_string() } }
                    </button>
                </div>
            }
        </div>
    }
}
