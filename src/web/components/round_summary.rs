//! The end of a practice, review or smart round: the score, every missed question with
//! its explanation, and what to do next.

use yew::prelude::*;

use crate::text::Text;

use super::super::services::locale::Locale;

use super::choice_list::{named_choices, right_answer};
use super::formatted;
use super::on_click;
use crate::mode::Mode;
use crate::score;
use crate::session::Session;

pub struct RoundSummaryProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: the same mode and topic).
    pub onstart: Callback<(Mode, Option<String>)>,
    /// Practice: the same questions again.
    pub onretry: Callback<()>,
    pub onback: Callback<()>,
}

pub fn round_summary(props: &RoundSummaryProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let o = session.outcome();
    let pct = score::percent(o.score, o.total);
    let mode = session.round.mode;
    let line = t.fill(
        if mode == Mode::Review {
            Text::ReviewScore
        } else {
            Text::RoundScore
        },
        &[
            ("n", &t.number(o.score)),
            ("total", &t.number(o.total)),
            ("percent", &t.percent(pct)),
        ],
    );
    let best = (mode == Mode::Practice)
        .then(|| session.progress.best_percent())
        .flatten()
        .map(|b| t.fill(Text::BestRound, &[("percent", &t.percent(b))]));
    let missed: Vec<Html> = session
        .results()
        .into_iter()
        .filter(|(_, _, ok)| !ok)
        .map(|(q, chosen, _)| {
            let names = named_choices(t, q, &session.round.choice_order(q), chosen);
            html! {
                <li class="cq-missed">
                    <p class="cq-missed-prompt">{ formatted::view(&q.prompt) }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✗ " }</span>{ t.text(Text::YourAnswer) }{ " " }{ names }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✓ " }</span>{ t.text(Text::RightAnswer) }{ " " }{ right_answer(t, q, &session.round.choice_order(q)) }</p>
                    <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                </li>
            }
        })
        .collect();
    let topic = session.round.topic.clone();
    let new_round = on_click(&props.onstart, (mode, topic));
    let try_again = on_click(&props.onretry, ());
    let back = on_click(&props.onback, ());
    let title = t.text(match mode {
        Mode::Review => Text::ReviewComplete,
        Mode::Smart => Text::SmartComplete,
        Mode::Practice | Mode::Exam => Text::RoundComplete,
    });
    html! {
        <div class="cq-card cq-summary">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ title }</h3>
            <p class="cq-score" role="status">{ line }</p>
            if let Some(best) = best { <p class="cq-best">{ best }</p> }
            if missed.is_empty() {
                <p>{ t.text(Text::NoMissedWellDone) }</p>
            } else {
                <h4 class="cq-missed-title">{ t.text(if mode == Mode::Review { Text::MissedFirstTry } else { Text::QuestionsToReview }) }</h4>
                <ol class="cq-missed-list">{ for missed }</ol>
            }
            <div class="cq-actions">
                if mode == Mode::Practice {
                    <button type="button" class="cq-button cq-primary" onclick={new_round}>{ t.text(Text::NewRound) }</button>
                    <button type="button" class="cq-button" onclick={try_again}>{ t.text(Text::TryAgain) }</button>
                }
                <button type="button" class={if mode == Mode::Practice { "cq-button" } else { "cq-button cq-primary" }} onclick={back}>{ t.text(Text::BackToStart) }</button>
            </div>
        </div>
    }
}
