//! `cqbank`: tools for bank authors (check, import, stats). Native only, std only.
//!
//! `cargo build --target wasm32-unknown-unknown` (what Trunk runs for the widget) builds
//! every target, this one too: there it is an empty program, since the span lookup it
//! uses is not in the widget's wasm build of the library.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use checkpoint_quiz::bank::{self, Answer, Bank, BankInfo, Diagnostic, Severity};
use checkpoint_quiz::convert;
use checkpoint_quiz::spans::Spans;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// Tools for question-bank authors: validate banks, import Moodle quizzes, count answers.
///
/// Exit status: 0 when everything is fine, 1 when problems were found (each printed), 2
/// for a usage error (an unknown command or flag, a missing file, a bad value).
#[derive(Parser)]
#[command(name = "cqbank", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate banks: every problem as file:line:column: error|warning: message, and a
    /// summary per file.
    ///
    /// *.schema.json files are skipped, so `cqbank check questions/*.json` works.
    /// Warnings (unknown fields, unused topics, placeholder explanations) fail the check
    /// too. Exit 0 when every bank is clean, else 1.
    Check {
        /// Bank files (JSON).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Convert Moodle Aiken or GIFT files into one bank (JSON on stdout, or in OUT).
    ///
    /// The format of each file is detected from its content (and said on stderr) unless
    /// --format is given. Question ids start with each file's name; a question whose id
    /// an earlier question has gets "-2", "-3"… (reported). Every line or question that could not be converted is printed to stderr as
    /// file:line: message. Exit 1 if some question was not converted (the bank is still
    /// written), else 0.
    Import(ImportArgs),
    /// Questions per topic and difficulty, select-all count, and how often each choice
    /// position (A, B, C…) is the right one.
    Stats {
        /// Bank files (JSON).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
}

#[derive(Args)]
struct ImportArgs {
    /// Aiken or GIFT files, `-` for standard input. Several files make one bank.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// The source format of every file [default: detected from each file's content].
    #[arg(long, value_enum)]
    format: Option<SourceFormat>,
    /// The bank's id [default: from the first file's name].
    #[arg(long, value_parser = parse_id)]
    id: Option<String>,
    /// The bank's title [default: the first file's name].
    #[arg(long)]
    title: Option<String>,
    /// The bank's language (a BCP 47 tag).
    #[arg(long, default_value = "en")]
    language: String,
    /// Write the bank to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum SourceFormat {
    Aiken,
    Gift,
}

fn parse_id(id: &str) -> Result<String, String> {
    if bank::is_valid_id(id) {
        Ok(id.to_owned())
    } else {
        Err(format!(
            "may use only a-z, 0-9 and '-', starting with a letter or digit, at most {} characters",
            bank::MAX_ID
        ))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => {
            // No command: the help, as a successful run (as `cqbank --help`).
            let _ = Cli::command().print_help();
            0
        }
        Some(Command::Check { files }) => check(&files),
        Some(Command::Import(args)) => import_command(args),
        Some(Command::Stats { files }) => stats(&files),
    };
    ExitCode::from(code)
}

/// A usage error found after parsing, reported the way clap reports its own (exit 2).
fn usage_error(message: &str) -> u8 {
    let err = Cli::command().error(clap::error::ErrorKind::ValueValidation, message);
    let _ = err.print();
    2
}

/// The file's text, or a diagnostic-style line saying why it cannot be read.
fn read(path: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("{path}: error: cannot read the file: {e}"))?;
    decode(path, bytes)
}

/// The bytes as text, or a line naming the first byte that is not UTF-8.
fn decode(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // Everything before the bad byte is valid UTF-8, so this cannot fail.
        let before = std::str::from_utf8(valid).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        let byte = e.as_bytes()[valid.len()];
        format!("{path}:{line}:{col}: error: not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
    })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

// ---------------------------------------------------------------------------------------
// check

