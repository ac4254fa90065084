//! Messages about the widget itself (ignored attributes, storage that can't save),
//! announced politely and shown above the quiz.

use yew::prelude::*;

pub fn view(messages: &[String]) -> Html {
    html! {
        <div class="cq-notices" role="status">
            { for messages.iter().map(|m| html! { <p class="cq-notice">{ m.clone() }</p> }) }
        </div>
    }
}
