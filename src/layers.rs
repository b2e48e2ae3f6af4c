//! The layer list of docs/dev/architecture.md ("The layers") enforced: every `crate::`,
//! `super::` and `self::` path in src/, every path a parent starts with one
//! of its own children (`child::f`) and every macro exported at the crate's
//! root (`use crate::say`) is an arrow from its file to the file that
//! defines what it names (through a parent's `pub use` of a child). An
//! arrow from a module of a lower layer to one of a higher layer fails, as
//! does any cycle of arrows, naming each file and line. A parent and its
//! children are one module (a folder): the cycle rule holds between the
//! files and folders side by side in one folder, not between a folder's
//! parent file and what it holds. Outside the commands' layer no file
//! writes to standard output or error.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// One arrow: `from` (a file under src/, with `/`) names something of `to`
/// on line `line`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Arrow {
    from: String,
    to: String,
    line: usize,
}

/// The files under src/: path relative to src/ (with `/`) -> text.
pub(crate) fn sources() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("src/ reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                let name = name.replace('\\', "/");
                found.insert(name, fs::read_to_string(&path).expect("a source reads"));
            }
        }
    }
    found
}

/// The module path of a file: `publish/plan.rs` -> [publish, plan].
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The file that defines module `parts`, if there is one.
fn file_of(files: &BTreeMap<String, String>, parts: &[String]) -> Option<String> {
    let base = parts.join("/");
    [format!("{base}.rs"), format!("{base}/mod.rs")]
        .into_iter()
        .find(|f| files.contains_key(f))
}

/// A file's text without its comments (line comments, doc comments too).
fn code_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect()
}

/// The names a file re-exports from its children: `pub use plan::{Plan,
/// PlanOptions};` gives Plan -> plan and PlanOptions -> plan.
fn reexports(text: &str) -> BTreeMap<String, String> {
    let code = code_lines(text).join("\n");
    let mut names = BTreeMap::new();
    for statement in code.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((child, list)) = rest.split_once("::") else {
            continue;
        };
        if matches!(child, "crate" | "super" | "self") {
            continue;
        }
        for name in list.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.split(" as ").last().unwrap_or("").trim();
            if !name.is_empty() && name != "self" {
                names.insert(name.to_string(), child.trim().to_string());
            }
        }
    }
    names
}

/// The paths a `use` tree or path starting at `text` names, each as its
/// segments: `a::{b, c::d}` -> [a, b], [a, c, d]; `a::{self, b}` -> [a],
/// [a, b].
fn use_tree(text: &str) -> Vec<Vec<String>> {
    if let Some(inner) = text.strip_prefix('{') {
        return group(inner).iter().flat_map(|m| use_tree(m)).collect();
    }
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        rest = &rest[ident.len()..];
        if ident.is_empty() {
            break;
        }
        if ident != "self" {
            segments.push(ident);
        }
        match rest.strip_prefix("::") {
            Some(after) if after.starts_with('{') => {
                return group(&after[1..])
                    .into_iter()
                    .flat_map(|member| use_tree(&member))
                    .map(|tail| [segments.clone(), tail].concat())
                    .collect();
            }
            Some(after) => rest = after,
            None => break,
        }
    }
    vec![segments]
}

/// The members of a `{…}` group whose text starts after the brace.
fn group(text: &str) -> Vec<String> {
    let mut members = vec![String::new()];
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                members.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = members.last_mut() {
            last.push(c);
        }
    }
    members
        .into_iter()
        .map(|m| m.split_whitespace().collect::<String>())
        .filter(|m| !m.is_empty())
        .collect()
}

/// Every arrow of `file`.
fn arrows_of(files: &BTreeMap<String, String>, file: &str) -> Vec<Arrow> {
    let own = module_of(file);
    let code = code_lines(&files[file]).join("\n");
    let children = children(&code);
    let mut arrows = Vec::new();
    for (at, _) in code.match_indices("::") {
        let before = &code[..at];
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let mut start = match word.as_str() {
            "crate" | "$crate" => Vec::new(),
            "super" => own[..own.len().saturating_sub(1)].to_vec(),
            "self" => own.clone(),
            child if children.contains(child) => [own.clone(), vec![word.clone()]].concat(),
            _ => continue,
        };
        // `super::super::x` is one path, read from its first `super`.
        if before[..before.len() - word.len()].ends_with("::") {
            continue;
        }
        let line = before.matches('\n').count() + 1;
        let mut rest = &code[at + 2..];
        while let Some(up) = rest.strip_prefix("super::") {
            start.pop();
            rest = up;
        }
        for path in use_tree(rest) {
            let full = [start.clone(), path].concat();
            if let Some(to) = resolve(files, &full).filter(|to| to != file) {
                arrows.push(Arrow {
                    from: file.to_string(),
                    to,
                    line,
                });
            }
        }
    }
    arrows
}

