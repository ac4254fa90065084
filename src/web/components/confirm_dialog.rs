//! A question asked before something that can't be undone (submitting an exam, resetting
//! progress, importing a file): a heading that takes focus, what will happen, and two
//! buttons.

use yew::prelude::*;

use super::on_click;

pub struct ConfirmDialogProps {
    /// Names the ids that label and describe the dialog: `cq-<name>-title` on the
    /// heading in `title`, `cq-<name>-text` on the element in `text`.
    pub name: &'static str,
    /// The heading (its level depends on where the dialog sits), which takes focus.
    pub title: Html,
    /// What will happen.
    pub text: Html,
    pub confirm: &'static str,
    /// The confirm button's class: `cq-primary`, or `cq-danger` for what deletes.
    pub confirm_class: &'static str,
    pub cancel: &'static str,
    pub onconfirm: Callback<()>,
    pub oncancel: Callback<()>,
}

pub fn confirm_dialog(props: ConfirmDialogProps) -> Html {
    let id = |part: &str| ["cq-", props.name, part].concat();
    html! {
        <div class="cq-confirm" role="alertdialog" aria-labelledby={id("-title")} aria-describedby={id("-text")}>
            { props.title }
            { props.text }
            <div class="cq-actions">
                <button type="button" class={["cq-button ", props.confirm_class].concat()} onclick={on_click(&props.onconfirm, ())}>{ props.confirm }</button>
                <button type="button" class="cq-button" onclick={on_click(&props.oncancel, ())}>{ props.cancel }</button>
            </div>
        </div>
    }
}
