//! The JSON Schemas of schemas/ (README "Schemas for editors"): the files
//! are what `rk schema` prints (made from the fields rk reads), and the
//! tools editors and CI use take them as rk does: check-jsonschema
//! validates the example meetings, the bodies' fixtures and their rk.toml
//! and refuses a misspelt field; taplo does the same for rk.toml;
//! yaml-language-server, spoken to over stdio as an editor does, completes
//! a field's name and a `kind` with them. The schemas of the outputs
//! validate what rk writes and name every key it writes. The tools come
//! from scripts/install-test-tools.sh; a developer without them sees the
//! tests skipped, CI fails.
//!
//! What its tests show, one by one: the files of `schemas/` are what `rk
//! schema` prints (a field added to rk fails it until `RK_BLESS=1 cargo test
//! --test it schemas::` writes them again; a field read by a loader without a
//! description in `src/source/schema.rs` or `src/config/schema.rs` fails it
//! too); check-jsonschema takes the schemas (metaschema), both examples, the
//! bodies' meeting.yaml, every item's front matter (extracted) and every
//! rk.toml, and refuses a misspelt field and an unknown `kind` or `numbering`;
//! taplo does the same for rk.toml, at the key's line, also through a
//! `#:schema` line; yaml-language-server, spoken to over stdio by
//! `tests/schema/complete.mjs` (initialize, the schema association it pulls as
//! settings or the file's modeline, open, completion), offers meeting.yaml's
//! missing fields and `status` words, an item's `kind` words and fields, and
//! reports a misspelt field; the output schemas take the JSON outputs of both
//! examples and the byråd (every edition, the agenda, index.json), name every
//! key in them, and carry rk's `schema_version`.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{have_tool, project_root, rk, scratch};
use serde_json::Value;

/// The schemas, by the name `rk schema` takes and the file of schemas/.
const SCHEMAS: [(&str, &str); 5] = [
    ("rk-toml", "rk.toml.schema.json"),
    ("meeting", "meeting.schema.json"),
    ("item", "item.schema.json"),
    ("referat", "referat.schema.json"),
    ("index", "index.schema.json"),
];

fn schema_path(file: &str) -> PathBuf {
    project_root().join("schemas").join(file)
}

fn schema(file: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(schema_path(file)).unwrap()).unwrap()
}

/// The projects whose sources the schemas must take: the KL example (the
/// repository itself, which has no rk.toml), the kommune example and the
/// bodies' fixtures.
fn projects() -> Vec<PathBuf> {
    let root = project_root();
    let mut projects = vec![root.clone(), root.join("examples/kommune-udvalg")];
    let bodies = root.join("tests/fixtures/bodies");
    let mut found: Vec<PathBuf> = fs::read_dir(&bodies)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    found.sort();
    projects.extend(found);
    projects
}

/// The meeting folders of the projects.
fn meeting_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    for project in projects() {
        let meetings = project.join("meetings");
        for entry in fs::read_dir(&meetings).unwrap() {
            let path = entry.unwrap().path();
            if path.join("meeting.yaml").is_file() {
                folders.push(path);
            }
        }
    }
    folders.sort();
    folders
}

/// The front matter of an item file: the YAML between its `---` lines.
fn front_matter(text: &str) -> &str {
    let text = text.trim_start_matches('\u{feff}');
    let rest = text.strip_prefix("---").expect("an item starts with ---");
    let rest = rest.trim_start_matches('\r').strip_prefix('\n').unwrap();
    let end = rest.find("\n---").expect("the front matter ends");
    &rest[..=end]
}

/// Every item's front matter of the projects, written as a .yaml file of
/// its own into `dir` (the schema tools read YAML files, not Markdown).
fn front_matters(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (n, folder) in meeting_folders().into_iter().enumerate() {
        let mut items: Vec<PathBuf> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        items.sort();
        for item in items {
            let text = fs::read_to_string(&item).unwrap();
            let name = item.file_stem().unwrap().to_string_lossy();
            let file = dir.join(format!("{n:02}-{name}.yaml"));
            fs::write(&file, front_matter(&text)).unwrap();
            files.push(file);
        }
    }
    assert!(files.len() > 50, "{} items", files.len());
    files
}

