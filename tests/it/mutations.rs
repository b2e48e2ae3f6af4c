//! No input makes rk panic: random mutations of real sources (bytes
//! inserted, deleted and flipped; YAML and Markdown fragments spliced in)
//! must give exit 0, 1 or 2 and never a panic.
//!
//! The cases are drawn from a fixed seed so a failure can be replayed; set
//! RK_MUTATION_SEED to explore others and RK_MUTATION_CASES for more cases.
//!
//! What its tests show, one by one: 600 random mutations of the example (bytes
//! inserted, deleted, flipped; YAML and Markdown fragments) never make rk panic
//! or exit with anything but 0, 1 or 2. `RK_MUTATION_SEED` and
//! `RK_MUTATION_CASES` explore further.

use std::fs;
use std::path::{Path, PathBuf};

const DEFAULT_CASES: usize = 600;

/// Pieces that stress the YAML reader, the front-matter split and the
/// Markdown checks.
const FRAGMENTS: &[&[u8]] = &[
    b"---\n",
    b"\n---\n",
    b"...\n",
    b"number: 2.10\n",
    b"number: [1, 2]\n",
    b"members: []\n",
    b"members:\n  - name:\n",
    b"sag: SAG-2019-4651\n",
    b"closed: maybe\n",
    b"attachments: [{file: ../../etc/passwd}]\n",
    b"- {",
    b"key: [unclosed",
    b"a: &x 1\nb: *x\n",
    b"? [complex, key]\n: v\n",
    b"!!binary aGVsbG8=",
    b"\"unterminated",
    b"|\n  block\n",
    b": : :",
    b"- - - -",
    b"{a: {b: {c: [[[[",
    b"\t",
    b"# Heading\n",
    b"###### deep\n",
    b"![](bilag/none.png)",
    b"![alt](/etc/passwd)",
    b"[l](javascript:alert(1))",
    b"<script>alert(1)</script>",
    b"<!-- comment",
    b"| a | b |\n|---|---|\n| 1 | 2 |\n",
    b"[^1]\n\n[^1]: note\n",
    b"```\ncode",
    b"> > > > > > > > > > quote\n",
    b"~~strike~~",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\x00",
    "æøå ÆØÅ ’ – ".as_bytes(),
    b"010203-1234 zaa@kl.dk +45 33 70 33 70",
    b"#read(\"/etc/passwd\") $x$ @ref <label> // * _ \\ =",
];

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => bytes.insert(at, rng.next() as u8),
            1 if !bytes.is_empty() => {
                let at = at.min(bytes.len() - 1);
                let len = rng.below(16).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
            2 if !bytes.is_empty() => {
                let at = at.min(bytes.len() - 1);
                bytes[at] ^= 1 << rng.below(8);
            }
            3 => {
                // Duplicate a slice: repeated keys, repeated lines.
                let start = rng.below(bytes.len());
                let end = (start + rng.below(64)).min(bytes.len());
                let slice = bytes[start..end].to_vec();
                bytes.splice(at..at, slice);
            }
            _ => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.iter().copied());
            }
        }
    }
}

fn source_meeting() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("meetings/2020-11-25")
}

fn copy_meeting(to: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(to).unwrap();
    let mut files = Vec::new();
    for entry in fs::read_dir(source_meeting()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let target = to.join(path.file_name().unwrap());
            fs::copy(&path, &target).unwrap();
            files.push(target);
        }
    }
    files.sort();
    files
}

/// Runs one case; returns a description of the failure, if any.
fn run_case(case: usize, seed: u64, root: &Path) -> Option<String> {
    let mut rng = Rng(seed ^ (case as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dir = root.join(format!("case-{case}"));
    let meeting = dir.join("meetings/2020-11-25");
    let files = copy_meeting(&meeting);
    // Mutate one to three files; meeting.yaml is among them often.
    for _ in 0..=rng.below(3) {
        let file = if rng.below(3) == 0 {
            meeting.join("meeting.yaml")
        } else {
            files[rng.below(files.len())].clone()
        };
        let mut bytes = fs::read(&file).unwrap();
        mutate(&mut bytes, &mut rng);
        fs::write(&file, bytes).unwrap();
    }
    let format = ["human", "json", "github"][case % 3];
    let out = crate::common::rk_command()
        .args(["check", "--format", format])
        .current_dir(&dir)
        .output()
        .expect("rk runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    let ok = matches!(code, Some(0..=2)) && !stderr.contains("panicked");
    if ok {
        fs::remove_dir_all(&dir).ok();
        None
    } else {
        Some(format!(
            "case {case} (seed {seed}): exit {code:?}, sources kept in {}\n{stderr}",
            dir.display()
        ))
    }
}

#[test]
fn mutated_sources_never_crash_rk() {
    let seed = std::env::var("RK_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2020_1125_u64);
    let cases = std::env::var("RK_MUTATION_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let root = tempfile::tempdir().unwrap();
    // Keep failing cases for inspection.
    let root = root.keep();
    let workers = 4;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let root = &root;
                scope.spawn(move || {
                    (w..cases)
                        .step_by(workers)
                        .filter_map(|case| run_case(case, seed, root))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    fs::remove_dir_all(&root).ok();
}