/// The modules a file declares in files of their own (`mod child;`).
fn children(code: &str) -> BTreeSet<String> {
    code.split(';')
        .filter_map(|statement| {
            let words: Vec<&str> = statement.split_whitespace().collect();
            match words.as_slice() {
                [.., "mod", name] if !name.contains(['{', '}', '(']) => Some(name.to_string()),
                _ => None,
            }
        })
        .collect()
}

/// The macros exported at the crate's root (`#[macro_export]`), by name,
/// with the file that defines each.
fn macros(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for (file, text) in files {
        let code = code_lines(text).join("\n");
        for (at, _) in code.match_indices("#[macro_export]") {
            let rest = &code[at..];
            let Some(name) = rest.split("macro_rules!").nth(1) else {
                continue;
            };
            let name: String = name
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name, file.clone());
        }
    }
    found
}

/// The file that defines what `path` (from the crate's root) names.
fn resolve(files: &BTreeMap<String, String>, path: &[String]) -> Option<String> {
    if let [name] = path
        && let Some(file) = macros(files).get(name)
    {
        return Some(file.clone());
    }
    let resolved = (1..=path.len())
        .rev()
        .find_map(|len| file_of(files, &path[..len]).map(|f| (f, len)));
    let (file, len) = resolved?;
    // A name the module re-exports from a child is the child's.
    match path
        .get(len)
        .and_then(|name| reexports(&files[&file]).get(name).cloned())
    {
        Some(child) => {
            let mut inner = path[..len].to_vec();
            inner.push(child);
            inner.extend_from_slice(&path[len + 1..]);
            resolve(files, &inner).or(Some(file))
        }
        None => Some(file),
    }
}

