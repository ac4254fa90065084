//! The end of a practice, review or smart round: the score, every missed question with
//! its explanation, and what to do next.

use yew::prelude::*;

use super::choice_list::{named_choices, right_answer};
use super::formatted;
use super::on_click;
use crate::mode::Mode;
use crate::score;
use crate::session::Session;

pub struct RoundSummaryProps<'a> {
    pub session: &'a Session,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: the same mode and topic).
    pub onstart: Callback<(Mode, Option<String>)>,
    /// Practice: the same questions again.
    pub onretry: Callback<()>,
    pub onback: Callback<()>,
}

pub fn round_summary(props: &RoundSummaryProps) -> Html {
    let session = props.session;
    let o = session.outcome();
    let pct = score::percent(o.score, o.total);
    let mode = session.round.mode;
    let line = match mode {
        Mode::Review => [
            "You answered ",
            &o.score.to_string(),
            " of ",
            &o.total.to_string(),
            " right at the first try, and every one right in the end.",
        ]
        .concat(),
        _ => [
            "You got ",
            &o.score.to_string(),
            " of ",
            &o.total.to_string(),
            " right (",
            &pct.to_string(),
            "%).",
        ]
        .concat(),
    };
    let best = (mode == Mode::Practice)
        .then(|| session.progress.best_percent())
        .flatten()
        .map(|b| ["Your best round: ", &b.to_string(), "%."].concat());
    let missed: Vec<Html> = session
        .results()
        .into_iter()
        .filter(|(_, _, ok)| !ok)
        .map(|(q, chosen, _)| {
            let names = named_choices(q, &session.round.choice_order(q), chosen);
            html! {
                <li class="cq-missed">
                    <p class="cq-missed-prompt">{ formatted::view(&q.prompt) }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✗ " }</span>{ "Your answer: " }{ names }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✓ " }</span>{ "Right answer: " }{ right_answer(q, &session.round.choice_order(q)) }</p>
                    <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                </li>
            }
        })
        .collect();
    let topic = session.round.topic.clone();
    let new_round = on_click(&props.onstart, (mode, topic));
    let try_again = on_click(&props.onretry, ());
    let back = on_click(&props.onback, ());
    let title = match mode {
        Mode::Review => "Review complete",
        Mode::Smart => "Smart review complete",
        _ => "Round complete",
    };
    html! {
        <div class="cq-card cq-summary">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ title }</h3>
            <p class="cq-score" role="status">{ line }</p>
            if let Some(best) = best { <p class="cq-best">{ best }</p> }
            if missed.is_empty() {
                <p>{ "No missed questions. Well done!" }</p>
            } else {
                <h4 class="cq-missed-title">{ if mode == Mode::Review { "Missed at the first try" } else { "Questions to review" } }</h4>
                <ol class="cq-missed-list">{ for missed }</ol>
            }
            <div class="cq-actions">
                if mode == Mode::Practice {
                    <button type="button" class="cq-button cq-primary" onclick={new_round}>{ "New round" }</button>
                    <button type="button" class="cq-button" onclick={try_again}>{ "Try again" }</button>
                }
                <button type="button" class={if mode == Mode::Practice { "cq-button" } else { "cq-button cq-primary" }} onclick={back}>{ "Back to start" }</button>
            </div>
        </div>
    }
}
