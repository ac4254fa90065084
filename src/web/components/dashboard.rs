//! The progress dashboard: score history as a small SVG chart, mastery per topic as bars,
//! the weakest topics with a button to practise them, and the readiness estimate. Every
//! graphic has a text equivalent for screen readers.

use yew::prelude::*;

use crate::text::{Plural, Text};

use super::super::services::locale::Locale;

use super::on_click;
use crate::mode::Mode;
use crate::overview::{Overview, TopicFigures};
use crate::session::Session;

pub struct DashboardProps<'a> {
    pub locale: &'a Locale,
    pub session: &'a Session,
    pub now: i64,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: practice on one of the weakest topics).
    pub onstart: Callback<(Mode, Option<String>)>,
    pub onback: Callback<()>,
}

/// A bar with its figure in words beside it (the `<progress>` element itself is hidden
/// from screen readers, which read the words).
fn bar(label: &str, value: u8, note: String) -> Html {
    html! {
        <li class="cq-bar">
            <span class="cq-bar-label">{ label.to_string() }</span>
            <progress class="cq-progress" max="100" value={value.to_string()} aria-hidden="true" />
            <span class="cq-bar-value">{ note }</span>
        </li>
    }
}

/// The figures at a glance, also on the start screen.
pub fn figures(t: &Locale, o: &Overview) -> Html {
    let answered = t.fill(
        Text::CountOf,
        &[
            ("n", &t.number(o.answered)),
            ("total", &t.number(o.questions)),
        ],
    );
    html! {
        <dl class="cq-figures">
            <div><dt>{ t.text(Text::Answered) }</dt><dd>{ answered }</dd></div>
            <div><dt>{ t.text(Text::Accuracy) }</dt><dd>{ o.accuracy().map_or_else(|| t.text(Text::NoFigure).to_string(), |p| t.percent(p)) }</dd></div>
            <div><dt>{ t.text(Text::DueForReview) }</dt><dd>{ t.number(o.due_now) }</dd></div>
        </dl>
    }
}

fn mastery_bars(t: &Locale, o: &Overview) -> Html {
    let note = |topic: &TopicFigures| {
        t.fill(
            Text::MasteryFigure,
            &[
                ("percent", &t.percent(topic.mastery)),
                ("n", &t.number(topic.right)),
                ("total", &t.number(topic.questions)),
            ],
        )
    };
    html! {
        <ul class="cq-bars">
            { for o.topics.iter().map(|topic| bar(&topic.name, topic.mastery, note(topic))) }
        </ul>
    }
}

/// Mastery per topic, folded away on the start screen so the modes stay in reach.
pub fn topic_mastery(t: &Locale, o: &Overview) -> Html {
    if o.answered == 0 {
        return Html::default();
    }
    html! {
        <details class="cq-details">
            <summary>{ t.text(Text::MasteryByTopic) }</summary>
            { mastery_bars(t, o) }
        </details>
    }
}

/// Score history: one point per round, the pass mark as a dashed line.
fn chart(o: &Overview) -> Html {
    const W: usize = 300;
    const H: usize = 100;
    let n = o.history.len();
    let x = |i: usize| {
        if n < 2 {
            W / 2
        } else {
            10 + i * (W - 20) / (n - 1)
        }
    };
    let y = |p: u8| 10 + (100 - usize::from(p)) * (H - 20) / 100;
    let points: String = o
        .history
        .iter()
        .enumerate()
        .map(|(i, (_, _, p))| [x(i).to_string(), ",".into(), y(*p).to_string()].concat())
        .collect::<Vec<_>>()
        .join(" ");
    let pass = y(o.pass_mark).to_string();
    html! {
        <svg class="cq-chart" viewBox="0 0 300 100" width="100%" aria-hidden="true" focusable="false">
            <line x1="0" x2="300" y1={pass.clone()} y2={pass} class="cq-chart-pass" stroke-dasharray="4 4" />
            <polyline points={points} fill="none" class="cq-chart-line" />
            { for o.history.iter().enumerate().map(|(i, (_, m, p))| html! {
                <circle cx={x(i).to_string()} cy={y(*p).to_string()} r="3.5" class={if *m == Mode::Exam { "cq-chart-exam" } else { "cq-chart-dot" }} />
            }) }
        </svg>
    }
}

