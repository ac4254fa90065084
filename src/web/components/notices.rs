//! Messages about the widget itself (ignored attributes, storage that can't save),
//! announced politely and shown above the quiz, in the widget's language.

use yew::prelude::*;

use crate::config::Problem;
use crate::storage;
use crate::text::{self, Text};

use super::super::services::locale::Locale;

/// One message above the quiz.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// An attribute value that was ignored.
    Ignored(Problem),
    Storage(storage::Notice),
}

pub struct NoticesProps<'a> {
    pub locale: &'a Locale,
    pub notices: &'a [Notice],
}

/// The notice in words.
fn notice_words(t: &Locale, notice: &Notice) -> String {
    match notice {
        Notice::Ignored(p) => text::ignored(t.lang, p),
        Notice::Storage(n) => t
            .text(match n {
                storage::Notice::CannotSave => Text::NoticeCannotSave,
                storage::Notice::SetAside => Text::NoticeSetAside,
                storage::Notice::NewerVersion => Text::NoticeNewerVersion,
            })
            .to_string(),
    }
}

pub fn notices(props: &NoticesProps) -> Html {
    html! {
        <div class="cq-notices" role="status">
            { for props.notices.iter().map(|n| html! { <p class="cq-notice">{ notice_words(props.locale, n) }</p> }) }
        </div>
    }
}