fn run(program: &str, args: &[String], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn shown(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `check-jsonschema --schemafile schemas/FILE FILES...`.
fn check_jsonschema(file: &str, files: &[PathBuf]) -> Output {
    let mut args = vec![
        "--schemafile".to_string(),
        schema_path(file).to_string_lossy().into_owned(),
    ];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    run("check-jsonschema", &args, &project_root())
}

/// `rk schema NAME` prints the file of schemas/, which
/// `RK_BLESS=1 cargo test --test it schemas::` writes (not in CI): a field
/// added to rk and not to the files fails here.
#[test]
fn the_files_of_schemas_are_what_rk_schema_prints() {
    let mut stale = Vec::new();
    for (name, file) in SCHEMAS {
        let printed = rk(&project_root(), &["schema", name]);
        assert_eq!(printed.code, 0, "rk schema {name}: {}", printed.stderr);
        let path = schema_path(file);
        if fs::read_to_string(&path).ok().as_deref() == Some(printed.stdout.as_str()) {
            continue;
        }
        if std::env::var_os("RK_BLESS").is_some() && std::env::var_os("CI").is_none() {
            fs::write(&path, &printed.stdout).unwrap();
        } else {
            stale.push(format!(
                "schemas/{file} is not what `rk schema {name}` prints"
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nwrite them with `RK_BLESS=1 cargo test --test it schemas::`",
        stale.join("\n")
    );
}

#[test]
fn rk_schema_names_the_schemas_it_has_when_asked_for_another() {
    let run = rk(&project_root(), &["schema", "meeting.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("[possible values: rk-toml, meeting, item, referat, index]"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_input_schemas_name_every_field_with_its_description_and_the_words_of_kind() {
    let meeting = schema("meeting.schema.json");
    let item = schema("item.schema.json");
    let config = schema("rk.toml.schema.json");
    for (schema, field) in [
        (&meeting, "location"),
        (&meeting, "members"),
        (&item, "kind"),
        (&item, "sag"),
        (&config, "numbering"),
    ] {
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        let description = schema["properties"][field]["description"].as_str();
        assert!(description.is_some_and(|d| d.len() > 10), "{field}");
    }
    assert_eq!(
        item["properties"]["kind"]["anyOf"][0]["enum"],
        serde_json::json!(["beslutning", "orientering", "drøftelse"])
    );
    assert_eq!(
        config["properties"]["numbering"]["enum"],
        serde_json::json!(["meeting", "year"])
    );
    // Mappings inside: a person refuses an unknown field too.
    let person = &meeting["properties"]["members"]["items"]["anyOf"][1];
    assert_eq!(person["additionalProperties"], false);
    assert_eq!(person["required"], serde_json::json!(["name"]));
}

/// True when check-jsonschema is installed (see the module's comment).
fn check_jsonschema_ready() -> bool {
    have_tool("check-jsonschema", "--version")
}

#[test]
fn check_jsonschema_takes_the_schemas_and_every_example_and_fixture() {
    if !check_jsonschema_ready() {
        return;
    }
    let all: Vec<PathBuf> = SCHEMAS.iter().map(|(_, f)| schema_path(f)).collect();
    let mut args = vec!["--check-metaschema".to_string()];
    args.extend(all.iter().map(|p| p.to_string_lossy().into_owned()));
    let metaschema = run("check-jsonschema", &args, &project_root());
    assert!(metaschema.status.success(), "{}", shown(&metaschema));

    let yamls: Vec<PathBuf> = meeting_folders()
        .iter()
        .map(|m| m.join("meeting.yaml"))
        .collect();
    assert!(yamls.len() >= 7, "{yamls:?}");
    let meetings = check_jsonschema("meeting.schema.json", &yamls);
    assert!(meetings.status.success(), "{}", shown(&meetings));

    let dir = scratch("front-matter");
    let items = check_jsonschema("item.schema.json", &front_matters(&dir));
    assert!(items.status.success(), "{}", shown(&items));

    let mut tomls: Vec<PathBuf> = projects()
        .iter()
        .map(|p| p.join("rk.toml"))
        .filter(|p| p.is_file())
        .collect();
    // What `rk init` writes, every key commented out or set.
    tomls.push(project_root().join("src/cmd/init/rk.toml"));
    assert!(tomls.len() >= 6, "{tomls:?}");
    let configs = check_jsonschema("rk.toml.schema.json", &tomls);
    assert!(configs.status.success(), "{}", shown(&configs));
}

/// The example's files with one thing changed, each refused by the schema
/// with a message that names what is wrong.
#[test]
fn check_jsonschema_refuses_a_misspelt_field_and_a_word_rk_does_not_know() {
    if !check_jsonschema_ready() {
        return;
    }
    let dir = scratch("refused");
    let root = project_root();
    let meeting = fs::read_to_string(root.join("meetings/2020-11-25/meeting.yaml")).unwrap();
    let item = fs::read_to_string(root.join("meetings/2020-11-25/01-siden-sidst.md")).unwrap();
    let config = fs::read_to_string(root.join("examples/kommune-udvalg/rk.toml")).unwrap();
    assert!(config.contains("numbering = \"year\""), "{config}");
    let cases = [
        (
            "meeting.schema.json",
            "meeting.yaml",
            meeting.replacen("location:", "lokation:", 1),
            "'lokation' was unexpected",
        ),
        (
            "item.schema.json",
            "item.yaml",
            front_matter(&item).replacen("title:", "titel:", 1),
            "'titel' was unexpected",
        ),
        (
            "item.schema.json",
            "kind.yaml",
            format!("{}kind: beslutnig\n", front_matter(&item)),
            "'beslutnig' is not one of ['beslutning', 'orientering', 'drøftelse']",
        ),
        (
            "rk.toml.schema.json",
            "rk.toml",
            config.replacen("numbering =", "numbring =", 1),
            "'numbring' was unexpected",
        ),
        (
            "rk.toml.schema.json",
            "numbering.toml",
            config.replacen("numbering = \"year\"", "numbering = \"aar\"", 1),
            "'aar' is not one of ['meeting', 'year']",
        ),
    ];
    for (schema, name, text, message) in cases {
        let file = dir.join(name);
        fs::write(&file, text).unwrap();
        let output = check_jsonschema(schema, std::slice::from_ref(&file));
        assert_eq!(output.status.code(), Some(1), "{name}: {}", shown(&output));
        assert!(
            shown(&output).contains(message),
            "{name}: {}",
            shown(&output)
        );
    }
    // The same words in another case are rk's (issue 20): taken.
    let file = dir.join("case.yaml");
    fs::write(&file, format!("{}kind: Beslutning\n", front_matter(&item))).unwrap();
    let output = check_jsonschema("item.schema.json", std::slice::from_ref(&file));
    assert!(output.status.success(), "{}", shown(&output));
}

/// tests/schema's npm packages, when installed (see the module's comment).
fn npm_tool(bin: &str) -> Option<PathBuf> {
    let path = project_root()
        .join("tests/schema/node_modules/.bin")
        .join(bin);
    let ready = path.is_file() && have_tool("node", "--version");
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "{bin} is missing in CI: .ci/run must run scripts/install-test-tools.sh"
        );
        eprintln!("SKIPPED: no tests/schema/node_modules; run scripts/install-test-tools.sh");
    }
    ready.then_some(path)
}

/// `taplo check --schema schemas/rk.toml.schema.json FILES...`, in one
/// run: taplo takes seconds to start.
fn taplo_check(taplo: &Path, files: &[PathBuf]) -> Output {
    let schema = url_of(&schema_path("rk.toml.schema.json"));
    let mut args = ["check", "--no-auto-config", "--schema", &schema]
        .map(String::from)
        .to_vec();
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    run(&taplo.to_string_lossy(), &args, &project_root())
}

fn url_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn taplo_takes_every_rk_toml_and_refuses_a_misspelt_key_at_its_line() {
    let Some(taplo) = npm_tool("taplo") else {
        return;
    };
    let mut tomls: Vec<PathBuf> = projects()
        .iter()
        .map(|p| p.join("rk.toml"))
        .filter(|p| p.is_file())
        .collect();
    tomls.push(project_root().join("src/cmd/init/rk.toml"));
    let output = taplo_check(&taplo, &tomls);
    assert!(output.status.success(), "{}", shown(&output));
    let dir = scratch("taplo");
    let config =
        fs::read_to_string(project_root().join("examples/kommune-udvalg/rk.toml")).unwrap();
    let line = config
        .lines()
        .position(|l| l.starts_with("numbering ="))
        .unwrap()
        + 1;
    let cases = [
        (
            "key.toml",
            config.replacen("numbering =", "numbring =", 1),
            "'numbring' was unexpected",
        ),
        (
            "word.toml",
            config.replacen("numbering = \"year\"", "numbering = \"aar\"", 1),
            "\"aar\" is not one of [\"meeting\",\"year\"]",
        ),
    ];
    let files: Vec<PathBuf> = cases.iter().map(|(name, ..)| dir.join(name)).collect();
    for ((_, text, _), file) in cases.iter().zip(&files) {
        fs::write(file, text).unwrap();
    }
    let output = taplo_check(&taplo, &files);
    let said = shown(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    for (name, _, message) in &cases {
        // The message, at the key's line of the file.
        let at = format!("{name}:{line}:");
        let found = said
            .split("error: ")
            .any(|e| e.contains(message) && e.contains(&at));
        assert!(found, "{name}: {said}");
    }
    // A `#:schema` line at the top of rk.toml points taplo (and Even Better
    // TOML) at the schema without any setting.
    let file = dir.join("rk.toml");
    let directive = format!("#:schema {}\n", url_of(&schema_path("rk.toml.schema.json")));
    fs::write(
        &file,
        format!("{directive}{}", config.replacen("layout =", "layuot =", 1)),
    )
    .unwrap();
    let args = ["check", "--no-auto-config", &file.to_string_lossy()].map(String::from);
    let output = run(&taplo.to_string_lossy(), &args, &dir);
    assert_eq!(output.status.code(), Some(1), "{}", shown(&output));
    assert!(
        shown(&output).contains("'layuot' was unexpected"),
        "{}",
        shown(&output)
    );
}

/// What yaml-language-server offers at LINE:CHARACTER of `file` with
/// `schema` (associated in its settings, or by the file's modeline), and
/// the problems it reports: tests/schema/complete.mjs.
fn complete(schema: &str, file: &Path, line: u32, character: u32, modeline: bool) -> Vec<String> {
    let script = project_root().join("tests/schema/complete.mjs");
    let mut args = vec![
        script.to_string_lossy().into_owned(),
        schema_path(schema).to_string_lossy().into_owned(),
        file.to_string_lossy().into_owned(),
        line.to_string(),
        character.to_string(),
    ];
    if modeline {
        args.push("modeline".into());
    }
    let output = run("node", &args, &project_root());
    assert!(output.status.success(), "{}", shown(&output));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn yaml_language_server_completes_meeting_yaml_fields_and_status_and_reports_a_misspelt_one() {
    if npm_tool("yaml-language-server").is_none() {
        return;
    }
    let dir = scratch("yls-meeting");
    let file = dir.join("meeting.yaml");
    // A meeting.yaml being written: the cursor on the empty last line.
    fs::write(
        &file,
        "body: Børne- og Ungeudvalget\ndate: 2021-06-15\nlokation: Rådhuset\n\n",
    )
    .unwrap();
    let offered = complete("meeting.schema.json", &file, 3, 0, false);
    for field in ["members", "location", "referent", "sections"] {
        assert!(offered.contains(&field.to_string()), "{field}: {offered:?}");
    }
    assert!(!offered.contains(&"body".to_string()), "{offered:?}");
    assert!(
        offered.contains(&"diagnostic: 2: Property lokation is not allowed.".to_string()),
        "{offered:?}"
    );

    fs::write(&file, "body: Børne- og Ungeudvalget\nstatus: \n").unwrap();
    let offered = complete("meeting.schema.json", &file, 1, 8, false);
    assert!(
        offered.starts_with(&["udkast".into(), "godkendt".into()]),
        "{offered:?}"
    );
}

#[test]
fn yaml_language_server_completes_an_items_kind_in_its_front_matter_read_as_yaml() {
    if npm_tool("yaml-language-server").is_none() {
        return;
    }
    // The server reads YAML documents, not Markdown: the front matter of
    // an item is given to it as a .yaml file (the schema's own test of
    // what an editor shows in a .md file is the VS Code extension's).
    let dir = scratch("yls-item");
    let item =
        fs::read_to_string(project_root().join("meetings/2020-11-25/01-siden-sidst.md")).unwrap();
    let file = dir.join("item.yaml");
    let text = format!("{}kind: \n", front_matter(&item));
    let line = text.lines().count() as u32 - 1;
    fs::write(&file, &text).unwrap();
    let offered = complete("item.schema.json", &file, line, 6, false);
    assert_eq!(
        offered[..3],
        ["beslutning", "orientering", "drøftelse"].map(String::from),
        "{offered:?}"
    );

    // With the modeline the file names the schema itself.
    let modeline = format!(
        "# yaml-language-server: $schema={}\n",
        schema_path("item.schema.json").display()
    );
    fs::write(&file, format!("{modeline}{}\n", front_matter(&item))).unwrap();
    let line = front_matter(&item).lines().count() as u32 + 1;
    let offered = complete("item.schema.json", &file, line, 0, true);
    for field in ["kind", "status", "attachments", "outcome"] {
        assert!(offered.contains(&field.to_string()), "{field}: {offered:?}");
    }
}

/// The keys of `value` that `schema` (with `root`'s definitions) does not
/// name, by their path.
fn unnamed(value: &Value, schema: &Value, root: &Value, path: &str, out: &mut Vec<String>) {
    let schema = match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.trim_start_matches("#/definitions/");
            &root["definitions"][name]
        }
        None => schema,
    };
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let property = &schema["properties"][key];
                if property.is_null() {
                    out.push(format!("{path}.{key}"));
                } else {
                    unnamed(inner, property, root, &format!("{path}.{key}"), out);
                }
            }
        }
        Value::Array(entries) => {
            for entry in entries {
                unnamed(entry, &schema["items"], root, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// Builds `project`'s JSON outputs (every edition and document) and its
/// index.json into a scratch copy: the JSON files written.
fn json_outputs(project: &str, name: &str) -> (Vec<PathBuf>, PathBuf) {
    let dir = scratch(name);
    common::copy_tree(&project_root().join(project), &dir);
    for args in [
        &["build", "--all", "--only", "json"][..],
        &["build", "--all", "--only", "json", "--internal"],
        &["build", "--all", "--only", "json", "--agenda"],
        &["index"],
    ] {
        let run = rk(&dir, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let mut jsons = Vec::new();
    for out in ["out", "out-internt"] {
        for meeting in fs::read_dir(dir.join(out)).unwrap() {
            let meeting = meeting.unwrap().path();
            if meeting.is_dir() {
                for file in fs::read_dir(&meeting).unwrap() {
                    let file = file.unwrap().path();
                    if file.extension().is_some_and(|e| e == "json") {
                        jsons.push(file);
                    }
                }
            }
        }
    }
    (jsons, dir.join("out/index.json"))
}

#[test]
fn the_output_schemas_take_what_rk_writes_and_name_every_key_of_it() {
    let mut referats = Vec::new();
    let mut indexes = Vec::new();
    let kl = common::example_copy("outputs-kl");
    // The meeting's fields no fixture sets, set here.
    common::replace_in(
        &kl.join("meetings/2020-11-25/meeting.yaml"),
        "time:",
        "actual_time: \"10.05-14.10\"\nagenda_sent: 2020-11-18\nadded_agenda_sent: 2020-11-20\ntime:",
    );
    let run = rk(&kl, &["build", "2020-11-25", "--only", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rk(&kl, &["index"]).code, 0);
    let referat = fs::read_to_string(kl.join("out/2020-11-25/referat.json")).unwrap();
    assert!(
        referat.contains("\"added_agenda_sent\": \"2020-11-20\""),
        "{referat}"
    );
    referats.push(kl.join("out/2020-11-25/referat.json"));
    indexes.push(kl.join("out/index.json"));
    for (project, name) in [
        ("examples/kommune-udvalg", "outputs-kommune"),
        ("tests/fixtures/bodies/byraad", "outputs-byraad"),
    ] {
        let (jsons, index) = json_outputs(project, name);
        referats.extend(jsons);
        indexes.push(index);
    }
    assert!(referats.len() >= 8, "{referats:?}");

    let mut problems = Vec::new();
    for (schema_file, files, version) in [
        (
            "referat.schema.json",
            &referats,
            rk::render::json::SCHEMA_VERSION,
        ),
        (
            "index.schema.json",
            &indexes,
            rk::render::index::SCHEMA_VERSION,
        ),
    ] {
        let schema = schema(schema_file);
        assert_eq!(
            schema["properties"]["schema_version"]["const"], version,
            "schemas/{schema_file} is of another schema_version than rk writes"
        );
        for file in files {
            let value: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
            unnamed(&value, &schema, &schema, "$", &mut problems);
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "keys rk writes that schemas/ does not describe: {problems:?}"
    );

    if !check_jsonschema_ready() {
        return;
    }
    let output = check_jsonschema("referat.schema.json", &referats);
    assert!(output.status.success(), "{}", shown(&output));
    let output = check_jsonschema("index.schema.json", &indexes);
    assert!(output.status.success(), "{}", shown(&output));
    // A referat.json that is not one: refused.
    let dir = scratch("not-a-referat");
    let broken = dir.join("referat.json");
    let text = fs::read_to_string(&referats[0]).unwrap();
    fs::write(
        &broken,
        text.replacen("\"items\": [", "\"items\": 3, \"x\": [", 1),
    )
    .unwrap();
    let output = check_jsonschema("referat.schema.json", &[broken]);
    assert_eq!(output.status.code(), Some(1), "{}", shown(&output));
}
