//! The smallest widget this stack makes: a yew counter, nothing else. Built by
//! `tools/size-floor` with the widget's own release profile and wasm pipeline, so its
//! size is the floor under any yew widget (docs/performance.md, "The stack's floor").
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_: MouseEvent| count.set(*count + 1))
    };
    html! {
        <div>
            <p>{ "Hello" }</p>
            <button type="button" {onclick}>{ *count }</button>
        </div>
    }
}

#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<Counter>::with_root(root).render();
}
