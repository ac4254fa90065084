//! The start screen: the bank, the learner's progress at a glance, one button per mode.

use yew::prelude::*;

use crate::text::{Plural, Text};

use super::super::services::locale::Locale;

use super::dashboard;
use super::on_click;
use crate::mode::Mode;
use crate::overview::Overview;
use crate::session::{Phase, Screen, Session};
use crate::settings::DEFAULT_COUNT;

pub struct StartScreenProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    pub now: i64,
    pub heading: NodeRef,
    /// Starts a new round of a mode.
    pub onstart: Callback<(Mode, Option<String>)>,
    /// Shows another screen: the round in play, the dashboard, saved data.
    pub onshow: Callback<Screen>,
}

pub fn start_screen(props: &StartScreenProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let o = session.overview(props.now);
    let start = |mode: Mode| on_click(&props.onstart, (mode, None));
    let show = |screen: Screen| on_click(&props.onshow, screen);
    let s = &session.settings;
    let resume = resume(props);
    let practice = count(s.count.or(Some(DEFAULT_COUNT)), o.questions);
    html! {
        <div class="cq-card cq-start">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::ChooseHowToStudy) }</h3>
            if !session.bank.description.is_empty() { <p class="cq-description">{ session.bank.description.clone() }</p> }
            { dashboard::figures(t, &o) }
            { resume.unwrap_or_default() }
            <ul class="cq-modes">
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Practice)}>
                        <span class="cq-mode-name">{ t.text(Text::ModePractice) }</span>
                        <span class="cq-mode-note">{ t.count(Plural::PracticeNote, practice, &[]) }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Exam)}>
                        <span class="cq-mode-name">{ t.text(Text::ModeExam) }</span>
                        <span class="cq-mode-note">{ exam_line(t, session, o.questions) }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Review)} disabled={o.missed == 0}>
                        <span class="cq-mode-name">{ t.text(Text::ModeReview) }</span>
                        <span class="cq-mode-note">{
                            if o.missed == 0 { t.text(Text::NoMissed).to_string() }
                            else { t.count(Plural::MissedToRedo, o.missed, &[]) }
                        }</span>
                    </button>
                </li>
                <li>
                    <button type="button" class="cq-mode" onclick={start(Mode::Smart)} disabled={o.due_now == 0 && o.unseen == 0}>
                        <span class="cq-mode-name">{ t.text(Text::ModeSmart) }</span>
                        <span class="cq-mode-note">{ smart_line(t, &o, props.now) }</span>
                    </button>
                </li>
            </ul>
            { dashboard::topic_mastery(t, &o) }
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={show(Screen::Dashboard)}>{ t.text(Text::YourProgress) }</button>
                <button type="button" class="cq-button" onclick={show(Screen::Data)}>{ t.text(Text::SaveOrRestore) }</button>
            </div>
        </div>
    }
}

/// A round's size as asked (`None`: all), at most the bank's.
fn count(n: Option<usize>, questions: usize) -> usize {
    n.unwrap_or(questions).min(questions)
}

/// "20 questions, 30 minutes time limit, pass mark 70%".
fn exam_line(t: &Locale, session: &Session, questions: usize) -> String {
    let s = &session.settings;
    let n = count(s.count.or(session.bank.exam_questions), questions);
    let limit = match s.time_limit.or(session.bank.time_limit) {
        None => t.text(Text::NoTimeLimit).to_string(),
        Some(secs) => t.fill(
            Text::TimeLimit,
            &[("duration", &t.duration(i64::from(secs) * 1000))],
        ),
    };
    t.fill(
        Text::ExamLine,
        &[
            ("questions", &t.count(Plural::ExamQuestions, n, &[])),
            ("limit", &limit),
            ("mark", &t.percent(session.pass_mark())),
        ],
    )
}

/// What smart review would ask now.
fn smart_line(t: &Locale, o: &Overview, now: i64) -> String {
    if o.due_now > 0 {
        t.count(Plural::DueNow, o.due_now, &[])
    } else if o.unseen > 0 {
        t.text(Text::NothingDueNew).to_string()
    } else {
        o.next_due.map_or_else(
            || t.text(Text::NothingDue).to_string(),
            |at| t.fill(Text::NextDue, &[("when", &t.until(at, now))]),
        )
    }
}

/// "Continue your practice round (question 3 of 10)", when a round is in play.
fn resume(props: &StartScreenProps) -> Option<Html> {
    let (session, t) = (props.session, props.locale);
    let in_play = !session.round.is_empty() && session.phase() != Phase::Finished;
    in_play.then(|| {
        let r = &session.round;
        let what = t.text(match r.mode {
            Mode::Practice => Text::RoundPractice,
            Mode::Exam => Text::RoundExam,
            Mode::Review => Text::RoundReview,
            Mode::Smart => Text::RoundSmart,
        });
        let label = t.fill(
            Text::ContinueRound,
            &[
                ("round", what),
                ("n", &t.number(r.current + 1)),
                ("total", &t.number(r.len())),
            ],
        );
        html! { <button type="button" class="cq-button cq-primary cq-wide" onclick={on_click(&props.onshow, Screen::Round)}>{ label }</button> }
    })
}
