//! rk in Danish: with `language = "da"` in rk.toml, every fixture of the
//! rule table (tests/fixtures/rules) gives the same findings as in English
//! (rule, file, line, severity; the JSON `rule` unchanged), each message
//! and help worded in Danish: different from the English, and without the
//! English words every English sentence of rk has, outside what is quoted
//! from the user's files. The human output, the summary line and an error
//! of the command line are Danish too; `RK_LANG` and the locale choose the
//! language where rk.toml does not.

use std::fs;
use std::path::Path;

use crate::common::{self, Finding, check_json, fixture_copy, fixture_names};

/// Words of English sentences that no Danish sentence of rk uses.
const ENGLISH: [&str; 14] = [
    "the", "is", "are", "not", "write", "with", "without", "must", "should", "which", "this",
    "that", "of", "and",
];

/// `text` without what is quoted: `code`, "…", “…”, ‘…’ and «…».
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                '“' => closing = Some('”'),
                '‘' => closing = Some('’'),
                '«' => closing = Some('»'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The English words of `text` outside its quotes, if any.
fn english_words(text: &str) -> Vec<String> {
    unquoted(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| ENGLISH.contains(&word.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// Writes `language = "da"` at the top of the project's rk.toml (a key
/// after a `[table]` would belong to that table).
fn in_danish(dir: &Path) {
    let path = dir.join("rk.toml");
    let old = fs::read_to_string(&path).unwrap_or_default();
    fs::write(&path, format!("language = \"da\"\n{old}")).expect("write rk.toml");
}

/// What differs between a finding in English and the same in Danish.
fn compare(fixture: &str, english: &Finding, danish: &Finding) -> Vec<String> {
    let mut problems = Vec::new();
    let place = format!(
        "{fixture}: {} {}:{}",
        english.rule, english.file, english.line
    );
    let same_place = (&english.rule, &english.file, english.line, english.severity)
        == (&danish.rule, &danish.file, danish.line, danish.severity);
    if !same_place {
        problems.push(format!("{place}: in Danish it is {danish:?}"));
        return problems;
    }
    let texts = [
        ("message", Some(&english.message), Some(&danish.message)),
        ("help", english.help.as_ref(), danish.help.as_ref()),
    ];
    for (what, en, da) in texts {
        let (Some(en), Some(da)) = (en, da) else {
            if en.is_some() != da.is_some() {
                problems.push(format!("{place}: a {what} in one language only"));
            }
            continue;
        };
        if en == da && !unquoted(en).trim().is_empty() {
            problems.push(format!("{place}: the {what} is English in Danish: {da}"));
        } else if !english_words(da).is_empty() {
            problems.push(format!(
                "{place}: the Danish {what} has English words {:?}: {da}",
                english_words(da)
            ));
        }
    }
    problems
}

#[test]
fn every_rule_fixture_gives_its_findings_in_danish() {
    let mut problems = Vec::new();
    let mut compared = 0;
    for name in fixture_names() {
        let dir = fixture_copy(&name, &format!("da-{name}"));
        let (_, english, _) = check_json(&dir, &[]);
        in_danish(&dir);
        let (_, danish, stderr) = check_json(&dir, &[]);
        if english.len() != danish.len() {
            problems.push(format!(
                "{name}: {english:?} in English, {danish:?} in Danish {stderr}"
            ));
            continue;
        }
        for (en, da) in english.iter().zip(&danish) {
            compared += 1;
            problems.extend(compare(&name, en, da));
        }
    }
    assert!(compared > 50, "only {compared} findings compared");
    assert!(
        problems.is_empty(),
        "{}\n({} problems)",
        problems.join("\n"),
        problems.len()
    );
}

#[test]
fn the_human_output_and_its_summary_are_danish() {
    let dir = fixture_copy("date-mismatch", "da-human");
    in_danish(&dir);
    let run = common::rk(&dir, &["check", "2020-11-25"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fejl[date-mismatch]: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("= hjælp: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("tjekket 2020-11-25 ("),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("punkter): 1 fejl"), "{}", run.stderr);
    assert!(!run.stderr.contains("error["), "{}", run.stderr);
}

#[test]
fn rk_lang_and_the_locale_choose_where_rk_toml_does_not() {
    let dir = fixture_copy("date-mismatch", "da-env");
    let with_env = |name: &str, value: &str| {
        let output = common::rk_command()
            .args(["check", "--format", "json", "2020-11-25"])
            .current_dir(&dir)
            .env(name, value)
            .output()
            .expect("rk runs");
        common::parse_findings(&String::from_utf8_lossy(&output.stdout))
    };
    let english = with_env("LANG", "C.UTF-8");
    let by_locale = with_env("LANG", "da_DK.UTF-8");
    let by_rk_lang = with_env("RK_LANG", "da");
    assert_eq!(
        by_locale, by_rk_lang,
        "the locale and RK_LANG give the same Danish"
    );
    assert_ne!(english[0].message, by_locale[0].message);
    assert_eq!(english[0].rule, by_locale[0].rule);
    // rk.toml's language wins over the locale, RK_LANG over rk.toml.
    in_danish(&dir);
    assert_eq!(with_env("LANG", "en_GB.UTF-8"), by_locale);
    assert_eq!(with_env("RK_LANG", "en"), english);
}

#[test]
fn the_word_check_sees_english_and_passes_danish_and_quotes() {
    assert_eq!(english_words("the date is not real"), ["the", "is", "not"]);
    assert!(english_words("datoen er ikke gyldig: skriv `date: the 1st`").is_empty());
    assert!(english_words("titlen “Status and plans” er lang").is_empty());
}
