//! Bank text (prompts, choices, explanations) as DOM nodes: the light formatting of
//! `crate::markup` becomes `<em>`, `<strong>`, `<code>` and `<br>`, and everything else is
//! a text node, so markup written in a bank shows as typed and never runs as HTML.

use yew::prelude::*;

use crate::markup::{self, Inline};

pub fn view(text: &str) -> Html {
    match markup::parse(text).as_slice() {
        // Most bank text has no formatting: one text node.
        [Inline::Text(t)] => Html::from(t.clone()),
        spans => nodes(spans),
    }
}

fn nodes(spans: &[Inline]) -> Html {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text(t) => Html::from(t.clone()),
            Inline::Emphasis(inner) => html! { <em>{ nodes(inner) }</em> },
            Inline::Strong(inner) => html! { <strong>{ nodes(inner) }</strong> },
            Inline::Code(c) => html! { <code>{ c.clone() }</code> },
            Inline::LineBreak => html! { <br /> },
        })
        .collect()
}
