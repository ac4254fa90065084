//! The progress dashboard: score history as a small SVG chart, mastery per topic as bars,
//! the weakest topics with a button to practise them, and the readiness estimate. Every
//! graphic has a text equivalent for screen readers.

use yew::prelude::*;

use super::on_click;
use crate::mode::Mode;
use crate::overview::Overview;
use crate::session::Session;

pub struct DashboardProps<'a> {
    pub session: &'a Session,
    pub now: i64,
    pub heading: NodeRef,
    /// Starts a new round of a mode (here: practice on one of the weakest topics).
    pub onstart: Callback<(Mode, Option<String>)>,
    pub onback: Callback<()>,
}

fn pct(n: u8) -> String {
    [&n.to_string(), "%"].concat()
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
pub fn figures(o: &Overview) -> Html {
    html! {
        <dl class="cq-figures">
            <div><dt>{ "Answered" }</dt><dd>{ [o.answered.to_string(), " of ".into(), o.questions.to_string()].concat() }</dd></div>
            <div><dt>{ "Accuracy" }</dt><dd>{ o.accuracy().map_or_else(|| "–".to_string(), pct) }</dd></div>
            <div><dt>{ "Due for review" }</dt><dd>{ o.due_now.to_string() }</dd></div>
        </dl>
    }
}

fn mastery_bars(o: &Overview) -> Html {
    html! {
        <ul class="cq-bars">
            { for o.topics.iter().map(|t| bar(&t.name, t.mastery, [pct(t.mastery), " (".into(), t.right.to_string(), " of ".into(), t.questions.to_string(), ")".into()].concat())) }
        </ul>
    }
}

/// Mastery per topic, folded away on the start screen so the modes stay in reach.
pub fn topic_mastery(o: &Overview) -> Html {
    if o.answered == 0 {
        return Html::default();
    }
    html! {
        <details class="cq-details">
            <summary>{ "Mastery by topic" }</summary>
            { mastery_bars(o) }
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

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Practice => "Practice",
        Mode::Exam => "Mock exam",
        Mode::Review => "Review",
        Mode::Smart => "Smart review",
    }
}

pub fn dashboard(props: &DashboardProps) -> Html {
    let session = props.session;
    let o = Overview::new(
        &session.bank,
        &session.progress,
        session.pass_mark(),
        props.now,
    );
    let back = on_click(&props.onback, ());
    let weakest: Vec<Html> = o
        .weakest(3)
        .into_iter()
        .filter(|t| t.mastery < 100)
        .map(|t| {
            let topic = t.name.clone();
            let label = ["Practise ", &t.name].concat();
            html! {
                <li class="cq-weak">
                    <span>{ [t.name.as_str(), ": ", &pct(t.mastery), " mastered"].concat() }</span>
                    <button type="button" class="cq-button" aria-label={label} onclick={on_click(&props.onstart, (Mode::Practice, Some(topic)))}>{ "Practise" }</button>
                </li>
            }
        })
        .collect();
    let ready = o.readiness >= o.pass_mark;
    html! {
        <div class="cq-card cq-dashboard">
            <h3 class="cq-screen-title" tabindex="-1" ref={props.heading.clone()}>{ "Your progress" }</h3>
            <section class="cq-section" aria-labelledby="cq-readiness">
                <h4 class="cq-subtitle" id="cq-readiness">{ "Readiness" }</h4>
                <p class={if ready { "cq-readiness is-right" } else { "cq-readiness" }}>
                    { ["Estimated readiness: ", &pct(o.readiness), " (pass mark ", &pct(o.pass_mark), ")."].concat() }
                </p>
                <p class="cq-note">{ "This is an estimate from a memory model (FSRS) of how much of the bank you would recall now; questions never answered or last answered wrong count as not known. It is not a prediction of your exam score." }</p>
                <ul class="cq-bars">
                    { for o.topics.iter().map(|t| bar(&t.name, t.readiness, pct(t.readiness))) }
                </ul>
            </section>
            <section class="cq-section" aria-labelledby="cq-history">
                <h4 class="cq-subtitle" id="cq-history">{ "Score history" }</h4>
                if o.history.is_empty() {
                    <p>{ "No rounds finished yet." }</p>
                } else {
                    { chart(&o) }
                    <table class="cq-sr-only">
                        <caption>{ ["Your last ", &o.history.len().to_string(), " rounds, oldest first"].concat() }</caption>
                        <thead><tr><th scope="col">{ "Round" }</th><th scope="col">{ "Mode" }</th><th scope="col">{ "Score" }</th></tr></thead>
                        <tbody>
                            { for o.history.iter().enumerate().map(|(i, (_, m, p))| html! {
                                <tr><td>{ (i + 1).to_string() }</td><td>{ mode_name(*m) }</td><td>{ pct(*p) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="cq-note" aria-hidden="true">{ ["Last ", &o.history.len().to_string(), " rounds; dashed line: pass mark; larger dots: mock exams."].concat() }</p>
                }
            </section>
            <section class="cq-section" aria-labelledby="cq-mastery">
                <h4 class="cq-subtitle" id="cq-mastery">{ "Mastery by topic" }</h4>
                <p class="cq-note">{ "Share of each topic's questions whose last answer was right." }</p>
                { mastery_bars(&o) }
            </section>
            if !weakest.is_empty() {
                <section class="cq-section" aria-labelledby="cq-weakest">
                    <h4 class="cq-subtitle" id="cq-weakest">{ "Weakest topics" }</h4>
                    <ul class="cq-weak-list">{ for weakest }</ul>
                </section>
            }
            <div class="cq-actions">
                <button type="button" class="cq-button" onclick={back}>{ "Back" }</button>
            </div>
        </div>
    }
}
