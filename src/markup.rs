//! Light inline formatting in bank text (a question's prompt, choices and explanation),
//! parsed into typed spans that the widget renders as DOM nodes, never as HTML.
//!
//! The whole syntax (docs/bank-format.md, "Formatting"):
//!
//! - `*emphasis*` and `**strong**`. A marker opens only before a non-space character and
//!   closes only after one, so `2 * 3 * 4` stays as written. Markers nest (`**a *b* c**`)
//!   but do not overlap: a marker that does not close the innermost open one is text.
//!   `***both***` is strong emphasis.
//! - `` `code` ``: up to the next backtick on the same line; no formatting inside.
//! - A newline (`\n` in JSON) is a line break.
//! - A backslash escapes `*`, `` ` `` and `\` (`\*`, `` \` ``, `\\`), inside code too.
//!   Any other backslash is text.
//! - Everything else is text: `<b>` in a bank shows as `<b>`. A marker that is never
//!   closed is text as well, and so is one that would nest spans more than
//!   [`MAX_DEPTH`] deep, so every input parses (and the spans can be walked recursively).
//!
//! [`parse`] runs in time linear in the input and never panics; [`escape`] is its inverse
//! for plain text: `parse(&escape(s))` is `s` as text and line breaks, nothing else.

/// How deeply emphasis and strong spans may nest; a marker that would open one more is text.
pub const MAX_DEPTH: usize = 16;

/// One span of formatted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// Code, shown as written (escapes resolved); never holds a line break.
    Code(String),
    LineBreak,
}

/// The characters a backslash escapes.
fn is_special(c: char) -> bool {
    matches!(c, '*' | '`' | '\\')
}

/// Plain text written so that [`parse`] shows it exactly: `*`, `` ` `` and `\` get a
/// backslash. Newlines stay newlines (line breaks).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text a reader sees, without formatting; line breaks as `\n`.
pub fn to_plain(spans: &[Inline]) -> String {
    fn walk(spans: &[Inline], out: &mut String) {
        for span in spans {
            match span {
                Inline::Text(s) | Inline::Code(s) => out.push_str(s),
                Inline::Emphasis(inner) | Inline::Strong(inner) => walk(inner, out),
                Inline::LineBreak => out.push('\n'),
            }
        }
    }
    let mut out = String::new();
    walk(spans, &mut out);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Emphasis,
    Strong,
}

impl Kind {
    fn marker(self) -> &'static str {
        match self {
            Kind::Emphasis => "*",
            Kind::Strong => "**",
        }
    }
}

/// An emphasis or strong span opened and not closed yet.
struct Open {
    kind: Kind,
    children: Vec<Inline>,
}

/// Appends text, joined to the last span when that is text too.
fn push_text(spans: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = spans.last_mut() {
        last.push_str(s);
    } else {
        spans.push(Inline::Text(s.to_owned()));
    }
}

fn push_char(spans: &mut Vec<Inline>, c: char) {
    push_text(spans, c.encode_utf8(&mut [0; 4]));
}

/// Appends spans, joining text at the seam.
fn append(spans: &mut Vec<Inline>, more: Vec<Inline>) {
    let mut more = more.into_iter();
    if let Some(first) = more.next() {
        match first {
            Inline::Text(s) => push_text(spans, &s),
            other => spans.push(other),
        }
    }
    spans.extend(more);
}

