//! The current question's choices as native inputs (radio buttons, or checkboxes for
//! select-all), in practice and in exams; and the choices named in words, for feedback
//! and results.

use yew::prelude::*;

use crate::text::Text;

use super::super::services::locale::Locale;

use super::formatted;
use crate::bank::Question;
use crate::session::Session;

pub struct ChoiceListProps<'a> {
    pub locale: &'a Locale,
    /// Whose current question, choice order and picks are shown.
    pub session: &'a Session,
    /// After Check: the choices are locked, and marks say in words, not colour alone,
    /// which is right and which was picked.
    pub marks: bool,
    /// A radio choice picked (its bank index).
    pub onselect: &'a Callback<usize>,
    /// A checkbox ticked or unticked (its bank index).
    pub ontoggle: &'a Callback<usize>,
}

const LETTERS: &[u8] = b"ABCDEFGHIJ";

pub fn letter(i: usize) -> String {
    char::from(LETTERS.get(i).copied().unwrap_or(b'?')).to_string()
}

/// "B. text; D. text" for the given choices of a question (bank indices), lettered and
/// listed as `order` (display position → bank index) shows them.
pub fn named_choices(t: &Locale, q: &Question, order: &[usize], picks: &[usize]) -> Html {
    // In the order shown: `order` is walked by position, so no sort is needed.
    order
        .iter()
        .enumerate()
        .filter(|(_, i)| picks.contains(i))
        .enumerate()
        .map(|(n, (pos, &i))| {
            html! {
                <>
                    if n > 0 { { t.text(Text::ChoiceList) } }
                    { letter(pos) }{ ". " }
                    { formatted::view(q.choices.get(i).map_or("", String::as_str)) }
                </>
            }
        })
        .collect()
}

/// "B. text; D. text" for the right answer(s).
pub fn right_answer(t: &Locale, q: &Question, order: &[usize]) -> Html {
    named_choices(t, q, order, &q.answer.indices())
}

/// Shown in the round's order for the question (display position → bank index): letters
/// follow the display position, each input's value is the bank index.
pub fn choice_list(props: &ChoiceListProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let Some(q) = session.question() else {
        return Html::default();
    };
    let order = session.round.choice_order(q);
    let picked = session.picked();
    let (marks, disabled) = (props.marks, props.marks);
    let multiple = q.answer.is_multiple();
    let items = order.iter().enumerate().map(|(pos, &i)| {
        let text = q.choices.get(i).map_or("", String::as_str);
        let is_picked = picked.contains(&i);
        let onchange = if multiple {
            props.ontoggle.reform(move |_: Event| i)
        } else {
            props.onselect.reform(move |_: Event| i)
        };
        let (class, mark) = if marks {
            match (q.answer.contains(i), is_picked) {
                (true, true) => (
                    "cq-choice is-right is-picked",
                    Some(t.text(Text::MarkYourAnswerRight)),
                ),
                (true, false) => ("cq-choice is-right", Some(t.text(Text::MarkRightAnswer))),
                (false, true) => (
                    "cq-choice is-wrong is-picked",
                    Some(t.text(Text::MarkYourAnswerWrong)),
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
