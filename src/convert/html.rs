//! `[html]` GIFT text into bank text (see [`crate::markup`]): the text as a browser shows
//! it, its emphasis, code and line breaks, its images, and a list of what could not be
//! kept. Tokenized by `html5gum`, a WHATWG-conformant tokenizer, so entities, attributes
//! and malformed markup are read as a browser reads them.
//!
//! - Whitespace as HTML renders it: runs collapse to one space, none at the ends or
//!   around line breaks; `<pre>` keeps its spaces and line breaks.
//! - `<em>`/`<i>` → `*…*`, `<strong>`/`<b>` → `**…**`, `<code>`/`<tt>`/`<kbd>`/`<samp>`
//!   → backticks, `<br>` → a line break, the edge of a block (`<p>`, `<div>`, `<li>`,
//!   `<tr>`…) → a line break. Markers are placed against the words they format (`<b>
//!   this </b>` → `**this**`), so they always parse as written; a marker inside code, or
//!   the same marker nested, is left out (the text looks the same).
//! - `*`, `` ` `` and `\` in the text are escaped, so they stay literal.
//! - `<img>`: removed from the text and returned in [`Html::images`] for the caller to
//!   keep or report.
//! - Anything whose meaning is lost (a link's address, a table's layout, a heading, sub-
//!   and superscript, underline, strike-through, a list's numbers, scripts, media, form
//!   fields, unknown elements) is named in [`Html::dropped`]; the text inside and around
//!   it is kept, except the content of `<script>`, `<style>` and the like, which a browser
//!   does not show either. Presentation-only markup (`<span>`, `<font>`, `style`,
//!   `class`…) and comments are dropped without a word.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::markup;

/// An `<img>` as written: `src` and `alt` with entities decoded, `alt` `None` when absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Img {
    pub src: String,
    pub alt: Option<String>,
}

/// One converted field.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Html {
    /// Bank text (inline formatting), trimmed.
    pub text: String,
    pub images: Vec<Img>,
    /// What was not kept, in order, each named once: `a link to "…"`, `<sup>`…
    pub dropped: Vec<String>,
}

/// Elements whose end tag matters, at most this deep (deeper ones are reported and
/// ignored), so that matching an end tag costs a bounded search.
const MAX_OPEN: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Emphasis,
    Strong,
    Code,
}

impl Mark {
    fn marker(self) -> &'static str {
        match self {
            Mark::Emphasis => "*",
            Mark::Strong => "**",
            Mark::Code => "`",
        }
    }
}

/// What an open element does to the text inside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Format(Mark),
    /// `<pre>`: spaces and line breaks kept.
    Pre,
    /// Content not shown (`<script>`, `<style>`…).
    Hidden,
}

struct Open {
    name: String,
    role: Role,
}

/// Writes bank text; whitespace, line breaks and opening markers wait for the next
/// visible character, so markers sit against words and nothing trails.
#[derive(Default)]
struct Writer {
    out: String,
    /// A visible character has been written.
    started: bool,
    /// Whitespace since the last visible character or line break.
    space: String,
    /// `space` is `<pre>` indentation, kept after a line break.
    hard: bool,
    /// Line breaks waiting: `<br>`s, or newlines in `<pre>`.
    breaks: usize,
    /// A block edge waiting: one line break, unless a break is already there.
    block: bool,
    /// Markers written and not closed yet, outermost first. Emphasis and strong are
    /// never nested in themselves, and code is always innermost.
    written: Vec<Mark>,
}

impl Writer {
    fn space(&mut self, c: char, pre: bool) {
        if pre {
            self.space.push(c);
            self.hard = true;
        } else if !is_html_space(c) {
            self.space.push(c);
        } else if !self.space.ends_with(' ') {
            self.space.push(' ');
        }
    }

