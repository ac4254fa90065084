//! One question: the prompt, native radio buttons (checkboxes for select-all), Check,
//! then feedback in words and icons with the explanation, and Next.

use yew::prelude::*;

use crate::session::{Action, Quiz};

/// What the question view needs from the quiz component, which owns the hooks.
pub struct QuestionView<'a> {
    pub quiz: &'a Quiz,
    /// Show "Choose an answer, then press Check." (Check was pressed with nothing chosen).
    pub hint: bool,
    pub onaction: &'a Callback<Action>,
    /// Called with whether the selection was empty when the form was submitted.
    pub onhint: &'a Callback<bool>,
    pub prompt_ref: &'a NodeRef,
    pub next_ref: &'a NodeRef,
}

const LETTERS: &[u8] = b"ABCDEFGHIJ";

fn letter(i: usize) -> String {
    char::from(LETTERS.get(i).copied().unwrap_or(b'?')).to_string()
}

/// One question, as a plain function (not a component): fewer yew components keep the wasm small.
pub fn view(v: QuestionView) -> Html {
    let quiz = v.quiz;
    let position = quiz.round.current;
    let Some(q) = quiz.question() else { return Html::default() };
    let multiple = q.answer.is_multiple();
    let feedback = quiz.feedback();
    let chosen: &[usize] = feedback.map_or(&quiz.selection, |(_, c, _)| c);

    let onsubmit = {
        let onaction = v.onaction.clone();
        let onhint = v.onhint.clone();
        let empty = quiz.selection.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            onhint.emit(empty);
            if !empty {
                onaction.emit(Action::Check { now_ms: js_sys::Date::now() as i64 });
            }
        })
    };
    let on_next = v.onaction.reform(|_: MouseEvent| Action::Next);

    let choices = q.choices.iter().enumerate().map(|(i, text)| {
        let picked = chosen.contains(&i);
        let onchange = {
            let onaction = v.onaction.clone();
            let onhint = v.onhint.clone();
            Callback::from(move |_: Event| {
                onhint.emit(false);
                onaction.emit(if multiple { Action::Toggle(i) } else { Action::Select(i) });
            })
        };
        // After Check: say in words (not colour alone) which choice is right and which was picked.
        let (class, mark) = match feedback {
            None => (if picked { "cq-choice is-picked" } else { "cq-choice" }, None),
            Some(_) => {
                let right = q.answer.contains(i);
                match (right, picked) {
                    (true, true) => ("cq-choice is-right is-picked", Some("✓ Your answer: correct")),
                    (true, false) => ("cq-choice is-right", Some("✓ Correct answer")),
                    (false, true) => ("cq-choice is-wrong is-picked", Some("✗ Your answer: incorrect")),
                    (false, false) => ("cq-choice", None),
                }
            }
        };
        html! {
            <li>
                <label class={class}>
                    <input
                        type={if multiple { "checkbox" } else { "radio" }}
                        name="cq-choice"
                        value={i.to_string()}
                        checked={picked}
                        disabled={feedback.is_some()}
                        {onchange}
                    />
                    <span class="cq-letter" aria-hidden="true">{ letter(i) }</span>
                    <span class="cq-choice-text">{ text.clone() }</span>
                    if let Some(mark) = mark {
                        <span class="cq-mark">{ mark }</span>
                    }
                </label>
            </li>
        }
    });

    let total = quiz.round.len();
    let counter = ["Question ", &(position + 1).to_string(), " of ", &total.to_string()].concat();
    let is_last = position + 1 == total;

    html! {
        <form class="cq-card" {onsubmit} novalidate=true>
            <p class="cq-counter">
                <span>{ counter }</span>
                if !q.topic.is_empty() { <span class="cq-topic">{ q.topic.clone() }</span> }
            </p>
            <progress class="cq-progress" max={total.to_string()} value={position.to_string()} aria-hidden="true" />
            <fieldset class="cq-fieldset">
                <legend class="cq-prompt" tabindex="-1" ref={v.prompt_ref.clone()}>{ q.prompt.clone() }</legend>
                if multiple { <p class="cq-hint">{ "Select all that apply." }</p> }
                <ul class="cq-choices">{ for choices }</ul>
            </fieldset>
            <div class="cq-feedback-area" role="status">
                if let Some((_, _, correct)) = feedback {
                    <div class={if correct { "cq-feedback is-right" } else { "cq-feedback is-wrong" }}>
                        <p class="cq-verdict">
                            <span class="cq-icon" aria-hidden="true">{ if correct { "✓" } else { "✗" } }</span>
                            { if correct { "Correct." } else { "Not quite." } }
                        </p>
                        if !correct {
                            <p class="cq-right-answer">
                                { if multiple { "The right answers: " } else { "The right answer: " } }
                                { q.answer.indices().iter().map(|&i| [letter(i), ". ".into(), q.choices[i].clone()].concat()).collect::<Vec<_>>().join("; ") }
                            </p>
                        }
                        <p class="cq-explanation">{ q.explanation.clone() }</p>
                    </div>
                } else if v.hint {
                    <p class="cq-hint-empty">{ if multiple { "Choose at least one answer, then press Check." } else { "Choose an answer, then press Check." } }</p>
                }
            </div>
            <div class="cq-actions">
                if feedback.is_some() {
                    <button type="button" class="cq-button cq-primary" onclick={on_next} ref={v.next_ref.clone()}>
                        { if is_last { "See results" } else { "Next question" } }
                    </button>
                } else {
                    <button type="submit" class="cq-button cq-primary">{ "Check" }</button>
                }
            </div>
        </form>
    }
}
