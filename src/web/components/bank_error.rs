//! Shown in place of the quiz when the bank cannot be loaded or is invalid.

use std::rc::Rc;

use yew::prelude::*;

pub struct BankErrorProps {
    /// The bank's address, as the page gave it.
    pub url: AttrValue,
    pub summary: AttrValue,
    /// The first problems, one a line.
    pub details: Rc<Vec<String>>,
}

pub fn bank_error(props: &BankErrorProps) -> Html {
    html! {
        <div class="cq-error" role="alert">
            <h2 class="cq-title">{ "This quiz could not be loaded" }</h2>
            <p>{ props.summary.clone() }</p>
            if !props.details.is_empty() {
                <ul class="cq-error-list">
                    { for props.details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }
                </ul>
            }
            <p class="cq-error-source">{ "Bank: " }<code>{ props.url.clone() }</code></p>
        </div>
    }
}
