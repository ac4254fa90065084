//! The root component: loads and validates the bank, then hands it to the quiz view, or
//! shows what went wrong inside the widget.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::components::{bank_error, notices, BankErrorProps, Notice, NoticesProps};
use super::quiz::Quiz;
use super::services::events;
use super::services::fetch::{self, FetchError};
use super::services::locale::Locale;
use super::SummaryCell;
use crate::bank::{self, Bank, Diagnostic};
use crate::config::{Config, Problem};
use crate::text::problem::problem;
use crate::text::{Lang, Plural, Text};

#[derive(Properties, Clone)]
pub struct AppProps {
    pub host: HtmlElement,
    pub config: Rc<Config>,
    /// Attribute values that were ignored, shown to the learner and the site operator.
    pub problems: Rc<Vec<Problem>>,
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
        error: Rc<LoadError>,
    },
    Ready(Rc<Bank>),
}

/// Why the bank is not shown: it could not be fetched, or it is not a valid bank.
#[derive(Debug, PartialEq)]
pub enum LoadError {
    Fetch(FetchError),
    Invalid(Vec<Diagnostic>),
}

/// The language of the page around the widget: the nearest `lang` above it.
fn page_lang(host: &HtmlElement) -> Option<String> {
    host.parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
}

/// Most problems listed in the widget; `cqbank check` lists them all.
const SHOWN_PROBLEMS: usize = 8;

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let url: AttrValue = props
        .config
        .bank_url
        .clone()
        .map_or_else(|| props.default_bank.clone(), AttrValue::from);
    let load = use_bank(url, &props.host, &props.requested);

    // The `lang` attribute, then the bank's language, then the page's, then English.
    let bank_lang = match &*load {
        Load::Ready(bank) => Some(bank.language.clone()),
        _ => None,
    };
    let lang = Lang::negotiate([
        props.config.lang.map(Lang::code),
        bank_lang.as_deref(),
        page_lang(&props.host).as_deref(),
    ]);
    let locale = use_memo(lang, |lang| Rc::new(Locale::new(*lang)));
    let locale: Rc<Locale> = (*locale).clone();

    let body = match &*load {
        Load::Loading => {
            html! { <p class="cq-loading" role="status">{ locale.text(Text::Loading) }</p> }
        }
        Load::Failed { url, error } => {
            let (summary, details) = describe(&locale, error);
            bank_error(&BankErrorProps {
                locale: &locale,
                url: url.clone(),
                summary,
                details,
            })
        }
        Load::Ready(bank) => html! {
            <ContextProvider<Rc<Locale>> context={locale.clone()}>
                <Quiz bank={bank.clone()} host={props.host.clone()} config={props.config.clone()} summary={props.summary.clone()} />
            </ContextProvider<Rc<Locale>>>
        },
    };
    let problems: Vec<Notice> = props
        .problems
        .iter()
        .cloned()
        .map(Notice::Ignored)
        .collect();
    html! {
        <div class="cq" lang={lang.code()}>
            { notices(&NoticesProps { locale: &locale, notices: &problems }) }
            { body }
        </div>
    }
}

/// The bank at `url`, loaded (again whenever `url` changes); a failure is also reported to
/// the console and the host page.
#[hook]
fn use_bank(
    url: AttrValue,
    host: &HtmlElement,
    requested: &Option<fetch::Requested>,
) -> UseStateHandle<Load> {
    let load = use_state(|| Load::Loading);
    {
        let setter = load.setter();
        let (host, requested) = (host.clone(), requested.clone());
        use_effect_with(url, move |url| {
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
                    Ok(bank) => setter.set(Load::Ready(Rc::new(bank))),
                    Err(error) => {
                        report_failure(&host, &url, &error);
                        setter.set(Load::Failed {
                            url,
                            error: Rc::new(error),
                        });
                    }
                }
            });
            move || alive.set(false)
        });
    }
    load
}

/// The console and the host page's event get English, for the site's developers; the
/// learner reads it in the widget's language.
fn report_failure(host: &HtmlElement, url: &str, error: &LoadError) {
    let english = Locale::new(Lang::En);
    let (summary, details) = describe(&english, error);
    let mut console = ["<checkpoint-quiz> ", url, ": ", &summary].concat();
    for d in &details {
        console.push_str("\n  ");
        console.push_str(d);
    }
    web_sys::console::error_1(&console.clone().into());
    events::error(host, &console);
}

/// The bank at `url`, checked, with its pictures' addresses resolved.
async fn load_bank(url: &str, requested: Option<&fetch::Requested>) -> Result<Bank, LoadError> {
    let text = fetch::text(url, requested)
        .await
        .map_err(LoadError::Fetch)?;
    match bank::load(&text) {
        Ok((mut bank, warnings)) => {
            for w in &warnings {
                let line = [url, ": ", &w.to_string()].concat();
                web_sys::console::warn_1(&line.into());
            }
            resolve_images(&mut bank, url);
            Ok(bank)
        }
        Err(diags) => Err(LoadError::Invalid(diags)),
    }
}

/// What went wrong, as a summary and the first problems with their line or JSON path,
/// each worded by the catalogue from the validator's typed problem.
fn describe(locale: &Locale, error: &LoadError) -> (String, Vec<String>) {
    match error {
        LoadError::Fetch(e) => {
            let reason = match e {
                FetchError::NoWindow => locale.text(Text::FetchNoWindow).to_string(),
                FetchError::Failed => locale.text(Text::FetchFailed).to_string(),
                FetchError::Unreadable => locale.text(Text::FetchUnreadable).to_string(),
                FetchError::Status(code, text) => {
                    let status = [code.to_string().as_str(), " ", text].concat();
                    locale.fill(Text::FetchStatus, &[("status", status.trim())])
                }
            };
            (
                locale.fill(Text::BankLoadFailed, &[("reason", &reason)]),
                Vec::new(),
            )
        }
        LoadError::Invalid(diags) => {
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            let mut details: Vec<String> = errors
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|d| {
                    let message = problem(locale.lang, &d.problem, locale);
                    match d.line_col {
                        Some((line, col)) => locale.fill(
                            Text::LineColumn,
                            &[
                                ("line", &locale.number(line)),
                                ("column", &locale.number(col)),
                                ("message", &message),
                            ],
                        ),
                        // The path is the file's own names (`questions[3] (q4).answer`).
                        None if d.path.is_empty() => message,
                        None => [d.place().as_str(), ": ", &message].concat(),
                    }
                })
                .collect();
            if errors.len() > SHOWN_PROBLEMS {
                let more = locale.number(errors.len() - SHOWN_PROBLEMS);
                details.push(locale.fill(Text::MoreProblems, &[("n", &more)]));
            }
            (
                locale.count(Plural::BankProblems, errors.len(), &[]),
                details,
            )
        }
    }
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