fn check(files: &[String]) -> u8 {
    let mut out = String::new();
    let mut failed = false;
    for path in files {
        // So that `cqbank check questions/*.json` works with the schema next to the banks.
        if path.ends_with(".schema.json") {
            let _ = writeln!(out, "{path}: skipped (a JSON Schema, not a bank)");
            continue;
        }
        let text = match read(path) {
            Ok(text) => text,
            Err(line) => {
                let _ = writeln!(out, "{line}\n{path}: failed (1 error)");
                failed = true;
                continue;
            }
        };
        let (loaded, diags) = match bank::load(&text) {
            Ok((b, warnings)) => (Some(b), warnings),
            Err(diags) => (None, diags),
        };
        for at in Spans::new(&text).locate_all(&diags) {
            let kind = if at.diagnostic.is_error() {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(
                out,
                "{path}:{}:{}: {kind}: {}",
                at.line,
                at.column,
                at.text()
            );
        }
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        let summary = match (&loaded, errors, warnings) {
            (Some(b), 0, 0) => format!("ok ({})", plural(b.questions.len(), "question")),
            (Some(b), 0, w) => format!(
                "failed ({}; the widget would still load its {})",
                plural(w, "warning"),
                plural(b.questions.len(), "question")
            ),
            (_, e, w) => format!("failed ({}, {})", plural(e, "error"), plural(w, "warning")),
        };
        failed |= !diags.is_empty();
        let _ = writeln!(out, "{path}: {summary}");
    }
    print!("{out}");
    u8::from(failed)
}

// ---------------------------------------------------------------------------------------
// import

/// The stem of a file name, for default ids and titles; empty for standard input.
fn stem_of(file: &str) -> String {
    if file == "-" {
        return String::new();
    }
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The text of a file, or of standard input for `-`.
fn read_source(file: &str) -> Result<String, String> {
    if file != "-" {
        return read(file);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{STDIN}: error: cannot read standard input: {e}"))?;
    decode(STDIN, bytes)
}

/// How standard input is named in messages.
const STDIN: &str = "<stdin>";

/// The format to read `text` in: `--format`, else what its content looks like, else its
/// extension. Says on stderr which one was chosen and why.
fn source_format(
    name: &str,
    file: &str,
    text: &str,
    given: Option<SourceFormat>,
) -> Option<convert::QuizFormat> {
    if let Some(f) = given {
        return Some(match f {
            SourceFormat::Aiken => convert::QuizFormat::Aiken,
            SourceFormat::Gift => convert::QuizFormat::Gift,
        });
    }
    if let Some(f) = convert::detect(text) {
        eprintln!(
            "{name}: read as {} (detected; use --format to choose)",
            f.name()
        );
        return Some(f);
    }
    let extension = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let f = match extension.as_deref() {
        Some("gift") => convert::QuizFormat::Gift,
        Some("txt") => convert::QuizFormat::Aiken,
        _ => {
            eprintln!("{name}: error: cannot tell whether this is GIFT or Aiken (no {{…}} answer blocks, no ANSWER: lines); pass --format gift or --format aiken");
            return None;
        }
    };
    eprintln!(
        "{name}: read as {} (from the file name: the content looks like neither format; use --format to choose)",
        f.name()
    );
    Some(f)
}

fn import_command(args: ImportArgs) -> u8 {
    let ImportArgs {
        files,
        format,
        id,
        title,
        language,
        output,
    } = args;
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return usage_error("import: '-' (standard input) can be given only once");
    }
    // Defaults from the first file.
    let stem = stem_of(&files[0]);
    let id = id.unwrap_or_else(|| match convert::slugify(&stem) {
        s if s.is_empty() => "imported".to_owned(),
        mut s => {
            s.truncate(bank::MAX_ID);
            s.trim_end_matches('-').to_owned()
        }
    });
    let title = title.unwrap_or_else(|| {
        if stem.is_empty() {
            id.clone()
        } else {
            stem.clone()
        }
    });

    let mut failed = false;
    let mut parts = Vec::new();
    let mut names = Vec::new();
    for file in &files {
        let name = if file == "-" { STDIN } else { file.as_str() };
        let text = match read_source(file) {
            Ok(text) => text,
            Err(line) => {
                eprintln!("{line}");
                failed = true;
                continue;
            }
        };
        let Some(format) = source_format(name, file, &text, format) else {
            failed = true;
            continue;
        };
        let converted = convert::convert(format, &text, &stem_of(file));
        failed |= converted.has_errors();
        for p in &converted.problems {
            eprintln!("{name}:{}: {}", p.line, p.message);
        }
        parts.push(converted);
        names.push(name);
    }
    let (questions, renamed) = convert::merge(parts);
    for r in renamed {
        eprintln!(
            "{}: question id \"{}\" is already used by an earlier question: renamed \"{}\"",
            names[r.part], r.from, r.to
        );
    }
    let bank = Bank::new(BankInfo::new(&id, &title, &language), questions);
    let json = bank::to_json(&bank);
    let all = files.join(", ");
    // The questions were validated one by one; this catches bank-level mistakes such as
    // an over-long --title. A bank that would not load is never written, so an import
    // that converts nothing cannot replace a good bank with an empty one.
    let unchanged = match &output {
        Some(out) if Path::new(out).exists() => format!("; {out} is left as it was"),
        _ => String::new(),
    };
    if bank.questions.is_empty() {
        eprintln!("{all}: no question could be imported: nothing written{unchanged}");
        return 1;
    }
    if let Err(diags) = bank::load(&json) {
        for d in diags.iter().filter(|d| d.is_error()) {
            eprintln!("{all}: the generated bank is not valid: {}", d.problem);
        }
        eprintln!("{all}: nothing written{unchanged}");
        return 1;
    }
    let written = match &output {
        Some(out) => write_atomically(Path::new(out), json.as_bytes())
            .map_err(|e| format!("cqbank: cannot write {out}: {e}")),
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|e| format!("cqbank: cannot write the bank: {e}")),
    };
    if let Err(e) = written {
        eprintln!("{e}");
        return 1;
    }
    u8::from(failed)
}

/// Writes `bytes` to a temporary file in `path`'s folder, then renames it over `path`, so
/// that `path` holds either its old content or all of the new, never a part.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.cqbank-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

// ---------------------------------------------------------------------------------------
// stats

fn stats(files: &[String]) -> u8 {
    let mut failed = false;
    let mut blocks = Vec::new();
    for path in files {
        match read(path).map(|text| bank::load(&text)) {
            Ok(Ok((b, _))) => blocks.push(stats_table(path, &b)),
            Ok(Err(diags)) => {
                let errors = diags
                    .iter()
                    .filter(|d: &&Diagnostic| d.severity == Severity::Error)
                    .count();
                eprintln!(
                    "{path}: not a valid bank ({}); run `cqbank check {path}`",
                    plural(errors, "error")
                );
                failed = true;
            }
            Err(line) => {
                eprintln!("{line}");
                failed = true;
            }
        }
    }
    print!("{}", blocks.join("\n"));
    u8::from(failed)
}

/// Rows of cells as a table: first column left-aligned, the others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                let _ = write!(line, "  {cell:<w$}", w = width[0]);
            } else {
                let _ = write!(line, "  {cell:>w$}", w = width[c]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn stats_table(path: &str, b: &Bank) -> String {
    let qs = &b.questions;
    let multi = qs.iter().filter(|q| q.answer.is_multiple()).count();
    let mut out = format!(
        "{path}: {} ({} single-answer, {} select-all)\n\n",
        plural(qs.len(), "question"),
        qs.len() - multi,
        multi
    );

    // Per topic, split by difficulty.
    // A set beside the list, so a bank with many topics is not searched once per question.
    let mut topics: Vec<String> = b.topics.clone();
    let mut listed: std::collections::HashSet<&str> = b.topics.iter().map(String::as_str).collect();
    for q in qs {
        if !q.topic.is_empty() && listed.insert(&q.topic) {
            topics.push(q.topic.clone());
        }
    }
    let untopical = qs.iter().any(|q| q.topic.is_empty());
    let unrated = qs.iter().any(|q| q.difficulty == 0);
    let mut header = vec![
        "Topic".to_owned(),
        "Questions".to_owned(),
        "Easy".to_owned(),
        "Medium".to_owned(),
        "Hard".to_owned(),
    ];
    if unrated {
        header.push("Unrated".to_owned());
    }
    header.push("Select-all".to_owned());
    let row = |name: &str, filter: &dyn Fn(&bank::Question) -> bool| {
        let of: Vec<_> = qs.iter().filter(|q| filter(q)).collect();
        let mut r = vec![name.to_owned(), of.len().to_string()];
        let levels: &[u8] = if unrated { &[1, 2, 3, 0] } else { &[1, 2, 3] };
        for &d in levels {
            r.push(of.iter().filter(|q| q.difficulty == d).count().to_string());
        }
        r.push(
            of.iter()
                .filter(|q| q.answer.is_multiple())
                .count()
                .to_string(),
        );
        r
    };
    let mut rows = vec![header];
    for t in &topics {
        rows.push(row(t, &|q| &q.topic == t));
    }
    if untopical {
        rows.push(row("(no topic)", &|q| q.topic.is_empty()));
    }
    rows.push(row("All", &|_| true));
    out.push_str(&table(&rows));

    // Where the right answers are.
    let positions = qs.iter().map(|q| q.choices.len()).max().unwrap_or(0).max(4);
    let mut single = vec![0usize; positions];
    let mut among = vec![0usize; positions];
    for q in qs {
        let (counts, right) = match &q.answer {
            Answer::Single(i) => (&mut single, std::slice::from_ref(i)),
            Answer::Multiple(v) => (&mut among, v.as_slice()),
        };
        for &i in right {
            if let Some(n) = counts.get_mut(i) {
                *n += 1;
            }
        }
    }
    let mut header = vec!["Right answer at".to_owned()];
    header.extend((0..positions).map(|i| char::from(b'A' + i as u8).to_string()));
    let mut rows = vec![header];
    let counts = |label: String, v: &[usize]| {
        let mut r = vec![label];
        r.extend(v.iter().map(usize::to_string));
        r
    };
    rows.push(counts(
        format!("single answer ({})", qs.len() - multi),
        &single,
    ));
    if multi > 0 {
        rows.push(counts(format!("among select-all ({multi})"), &among));
    }
    out.push('\n');
    out.push_str(&table(&rows));
    out
}
