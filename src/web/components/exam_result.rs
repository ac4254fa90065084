//! The end of a mock exam: score, pass or fail against the pass mark, a per-topic
//! breakdown, and every question with the learner's answer, the right one and why.

use yew::prelude::*;

use super::choice_list::{named_choices, right_answer};
use super::formatted;
use super::on_click;
use crate::mode::Mode;
use crate::score;
use crate::session::Session;

pub struct ExamResultProps<'a> {
    pub session: &'a Session,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: a new mock exam).
    pub onstart: Callback<(Mode, Option<String>)>,
    pub onback: Callback<()>,
}

pub fn exam_result(props: &ExamResultProps) -> Html {
    let session = props.session;
    let o = session.outcome();
    let pct = score::percent(o.score, o.total);
    let passed = o.passed.unwrap_or(false);
    let mark = o.pass_mark.unwrap_or(session.pass_mark());
    let line = [
        "You scored ",
        &o.score.to_string(),
        " of ",
        &o.total.to_string(),
        " (",
        &pct.to_string(),
        "%).",
    ]
    .concat();
    let verdict = if passed {
        ["✓ Passed: the pass mark is ", &mark.to_string(), "%."].concat()
    } else {
        ["✗ Not passed: the pass mark is ", &mark.to_string(), "%."].concat()
    };
    let timed_out = session
        .round
        .deadline
        .is_some_and(|d| session.round.submitted == Some(d));
    let again = on_click(&props.onstart, (Mode::Exam, None));
    let back = on_click(&props.onback, ());
    let results = session.results();
    html! {
        <div class="cq-card cq-summary">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ "Mock exam result" }</h3>
            if timed_out { <p class="cq-note">{ "Time ran out, so the exam was submitted automatically." }</p> }
            <p class="cq-score" role="status">{ line }</p>
            <p class={if passed { "cq-verdict is-right" } else { "cq-verdict is-wrong" }}>{ verdict }</p>
            <table class="cq-topics">
                <caption>{ "Score by topic" }</caption>
                <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Right" }</th><th scope="col">{ "%" }</th></tr></thead>
                <tbody>
                    { for o.topics.iter().map(|(t, right, total)| html! {
                        <tr>
                            <th scope="row">{ t.clone() }</th>
                            <td>{ [right.to_string(), " of ".into(), total.to_string()].concat() }</td>
                            <td>{ [score::percent(*right, *total).to_string(), "%".into()].concat() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h4 class="cq-missed-title">{ "Every question" }</h4>
            <ol class="cq-missed-list">
                { for results.iter().enumerate().map(|(i, (q, chosen, right))| {
                    let yours = if chosen.is_empty() {
                        Html::from("not answered")
                    } else {
                        named_choices(q, &session.round.choice_order(q), chosen)
                    };
                    let flagged = session.round.flags.get(i).copied().unwrap_or(false);
                    html! {
                        <li class={if *right { "cq-missed is-right" } else { "cq-missed is-wrong" }}>
                            <p class="cq-missed-prompt">{ formatted::view(&q.prompt) }</p>
                            <p>
                                <span class="cq-icon" aria-hidden="true">{ if *right { "✓ " } else { "✗ " } }</span>
                                { if *right { "Right. " } else { "Wrong. " } }
                                { "Your answer: " }{ yours }
                                if flagged { <span class="cq-note">{ " (flagged)" }</span> }
                            </p>
                            if !*right { <p>{ "Right answer: " }{ right_answer(q, &session.round.choice_order(q)) }</p> }
                            <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                        </li>
                    }
                }) }
            </ol>
            <div class="cq-actions">
                <button type="button" class="cq-button cq-primary" onclick={again}>{ "New mock exam" }</button>
                <button type="button" class="cq-button" onclick={back}>{ "Back to start" }</button>
            </div>
        </div>
    }
}