fn mode_name(t: &Locale, m: Mode) -> &'static str {
    t.text(match m {
        Mode::Practice => Text::ModePractice,
        Mode::Exam => Text::ModeExam,
        Mode::Review => Text::ModeReviewShort,
        Mode::Smart => Text::ModeSmart,
    })
}

pub fn dashboard(props: &DashboardProps) -> Html {
    let (session, t) = (props.session, props.locale);
    let o = session.overview(props.now);
    let back = on_click(&props.onback, ());
    let weakest: Vec<Html> = o
        .weakest(3)
        .into_iter()
        .filter(|t| t.mastery < 100)
        .map(|w| {
            let topic = w.name.clone();
            let label = t.fill(Text::PractiseTopic, &[("topic", &w.name)]);
            let line = t.fill(
                Text::TopicMastered,
                &[("topic", &w.name), ("percent", &t.percent(w.mastery))],
            );
            html! {
                <li class="cq-weak">
                    <span>{ line }</span>
                    <button type="button" class="cq-button" aria-label={label} onclick={on_click(&props.onstart, (Mode::Practice, Some(topic)))}>{ t.text(Text::Practise) }</button>
                </li>
            }
        })
        .collect();
    let ready = o.readiness >= o.pass_mark;
    html! {
        <div class="cq-card cq-dashboard">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ t.text(Text::YourProgress) }</h3>
            <section class="cq-section" aria-labelledby="cq-readiness">
                <h4 class="cq-subtitle" id="cq-readiness">{ t.text(Text::Readiness) }</h4>
                <p class={if ready { "cq-readiness is-right" } else { "cq-readiness" }}>
                    { t.fill(Text::EstimatedReadiness, &[("percent", &t.percent(o.readiness)), ("mark", &t.percent(o.pass_mark))]) }
                </p>
                <p class="cq-note">{ t.text(Text::ReadinessNote) }</p>
                <ul class="cq-bars">
                    { for o.topics.iter().map(|topic| bar(&topic.name, topic.readiness, t.percent(topic.readiness))) }
                </ul>
            </section>
            <section class="cq-section" aria-labelledby="cq-history">
                <h4 class="cq-subtitle" id="cq-history">{ t.text(Text::ScoreHistory) }</h4>
                if o.history.is_empty() {
                    <p>{ t.text(Text::NoRoundsYet) }</p>
                } else {
                    { chart(&o) }
                    <table class="cq-sr-only">
                        <caption>{ t.count(Plural::HistoryCaption, o.history.len(), &[]) }</caption>
                        <thead><tr><th scope="col">{ t.text(Text::RoundColumn) }</th><th scope="col">{ t.text(Text::ModeColumn) }</th><th scope="col">{ t.text(Text::ScoreColumn) }</th></tr></thead>
                        <tbody>
                            { for o.history.iter().enumerate().map(|(i, (_, m, p))| html! {
                                <tr><td>{ t.number(i + 1) }</td><td>{ mode_name(t, *m) }</td><td>{ t.percent(*p) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="cq-note" aria-hidden="true">{ t.count(Plural::HistoryNote, o.history.len(), &[]) }</p>
                }
            </section>
            <section class="cq-section" aria-labelledby="cq-mastery">
                <h4 class="cq-subtitle" id="cq-mastery">{ t.text(Text::MasteryByTopic) }</h4>
                <p class="cq-note">{ t.text(Text::MasteryNote) }</p>
                { mastery_bars(t, &o) }
            </section>
            if !weakest.is_empty() {
                <section class="cq-section" aria-labelledby="cq-weakest">
                    <h4 class="cq-subtitle" id="cq-weakest">{ t.text(Text::WeakestTopics) }</h4>
                    <ul class="cq-weak-list">{ for weakest }</ul>
                </section>
            }
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={back}>{ t.text(Text::Back) }</button>
            </div>
        </div>
    }
}