    /// Writes visible text (no whitespace in it), after what waits and the markers of
    /// `wanted` not written yet.
    fn visible(&mut self, run: &str, wanted: &[Mark]) {
        if self.started {
            let breaks = self.breaks.max(usize::from(self.block));
            if breaks > 0 {
                // Code does not span a line break: it closes, and reopens after it.
                if self.written.last() == Some(&Mark::Code) {
                    self.written.pop();
                    self.out.push('`');
                }
                self.out.extend(std::iter::repeat_n('\n', breaks));
                if self.hard {
                    self.out.push_str(&self.space);
                }
            } else {
                self.out.push_str(&self.space);
            }
        }
        self.space.clear();
        self.hard = false;
        self.breaks = 0;
        self.block = false;
        self.open(wanted);
        self.out.push_str(&markup::escape(run));
        self.started = true;
    }

    /// Writes the opening markers of `wanted` not written yet: strong before emphasis,
    /// code last; none inside code.
    fn open(&mut self, wanted: &[Mark]) {
        if self.written.last() == Some(&Mark::Code) {
            return;
        }
        let new: Vec<Mark> = [Mark::Strong, Mark::Emphasis]
            .into_iter()
            .filter(|m| wanted.contains(m) && !self.written.contains(m))
            .collect();
        if !new.is_empty() {
            // Right after a word, a run of stars first closes what is open when it has
            // enough stars (`*a**b` reads as *a* then b): then close it all and open
            // everything wanted afresh, so the run is exactly those closers and openers.
            let adjacent = self
                .out
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
            let stars: usize = new.iter().map(|m| m.marker().len()).sum();
            let closes = self
                .written
                .last()
                .is_some_and(|top| stars >= top.marker().len());
            if adjacent && closes {
                while let Some(top) = self.written.pop() {
                    self.out.push_str(top.marker());
                }
                for m in [Mark::Strong, Mark::Emphasis] {
                    if wanted.contains(&m) {
                        self.written.push(m);
                        self.out.push_str(m.marker());
                    }
                }
            } else {
                for m in new {
                    self.written.push(m);
                    self.out.push_str(m.marker());
                }
            }
        }
        if wanted.contains(&Mark::Code) && !self.written.contains(&Mark::Code) {
            self.written.push(Mark::Code);
            self.out.push('`');
        }
    }

    /// Closes `mark` if it is written, and the markers inside it (those still wanted
    /// reopen before the next visible character).
    fn close(&mut self, mark: Mark) {
        if !self.written.contains(&mark) {
            return;
        }
        while let Some(top) = self.written.pop() {
            self.out.push_str(top.marker());
            if top == mark {
                break;
            }
        }
    }

    fn finish(mut self) -> String {
        while let Some(top) = self.written.pop() {
            self.out.push_str(top.marker());
        }
        self.out
    }
}

/// HTML whitespace (what collapses); other spaces, such as U+00A0, are text that waits
/// like whitespace so that markers stay against words.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Elements that start a new line and end one.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "ul"
            | "xmp"
            | "listing"
    )
}

/// Elements whose content a browser does not show (or shows as a control or a player):
/// left out, and reported.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "iframe"
            | "noscript"
            | "noembed"
            | "noframes"
            | "title"
            | "object"
            | "video"
            | "audio"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "map"
    )
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// What a start tag loses, if anything, for the report. Formatting, line breaks,
/// images, layout and presentation lose nothing worth a word.
fn loss(name: &str, attribute: impl Fn(&str) -> Option<String>) -> Option<String> {
    let address = |attr: &str| attribute(attr).filter(|a| !a.trim().is_empty());
    Some(match name {
        "a" => format!("a link to \"{}\"", address("href")?),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => format!("a heading's style (<{name}>)"),
        "ol" => "a numbered list's numbers".to_owned(),
        "table" => "a table's layout".to_owned(),
        "hr" => "a horizontal line".to_owned(),
        "iframe" | "embed" | "video" | "audio" | "source" => match address("src") {
            Some(src) => format!("<{name}> \"{src}\""),
            None => format!("<{name}>"),
        },
        "em" | "i" | "strong" | "b" | "code" | "tt" | "kbd" | "samp" | "br" | "img" | "pre"
        | "xmp" | "listing" | "html" | "head" | "body" | "meta" | "link" | "base" | "span"
        | "font" | "small" | "big" | "abbr" | "acronym" | "cite" | "dfn" | "time" | "data"
        | "bdi" | "bdo" | "label" | "nobr" | "wbr" | "td" | "th" | "col" | "colgroup" | "var"
        | "caption" => return None,
        n if is_block(n) => return None,
        n => format!("<{n}>"),
    })
}

