//! Embeds the built-in layouts: every file under `layouts/<name>/` becomes
//! part of the binary, listed in `$OUT_DIR/layouts.rs`, so that adding a
//! file to a layout needs no hand-kept list.

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
}

/// Every file below `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a layout folder") {
        let path = entry.expect("a layout file").path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
