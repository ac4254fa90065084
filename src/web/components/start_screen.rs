//! The start screen: the bank, the learner's progress at a glance, one button per mode.

use yew::prelude::*;

use super::dashboard;
use super::on_click;
use crate::mode::Mode;
use crate::overview::Overview;
use crate::session::{Phase, Screen, Session};
use crate::settings::DEFAULT_COUNT;
use crate::timing as format;

pub struct StartScreenProps<'a> {
    pub session: &'a Session,
    pub now: i64,
    pub heading: NodeRef,
    /// Starts a new round of a mode.
    pub onstart: Callback<(Mode, Option<String>)>,
    /// Shows another screen: the round in play, the dashboard, saved data.
    pub onshow: Callback<Screen>,
}

pub fn start_screen(props: &StartScreenProps) -> Html {
    let session = props.session;
    let o = Overview::new(
        &session.bank,
        &session.progress,
        session.pass_mark(),
        props.now,
    );
    let start = |mode: Mode| on_click(&props.onstart, (mode, None));
    let show = |screen: Screen| on_click(&props.onshow, screen);
    let s = &session.settings;
    let resume = resume(props);
    html! {
        <div class="cq-card cq-start">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ "Choose how to study" }</h3>
            if !session.bank.description.is_empty() { <p class="cq-description">{ session.bank.description.clone() }</p> }
            { dashboard::figures(&o) }
            { resume.unwrap_or_default() }
            <ul class="cq-modes">
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Practice)}>
                        <span class="cq-mode-name">{ "Practice" }</span>
                        <span class="cq-mode-note">{ [&count(s.count.or(Some(DEFAULT_COUNT)), o.questions), " questions with feedback after each"].concat() }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Exam)}>
                        <span class="cq-mode-name">{ "Mock exam" }</span>
                        <span class="cq-mode-note">{ exam_line(session, o.questions) }</span>
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
                        <span class="cq-mode-note">{ smart_line(&o, props.now) }</span>
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

/// A round's size as asked (`None`: all), at most the bank's.
fn count(n: Option<usize>, questions: usize) -> String {
    n.unwrap_or(questions).min(questions).to_string()
}

/// "20 questions, 30 minutes time limit, pass mark 70%".
fn exam_line(session: &Session, questions: usize) -> String {
    let s = &session.settings;
    let time_limit = s.time_limit.or(session.bank.time_limit);
    [
        &count(s.count.or(session.bank.exam_questions), questions),
        " questions, ",
        &time_limit.map_or_else(
            || "no time limit".to_string(),
            |t| [format::duration(i64::from(t) * 1000), " time limit".into()].concat(),
        ),
        ", pass mark ",
        &session.pass_mark().to_string(),
        "%",
    ]
    .concat()
}

/// What smart review would ask now.
fn smart_line(o: &Overview, now: i64) -> String {
    if o.due_now > 0 {
        [&o.due_now.to_string(), " due now"].concat()
    } else if o.unseen > 0 {
        "Nothing due: new questions".to_string()
    } else {
        o.next_due.map_or_else(
            || "Nothing due".to_string(),
            |t| ["Next due ", &format::when(t, now)].concat(),
        )
    }
}

/// "Continue your practice round (question 3 of 10)", when a round is in play.
fn resume(props: &StartScreenProps) -> Option<Html> {
    let session = props.session;
    let in_play = !session.round.is_empty() && session.phase() != Phase::Finished;
    in_play.then(|| {
        let r = &session.round;
        let what = match r.mode {
            Mode::Practice => "practice round",
            Mode::Exam => "mock exam",
            Mode::Review => "review",
            Mode::Smart => "smart review",
        };
        let label = ["Continue your ", what, " (question ", &(r.current + 1).to_string(), " of ", &r.len().to_string(), ")"].concat();
        html! { <button type="button" class="cq-button cq-primary cq-wide" onclick={on_click(&props.onshow, Screen::Round)}>{ label }</button> }
    })
}
