//! yew app roots, reused from one widget to the next.
//!
//! yew 0.23 registers its delegated event listeners on an app's root element and never
//! removes them (`HostHandlers::add_listener` forgets each closure, and each closure holds
//! the root's data), so every new root leaks a little JS and wasm memory: about 1 KB of JS
//! heap per mount/unmount cycle, measured with `tools/bench`. A page that mounts and
//! removes widgets (a single-page app, a remount on every attribute change) would grow
//! without end. Instead, a widget that leaves the page parks its root here with nothing
//! rendered in it, and the next widget takes it: the number of roots is the largest number
//! of widgets ever on the page at once, not the number of mounts.

use std::cell::RefCell;

use web_sys::Element;
use yew::prelude::*;

use super::app::{App, AppProps};

/// What a root renders: a widget's app, or nothing while it is parked.
#[derive(Properties, PartialEq)]
pub struct SlotProps {
    pub app: Option<AppProps>,
    /// Counts the widgets this root has shown. yew batches prop updates, so a park and
    /// the next start can arrive in one render; a new key still makes yew end the old app
    /// and start a fresh one, so nothing of one widget's state reaches the next.
    pub mount: u32,
}

#[function_component(Slot)]
fn slot(props: &SlotProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.mount} ..app.clone() /> },
        None => Html::default(),
    }
}

/// A live root: the yew app and the element it renders into (and listens on).
pub struct Root {
    app: yew::AppHandle<Slot>,
    element: Element,
    mounts: u32,
}

thread_local! {
    static PARKED: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
}

/// Renders `props` into `placeholder`'s place: a parked root takes the placeholder's spot
/// in the shadow root (keeping its class and part), or a new root starts in the placeholder.
pub fn start(placeholder: Element, props: AppProps) -> Root {
    match PARKED.with(|p| p.borrow_mut().pop()) {
        Some(mut root) => {
            // The loader made the placeholder; a parked root stands in for it. If the swap
            // fails (no parent), a fresh root in the placeholder still works.
            if placeholder.replace_with_with_node_1(&root.element).is_ok() {
                root.mounts = root.mounts.wrapping_add(1);
                root.app.update(SlotProps {
                    app: Some(props),
                    mount: root.mounts,
                });
                root
            } else {
                PARKED.with(|p| p.borrow_mut().push(root));
                fresh(placeholder, props)
            }
        }
        None => fresh(placeholder, props),
    }
}

fn fresh(element: Element, props: AppProps) -> Root {
    let props = SlotProps {
        app: Some(props),
        mount: 0,
    };
    let app = yew::Renderer::<Slot>::with_root_and_props(element.clone(), props).render();
    Root {
        app,
        element,
        mounts: 0,
    }
}

/// Ends the root's app and keeps the root, detached from the page, for the next widget.
pub fn park(mut root: Root) {
    root.app.update(SlotProps {
        app: None,
        mount: root.mounts,
    });
    root.element.remove();
    PARKED.with(|p| p.borrow_mut().push(root));
}
