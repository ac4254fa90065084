//! Messages about the widget itself (ignored attributes, storage that can't save),
//! announced politely and shown above the quiz.

use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub messages: Rc<Vec<String>>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    html! {
        <div class="cq-notices" role="status">
            { for props.messages.iter().map(|m| html! { <p class="cq-notice">{ m.clone() }</p> }) }
        </div>
    }
}
