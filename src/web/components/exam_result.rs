//! The end of a mock exam: score, pass or fail against the pass mark, a per-topic
//! breakdown, and every question with the learner's answer, the right one and why.

use yew::prelude::*;

use crate::text::Text;

use super::super::services::locale::Locale;

use super::choice_list::{named_choices, right_answer};
use super::formatted;
use super::on_click;
use crate::mode::Mode;
use crate::score;
use crate::session::Session;

pub struct ExamResultProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: a new mock exam).
    pub onstart: Callback<(Mode, Option<String>)>,
    pub onback: Callback<()>,
}

pub fn exam_result(props: &ExamResultProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let o = session.outcome();
    let pct = score::percent(o.score, o.total);
    let passed = o.passed.unwrap_or(false);
    let mark = o.pass_mark.unwrap_or(session.pass_mark());
    let line = t.fill(
        Text::YouScored,
        &[
            ("n", &t.number(o.score)),
            ("total", &t.number(o.total)),
            ("percent", &t.percent(pct)),
        ],
    );
    let verdict = t.fill(
        if passed {
            Text::Passed
        } else {
            Text::NotPassed
        },
        &[("mark", &t.percent(mark))],
    );
    let timed_out = session
        .round
        .deadline
        .is_some_and(|d| session.round.submitted == Some(d));
    let again = on_click(&props.onstart, (Mode::Exam, None));
    let back = on_click(&props.onback, ());
    let results = session.results();
    html! {
        <div class="cq-card cq-summary">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::MockExamResult) }</h3>
            if timed_out { <p class="cq-note">{ t.text(Text::TimeRanOut) }</p> }
            <p class="cq-score" role="status">{ line }</p>
            <p class={if passed { "cq-verdict is-right" } else { "cq-verdict is-wrong" }}>{ verdict }</p>
            <table class="cq-topics">
                <caption>{ t.text(Text::ScoreByTopic) }</caption>
                <thead><tr><th scope="col">{ t.text(Text::TopicColumn) }</th><th scope="col">{ t.text(Text::RightColumn) }</th><th scope="col">{ t.text(Text::PercentColumn) }</th></tr></thead>
                <tbody>
                    { for o.topics.iter().map(|(topic, right, total)| html! {
                        <tr>
                            <th scope="row">{ topic.clone() }</th>
                            <td>{ t.fill(Text::CountOf, &[("n", &t.number(*right)), ("total", &t.number(*total))]) }</td>
                            <td>{ t.percent(score::percent(*right, *total)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h4 class="cq-missed-title">{ t.text(Text::EveryQuestion) }</h4>
            <ol class="cq-missed-list">
                { for results.iter().enumerate().map(|(i, (q, chosen, right))| {
                    let yours = if chosen.is_empty() {
                        Html::from(t.text(Text::NotAnswered))
                    } else {
                        named_choices(t, q, &session.round.choice_order(q), chosen)
                    };
                    let flagged = session.round.flags.get(i).copied().unwrap_or(false);
                    html! {
                        <li class={if *right { "cq-missed is-right" } else { "cq-missed is-wrong" }}>
                            <p class="cq-missed-prompt">{ formatted::view(&q.prompt) }</p>
                            <p>
                                <span class="cq-icon" aria-hidden="true">{ if *right { "✓ " } else { "✗ " } }</span>
                                { t.text(if *right { Text::RightVerdict } else { Text::WrongVerdict }) }{ " " }
                                { t.text(Text::YourAnswer) }{ " " }{ yours }
                                if flagged { <span class="cq-note">{ " " }{ t.text(Text::FlaggedNote) }</span> }
                            </p>
                            if !*right { <p>{ t.text(Text::RightAnswer) }{ " " }{ right_answer(t, q, &session.round.choice_order(q)) }</p> }
                            <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                        </li>
                    }
                }) }
            </ol>
            <div class="cq-actions">
                <button type="button" class="cq-button cq-primary" onclick={again}>{ t.text(Text::NewMockExam) }</button>
                <button type="button" class="cq-button" onclick={back}>{ t.text(Text::BackToStart) }</button>
            </div>
        </div>
    }
}
