//! Shown in place of the quiz when the bank cannot be loaded or is invalid.

use yew::prelude::*;

pub fn view(url: &str, summary: &str, details: &[String]) -> Html {
    html! {
        <div class="cq-error" role="alert">
            <h2 class="cq-title">{ "This quiz could not be loaded" }</h2>
            <p>{ summary }</p>
            if !details.is_empty() {
                <ul class="cq-error-list">
                    { for details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }
                </ul>
            }
            <p class="cq-error-source">{ "Bank: " }<code>{ url }</code></p>
        </div>
    }
}
