//! The start screen: the bank, the learner's progress at a glance, one button per mode.

use yew::prelude::*;

use super::dashboard;
use super::quiz::Ctx;
use crate::mode::Mode;
use crate::overview::Overview;
use crate::session::{Action, Phase, Screen};
use crate::settings::DEFAULT_COUNT;
use crate::timing as format;

pub fn view(ctx: &Ctx) -> Html {
    let quiz = ctx.quiz;
    let o = Overview::new(&quiz.bank, &quiz.progress, quiz.pass_mark(), ctx.now);
    let start = |mode: Mode| {
        let start = ctx.start.clone();
        Callback::from(move |_: MouseEvent| start.emit((mode, None)))
    };
    let show = |screen: Screen| ctx.act.reform(move |_: MouseEvent| Action::Show(screen));
    let count = |n: Option<usize>| n.unwrap_or(o.questions).min(o.questions).to_string();
    let s = &quiz.settings;
    let exam_size = count(s.count.or(quiz.bank.exam_questions));
    let time_limit = s.time_limit.or(quiz.bank.time_limit);
    let exam_line = [
        &exam_size,
        " questions, ",
        &time_limit.map_or_else(
            || "no time limit".to_string(),
            |t| [format::duration(i64::from(t) * 1000), " time limit".into()].concat(),
        ),
        ", pass mark ",
        &quiz.pass_mark().to_string(),
        "%",
    ]
    .concat();
    let smart_line = if o.due_now > 0 {
        [&o.due_now.to_string(), " due now"].concat()
    } else if o.unseen > 0 {
        "Nothing due: new questions".to_string()
    } else {
        o.next_due.map_or_else(
            || "Nothing due".to_string(),
            |t| ["Next due ", &format::when(t, ctx.now)].concat(),
        )
    };
    let in_play = !quiz.round.is_empty() && quiz.phase() != Phase::Finished;
    let resume = in_play.then(|| {
        let r = &quiz.round;
        let what = match r.mode {
            Mode::Practice => "practice round",
            Mode::Exam => "mock exam",
            Mode::Review => "review",
            Mode::Smart => "smart review",
        };
        let label = ["Continue your ", what, " (question ", &(r.current + 1).to_string(), " of ", &r.len().to_string(), ")"].concat();
        html! { <button type="button" class="cq-button cq-primary cq-wide" onclick={show(Screen::Round)}>{ label }</button> }
    });

    html! {
        <div class="cq-card cq-start">
            <h3 class="cq-screen-title" tabindex="-1" ref={ctx.heading.clone()}>{ "Choose how to study" }</h3>
            if !quiz.bank.description.is_empty() { <p class="cq-description">{ quiz.bank.description.clone() }</p> }
            { dashboard::figures(&o) }
            { resume.unwrap_or_default() }
            <ul class="cq-modes">
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Practice)}>
                        <span class="cq-mode-name">{ "Practice" }</span>
                        <span class="cq-mode-note">{ [&count(s.count.or(Some(DEFAULT_COUNT))), " questions with feedback after each"].concat() }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Exam)}>
                        <span class="cq-mode-name">{ "Mock exam" }</span>
                        <span class="cq-mode-note">{ exam_line }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Review)} disabled={o.missed == 0}>
                        <span class="cq-mode-name">{ "Review missed" }</span>
                        <span class="cq-mode-note">{
                            if o.missed == 0 { "No missed questions".to_string() }
                            else { [&o.missed.to_string(), " to answer right once more"].concat() }
                        }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Smart)} disabled={o.due_now == 0 && o.unseen == 0}>
                        <span class="cq-mode-name">{ "Smart review" }</span>
                        <span class="cq-mode-note">{ smart_line }</span>
                    </button>
                </li>
            </ul>
            { dashboard::topic_mastery(&o) }
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={show(Screen::Dashboard)}>{ "Your progress" }</button>
                <button type="button" class="cq-button" onclick={show(Screen::Data)}>{ "Save or restore progress" }</button>
            </div>
        </div>
    }
}
