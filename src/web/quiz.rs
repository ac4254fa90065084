//! The quiz: the core session behind its reducer, the hooks that tie it to the browser
//! (saving, other tabs, the exam clock, focus, the host page, the learner's actions), and
//! the screen in play, each given only its data and callbacks.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::components::{
    dashboard, exam_result, exam_screen, notices, question_card, round_summary, saved_data,
    start_screen, DashboardProps, ExamResultProps, ExamScreenProps, Notice, NoticesProps,
    QuestionCardProps, RoundSummaryProps, SavedDataProps, StartScreenProps,
};
use super::hooks::{
    use_actions, use_exam_clock, use_focus, use_host_events, use_persistence, use_sync, Actions,
    Focus,
};
use super::services::locale::Locale;
use super::state::{Confirm, Overlay, SessionState};
use super::SummaryCell;
use crate::bank::Bank;
use crate::config::Config;
use crate::mode::Mode;
use crate::session::{Action, Phase, Screen};
use crate::text::Lang;

#[derive(Properties, Clone)]
pub struct QuizProps {
    pub bank: Rc<Bank>,
    pub host: HtmlElement,
    pub config: Rc<Config>,
    pub summary: SummaryCell,
}

impl PartialEq for QuizProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank)
            && self.host == other.host
            && self.config == other.config
    }
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let locale = use_context::<Rc<Locale>>().unwrap_or_else(|| Rc::new(Locale::new(Lang::En)));
    let t: &Locale = &locale;
    let saved = use_persistence(&props.bank, &props.config);
    let session = saved.session;
    let state = (*session).clone();
    use_host_events(&props.host, &props.summary, &state);
    use_sync(&session, &saved.saving);
    let now = use_exam_clock(&session);
    let ui = use_actions(&session);
    let focus = use_focus(&state, ui.overlay.is_dialog(), &ui.acted);

    let body = screen(&Screens {
        locale: &locale,
        state: &state,
        ui: &ui,
        focus: &focus,
        now,
        seed: props.config.seed,
    });
    let messages: Vec<Notice> = saved.notices.iter().copied().map(Notice::Storage).collect();
    html! {
        <section class="cq-quiz" aria-label={props.bank.title.clone()}>
            <h2 class="cq-title">{ props.bank.title.clone() }</h2>
            { notices(&NoticesProps { locale: t, notices: &messages }) }
            { body }
        </section>
    }
}

/// What every screen is built from: the session and the hooks' handles.
struct Screens<'a> {
    locale: &'a Rc<Locale>,
    state: &'a SessionState,
    ui: &'a Actions,
    focus: &'a Focus,
    now: i64,
    seed: Option<u64>,
}

/// The screen in play, given only its own data and callbacks.
fn screen(s: &Screens) -> Html {
    let (t, state, ui): (&Locale, _, _) = (s.locale, s.state, s.ui);
    let heading = s.focus.heading.clone();
    let onstart = ui.start(s.seed, state.progress.rounds_played());
    let onback = ui.send(Action::Show(Screen::Start));
    match state.screen {
        Screen::Start => start_screen(&StartScreenProps {
            locale: t,
            session: state,
            now: s.now,
            heading,
            onstart,
            onshow: ui.with(Action::Show),
        }),
        Screen::Dashboard => dashboard(&DashboardProps {
            locale: t,
            session: state,
            now: s.now,
            heading,
            onstart,
            onback,
        }),
        Screen::Data => saved_data(&SavedDataProps {
            locale: s.locale.clone(),
            session: state.clone(),
            overlay: ui.overlay.clone(),
            heading,
            onoverlay: ui.opener(),
            onimport: ui.with(Action::Import),
            onreset: ui.timed(|now| Action::Reset { now }),
            onback,
        }),
        Screen::Round => round_screen(s, onstart, onback),
    }
}

/// A round: a question (practice, review, smart), the exam, or the result of either.
fn round_screen(
    s: &Screens,
    onstart: Callback<(Mode, Option<String>)>,
    onback: Callback<()>,
) -> Html {
    let (t, state, ui): (&Locale, _, _) = (s.locale, s.state, s.ui);
    let (heading, prompt) = (s.focus.heading.clone(), s.focus.prompt.clone());
    let (onselect, ontoggle) = (ui.with(Action::Select), ui.with(Action::Toggle));
    let onnext = ui.timed(|now| Action::Next { now });
    match (state.round.mode, state.phase()) {
        (Mode::Exam, Phase::Finished) => exam_result(&ExamResultProps {
            locale: t,
            session: state,
            heading,
            onstart,
            onback,
        }),
        (Mode::Exam, _) => exam_screen(&ExamScreenProps {
            locale: t,
            session: state,
            now: s.now,
            confirming: matches!(ui.overlay, Overlay::Confirm(Confirm::Submit)),
            heading,
            prompt,
            onselect,
            ontoggle,
            onprev: ui.send(Action::Prev),
            onnext,
            ongoto: ui.with(Action::Goto),
            onflag: ui.send(Action::Flag),
            onsubmit: ui.open(Overlay::Confirm(Confirm::Submit)),
            onconfirm: ui.timed(|now| Action::Submit { now }),
            oncancel: ui.open(Overlay::None),
            onmenu: onback,
        }),
        (_, Phase::Finished) => round_summary(&RoundSummaryProps {
            locale: t,
            session: state,
            heading,
            onstart,
            onretry: ui.timed(|now| Action::TryAgain { now }),
            onback,
        }),
        _ => question_card(&QuestionCardProps {
            locale: t,
            session: state,
            hint: matches!(ui.overlay, Overlay::Hint),
            prompt,
            next: s.focus.next.clone(),
            onselect,
            ontoggle,
            oncheck: ui.timed(|now| Action::Check { now }),
            onhint: ui.open(Overlay::Hint),
            onnext,
            onmenu: onback,
        }),
    }
}
