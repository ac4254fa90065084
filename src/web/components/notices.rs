//! Messages about the widget itself (ignored attributes, storage that can't save),
//! announced politely and shown above the quiz.

use yew::prelude::*;

pub struct NoticesProps<'a> {
    pub messages: &'a [String],
}

pub fn notices(props: &NoticesProps) -> Html {
    html! {
        <div class="cq-notices" role="status">
            { for props.messages.iter().map(|m| html! { <p class="cq-notice">{ m.clone() }</p> }) }
        </div>
    }
}