/// Converts one `[html]` field (GIFT escapes already resolved).
pub(super) fn convert(html: &str) -> Html {
    let mut emitter = DefaultEmitter::default();
    // The content of script, style, textarea… is read as text, as a browser reads it.
    emitter.naively_switch_states(true);
    let mut w = Writer::default();
    let mut open: Vec<Open> = Vec::new();
    let mut images = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut drop = |what: String| {
        if seen.insert(what.clone()) {
            dropped.push(what);
        }
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        // Nothing is pushed above a hidden element, so it is the last one while open.
        let hidden = open.last().is_some_and(|o| o.role == Role::Hidden);
        match token {
            Token::String(s) if !hidden => {
                let pre = open.iter().any(|o| o.role == Role::Pre);
                let mut wanted = Vec::new();
                for o in &open {
                    if let Role::Format(m) = o.role {
                        if !wanted.contains(&m) {
                            wanted.push(m);
                        }
                    }
                }
                let text = String::from_utf8_lossy(&s.value);
                let mut run = String::new();
                for c in text.chars() {
                    if !c.is_whitespace() && c != '\0' {
                        run.push(c);
                        continue;
                    }
                    if !run.is_empty() {
                        w.visible(&run, &wanted);
                        run.clear();
                    }
                    if pre && c == '\n' {
                        w.breaks += 1;
                        w.space.clear();
                        w.hard = false;
                    } else if c != '\0' {
                        w.space(c, pre);
                    }
                }
                if !run.is_empty() {
                    w.visible(&run, &wanted);
                }
            }
            Token::StartTag(tag) if !hidden => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attribute = |attr: &str| {
                    tag.attributes
                        .get(attr.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                if let Some(what) = loss(&name, attribute) {
                    drop(what);
                }
                let role = match name.as_str() {
                    "em" | "i" => Some(Role::Format(Mark::Emphasis)),
                    "strong" | "b" => Some(Role::Format(Mark::Strong)),
                    "code" | "tt" | "kbd" | "samp" => Some(Role::Format(Mark::Code)),
                    "pre" | "xmp" | "listing" | "textarea" => Some(Role::Pre),
                    n if is_hidden(n) => Some(Role::Hidden),
                    _ => None,
                };
                if let Some(Role::Format(m)) = role {
                    if m != Mark::Code && open.iter().any(|o| o.role == Role::Format(Mark::Code)) {
                        drop(format!("<{name}> inside code"));
                    }
                }
                match name.as_str() {
                    "br" => w.breaks += 1,
                    "img" => {
                        let src = attribute("src")
                            .map(|s| s.trim_matches(is_html_space).to_owned())
                            .unwrap_or_default();
                        if src.is_empty() {
                            drop("an image without a src".to_owned());
                        } else {
                            images.push(Img {
                                src,
                                alt: attribute("alt"),
                            });
                        }
                        w.space(' ', false);
                    }
                    "td" | "th" => w.space(' ', false),
                    n if is_block(n) => w.block = true,
                    _ => {}
                }
                if let Some(role) = role {
                    if !tag.self_closing && !is_void(&name) {
                        if open.len() < MAX_OPEN {
                            open.push(Open { name, role });
                        } else {
                            drop(format!("elements nested more than {MAX_OPEN} deep"));
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                if hidden {
                    if open.last().is_some_and(|o| o.name == name) {
                        open.pop();
                    }
                    continue;
                }
                if is_block(&name) {
                    w.block = true;
                }
                if name == "br" {
                    // Browsers read `</br>` as `<br>`.
                    w.breaks += 1;
                }
                if let Some(k) = open.iter().rposition(|o| o.name == name) {
                    // Only this element ends: formatting opened inside it goes on after
                    // it, as a browser's parser reopens it.
                    let gone = open.remove(k);
                    if let Role::Format(mark) = gone.role {
                        if !open.iter().any(|o| o.role == Role::Format(mark)) {
                            w.close(mark);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Html {
        text: w.finish(),
        images,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{parse, Inline};

    fn text(html: &str) -> String {
        convert(html).text
    }

    fn dropped(html: &str) -> Vec<String> {
        convert(html).dropped
    }

    #[test]
    fn entities_are_decoded_and_whitespace_collapses() {
        assert_eq!(
            text("  caf&eacute; &amp; th&#233; &#x2014; &lt;b&gt;  "),
            "café & thé — <b>"
        );
        assert_eq!(text("a \n\t b"), "a b");
        assert_eq!(text("10&nbsp;km"), "10\u{a0}km");
        // A lone '<' or '&' is text, as in a browser.
        assert_eq!(text("a < b && c"), "a < b && c");
    }

    #[test]
    fn emphasis_strong_and_code_become_markers_against_the_words() {
        assert_eq!(text("Is <b>this</b> right?"), "Is **this** right?");
        assert_eq!(text("<em>yes</em>, sure"), "*yes*, sure");
        assert_eq!(text("Is <b> this </b>right?"), "Is **this** right?");
        assert_eq!(text("<i>a</i><i>b</i>"), "*a**b*");
        assert_eq!(text("<strong><em>both</em></strong>"), "***both***");
        assert_eq!(
            text("<code>x = 1</code> or <tt>y</tt> <kbd>Ctrl</kbd>"),
            "`x = 1` or `y` `Ctrl`"
        );
        // Nothing to format: no markers.
        assert_eq!(text("a<b> </b>b<i></i>"), "a b");
        // The same marker nested is written once.
        assert_eq!(text("<b>a <strong>b</strong> c</b>"), "**a b c**");
        // Misnested tags: the inner one goes on after the outer one closes, as in a browser.
        assert_eq!(text("<b>a<i>b</b>c</i>"), "**a*b****c*");
        for html in [
            "<b>a<i>b</b>c</i>",
            "<i>a <b>b</b></i><b>c</b>",
            "<b>a<br></b>b",
            "<code>a<br>b</code>",
        ] {
            let spans = parse(&text(html));
            assert!(
                !markup::to_plain(&spans).contains(['*', '`']),
                "{html}: {spans:?}"
            );
        }
    }

    #[test]
    fn literal_markers_in_the_text_are_escaped() {
        assert_eq!(text(r"2*3 `x` C:\dir"), r"2\*3 \`x\` C:\\dir");
        assert_eq!(text("<code>a*b`c</code>"), "`a\\*b\\`c`");
        assert_eq!(
            parse(&text("<code>a*b`c</code>")),
            vec![Inline::Code("a*b`c".to_owned())]
        );
    }

    #[test]
    fn line_breaks_and_blocks() {
        assert_eq!(text("<p>One</p><p>Two</p>"), "One\nTwo");
        assert_eq!(text("a<br>b<br/><br>c<br>"), "a\nb\n\nc");
        assert_eq!(text("<ul><li>x</li> <li>y</li></ul>after"), "x\ny\nafter");
        assert_eq!(text("<div><p>a<br></p></div><div>b</div>"), "a\nb");
        assert_eq!(text("<b>bold<br>line</b>"), "**bold\nline**");
        assert_eq!(text("<code>a<br>b</code>"), "`a`\n`b`");
        assert_eq!(
            text("<pre>for x in y:\n    print(x)</pre>"),
            "for x in y:\n    print(x)"
        );
        assert_eq!(
            text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a b\nc"
        );
    }

    #[test]
    fn images_are_returned_and_the_text_around_them_kept() {
        let h = convert(
            r#"Look: <img src=" cat.png " alt="A &quot;cat&quot;"> <img src="dog.png">What?"#,
        );
        assert_eq!(h.text, "Look: What?");
        assert_eq!(
            h.images,
            vec![
                Img {
                    src: "cat.png".to_owned(),
                    alt: Some("A \"cat\"".to_owned())
                },
                Img {
                    src: "dog.png".to_owned(),
                    alt: None
                },
            ]
        );
        assert!(h.dropped.is_empty());
        assert_eq!(dropped("<img alt=x>"), ["an image without a src"]);
    }

    #[test]
    fn what_cannot_be_kept_is_named_and_its_text_kept() {
        let h = convert(concat!(
            r#"See <a href="https://example.org/x?a=1&amp;b=2">the rules</a>, "#,
            "H<sub>2</sub>O, x<sup>2</sup>, <u>not</u>, <s>old</s> ",
            "<script>alert('<b>')</script><style>p{}</style><!-- note -->",
            "<table><tr><td>cell</td></tr></table><h2>Head</h2><ol><li>one</li></ol>",
            "<span style='color:red'>red</span> <blink>x</blink> <a name=top>anchor</a> ",
            "<code>a <b>b</b></code>"
        ));
        assert_eq!(
            h.text,
            "See the rules, H2O, x2, not, old\ncell\nHead\none\nred x anchor `a b`"
        );
        assert_eq!(
            h.dropped,
            [
                "a link to \"https://example.org/x?a=1&b=2\"",
                "<sub>",
                "<sup>",
                "<u>",
                "<s>",
                "<script>",
                "<style>",
                "a table's layout",
                "a heading's style (<h2>)",
                "a numbered list's numbers",
                "<blink>",
                "<b> inside code",
            ]
        );
    }

    /// Each letter with its formatting: (letter, emphasis, strong, code).
    type Styled = Vec<(char, bool, bool, bool)>;

    fn styled(spans: &[Inline], em: bool, strong: bool, out: &mut Styled) {
        for span in spans {
            match span {
                Inline::Text(s) => out.extend(
                    s.chars()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| (c, em, strong, false)),
                ),
                Inline::Code(s) => out.extend(
                    s.chars()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| (c, em, strong, true)),
                ),
                Inline::Emphasis(inner) => styled(inner, true, strong, out),
                Inline::Strong(inner) => styled(inner, em, true, out),
                Inline::LineBreak => {}
            }
        }
    }

    #[test]
    fn any_tag_soup_keeps_each_letter_with_its_formatting() {
        // Random sequences of formatting tags, breaks and words, misnested and unclosed:
        // the bank text must give every letter the formatting a browser gives it (what is
        // inside code is only checked for being code), and no stray marker.
        let pieces = [
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<em>",
            "</em>",
            "<strong>",
            "</strong>",
            "<code>",
            "</code>",
            "<br>",
            "<p>",
            "</p>",
            "<pre>",
            "</pre>",
            " ",
            "x",
            "y",
            "\n",
            "&nbsp;",
        ];
        let mut seed = 7u64;
        for _ in 0..5000 {
            let mut html = String::new();
            // The reference: open elements by name; a letter's formatting is what is open.
            let mut open: Vec<&str> = Vec::new();
            let mut expected: Styled = Vec::new();
            for _ in 0..14 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                html.push_str(piece);
                if let Some(name) = piece.strip_prefix("</").and_then(|p| p.strip_suffix('>')) {
                    if let Some(k) = open.iter().rposition(|o| *o == name) {
                        open.remove(k);
                    }
                } else if let Some(name) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>'))
                {
                    if name != "br" && name != "p" {
                        open.push(name);
                    }
                } else if piece == "x" || piece == "y" {
                    let has = |names: &[&str]| open.iter().any(|o| names.contains(o));
                    let code = has(&["code"]);
                    let c = piece.chars().next().unwrap();
                    expected.push(if code {
                        (c, false, false, true)
                    } else {
                        (c, has(&["i", "em"]), has(&["b", "strong"]), false)
                    });
                }
            }
            let out = text(&html);
            let spans = parse(&out);
            let mut actual = Vec::new();
            styled(&spans, false, false, &mut actual);
            for a in &mut actual {
                if a.3 {
                    // Inside code only "code" is checked.
                    a.1 = false;
                    a.2 = false;
                }
            }
            assert_eq!(actual, expected, "{html:?} -> {out:?}");
            let plain = markup::to_plain(&spans);
            assert!(
                !plain.contains(['*', '`']),
                "{html:?} -> {out:?} -> {plain:?}"
            );
            assert_eq!(out.trim(), out, "{html:?}");
        }
    }
}
