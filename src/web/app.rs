//! The root component: loads and validates the bank, then hands it to the quiz view, or
//! shows what went wrong inside the widget.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::components::{bank_error, notices, BankErrorProps, NoticesProps};
use super::quiz::Quiz;
use super::services::{events, fetch};
use super::SummaryCell;
use crate::bank::{self, Bank, Diagnostic};
use crate::config::Config;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub host: HtmlElement,
    pub config: Rc<Config>,
    /// Attribute values that were ignored, shown to the learner and the site operator.
    pub problems: Rc<Vec<String>>,
    pub default_bank: AttrValue,
    /// The bank request the loader started in parallel with the wasm, if any.
    pub requested: Option<fetch::Requested>,
    pub summary: SummaryCell,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        self.host == other.host
            && self.config == other.config
            && self.problems == other.problems
            && self.default_bank == other.default_bank
            && self.requested == other.requested
            && Rc::ptr_eq(&self.summary, &other.summary)
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed {
        url: AttrValue,
        summary: AttrValue,
        details: Rc<Vec<String>>,
    },
    Ready(Rc<Bank>),
}

/// Most problems listed in the widget; `cqbank check` lists them all.
const SHOWN_PROBLEMS: usize = 8;

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    let url: AttrValue = props
        .config
        .bank_url
        .clone()
        .map_or_else(|| props.default_bank.clone(), AttrValue::from);

    {
        let load = load.setter();
        let host = props.host.clone();
        let requested = props.requested.clone();
        use_effect_with(url.clone(), move |url| {
            let url = url.clone();
            // A widget removed while its bank loads must stay quiet when the bank arrives.
            let alive = Rc::new(std::cell::Cell::new(true));
            let still = alive.clone();
            yew::platform::spawn_local(async move {
                let result = load_bank(&url, requested.as_ref()).await;
                if !still.get() {
                    return;
                }
                match result {
                    // `quiz-ready` is sent by the quiz once its progress is known.
                    Ok(bank) => load.set(Load::Ready(Rc::new(bank))),
                    Err((summary, details)) => {
                        let mut console =
                            ["<checkpoint-quiz> ", url.as_str(), ": ", &summary].concat();
                        for d in &details {
                            console.push_str("\n  ");
                            console.push_str(d);
                        }
                        web_sys::console::error_1(&console.clone().into());
                        events::error(&host, &console);
                        load.set(Load::Failed {
                            url,
                            summary: summary.into(),
                            details: Rc::new(details),
                        });
                    }
                }
            });
            move || alive.set(false)
        });
    }

    let body = match &*load {
        Load::Loading => html! { <p class="cq-loading" role="status">{ "Loading questions…" }</p> },
        Load::Failed {
            url,
            summary,
            details,
        } => bank_error(&BankErrorProps {
            url: url.clone(),
            summary: summary.clone(),
            details: details.clone(),
        }),
        Load::Ready(bank) => html! {
            <Quiz bank={bank.clone()} host={props.host.clone()} config={props.config.clone()} summary={props.summary.clone()} />
        },
    };
    html! {
        <div class="cq">
            { notices(&NoticesProps { messages: &props.problems }) }
            { body }
        </div>
    }
}

/// The bank at `url`, checked, with its pictures' addresses resolved; or what went wrong,
/// as a summary and the first problems.
async fn load_bank(
    url: &str,
    requested: Option<&fetch::Requested>,
) -> Result<Bank, (String, Vec<String>)> {
    let text = fetch::text(url, requested).await.map_err(|reason| {
        (
            "Could not load the question bank: ".to_string() + &reason + ".",
            Vec::new(),
        )
    })?;
    match bank::load(&text) {
        Ok((mut bank, warnings)) => {
            for w in &warnings {
                let line = [url, ": ", &w.to_string()].concat();
                web_sys::console::warn_1(&line.into());
            }
            resolve_images(&mut bank, url);
            Ok(bank)
        }
        Err(diags) => Err(problems(&diags)),
    }
}

/// A bank's errors for the learner: how many, and the first few with their line.
fn problems(diags: &[Diagnostic]) -> (String, Vec<String>) {
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    let mut details: Vec<String> = errors
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|d| match d.line_col {
            Some((line, col)) => [
                "Line ",
                &line.to_string(),
                ", column ",
                &col.to_string(),
                ": ",
                &d.message,
            ]
            .concat(),
            None => d.to_string(),
        })
        .collect();
    if errors.len() > SHOWN_PROBLEMS {
        details.push(
            [
                "…and ",
                &(errors.len() - SHOWN_PROBLEMS).to_string(),
                " more.",
            ]
            .concat(),
        );
    }
    let summary = if errors.len() == 1 {
        "The question bank has a problem:".to_string()
    } else {
        [
            "The question bank has ",
            &errors.len().to_string(),
            " problems:",
        ]
        .concat()
    };
    (summary, details)
}

/// A bank's image paths are relative to the bank file, not to the host page.
/// (The `bank` attribute may itself be relative to the page.)
fn resolve_images(bank: &mut Bank, bank_url: &str) {
    let page = gloo::utils::document().base_uri().ok().flatten();
    let Some(base) = page
        .and_then(|page| web_sys::Url::new_with_base(bank_url, &page).ok())
        .map(|u| u.href())
    else {
        return;
    };
    for q in &mut bank.questions {
        if let Some(img) = &mut q.image {
            if let Ok(u) = web_sys::Url::new_with_base(&img.src, &base) {
                img.src = u.href();
            }
        }
    }
}
