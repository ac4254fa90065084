//! One question in practice, review and smart rounds: the prompt, native radio buttons
//! (checkboxes for select-all), Check, then feedback in words and icons with the
//! explanation, and Next.

use yew::prelude::*;

use super::formatted;
use super::quiz::{Ctx, Ui};
use crate::bank::Question;
use crate::mode::Mode;
use crate::session::{Action, Screen};

const LETTERS: &[u8] = b"ABCDEFGHIJ";

pub fn letter(i: usize) -> String {
    char::from(LETTERS.get(i).copied().unwrap_or(b'?')).to_string()
}

/// "B. text; D. text" for the given choices of a question (bank indices), lettered and
/// listed as `order` (display position → bank index) shows them.
pub fn named_choices(q: &Question, order: &[usize], picks: &[usize]) -> Html {
    let mut shown: Vec<(usize, usize)> = order
        .iter()
        .enumerate()
        .filter(|(_, i)| picks.contains(i))
        .map(|(pos, &i)| (pos, i))
        .collect();
    shown.sort_unstable();
    shown
        .iter()
        .enumerate()
        .map(|(n, &(pos, i))| {
            html! {
                <>
                    if n > 0 { { "; " } }
                    { letter(pos) }{ ". " }
                    { formatted::view(q.choices.get(i).map_or("", String::as_str)) }
                </>
            }
        })
        .collect()
}

/// "B. text; D. text" for the right answer(s).
pub fn right_answer(q: &Question, order: &[usize]) -> Html {
    named_choices(q, order, &q.answer.indices())
}

/// The question's picture, when it has one: lazy, never wider than the widget, with the
/// bank's alt text (its `src` is already resolved against the bank's URL).
pub fn image(q: &Question) -> Html {
    match &q.image {
        Some(img) => html! {
            <img class="cq-image" src={img.src.clone()} alt={img.alt.clone()} loading="lazy" decoding="async" />
        },
        None => Html::default(),
    }
}

/// The choices as native inputs. `marks` (after Check, or in a review) says in words, not
/// colour alone, which choice is right and which was picked.
/// Shown in `order` (display position → bank index); each input's value is the bank index.
pub fn choices(
    ctx: &Ctx,
    q: &Question,
    order: &[usize],
    picked: &[usize],
    disabled: bool,
    marks: bool,
) -> Html {
    let multiple = q.answer.is_multiple();
    let items = order.iter().enumerate().map(|(pos, &i)| {
        let text = q.choices.get(i).map_or("", String::as_str);
        let is_picked = picked.contains(&i);
        let onchange = {
            let (act, set_ui, hint) = (ctx.act.clone(), ctx.set_ui.clone(), ctx.ui.hint);
            Callback::from(move |_: Event| {
                if hint {
                    set_ui.emit(Ui::default());
                }
                act.emit(if multiple {
                    Action::Toggle(i)
                } else {
                    Action::Select(i)
                });
            })
        };
        let (class, mark) = if marks {
            match (q.answer.contains(i), is_picked) {
                (true, true) => (
                    "cq-choice is-right is-picked",
                    Some("✓ Your answer: correct"),
                ),
                (true, false) => ("cq-choice is-right", Some("✓ Correct answer")),
                (false, true) => (
                    "cq-choice is-wrong is-picked",
                    Some("✗ Your answer: incorrect"),
                ),
                (false, false) => ("cq-choice", None),
            }
        } else {
            (
                if is_picked {
                    "cq-choice is-picked"
                } else {
                    "cq-choice"
                },
                None,
            )
        };
        html! {
            <li>
                <label class={class}>
                    <input
                        type={if multiple { "checkbox" } else { "radio" }}
                        name="cq-choice"
                        value={i.to_string()}
                        checked={is_picked}
                        {disabled}
                        {onchange}
                    />
                    <span class="cq-letter" aria-hidden="true">{ letter(pos) }</span>
                    <span class="cq-choice-text">{ formatted::view(text) }</span>
                    if let Some(mark) = mark {
                        <span class="cq-mark">{ mark }</span>
                    }
                </label>
            </li>
        }
    });
    html! { <ul class="cq-choices">{ for items }</ul> }
}

/// "Question 3 of 10", the topic, and a way back to the start screen.
pub fn header(ctx: &Ctx, position: usize, total: usize, topic: &str) -> Html {
    let counter = [
        "Question ",
        &(position + 1).to_string(),
        " of ",
        &total.to_string(),
    ]
    .concat();
    let menu = ctx.act.reform(|_: MouseEvent| Action::Show(Screen::Start));
    html! {
        <>
            <div class="cq-round-head">
                <p class="cq-counter">
                    <span>{ counter }</span>
                    if !topic.is_empty() { <span class="cq-topic">{ topic.to_string() }</span> }
                </p>
                <button type="button" class="cq-link" onclick={menu}>{ "Menu" }</button>
            </div>
            <progress class="cq-progress" max={total.to_string()} value={position.to_string()} aria-hidden="true" />
        </>
    }
}

pub fn view(ctx: &Ctx) -> Html {
    let quiz = ctx.quiz;
    let Some(q) = quiz.question() else {
        return Html::default();
    };
    let multiple = q.answer.is_multiple();
    let feedback = quiz.feedback();
    let position = quiz.round.current;
    let total = quiz.round.len();
    let order = quiz.round.choice_order(q);

    let onsubmit = {
        let (act, set_ui) = (ctx.act.clone(), ctx.set_ui.clone());
        let empty = quiz.selection.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if empty {
                set_ui.emit(Ui {
                    hint: true,
                    ..Ui::default()
                });
            } else {
                act.emit(Action::Check {
                    now: js_sys::Date::now() as i64,
                });
            }
        })
    };
    let on_next = ctx.act.reform(|_: MouseEvent| Action::Next {
        now: js_sys::Date::now() as i64,
    });
    let is_last = position + 1 == total;
    let review_note = (quiz.round.mode == Mode::Review
        && position > 0
        && quiz.round.ids[..position].contains(&q.id))
    .then(|| html! { <p class="cq-hint">{ "You missed this one earlier in this review." }</p> });

    html! {
        <form class="cq-card" {onsubmit} novalidate=true>
            { header(ctx, position, total, &q.topic) }
            <fieldset class="cq-fieldset">
                <legend class="cq-prompt" tabindex="-1" ref={ctx.prompt.clone()}>{ formatted::view(&q.prompt) }</legend>
                { image(q) }
                if multiple && !q.prompt.to_ascii_lowercase().contains("select all") { <p class="cq-hint">{ "Select all that apply." }</p> }
                { review_note.unwrap_or_default() }
                { choices(ctx, q, &order, quiz.picked(), feedback.is_some(), feedback.is_some()) }
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
                                { right_answer(q, &order) }
                            </p>
                        }
                        <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                    </div>
                } else if ctx.ui.hint {
                    <p class="cq-hint-empty">{ if multiple { "Choose at least one answer, then press Check." } else { "Choose an answer, then press Check." } }</p>
                }
            </div>
            <div class="cq-actions">
                if feedback.is_some() {
                    <button type="button" class="cq-button cq-primary" onclick={on_next} ref={ctx.next.clone()}>
                        { if is_last { "See results" } else { "Next question" } }
                    </button>
                } else {
                    <button type="submit" class="cq-button cq-primary">{ "Check" }</button>
                }
            </div>
        </form>
    }
}
