//! One question in practice, review and smart rounds: the prompt, the choices, Check,
//! then feedback in words and icons with the explanation, and Next.

use yew::prelude::*;

use crate::text::{says_select_all, Text};

use super::super::services::locale::Locale;

use super::choice_list::{choice_list, right_answer, ChoiceListProps};
use super::formatted;
use super::on_click;
use crate::bank::Question;
use crate::mode::Mode;
use crate::session::Session;

pub struct QuestionCardProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    /// Check was pressed with nothing chosen.
    pub hint: bool,
    pub prompt: NodeRef,
    pub next: NodeRef,
    pub onselect: Callback<usize>,
    pub ontoggle: Callback<usize>,
    /// Check with a choice made; `onhint` when nothing is chosen.
    pub oncheck: Callback<()>,
    pub onhint: Callback<()>,
    pub onnext: Callback<()>,
    pub onmenu: Callback<()>,
}

/// The question's picture, when it has one: lazy, never wider than the widget, with the
/// bank's alt text (its `src` is already resolved against the bank's URL). Also in exams.
pub fn image(q: &Question) -> Html {
    match &q.image {
        Some(img) => html! {
            <img class="cq-image" src={img.src.clone()} alt={img.alt.clone()} loading="lazy" decoding="async" />
        },
        None => Html::default(),
    }
}

/// "Question 3 of 10", the topic, and a way back to the start screen. Also in exams.
pub fn header(
    t: &Locale,
    position: usize,
    total: usize,
    topic: &str,
    onmenu: &Callback<()>,
) -> Html {
    let counter = t.fill(
        Text::QuestionOf,
        &[("n", &t.number(position + 1)), ("total", &t.number(total))],
    );
    let menu = on_click(onmenu, ());
    html! {
        <>
            <div class="cq-round-head">
                <p class="cq-counter">
                    <span>{ counter }</span>
                    if !topic.is_empty() { <span class="cq-topic">{ topic.to_string() }</span> }
                </p>
                <button type="button" class="cq-link" onclick={menu}>{ t.text(Text::Menu) }</button>
            </div>
            <progress class="cq-progress" max={total.to_string()} value={position.to_string()} aria-hidden="true" />
        </>
    }
}

pub fn question_card(props: &QuestionCardProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let Some(q) = session.question() else {
        return Html::default();
    };
    let multiple = q.answer.is_multiple();
    let feedback = session.feedback();
    let position = session.round.current;
    let total = session.round.len();
    let order = session.round.choice_order(q);

    let onsubmit = {
        let (oncheck, onhint) = (props.oncheck.clone(), props.onhint.clone());
        let empty = session.selection.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if empty {
                onhint.emit(());
            } else {
                oncheck.emit(());
            }
        })
    };
    let on_next = on_click(&props.onnext, ());
    let is_last = position + 1 == total;
    let review_note = (session.round.mode == Mode::Review
        && position > 0
        && session.round.ids[..position].contains(&q.id))
    .then(|| html! { <p class="cq-hint">{ t.text(Text::MissedEarlier) }</p> });

    html! {
        <form class="cq-card" {onsubmit} novalidate=true>
            { header(t, position, total, &q.topic, &props.onmenu) }
            <fieldset class="cq-fieldset">
                <legend class="cq-prompt" tabindex="-1" ref={props.prompt.clone()}>{ formatted::view(&q.prompt) }</legend>
                { image(q) }
                if multiple && !says_select_all(&q.prompt) { <p class="cq-hint">{ t.text(Text::SelectAllThatApply) }</p> }
                { review_note.unwrap_or_default() }
                { choice_list(&ChoiceListProps { locale: t, session, marks: feedback.is_some(), onselect: &props.onselect, ontoggle: &props.ontoggle }) }
            </fieldset>
            <div class="cq-feedback-area" role="status">
                if let Some((_, _, correct)) = feedback {
                    <div class={if correct { "cq-feedback is-right" } else { "cq-feedback is-wrong" }}>
                        <p class="cq-verdict">
                            <span class="cq-icon" aria-hidden="true">{ if correct { "✓" } else { "✗" } }</span>
                            { t.text(if correct { Text::Correct } else { Text::NotQuite }) }
                        </p>
                        if !correct {
                            <p class="cq-right-answer">
                                { t.text(if multiple { Text::TheRightAnswers } else { Text::TheRightAnswer }) }{ " " }
                                { right_answer(t, q, &order) }
                            </p>
                        }
                        <p class="cq-explanation">{ formatted::view(&q.explanation) }</p>
                    </div>
                } else if props.hint {
                    <p class="cq-hint-empty">{ t.text(if multiple { Text::ChooseAnswers } else { Text::ChooseAnswer }) }</p>
                }
            </div>
            <div class="cq-actions">
                if feedback.is_some() {
                    <button type="button" class="cq-button cq-primary" onclick={on_next} ref={props.next.clone()}>
                        { t.text(if is_last { Text::SeeResults } else { Text::NextQuestion }) }
                    </button>
                } else {
                    <button type="submit" class="cq-button cq-primary">{ t.text(Text::Check) }</button>
                }
            </div>
        </form>
    }
}
