//! Shown in place of the quiz when the bank cannot be loaded or is invalid.

use std::rc::Rc;

use yew::prelude::*;

use crate::text::Text;

use super::super::services::locale::Locale;

pub struct BankErrorProps<'a> {
    pub locale: &'a Locale,
    /// The bank's address, as the page gave it.
    pub url: AttrValue,
    pub summary: String,
    /// The first problems, one a line.
    pub details: Vec<String>,
}

pub fn bank_error(props: &BankErrorProps) -> Html {
    let t = props.locale;
    let details = Rc::new(props.details.clone());
    html! {
        <div class="cq-error" role="alert">
            <h2 class="cq-title">{ t.text(Text::BankErrorTitle) }</h2>
            <p>{ props.summary.clone() }</p>
            if !details.is_empty() {
                <ul class="cq-error-list">
                    { for details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }
                </ul>
            }
            <p class="cq-error-source">{ t.text(Text::BankLabel) }{ " " }<code>{ props.url.clone() }</code></p>
        </div>
    }
}