/// The layers of docs/dev/architecture.md's "The layers", lowest first:
/// each the modules named in backticks before the first colon of a
/// numbered line.
fn layers() -> Vec<Vec<String>> {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/dev/architecture.md");
    let text = fs::read_to_string(page).expect("docs/dev/architecture.md reads");
    let section = text
        .split("\n## The layers\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/dev/architecture.md has a section \"The layers\"");
    // A numbered line and the indented lines that go on with it.
    let mut items: Vec<String> = Vec::new();
    for line in section.lines() {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && line[digits..].starts_with(". ") {
            items.push(line.to_string());
        } else if line.starts_with("   ") && !line.trim().is_empty() {
            if let Some(item) = items.last_mut() {
                item.push(' ');
                item.push_str(line.trim());
            }
        } else if !items.is_empty() {
            break;
        }
    }
    items
        .iter()
        .map(|item| {
            let head = item.split_once(':').map_or(item.as_str(), |(head, _)| head);
            head.split('`')
                .skip(1)
                .step_by(2)
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The layer of a file, by its top module; `None` for the crate's root
/// files (main.rs, lib.rs).
fn layer_of(layers: &[Vec<String>], file: &str) -> Option<usize> {
    let top = module_of(file).into_iter().next()?;
    layers.iter().position(|layer| layer.contains(&top))
}

/// The cycles among `arrows`: each strongly connected group of files of
/// more than one, as the arrows inside it.
fn cycles(arrows: &[Arrow]) -> Vec<Vec<Arrow>> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for arrow in arrows {
        next.entry(&arrow.from).or_default().insert(&arrow.to);
    }
    // Two files are in one cycle when each reaches the other.
    let reach = |from: &str| {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(file) = todo.pop() {
            for to in next.get(file).into_iter().flatten() {
                if seen.insert(to) {
                    todo.push(to);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&str, BTreeSet<&str>> =
        next.keys().map(|file| (*file, reach(file))).collect();
    let mut groups: Vec<Vec<Arrow>> = Vec::new();
    let mut grouped: BTreeSet<&str> = BTreeSet::new();
    for (file, reaches) in &reached {
        if grouped.contains(file) || !reaches.contains(file) {
            continue;
        }
        let members: BTreeSet<&str> = reaches
            .iter()
            .copied()
            .filter(|other| reached.get(other).is_some_and(|r| r.contains(file)))
            .collect();
        grouped.extend(&members);
        let inside = arrows
            .iter()
            .filter(|a| members.contains(a.from.as_str()) && members.contains(a.to.as_str()));
        groups.push(inside.cloned().collect());
    }
    groups
}

fn every_arrow() -> Vec<Arrow> {
    let files = sources();
    let mut arrows: Vec<Arrow> = files
        .keys()
        .flat_map(|file| arrows_of(&files, file))
        .collect();
    // Two names of one file on one line are one arrow.
    arrows.sort();
    arrows.dedup();
    arrows
}

fn shown(arrow: &Arrow) -> String {
    format!("src/{}:{} -> src/{}", arrow.from, arrow.line, arrow.to)
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let layers = layers();
    assert!(
        layers.len() >= 5,
        "the layer list of docs/dev/architecture.md: {layers:?}"
    );
    let mut wrong = Vec::new();
    for file in sources().keys() {
        if layer_of(&layers, file).is_none()
            && !matches!(file.as_str(), "main.rs" | "lib.rs" | "layers.rs")
        {
            wrong.push(format!(
                "src/{file}: its module is in no layer of docs/dev/architecture.md"
            ));
        }
    }
    for arrow in every_arrow() {
        let (Some(from), Some(to)) = (layer_of(&layers, &arrow.from), layer_of(&layers, &arrow.to))
        else {
            continue;
        };
        if to > from {
            wrong.push(format!(
                "{}: layer {} imports from layer {}",
                shown(&arrow),
                from + 1,
                to + 1
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// An arrow as the cycle rule sees it: between the two files or folders
/// side by side in the folder that holds both ends (`check/items.rs ->
/// render/mod.rs` is `check -> render`); none between a folder's parent
/// file and what the folder holds, which are one module.
fn level(arrow: &Arrow) -> Option<Arrow> {
    let from = module_of(&arrow.from);
    let to = module_of(&arrow.to);
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common >= from.len() || common >= to.len() {
        return None;
    }
    Some(Arrow {
        from: from[..=common].join("/"),
        to: to[..=common].join("/"),
        line: 0,
    })
}

#[test]
fn no_files_import_each_other_in_a_cycle() {
    let arrows = every_arrow();
    let levelled: Vec<(Arrow, &Arrow)> = arrows
        .iter()
        .filter_map(|arrow| level(arrow).map(|at| (at, arrow)))
        .collect();
    let mut plain: Vec<Arrow> = levelled.iter().map(|(at, _)| at.clone()).collect();
    plain.sort();
    plain.dedup();
    let found: Vec<String> = cycles(&plain)
        .iter()
        .map(|cycle| {
            let arrows: Vec<String> = levelled
                .iter()
                .filter(|(at, _)| cycle.contains(at))
                .map(|(_, arrow)| shown(arrow))
                .collect();
            format!("a cycle:\n  {}", arrows.join("\n  "))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_reading_of_paths_finds_groups_parents_and_reexports() {
    let tree = use_tree("publish::{self, plan::{Plan, make}, Outcome};");
    assert_eq!(use_tree("{a, b::c}"), [vec!["a"], vec!["b", "c"]]);
    let names: Vec<String> = tree.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        names,
        [
            "publish",
            "publish::plan::Plan",
            "publish::plan::make",
            "publish::Outcome"
        ]
    );
    let files = sources();
    let path = |p: &str| p.split("::").map(String::from).collect::<Vec<_>>();
    // Plan is defined in plan.rs and re-exported by publish/mod.rs.
    assert_eq!(
        resolve(&files, &path("publish::Plan")).as_deref(),
        Some("publish/plan.rs")
    );
    assert_eq!(
        resolve(&files, &path("publish::Outcome")).as_deref(),
        Some("publish/mod.rs")
    );
    // A cycle made on purpose is found, with its files and lines.
    let arrow = |from: &str, to: &str, line| Arrow {
        from: from.into(),
        to: to.into(),
        line,
    };
    let found = cycles(&[
        arrow("a.rs", "b.rs", 3),
        arrow("b.rs", "a.rs", 7),
        arrow("b.rs", "c.rs", 9),
    ]);
    assert_eq!(found.len(), 1);
    let shown: Vec<String> = found[0].iter().map(shown).collect();
    assert_eq!(shown, ["src/a.rs:3 -> src/b.rs", "src/b.rs:7 -> src/a.rs"]);
    // A parent's path through its own child, and a macro of the crate's
    // root, are arrows; parent and child are one module for the cycles.
    let of = |file: &str| arrows_of(&files, file);
    assert!(
        of("check/mod.rs").iter().any(|a| a.to == "check/items.rs"),
        "check/mod.rs calls items::check"
    );
    assert_eq!(resolve(&files, &path("say")).as_deref(), Some("console.rs"));
    assert_eq!(level(&arrow("check/items.rs", "check/mod.rs", 1)), None);
    assert_eq!(
        level(&arrow("check/items.rs", "render/html.rs", 1)).map(|a| (a.from, a.to)),
        Some(("check".into(), "render".into()))
    );
}

#[test]
fn only_the_commands_print() {
    let layers = layers();
    let commands = layer_of(&layers, "cmd.rs");
    let mut wrong = Vec::new();
    for (file, text) in &sources() {
        if layer_of(&layers, file) == commands || matches!(file.as_str(), "main.rs" | "layers.rs") {
            continue;
        }
        for (at, line) in code_lines(text).iter().enumerate() {
            let prints = ["print!", "println!", "stdout()", "stderr()", "dbg!"]
                .iter()
                .any(|word| line.contains(word));
            if prints {
                wrong.push(format!("src/{file}:{}: prints", at + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
