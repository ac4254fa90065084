//! Where in a bank's text each validator diagnostic points: line, column and byte offset.
//!
//! The validator ([`crate::bank::load`]) names problems by JSON path only, so the widget
//! needs no span-keeping parser. Authoring tools (the `cqbank` CLI and the playground) look
//! the paths up here, in a parse by `jsonc-parser` (strict JSON options) that keeps spans.
//! Native builds always have it; a wasm build only with the `every-problem` feature (the
//! playground), so the widget's wasm never links the parser.

use jsonc_parser::{ast, common::Ranged, parse_to_ast, CollectOptions, ParseOptions};

use crate::bank::{Diagnostic, Problem, Step};

/// One diagnostic with its place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<'d> {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (Unicode scalar values).
    pub column: usize,
    /// Byte offset into the text given to [`Spans::new`] (a leading byte-order mark
    /// included), for editors that place a caret.
    pub offset: usize,
    pub diagnostic: &'d Diagnostic,
}

impl Located<'_> {
    /// The message as authors read it beside a line:column: prefixed with the JSON path
    /// (`questions[2] (q3).answer: …`) unless the diagnostic is itself about a position in
    /// the text (not valid JSON), where a path would mean nothing.
    pub fn text(&self) -> String {
        let d = self.diagnostic;
        if d.line_col.is_some() {
            d.problem.to_string()
        } else {
            d.to_string()
        }
    }
}

/// A span-keeping parse of bank text, for looking up diagnostics' positions.
pub struct Spans<'a> {
    /// The text without a leading byte-order mark (what the validator reads).
    text: &'a str,
    /// Bytes of the byte-order mark that was stripped (0 or 3).
    bom: usize,
    root: Option<ast::Value<'a>>,
    /// Byte offset where each line starts, for a binary search per diagnostic.
    line_starts: Vec<usize>,
}

impl<'a> Spans<'a> {
    pub fn new(text: &'a str) -> Spans<'a> {
        let stripped = text.strip_prefix('\u{feff}').unwrap_or(text);
        let options = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            ..ParseOptions::default()
        };
        let root = parse_to_ast(stripped, &CollectOptions::default(), &options)
            .ok()
            .and_then(|r| r.value);
        let line_starts = std::iter::once(0)
            .chain(stripped.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Spans {
            text: stripped,
            bom: text.len() - stripped.len(),
            root,
            line_starts,
        }
    }

    /// Every diagnostic with its place, in a total order (position, then errors before
    /// warnings, then message), so output never depends on the validator's order of ties.
    pub fn locate_all<'d>(&self, diags: &'d [Diagnostic]) -> Vec<Located<'d>> {
        let mut out: Vec<Located<'d>> = diags.iter().map(|d| self.locate(d)).collect();
        out.sort_by_cached_key(|l| {
            let d = l.diagnostic;
            (l.line, l.column, d.severity, d.to_string())
        });
        out
    }

    /// The diagnostic's own position if it has one (text that is not JSON); else the value
    /// its path names (the field name for unknown fields), or the nearest enclosing value
    /// that exists.
    pub fn locate<'d>(&self, d: &'d Diagnostic) -> Located<'d> {
        let at = match d.line_col {
            Some((line, column)) => self.byte_offset(line, column),
            None => self.path_offset(d),
        };
        let (line, column) = self.line_col(at);
        Located {
            line,
            column,
            offset: at + self.bom,
            diagnostic: d,
        }
    }

    /// Byte offset of what the path names.
    fn path_offset(&self, d: &Diagnostic) -> usize {
        let Some(mut node) = self.root.as_ref() else {
            return 0;
        };
        let mut at = node.range().start;
        for (i, step) in d.path.iter().enumerate() {
            let last = i + 1 == d.path.len();
            match (step, node) {
                (Step::Key(k), ast::Value::Object(obj)) => {
                    let Some(prop) = obj.properties.iter().rev().find(|p| p.name.as_str() == k)
                    else {
                        break;
                    };
                    at = if last && matches!(d.problem, Problem::UnknownField(_)) {
                        prop.name.range().start
                    } else {
                        prop.value.range().start
                    };
                    node = &prop.value;
                }
                (Step::Index(n), ast::Value::Array(list)) => {
                    let Some(item) = list.elements.get(*n) else {
                        break;
                    };
                    at = item.range().start;
                    node = item;
                }
                _ => break,
            }
        }
        at
    }

    /// The byte offset of a 1-based line and a 1-based column as serde_json counts it
    /// (bytes), clamped to the line and moved back onto a character boundary.
    fn byte_offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.max(1) - 1) else {
            return self.text.len();
        };
        let end = self
            .line_starts
            .get(line.max(1))
            .map_or(self.text.len(), |next| next - 1);
        let mut at = (start + column.max(1) - 1).min(end);
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank;

    fn located(text: &str) -> Vec<(usize, usize, usize, String)> {
        let diags = match bank::load(text) {
            Ok((_, warnings)) => warnings,
            Err(diags) => diags,
        };
        let spans = Spans::new(text);
        spans
            .locate_all(&diags)
            .iter()
            .map(|l| (l.line, l.column, l.offset, l.text()))
            .collect()
    }

    const BROKEN: &str = r#"{
  "id": "demo",
  "title": "Demo",
  "version": 1,
  "language": "en",
  "questions": [
    { "id": "q1", "prompt": "One?", "choices": ["a", "b"], "explanation": "x" },
    { "id": "q1", "prompt": "Two?", "choices": ["a", "b"], "answer": 5, "explanation": "y" },
    { "id": "q3", "prompt": "Três?", "choices": ["a", "b"], "answer": 0, "explanation": "z", "anwser": 1 }
  ]
}"#;

    #[test]
    fn every_problem_has_its_line_column_and_offset() {
        let found = located(BROKEN);
        let lines: Vec<(usize, usize)> = found.iter().map(|f| (f.0, f.1)).collect();
        // The missing answer is placed on its question, the out-of-range answer on its
        // value, the repeated id on the second "q1", the unknown field on its name.
        assert!(lines.contains(&(7, 5)), "{found:?}");
        assert!(lines.contains(&(8, 70)), "{found:?}");
        assert!(lines.contains(&(8, 13)), "{found:?}");
        // Column in characters: "ê" is two bytes but one column.
        assert!(lines.contains(&(9, 94)), "{found:?}");
        for (line, col, offset, text) in &found {
            let before = &BROKEN[..*offset];
            assert_eq!(before.matches('\n').count() + 1, *line, "{text}");
            let col_chars = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(col_chars, *col, "{text}");
        }
        assert!(found.iter().any(|f| f
            .3
            .starts_with("questions[1] (q1).answer: 5 is out of range")));
    }

    #[test]
    fn not_json_gets_serde_position_in_characters() {
        // serde_json counts bytes; the column here counts characters.
        let text = "{\"title\": \"Über\" \"id\": 1}";
        let found = located(text);
        assert_eq!(found.len(), 1);
        let (line, col, offset, message) = &found[0];
        assert_eq!((*line, *col), (1, 18), "{message}");
        assert_eq!(&text[*offset..*offset + 1], "\"");
        assert!(message.starts_with("not valid JSON"), "{message}");
    }

    #[test]
    fn a_byte_order_mark_counts_in_the_offset_not_the_column() {
        let text = "\u{feff}{\"id\": 3}";
        let found = located(text);
        let id = found
            .iter()
            .find(|f| f.3.starts_with("id:"))
            .expect("id problem");
        assert_eq!((id.0, id.1), (1, 8));
        assert_eq!(&text[id.2..id.2 + 1], "3");
    }
}
