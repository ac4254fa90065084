//! A small JSON reader that keeps the line and column of every value, and a writer.
//!
//! Why not serde_json: bank authors need *every* problem reported with its position
//! (serde stops at the first type error and keeps no positions), and the widget ships
//! to phones, where serde_json would add about 13 KB gzip to the wasm.

use std::fmt;

/// 1-based line and column (in characters) of a value in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A parsed value with the position where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Integers are kept exact.
    Int(i64),
    /// A number with a fraction or exponent, or too large for `i64`. Its value is not kept:
    /// no field of ours takes one, and float parsing would add ~10 KB of tables to the wasm.
    Number,
    Str(String),
    Array(Vec<Node>),
    /// Members in source order; duplicates are kept so validators can report them.
    Object(Vec<Member>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub node: Node,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub pos: Pos,
    pub message: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.message)
    }
}

/// Nesting deeper than this is refused instead of exhausting the stack.
const MAX_DEPTH: usize = 64;

impl Node {
    /// The member named `key`, if this is an object that has one (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    /// A word for the value's type, for messages such as "expected a string, found a number".
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Number => "a number",
            Value::Str(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Parses one JSON document. A leading UTF-8 byte-order mark is allowed.
pub fn parse(text: &str) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        at: 0,
        line: 1,
        line_start: 0,
    };
    p.skip_ws();
    let node = p.value(0)?;
    p.skip_ws();
    if p.at < p.src.len() {
        return Err(p.error("unexpected text after the end of the document"));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    at: usize,
    line: u32,
    line_start: usize,
}

impl Parser<'_> {
    fn pos(&self) -> Pos {
        // Columns count characters, not bytes, so editors land on the right spot.
        let col = self
            .text
            .get(self.line_start..self.at)
            .map_or(0, |s| s.chars().count());
        Pos {
            line: self.line,
            col: col as u32 + 1,
        }
    }

    fn error(&self, message: &'static str) -> ParseError {
        ParseError {
            pos: self.pos(),
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Value) -> Result<Value, ParseError> {
        if self.src[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("unknown word (expected true, false, null, a number, a string, a list or an object)"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, ParseError> {
        let pos = self.pos();
        let value = match self.peek() {
            None => return Err(self.error("unexpected end of the document")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b't') => self.expect_word(b"true", Value::Bool(true))?,
            Some(b'f') => self.expect_word(b"false", Value::Bool(false))?,
            Some(b'n') => self.expect_word(b"null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                return Err(self.error(
                    "unexpected character (expected a value: a string, number, list, object, true, false or null)",
                ))
            }
        };
        Ok(Node { pos, value })
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in double quotes"));
            }
            let key_pos = self.pos();
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after the field name"));
            }
            self.at += 1;
            self.skip_ws();
            let node = self.value(depth + 1)?;
            members.push(Member { key, key_pos, node });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    return Err(
                        self.error("expected ',' or '}' after a field (is a comma missing?)")
                    )
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(
                        self.error("expected ',' or ']' after a list item (is a comma missing?)")
                    )
                }
            }
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        let mut float = false;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("a number needs digits")),
        }
        if self.peek() == Some(b'.') {
            float = true;
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number needs digits after '.'"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            float = true;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("a number needs digits in its exponent"));
            }
            self.digits();
        }
        if !float {
            if let Ok(i) = self.text[start..self.at].parse::<i64>() {
                return Ok(Value::Int(i));
            }
        }
        Ok(Value::Number)
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stopped on an ASCII byte, so this slice is valid UTF-8.
            out.push_str(&self.text[run_start..self.at]);
            match self.peek() {
                None => return Err(self.error("a string is not closed (missing '\"')")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.src[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("unpaired surrogate in a \\u escape"));
                                }
                                self.at += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("unpaired surrogate in a \\u escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.error("invalid \\u escape"))?,
                            );
                            continue;
                        }
                        _ => return Err(self.error("unknown escape after '\\'")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error(
                        "control character inside a string (line breaks must be written \\n)",
                    ))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.error("expected four hex digits after \\u")),
            };
            v = v * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(v)
    }
}

/// Builds compact JSON text. Only what the storage format needs: no floats.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Whether the next item in the current container needs a leading comma.
    comma: bool,
}

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn finish(self) -> String {
        self.out
    }
    fn sep(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = true;
    }
    pub fn begin_object(&mut self) {
        self.sep();
        self.out.push('{');
        self.comma = false;
    }
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.comma = true;
    }
    pub fn begin_array(&mut self) {
        self.sep();
        self.out.push('[');
        self.comma = false;
    }
    pub fn end_array(&mut self) {
        self.out.push(']');
        self.comma = true;
    }
    /// Writes a field name; the value written next belongs to it.
    pub fn key(&mut self, key: &str) {
        self.sep();
        push_string(&mut self.out, key);
        self.out.push(':');
        self.comma = false;
    }
    pub fn string(&mut self, s: &str) {
        self.sep();
        push_string(&mut self.out, s);
    }
    pub fn int(&mut self, i: i64) {
        self.sep();
        push_int(&mut self.out, i);
    }
    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.out.push_str(if b { "true" } else { "false" });
    }
}

fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Integer to text without `format!`, which would pull formatting code into the wasm.
pub fn push_int(out: &mut String, i: i64) {
    if i < 0 {
        out.push('-');
    }
    let mut n = i.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[at..] {
        out.push(b as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_at_each_value() {
        let doc = parse("{\n  \"a\": [1, \"x\"],\n  \"é\": true\n}").unwrap();
        let a = doc.get("a").unwrap();
        assert_eq!(a.pos, Pos { line: 2, col: 8 });
        assert_eq!(a.as_array().unwrap()[1].pos, Pos { line: 2, col: 12 });
        assert_eq!(doc.get("é").unwrap().pos, Pos { line: 3, col: 8 });
    }

    #[test]
    fn errors_name_the_problem_and_place() {
        let e = parse("{\"a\": 1\n \"b\": 2}").unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, col: 2 });
        assert!(e.message.contains("comma"), "{e}");
        assert_eq!(parse("[1,]").unwrap_err().pos.col, 4);
        assert!(parse("").is_err());
        assert!(parse("{} x").is_err());
        assert!(parse("\"tab\there\"").is_err());
    }

    #[test]
    fn strings_and_numbers_decode() {
        let v = parse(r#"["a\"\\\/\n\u00e9\ud83d\ude00", -12, 1.5e2, 0]"#).unwrap();
        let items = v.as_array().unwrap();
        assert_eq!(items[0].as_str(), Some("a\"\\/\né😀"));
        assert_eq!(items[1].as_i64(), Some(-12));
        assert_eq!(items[2].value, Value::Number);
        assert_eq!(items[3].as_i64(), Some(0));
        assert!(parse("01").is_err());
        assert!(parse(r#""\ud83d""#).is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn writer_output_parses_back() {
        let mut w = Writer::new();
        w.begin_object();
        w.key("s");
        w.string("quote \" slash \\ nl \n ctl \u{1} é");
        w.key("n");
        w.int(i64::MIN);
        w.key("l");
        w.begin_array();
        w.int(0);
        w.bool(true);
        w.begin_object();
        w.end_object();
        w.end_array();
        w.end_object();
        let text = w.finish();
        let back = parse(&text).unwrap();
        assert_eq!(
            back.get("s").unwrap().as_str(),
            Some("quote \" slash \\ nl \n ctl \u{1} é")
        );
        assert_eq!(back.get("n").unwrap().as_i64(), Some(i64::MIN));
        assert_eq!(back.get("l").unwrap().as_array().unwrap().len(), 3);
    }
}
