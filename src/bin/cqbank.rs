//! `cqbank`: tools for bank authors (check, import, stats). Native only.

fn main() {
    println!("cqbank");
}