/// The spans of formatted bank text. Linear time; any input parses (see the module doc).
pub fn parse(s: &str) -> Vec<Inline> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut root: Vec<Inline> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < n {
        let current = match stack.last_mut() {
            Some(open) => &mut open.children,
            None => &mut root,
        };
        match chars[i] {
            '\\' if i + 1 < n && is_special(chars[i + 1]) => {
                push_char(current, chars[i + 1]);
                i += 2;
            }
            '\n' => {
                current.push(Inline::LineBreak);
                i += 1;
            }
            '`' => {
                // Code runs to the next unescaped backtick on this line. When there is
                // none, no later backtick on the line has one either, so each character
                // is scanned at most twice.
                let mut code = String::new();
                let mut j = i + 1;
                let mut closed = false;
                while j < n {
                    match chars[j] {
                        '\\' if j + 1 < n && is_special(chars[j + 1]) => {
                            code.push(chars[j + 1]);
                            j += 2;
                        }
                        '`' => {
                            closed = true;
                            break;
                        }
                        '\n' => break,
                        c => {
                            code.push(c);
                            j += 1;
                        }
                    }
                }
                if closed && !code.is_empty() {
                    current.push(Inline::Code(code));
                    i = j + 1;
                } else if closed {
                    // "``" is two backticks, not empty code.
                    push_text(current, "``");
                    i = j + 1;
                } else {
                    push_char(current, '`');
                    i += 1;
                }
            }
            '*' => {
                let start = i;
                while i < n && chars[i] == '*' {
                    i += 1;
                }
                let mut run = i - start;
                let can_close = start > 0 && !chars[start - 1].is_whitespace();
                let can_open = i < n && !chars[i].is_whitespace();
                if can_close {
                    // Close the innermost open spans while the run has stars for them.
                    while let Some(top) = stack.last() {
                        let need = top.kind.marker().len();
                        if run < need {
                            break;
                        }
                        run -= need;
                        let Some(done) = stack.pop() else { break };
                        let node = match done.kind {
                            Kind::Emphasis => Inline::Emphasis(done.children),
                            Kind::Strong => Inline::Strong(done.children),
                        };
                        match stack.last_mut() {
                            Some(open) => open.children.push(node),
                            None => root.push(node),
                        }
                    }
                }
                let opens = match run {
                    1 | 2 => 1,
                    _ => 2,
                };
                if run > 0 && run <= 3 && can_open && stack.len() + opens <= MAX_DEPTH {
                    if run >= 2 {
                        stack.push(Open {
                            kind: Kind::Strong,
                            children: Vec::new(),
                        });
                    }
                    if run != 2 {
                        stack.push(Open {
                            kind: Kind::Emphasis,
                            children: Vec::new(),
                        });
                    }
                    run = 0;
                }
                if run > 0 {
                    let current = match stack.last_mut() {
                        Some(open) => &mut open.children,
                        None => &mut root,
                    };
                    push_text(current, &"*".repeat(run));
                }
            }
            c => {
                push_char(current, c);
                i += 1;
            }
        }
    }
    // Spans never closed: their markers are text. Outermost first, so each span is moved
    // once.
    for open in stack {
        push_text(&mut root, open.kind.marker());
        append(&mut root, open.children);
    }
    root
}

#[cfg(test)]
mod tests {
    use super::Inline::{Code, Emphasis, LineBreak, Strong, Text};
    use super::*;

