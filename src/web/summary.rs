//! The end of a round: the score, every missed question with its explanation, and the
//! choice to try the same questions again or start a new round.

use yew::prelude::*;

use crate::score;
use crate::session::Quiz;

/// The round summary, as a plain function; the quiz component owns the hooks.
pub fn view(quiz: &Quiz, heading: &NodeRef, ontryagain: Callback<MouseEvent>, onnewround: Callback<MouseEvent>) -> Html {
    let (right, total) = (quiz.score(), quiz.round.len());
    let pct = score::percent(right, total);
    let line = ["You got ", &right.to_string(), " of ", &total.to_string(), " right (", &pct.to_string(), "%)."].concat();
    let best = quiz.progress.best_percent.map(|b| ["Your best round: ", &b.to_string(), "%."].concat());
    let missed: Vec<Html> = quiz
        .results()
        .filter(|(_, _, ok)| !ok)
        .map(|(q, chosen, _)| {
            let names = |idx: &[usize]| idx.iter().map(|&i| q.choices[i].clone()).collect::<Vec<_>>().join("; ");
            html! {
                <li class="cq-missed">
                    <p class="cq-missed-prompt">{ q.prompt.clone() }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✗ " }</span>{ "Your answer: " }{ names(chosen) }</p>
                    <p><span class="cq-icon" aria-hidden="true">{ "✓ " }</span>{ "Right answer: " }{ names(&q.answer.indices()) }</p>
                    <p class="cq-explanation">{ q.explanation.clone() }</p>
                </li>
            }
        })
        .collect();
    html! {
        <div class="cq-card cq-summary">
            <h3 class="cq-summary-title" tabindex="-1" ref={heading.clone()}>{ "Round complete" }</h3>
            <p class="cq-score" role="status">{ line }</p>
            if let Some(best) = best { <p class="cq-best">{ best }</p> }
            if missed.is_empty() {
                <p>{ "No missed questions. Well done!" }</p>
            } else {
                <h4 class="cq-missed-title">{ "Questions to review" }</h4>
                <ol class="cq-missed-list">{ for missed }</ol>
            }
            <div class="cq-actions">
                <button type="button" class="cq-button cq-primary" onclick={onnewround}>{ "New round" }</button>
                <button type="button" class="cq-button" onclick={ontryagain}>{ "Try again" }</button>
            </div>
        </div>
    }
}
