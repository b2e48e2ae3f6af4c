//! Embeds the built-in layouts: every file under `layouts/<name>/` becomes
//! part of the binary, listed in `$OUT_DIR/layouts.rs`, so that adding a
//! file to a layout needs no hand-kept list. Also sets `RK_SOURCE_DIGEST`,
//! a digest of rk's own code (see [`source_digest`]).

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    // Read when the script runs, not when it is compiled: a script built in
    // another checkout (a copied target folder) would embed that one's files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("layouts");
    println!("cargo:rerun-if-changed=layouts");
    let mut layouts: Vec<PathBuf> = fs::read_dir(&root)
        .expect("the layouts folder")
        .map(|entry| entry.expect("a layout folder").path())
        .filter(|path| path.is_dir())
        .collect();
    layouts.sort();
    let mut code =
        String::from("/// The built-in layouts: name, then each file by its path in the layout.\n");
    code.push_str("/// The files of one layout, by their path in it.\n");
    code.push_str("pub type LayoutFiles = &'static [(&'static str, &'static [u8])];\n");
    code.push_str("pub const BUILT_IN: &[(&str, LayoutFiles)] = &[\n");
    for layout in &layouts {
        let name = layout
            .file_name()
            .unwrap()
            .to_str()
            .expect("a UTF-8 layout name");
        code.push_str(&format!("    ({name:?}, &[\n"));
        let mut files = Vec::new();
        collect(layout, &mut files);
        files.sort();
        for file in files {
            let relative = file
                .strip_prefix(layout)
                .unwrap()
                .to_str()
                .expect("a UTF-8 file name");
            let relative = relative.replace('\\', "/");
            code.push_str(&format!(
                "        ({relative:?}, include_bytes!({:?})),\n",
                file.to_str().expect("a UTF-8 path")
            ));
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("layouts.rs");
    fs::write(out, code).expect("layouts.rs written");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let package = root.parent().expect("the package folder");
    println!(
        "cargo:rustc-env=RK_SOURCE_DIGEST={:016x}",
        source_digest(package)
    );
}

/// A digest (FNV-1a, 64 bits) of every file under src/ and of Cargo.lock,
/// by path and content: what `rk build --all` counts as "rk itself" when
/// it decides whether a meeting is unchanged, so that an rk built from
/// other code or other dependencies builds every meeting again, and one
/// built again from the same code does not.
fn source_digest(package: &Path) -> u64 {
    let mut files = Vec::new();
    collect(&package.join("src"), &mut files);
    files.sort();
    files.push(package.join("Cargo.lock"));
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for byte in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            digest ^= u64::from(*byte);
            digest = digest.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in files {
        let relative = file.strip_prefix(package).unwrap_or(&file);
        add(relative.to_string_lossy().replace('\\', "/").as_bytes());
        add(&fs::read(&file).unwrap_or_default());
    }
    digest
}

/// Every file below `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a readable file").path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