    fn t(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn the_documented_examples() {
        assert_eq!(
            parse("Is *this* **really** `right`?"),
            vec![
                t("Is "),
                Emphasis(vec![t("this")]),
                t(" "),
                Strong(vec![t("really")]),
                t(" "),
                Code("right".to_owned()),
                t("?"),
            ]
        );
        assert_eq!(parse("one\ntwo"), vec![t("one"), LineBreak, t("two")]);
        assert_eq!(
            parse(r"\*not emphasis\* and a \\ and a \`"),
            vec![t(r"*not emphasis* and a \ and a `")]
        );
        // Markup in a bank is text.
        assert_eq!(parse("<b>bold</b> &amp;"), vec![t("<b>bold</b> &amp;")]);
    }

    #[test]
    fn markers_need_a_word_beside_them() {
        assert_eq!(parse("2 * 3 * 4"), vec![t("2 * 3 * 4")]);
        assert_eq!(parse("a ** b"), vec![t("a ** b")]);
        assert_eq!(parse("* item"), vec![t("* item")]);
        assert_eq!(
            parse("snake*case*word"),
            vec![t("snake"), Emphasis(vec![t("case")]), t("word")]
        );
    }

    #[test]
    fn unclosed_markers_are_text() {
        for s in ["*open", "**open", "`open", "a*", "****", "``", "`a\nb`"] {
            assert_eq!(to_plain(&parse(s)), s, "{s:?}");
            assert!(
                parse(s)
                    .iter()
                    .all(|x| matches!(x, Text(_) | LineBreak | Code(_))),
                "{s:?}: {:?}",
                parse(s)
            );
        }
        assert_eq!(parse("``"), vec![t("``")]);
        // A marker that does not close the innermost open span is text.
        assert_eq!(
            parse("*a **b* c**"),
            vec![t("*a "), Strong(vec![t("b* c")])]
        );
        assert_eq!(parse("`a\nb`"), vec![t("`a"), LineBreak, t("b`")]);
    }

    #[test]
    fn nesting_and_combined_runs() {
        assert_eq!(
            parse("***both***"),
            vec![Strong(vec![Emphasis(vec![t("both")])])]
        );
        assert_eq!(
            parse("**a *b* c**"),
            vec![Strong(vec![t("a "), Emphasis(vec![t("b")]), t(" c")])]
        );
        assert_eq!(
            parse("*a **b** c*"),
            vec![Emphasis(vec![t("a "), Strong(vec![t("b")]), t(" c")])]
        );
        // Adjacent spans, as the HTML importer writes them.
        assert_eq!(
            parse("**a****b**"),
            vec![Strong(vec![t("a")]), Strong(vec![t("b")])]
        );
        assert_eq!(
            parse("***a******b***"),
            vec![
                Strong(vec![Emphasis(vec![t("a")])]),
                Strong(vec![Emphasis(vec![t("b")])])
            ]
        );
        assert_eq!(
            parse("**a***b*"),
            vec![Strong(vec![t("a")]), Emphasis(vec![t("b")])]
        );
        assert_eq!(
            parse("*a***b**"),
            vec![Emphasis(vec![t("a")]), Strong(vec![t("b")])]
        );
        assert_eq!(
            parse("*a**b*"),
            vec![Emphasis(vec![t("a")]), Emphasis(vec![t("b")])]
        );
        // Formatting spans line breaks and holds code; code holds no formatting.
        assert_eq!(
            parse("**a\n`*b*`**"),
            vec![Strong(vec![t("a"), LineBreak, Code("*b*".to_owned())])]
        );
        assert_eq!(parse(r"`a\`b\\`"), vec![Code(r"a`b\".to_owned())]);
        assert_eq!(parse(r"`C:\dir`"), vec![Code(r"C:\dir".to_owned())]);
    }

    #[test]
    fn escape_examples() {
        assert_eq!(escape(r"2*3 `x` C:\"), r"2\*3 \`x\` C:\\");
        assert_eq!(parse(&escape("*a* **b**")), vec![t("*a* **b**")]);
        assert_eq!(escape("a\nb"), "a\nb");
    }

    #[test]
    fn long_inputs_stay_linear() {
        // Deep nesting, many unclosed openers and unclosed backticks: each a few
        // milliseconds, not the square of the length.
        let n = 100_000;
        let deep = format!("{}x{}", "*a ".repeat(n), " b*".repeat(n));
        let spans = parse(&deep);
        fn depth(spans: &[Inline]) -> usize {
            spans
                .iter()
                .map(|s| match s {
                    Emphasis(inner) | Strong(inner) => 1 + depth(inner),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&spans), MAX_DEPTH);
        // Only the markers of the spans kept are gone.
        assert_eq!(to_plain(&spans).len(), deep.len() - 2 * MAX_DEPTH);
        for text in ["**a *b ".repeat(n), "`".repeat(n), "`a\n".repeat(n)] {
            assert!(to_plain(&parse(&text)) == text);
        }
    }

    /// Native only: proptest is not built for wasm.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn only_text(spans: &[Inline]) -> bool {
            spans
                .iter()
                .all(|s| matches!(s, Inline::Text(_) | Inline::LineBreak))
        }

        /// Text rich in the characters that matter, and anything at all.
        fn texts() -> impl Strategy<Value = String> {
            prop_oneof![
                "[*`\\\\\n a_é]{0,40}",
                any::<String>(),
                prop::collection::vec(
                    prop_oneof![
                        Just("*"),
                        Just("**"),
                        Just("`"),
                        Just("\\"),
                        Just(" "),
                        Just("\n"),
                        Just("w")
                    ],
                    0..40
                )
                .prop_map(|v| v.concat()),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn escaped_text_is_shown_exactly(s in texts()) {
                let spans = parse(&escape(&s));
                prop_assert_eq!(to_plain(&spans), s);
                prop_assert!(only_text(&spans), "{:?}", spans);
            }

            #[test]
            fn any_text_parses_and_keeps_every_visible_character(s in texts()) {
                // Parsing only removes markers and escaping backslashes: what is left is
                // a subsequence of the input, and text with no special character is kept
                // whole.
                let plain = to_plain(&parse(&s));
                let mut rest = s.chars();
                prop_assert!(plain.chars().all(|c| rest.any(|d| d == c)), "{:?} -> {:?}", s, plain);
                if !s.contains(['*', '`', '\\']) {
                    prop_assert_eq!(plain, s);
                }
            }
        }
    }
}
