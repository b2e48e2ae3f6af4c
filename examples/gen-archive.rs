//! Writes a synthetic archive of N meetings the size of the example, for
//! benchmarks and trials of `rk build --all`:
//!
//!     cargo run --example gen-archive -- DIR N
//!
//! DIR gets meetings/ (made if missing); see tests/it/common/archive.rs.

#[path = "../tests/it/common/archive.rs"]
mod archive;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(n)), None) = (
        args.first(),
        args.get(1).map(|n| n.parse::<usize>()),
        args.get(2),
    ) else {
        eprintln!("usage: cargo run --example gen-archive -- DIR N");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    match archive::generate(&dir, n) {
        Ok(names) => {
            eprintln!(
                "wrote {} meetings under {} ({} to {})",
                names.len(),
                dir.join("meetings").display(),
                names.first().map_or("", String::as_str),
                names.last().map_or("", String::as_str),
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "error: cannot write the archive in {}: {err}",
                dir.display()
            );
            ExitCode::from(2)
        }
    }
}
