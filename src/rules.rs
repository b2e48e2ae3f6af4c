//! Every rule rk checks, each declared once: its name, default severity,
//! one-line summary, explanation and an example that triggers it. The
//! [`Rule`] enum, [`Rule::ALL`], the name of a rule and the rule of a name,
//! `rk explain` and the rule table of the documentation (`rk explain
//! --markdown`) are all made from the declarations below; the wording of a
//! rule's findings is in `check/findings.rs` and `source/findings.rs`.

use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};

/// How bad a finding is: an error fails the run, a warning only with
/// `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What is known of a rule, for `rk explain` and the documentation.
#[derive(Debug)]
pub struct RuleDoc {
    /// The user-facing name (kebab-case), as findings show it.
    pub name: &'static str,
    /// The severity of its findings; some rules also have findings of the
    /// other (`personal-data`: an e-mail address is a warning).
    pub severity: Severity,
    /// One line: what is wrong when it fires.
    pub summary: &'static str,
    /// Every case it fires in (the rule table's "fires when").
    pub catches: &'static str,
    /// Why it matters for a referat.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// A file that triggers it, and the same file fixed.
    pub example: Option<Example>,
}

/// One file of [`EXAMPLE_MEETING`] as written with the mistake (`bad`) and
/// fixed (`good`): the test `explain.rs` checks that `bad` gives the rule's
/// findings and nothing else, and `good` none at all.
#[derive(Debug)]
pub struct Example {
    /// The file, in the meeting folder: it replaces the one of
    /// [`EXAMPLE_MEETING`] with the same name, or is added.
    pub file: &'static str,
    /// Lines of rk.toml the example needs ("" for none).
    pub config: &'static str,
    /// How `bad` is saved (`good` is always UTF-8).
    pub saved: Saved,
    pub bad: &'static str,
    pub good: &'static str,
}

impl Example {
    /// The defaults: no rk.toml lines, saved as UTF-8.
    pub const PLAIN: Example = Example {
        file: "",
        config: "",
        saved: Saved::Utf8,
        bad: "",
        good: "",
    };
}

/// The encoding a file is saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Utf8,
    /// ISO 8859-1: every character one byte.
    Latin1,
}

/// The folder of the meeting every example edits, in the project root.
pub const EXAMPLE_FOLDER: &str = "meetings/2021-03-04";

/// The meeting every example edits: files of [`EXAMPLE_FOLDER`], which
/// `rk check` passes without a finding.
pub const EXAMPLE_MEETING: &[(&str, &str)] = &[
    (
        "meeting.yaml",
        "body: Økonomiudvalget\ndate: 2021-03-04\nnumber: 2\nreferent: Jonas Berg\n\
         members:\n  - Anne Holm\n  - Jonas Berg\n",
    ),
    (
        "01-budget.md",
        "---\nnumber: \"1\"\ntitle: Budget 2022\nsag: SAG-2021-00123\n---\n\
         Udvalget godkendte budgettet.\n",
    ),
    ("bilag/budget.pdf", TAGGED_PDF),
    ("bilag/budget-scannet.pdf", UNTAGGED_PDF),
    (
        "bilag/graf.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">\
         <rect width=\"40\" height=\"20\"/></svg>\n",
    ),
];

/// `bilag/budget.pdf` of [`EXAMPLE_MEETING`]: a one-page PDF, tagged and
/// in Danish, as Word or LibreOffice export one for accessibility.
pub const TAGGED_PDF: &str = "%PDF-1.7
1 0 obj
<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /MarkInfo << /Marked true >> /Lang (da) >>
endobj
2 0 obj
<< /Type /Pages /Kids [3 0 R] /Count 1 >>
endobj
3 0 obj
<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> /StructParents 0 >>
endobj
4 0 obj
<< /Length 66 >>
stream
/P << /MCID 0 >> BDC BT /F1 12 Tf 20 50 Td (Budget 2022) Tj ET EMC
endstream
endobj
5 0 obj
<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R >>
endobj
6 0 obj
<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>
endobj
7 0 obj
<< /Type /StructElem /S /P /P 5 0 R /Pg 3 0 R /K 0 >>
endobj
8 0 obj
<< /Nums [0 [7 0 R]] >>
endobj
xref
0 9
0000000000 65535 f 
0000000009 00000 n 
0000000120 00000 n 
0000000177 00000 n 
0000000320 00000 n 
0000000436 00000 n 
0000000506 00000 n 
0000000576 00000 n 
0000000645 00000 n 
trailer
<< /Size 9 /Root 1 0 R >>
startxref
684
%%EOF
";

/// `bilag/budget-scannet.pdf` of [`EXAMPLE_MEETING`]: the same page
/// without tags or language, as a scanner or a plain PDF printer makes it.
pub const UNTAGGED_PDF: &str = "%PDF-1.7
1 0 obj
<< /Type /Catalog /Pages 2 0 R >>
endobj
2 0 obj
<< /Type /Pages /Kids [3 0 R] /Count 1 >>
endobj
3 0 obj
<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>
endobj
4 0 obj
<< /Length 51 >>
stream
BT /F1 12 Tf 20 50 Td (Budget 2022 (scannet)) Tj ET
endstream
endobj
5 0 obj
null
endobj
6 0 obj
<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>
endobj
xref
0 7
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
0000000241 00000 n 
0000000342 00000 n 
0000000362 00000 n 
trailer
<< /Size 7 /Root 1 0 R >>
startxref
432
%%EOF
";

/// Declares the rules: the enum, its lists and the table of their docs,
/// from one entry per rule (`Variant { RuleDoc's fields }`), in the order
/// findings of one place are sorted in.
macro_rules! rules {
    (
        checks { $( $(#[doc = $check_doc:literal])* $check:ident $check_fields:tt )* }
        others { $( $(#[doc = $other_doc:literal])* $other:ident $other_fields:tt )* }
    ) => {
        /// A rule: what a finding is about. Its name is the user-facing name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $( $(#[doc = $check_doc])* $check, )*
            $( $(#[doc = $other_doc])* $other, )*
        }

        impl Rule {
            /// Every rule `rk check` applies.
            pub const ALL: &'static [Rule] = &[$(Rule::$check),*];
            /// Every rule a finding can have: `ALL`, and the findings of
            /// other steps (`typeset`).
            pub const EVERY: &'static [Rule] = &[$(Rule::$check,)* $(Rule::$other),*];
            /// The docs, in the order of the enum.
            const DOCS: &'static [RuleDoc] = &[
                $( RuleDoc $check_fields, )*
                $( RuleDoc $other_fields, )*
            ];
        }
    };
}

impl Rule {
    pub fn doc(self) -> &'static RuleDoc {
        &Rule::DOCS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.doc().name
    }

    /// The rule of a user-facing name (`missing-sag`).
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::EVERY.iter().copied().find(|rule| rule.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The rule table of the documentation, in Markdown: a row per rule of
/// `rk check`, with what it fires on.
pub fn markdown_table() -> String {
    markdown_table_of(Rule::ALL, |name| format!("`{name}`"))
}

/// The rule table of `rules`, each rule's name shown by `name` (a link to
/// its page in the reference, or the name alone).
pub fn markdown_table_of(rules: &[Rule], name: impl Fn(&str) -> String) -> String {
    let mut out = String::from("| rule | fires when |\n| --- | --- |\n");
    for rule in rules {
        let doc = rule.doc();
        let severity = match doc.severity {
            Severity::Error => "",
            Severity::Warning => " (warning)",
        };
        let _ = writeln!(out, "| {}{severity} | {} |", name(doc.name), doc.catches);
    }
    out
}

/// What `rk explain RULE` prints: the rule's docs as text for a terminal
/// (code indented by four spaces) or as Markdown (code fenced).
pub fn explanation(rule: Rule, markdown: bool) -> String {
    let doc = rule.doc();
    let mut out = if markdown {
        format!("## `{}` ({})\n\n", doc.name, doc.severity.word())
    } else {
        format!(
            "{} ({}): {}\n\n",
            doc.name,
            doc.severity.word(),
            doc.summary
        )
    };
    let catches = format!("{}.", doc.catches.trim_end_matches('.'));
    for (lead, text) in [
        ("Fires when", catches.as_str()),
        ("Why it matters:", doc.why),
        ("How to fix it:", doc.fix),
    ] {
        out.push_str(&wrap(&format!("{lead} {text}"), markdown));
        out.push('\n');
    }
    if let Some(example) = &doc.example {
        out.push_str(&example_text(example, markdown));
    }
    out
}

fn example_text(example: &Example, markdown: bool) -> String {
    let mut out = String::new();
    if !example.config.is_empty() {
        out.push_str("With rk.toml holding:\n\n");
        out.push_str(&code(example.config, "toml", markdown));
    }
    let path = format!("{EXAMPLE_FOLDER}/{}", example.file);
    let saved = match example.saved {
        Saved::Utf8 => String::new(),
        Saved::Latin1 => " saved as Latin-1".to_string(),
    };
    let language = if example.file.ends_with(".md") {
        "markdown"
    } else {
        "yaml"
    };
    let _ = writeln!(out, "Example: {path}{saved}\n");
    out.push_str(&code(example.bad, language, markdown));
    let fixed = if saved.is_empty() {
        "Fixed:".to_string()
    } else {
        "Fixed: the same saved as UTF-8".to_string()
    };
    let _ = writeln!(out, "{fixed}\n");
    out.push_str(&code(example.good, language, markdown));
    out
}

/// A snippet: fenced in Markdown, indented by four spaces for a terminal;
/// followed by a blank line.
fn code(text: &str, language: &str, markdown: bool) -> String {
    if markdown {
        return format!("```{language}\n{text}```\n\n");
    }
    let mut out = String::new();
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "    {line}");
        }
    }
    out.push('\n');
    out
}

/// A paragraph: in Markdown one line, for a terminal wrapped at 79 columns.
fn wrap(text: &str, markdown: bool) -> String {
    if markdown {
        return format!("{text}\n");
    }
    let mut out = String::new();
    let mut width = 0;
    for word in text.split(' ') {
        let length = word.chars().count();
        if width > 0 && width + 1 + length > 79 {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += length;
    }
    out.push('\n');
    out
}

rules! {
    checks {
        Encoding {
            name: "encoding",
            severity: Severity::Error,
            summary: "a file is not UTF-8",
            catches: "a file is not UTF-8 (UTF-16, Latin-1, a NUL byte): names the first bad byte",
            why: "rk reads every source as UTF-8. A file saved as Latin-1 or UTF-16 (as some \
                Windows editors and Word do) would come out with the wrong letters in the \
                published minutes, or not at all.",
            fix: "Save the file as UTF-8 (in most editors: Save as, then the encoding UTF-8) \
                and check its æ, ø and å afterwards.",
            example: Some(Example {
                file: "01-budget.md",
                saved: Saved::Latin1,
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet for børn og unge.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet for børn og unge.
"#,
                ..Example::PLAIN
            }),
        }
        Yaml {
            name: "yaml",
            severity: Severity::Error,
            summary: "meeting.yaml or a front matter block is not valid YAML",
            catches: "meeting.yaml or a front matter block does not parse (the parser's own line \
                and column, a plain sentence with the parser's words as a note: `a value with \
                a colon needs quotes`), a key is given twice, front matter is not closed; the usual \
                slips are reported where they were made, with the fix: a tab in the \
                indentation (at the tab), a bullet `• Name` for `- Name`, curly quotes `“…”` \
                for `\"…\"`, a quote that is not closed (at the opening quote)",
            why: "rk cannot read the fields of a file it cannot parse: the meeting or the item \
                cannot be published until it does.",
            fix: "Fix the YAML at the place the finding shows; quote a value that holds a \
                colon followed by a space, `#` or other characters YAML reads itself \
                (`title: \"Budget: første behandling\"`).",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget: første behandling
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: "Budget: første behandling"
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        YamlComment {
            name: "yaml-comment",
            severity: Severity::Warning,
            summary: "` #` cuts a plain text value short",
            catches: "` #` cuts a plain text value short: YAML reads `title: Budget 2022-2025 #2 - \
                forslag` as the title `Budget 2022-2025` (help: the quoted form)",
            why: "YAML takes ` #` as the start of a comment: the rest of the line silently \
                disappears from the published value.",
            fix: "Quote the whole value.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022-2025 #2 - forslag
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: "Budget 2022-2025 #2 - forslag"
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        BadValue {
            name: "bad-value",
            severity: Severity::Error,
            summary: "a field has the wrong kind of value or one outside its set",
            catches: "a field has the wrong kind of value (a list where text belongs, `closed: \
                nej`, an entry of a person's `items` that is no item number: `punkt 8` gets \
                `8` as help), a `kind` or `status` outside its set, in any case (`Beslutning` \
                is `beslutning`; with the value meant: `droftelse`, `D` or `(D)` → \
                `drøftelse`, `Udgår` → `udgik`), an \
                `outcome` outside its set (`godkendt`, `taget til efterretning`, ...), an \
                attachment's `url` that is not a whole web address, an attachment with both \
                `file` and `url`, a value wrapped in curly quotes (`- “Bo Fristed”`: YAML \
                would keep the quotes in the name), a list written with bullets (`• Bo \
                Fristed`), a party letter in brackets after a name (`Charlotte Brix (C)`, a \
                warning: the help says `party: C`; other fields name her Charlotte Brix); in meeting.yaml a `status` other than `udkast` or `godkendt` \
                (did-you-mean, also from English: `draft` → `udkast`, `approved` → \
                `godkendt`), `approved` with `status: udkast`",
            why: "A value rk cannot understand cannot be published as meant: `closed: nej` \
                would leave it open whether the item is closed, and a closed item must never \
                be published by mistake.",
            fix: "Write a value of the kind the field takes; the help names the value meant \
                where rk can tell (`true` or `false`, a `kind` or `status` of its set, an \
                item number).",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
closed: nej
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
closed: false
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        MissingField {
            name: "missing-field",
            severity: Severity::Error,
            summary: "a required field is absent",
            catches: "body, date, referent (unless rk.toml says `referent = \"optional\"`), \
                members, number or title is absent, or an item has no front matter; `status: \
                godkendt` without `approved`, or `approved` without `status`",
            why: "The referat is incomplete without it: a referat names its body, date, \
                referent and members, and an item its number and title.",
            fix: "Add the field the finding names.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
members:
  - Anne Holm
  - Jonas Berg
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        UnknownField {
            name: "unknown-field",
            severity: Severity::Error,
            summary: "a field the format does not know",
            catches: "a field the format does not know, with did-you-mean (`sga` → `sag`; Danish \
                names too: `lukket` → `closed`, `titel` → `title`, `deltagere` → `members`, \
                `sagsnr` → `sag`, `dok.nr` → `dok`, `type` → `kind`, `link` → `url`)",
            why: "A misspelt field is not read at all: `sga:` leaves the item without its case \
                reference, and nothing of it is published.",
            fix: "Use the field the help names, or remove the field.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sga: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        DateMismatch {
            name: "date-mismatch",
            severity: Severity::Error,
            summary: "a date is not a real date, or not the folder's",
            catches: "`date` is not a real date (`15-06-2021`, `15.06.2021` and `15/06/2021` get \
                `2021-06-15` as help) or differs from the folder's date; `approved`, the date \
                of an approval or of a berigtigelse is not a real date, or is before the \
                meeting's date; an item's `added` date, `agenda_sent` or `added_agenda_sent` is \
                not a real date, or is after the meeting's date; `added_agenda_sent` is \
                before `agenda_sent`",
            why: "The folder's date names the meeting in every output and in the archive; a \
                second, different date in meeting.yaml leaves the reader guessing which one \
                is right.",
            fix: "Write the date as YYYY-MM-DD, the same as the meeting folder's name (the \
                example's folder is `2021-03-04`).",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-05
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        NoAttendees {
            name: "no-attendees",
            severity: Severity::Error,
            summary: "`members` lists nobody",
            catches: "`members` is empty",
            why: "A referat records who took the decisions; a meeting without members cannot \
                have made any.",
            fix: "List the members who were present under `members`.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members: []
others:
  - Jonas Berg
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
others:
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        UnknownPerson {
            name: "unknown-person",
            severity: Severity::Error,
            summary: "the referent, chair or a presenter is not present",
            catches: "the referent, chair or a presenter is not present, or a presenter's `items` \
                leave out the item they present (\"attended only items 7 and 8, not item \
                3\"). The help never asks to add someone already listed: a name that is part \
                of exactly one listed person's name, in order, gets the full name (`Jakob \
                Harder` → `Jakob Aagaard Harder`; `A.` stands for a name it begins; the \
                other way round too, when the list has the shorter name), one that fits \
                several (`Christian`, with two present) asks for the full name, an absent \
                person is said to be listed under `absent`, a typo gets did-you-mean",
            why: "The referat must not name someone as chairing or presenting a meeting they \
                did not attend; usually the name is misspelt, or the person is missing from \
                the lists of people present.",
            fix: "Write the name as it is listed under `members`, `others` or `guests` (the \
                help gives the full name or a did-you-mean), or add the person there.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
chair: Anne Hom
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
chair: Anne Holm
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        UnknownItem {
            name: "unknown-item",
            severity: Severity::Error,
            summary: "a person's `items` names an item the meeting does not have",
            catches: "a person's `items` names a number that is no item of the meeting (the help \
                lists the meeting's items, or the one with the same digits: `21` → `2.1`), or \
                a range (`24-29`; one whose ends are items is read as the items between them) \
                that ends at a number the meeting does not have (the help lists the items in \
                it: `items: [24, 25, 26]`); not while the items' numbers have a `numbering` \
                finding",
            why: "The referat says which items a person attended; an item that does not exist \
                makes that statement wrong.",
            fix: "Write the numbers of the meeting's items the person attended.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
  - { name: Ole Bruun, items: [4] }
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
  - { name: Ole Bruun, items: [1] }
",
                ..Example::PLAIN
            }),
        }
        AbsentAndPresent {
            name: "absent-and-present",
            severity: Severity::Error,
            summary: "one name is both absent and present",
            catches: "one name is both absent and present, or an absent person has `items` (who \
                attended some items was present)",
            why: "A person was either at the meeting or not; the referat cannot say both.",
            fix: "Remove the name from `absent`, or from the lists of people present.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
absent:
  - Anne Holm
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
absent:
  - Ole Bruun
",
                ..Example::PLAIN
            }),
        }
        DuplicatePerson {
            name: "duplicate-person",
            severity: Severity::Error,
            summary: "a name is listed twice",
            catches: "a name is listed twice among the present (or twice as absent); names are \
                compared in Unicode normal form C, so a letter written as one character or \
                as a letter and a combining mark is the same",
            why: "The list of attendees would show the person twice.",
            fix: "Remove one of the two entries (merge their fields into one).",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
  - Anne Holm
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        BadSubstitute {
            name: "bad-substitute",
            severity: Severity::Error,
            summary: "`substitute_for` names nobody under `absent`",
            catches: "`substitute_for` names nobody under `absent`, nor a member inhabil for \
                every item the substitute's `items` name (a stedfortræder for one item)",
            why: "A substitute stands in for an absent member; naming someone who is not \
                listed as absent is a misspelling or an incomplete list of apologies.",
            fix: "List the member stood in for under `absent`, or correct the name.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
  - { name: Sara Kjær, substitute_for: Mette Dahl }
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
  - { name: Sara Kjær, substitute_for: Mette Dahl }
absent:
  - Mette Dahl
",
                ..Example::PLAIN
            }),
        }
        UnknownGroup {
            name: "unknown-group",
            severity: Severity::Error,
            summary: "a party letter is not a group's letter",
            catches: "a person's `party`, or a letter in a vote or a protokoltilførsel (a short \
                word in capitals, `Ø`, `SF`), is not defined under rk.toml's `[groups]` or \
                meeting.yaml's `groups`; a letter in the wrong case or a typo gets did-you-mean",
            why: "A vote by groups stands for the members of those groups: a letter that is \
                no group stands for nobody, and the protocol would not show how they voted.",
            fix: "Write a defined letter (the help gives the one meant), or define the group \
                under `[groups]` in rk.toml (`A = \"Socialdemokratiet\"`).",
            example: Some(Example {
                file: "meeting.yaml",
                config: r#"[groups]
A = "Socialdemokratiet"
V = "Venstre"
"#,
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - { name: Anne Holm, party: a }
  - Jonas Berg
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - { name: Anne Holm, party: A }
  - Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        BadVote {
            name: "bad-vote",
            severity: Severity::Error,
            summary: "a vote names someone who did not take part in the item",
            catches: "a name in an item's `votes` is no member who attended the item: listed \
                as absent, left out by their `items`, listed under `others` or `guests`, or \
                unknown (with did-you-mean); a group's letter none of whose members took \
                part; a name or letter named twice in one vote; a \
                count that differs from the members its side names (a group's letter counts \
                its members who took part), or counts that add up to more than the members \
                who took part",
            why: "The protocol must show how each member voted (the ministry's practice since \
                1989): a vote that names someone who was not there, or counts that do not \
                add up, is a false record of the decision.",
            fix: "Write the member's name as listed under `members` (the help gives the one \
                meant), remove who was not there, or correct the count.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
votes:
  - subject: Budgetforslaget
    for: [Anne Hom, Jonas Berg]
    outcome: vedtaget
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
votes:
  - subject: Budgetforslaget
    for: [Anne Holm, Jonas Berg]
    outcome: vedtaget
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        BadDissent {
            name: "bad-dissent",
            severity: Severity::Error,
            summary: "a protokoltilførsel's author did not take part in the item",
            catches: "an author (`by`) of an item's `dissents` is no member who attended the \
                item: absent, left out by their `items`, not a member, or unknown (with \
                did-you-mean)",
            why: "Only a member who took part in the item may have a protokoltilførsel \
                recorded (kommunestyrelsesloven § 13, stk. 2).",
            fix: "Write the member's name as listed under `members`, or the group's letter; \
                remove an author who was not there.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
dissents:
  - by: Jonas Bergh
    text: Jonas Berg ønsker ført til protokol, at han ikke kan støtte budgettet.
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
dissents:
  - by: Jonas Berg
    text: Jonas Berg ønsker ført til protokol, at han ikke kan støtte budgettet.
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        Inhabil {
            name: "inhabil",
            severity: Severity::Error,
            summary: "a member inhabil for an item takes part in it",
            catches: "a member written under an item's `inhabil` is named in its votes, its \
                protokoltilførsler or its presenters; or the member written as inhabil is \
                not present at the item (absent, left out by their `items`, or unknown, \
                with did-you-mean)",
            why: "An inhabil member takes no part in the debate or the vote, and leaves the \
                room (kommunestyrelsesloven § 14); minutes that have them vote record a \
                decision the law would not let stand.",
            fix: "Remove the inhabil member from the vote, the protokoltilførsel or the \
                presenters (a stedfortræder for the item votes in their place), or correct \
                the name under `inhabil`.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
inhabil: [Anne Holm]
votes:
  - subject: Budgetforslaget
    for: [Anne Holm, Jonas Berg]
    outcome: vedtaget
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
inhabil: [Anne Holm]
votes:
  - subject: Budgetforslaget
    for: [Jonas Berg]
    outcome: vedtaget
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        BadApprover {
            name: "bad-approver",
            severity: Severity::Error,
            summary: "an approver did not take part in the meeting",
            catches: "an entry of `approvals` names someone who did not take part in the \
                meeting (not a member present; with rk.toml's `approval = \"chair-and-referent\"` \
                not the chair or the referent), or names someone twice (did-you-mean)",
            why: "Kommunestyrelsesloven § 13, stk. 1: the protocol is signed by the members who \
                took part in the meeting. A signature by someone who was not there, or a \
                misspelt name, makes the approval worthless.",
            fix: "Correct the name to the member's as `members` writes it, or remove the entry.",
            example: Some(Example {
                file: "meeting.yaml",
                bad: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
status: godkendt
approved: 2021-04-08
approvals:
  - { name: Anne Holmm, date: 2021-04-08 }
",
                good: r"body: Økonomiudvalget
date: 2021-03-04
number: 2
referent: Jonas Berg
members:
  - Anne Holm
  - Jonas Berg
status: godkendt
approved: 2021-04-08
approvals:
  - { name: Anne Holm, date: 2021-04-08 }
",
                ..Example::PLAIN
            }),
        }
        MissingSag {
            name: "missing-sag",
            severity: Severity::Error,
            summary: "an item has no case reference (`sag`)",
            catches: "a non-group item has no `sag` (and no `sag: none`); the help shows a \
                reference of the configured pattern",
            why: "The case reference ties an item to the case in the journal system (ESDH): \
                without it, the decision cannot be found from the case, nor the case from \
                the minutes, and the archive's list of cases misses it.",
            fix: "Add `sag:` with the item's case reference (the help shows one of the \
                configured pattern), or `sag: none` for an item that belongs to no case \
                (approval of the agenda, any other business).",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        BadSag {
            name: "bad-sag",
            severity: Severity::Error,
            summary: "a case reference does not match the pattern",
            catches: "a case reference does not match the pattern (the fixed form is suggested: \
                `SAG-2019-4651` → `SAG-2019-04651`), or its year is after the meeting's (see \
                rk.toml for other patterns)",
            why: "A malformed reference finds no case in the journal system, and the same case \
                written two ways would be two cases in the archive.",
            fix: "Write the reference in the configured pattern (the help gives the fixed \
                form, such as the number padded to five digits); a reference from a later \
                year than the meeting is a typo.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-123
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        BadDocument {
            name: "bad-document",
            severity: Severity::Error,
            summary: "a document number does not match the pattern",
            catches: "an item's `dok` does not match rk.toml's `[document] pattern`",
            why: "A malformed document number links to no document in the journal system.",
            fix: "Write the number as rk.toml's `[document] pattern` says.",
            example: Some(Example {
                file: "01-budget.md",
                config: r"[document]
pattern = '\d{7}'
",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
dok: 441-0277
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
dok: "4410277"
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        Numbering {
            name: "numbering",
            severity: Severity::Error,
            summary: "item numbers are duplicated, skip a number or are malformed",
            catches: "duplicate numbers (naming both files), gaps, a lettered item without the \
                one before it (`2b` without `2a`), a sub-item without its parent, \
                one mistake once: a number used twice or out of the count whose file name \
                (`27-budget.md`) or neighbour says the missing number is one finding with that \
                number as the fix, not a duplicate and a gap, \
                more than three levels, a malformed number; with `numbering = \"year\"` a \
                first item that does not follow the body's previous meeting; a section's \
                `from` that is no top-level item, sections out of order",
            why: "Item numbers are how a referat, its agenda and later minutes refer to an \
                item; a gap or a duplicate makes \"item 3\" ambiguous.",
            fix: "Number the items 1, 2, 3 with sub-items 2.1, 2.2 under their parent, without \
                gaps or repeats; an item added after item 2 is 2a, then 2b.",
            example: Some(Example {
                file: "02-eventuelt.md",
                bad: r#"---
number: "3"
title: Eventuelt
sag: none
---
Intet.
"#,
                good: r#"---
number: "2"
title: Eventuelt
sag: none
---
Intet.
"#,
                ..Example::PLAIN
            }),
        }
        HeadingLevel {
            name: "heading-level",
            severity: Severity::Error,
            summary: "a level-1 heading in a body, or a skipped level",
            catches: "a level-1 heading in a body, or a skipped level (`####` after `##`)",
            why: "The item's title is the heading above its body: a `#` heading in the body \
                would compete with it, and a skipped level breaks the document's outline \
                (screen readers and the PDF's bookmarks follow it).",
            fix: "Start a body's headings at `##` and go down one level at a time.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
# Beslutning

Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
## Beslutning

Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        MissingFile {
            name: "missing-file",
            severity: Severity::Error,
            summary: "a file that an item names is missing or outside the meeting folder",
            catches: "an image, attachment or link to a local file does not exist or resolves \
                outside the meeting folder (`..`, absolute paths, symbolic links pointing \
                out); a public item names a file of a closed item (its attachment, a file \
                its body links to, or its source) or a closed attachment (`closed: true` on \
                the attachment); a linked file would take the name of one \
                of rk's outputs (`referat.pdf`, `typst/…`); an image is not a PNG, JPEG, \
                GIF, WebP or SVG by its bytes, is damaged (a PNG, JPEG, GIF or WebP that \
                does not decode), or has more than 50 million pixels (see below)",
            why: "A missing attachment or image breaks the published minutes, and a file \
                outside the meeting folder (or one of a closed item) could publish what was \
                never meant to be public.",
            fix: "Put the file in the meeting folder (`bilag/`) and name it relative to the \
                folder; check the spelling. The example's meeting folder holds \
                `bilag/budget.pdf`.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
attachments:
  - { file: bilag/budgt.pdf, title: Budgetforslag }
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
attachments:
  - { file: bilag/budget.pdf, title: Budgetforslag }
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        ImageAlt {
            name: "image-alt",
            severity: Severity::Error,
            summary: "an image without alt text",
            catches: "an image without alt text",
            why: "Public bodies must publish accessible documents (the web accessibility act): \
                a reader who cannot see the image learns nothing of it without a \
                description.",
            fix: "Describe the image in the brackets: `![Udgifterne \
                2018-2022](bilag/graf.svg)`. The example's meeting folder holds \
                `bilag/graf.svg`.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.

![](bilag/graf.svg)
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.

![Udgifterne 2018-2022](bilag/graf.svg)
"#,
                ..Example::PLAIN
            }),
        }
        InaccessiblePdf {
            name: "inaccessible-pdf",
            severity: Severity::Warning,
            summary: "a public PDF bilag is untagged or names no language",
            catches: "a PDF attachment of a public item has no tags (no `/StructTreeRoot` in \
                its catalog, or no `/MarkInfo` with `/Marked true`) or no language (no \
                `/Lang`), or cannot be read as a PDF (damaged, locked with a password, or \
                named `.pdf` without being one); the finding is at the attachment in the \
                item's front matter. A closed item's attachments and a closed attachment \
                are not published, so not checked; nor are web addresses",
            why: "The web accessibility act (webtilgængelighedsloven) covers the documents a \
                body publishes, bilag too. An untagged PDF, a scan or a document saved \
                without tags, reaches a screen reader as one run of text without headings, \
                lists or tables, and one that names no language is read aloud with the \
                wrong voice: the commonest accessibility failure of municipal sites.",
            fix: "Export the document again as a tagged PDF with its language set: in Word, \
                File > Save As > PDF > Options > \"Document structure tags for \
                accessibility\", with the document's language set under Review > Language; \
                in LibreOffice, Export as PDF > \"Universal Accessibility (PDF/UA)\". A \
                scanned paper needs text recognition and tags (Acrobat: Accessibility > \
                Autotag). The example's meeting folder holds `bilag/budget-scannet.pdf` \
                (no tags, no language) and `bilag/budget.pdf` (the same exported tagged, \
                in Danish).",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
attachments:
  - { file: bilag/budget-scannet.pdf, title: Budgetforslag }
---
Udvalget godkendte budgettet.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
attachments:
  - { file: bilag/budget.pdf, title: Budgetforslag }
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        UnsafeLink {
            name: "unsafe-link",
            severity: Severity::Error,
            summary: "a link with a scheme other than http, https or mailto",
            catches: "a link, or an attachment's `url`, with a scheme other than http, https or \
                mailto",
            why: "A `file:` or `javascript:` link in published minutes points into someone's \
                own machine or runs code; it works for no reader.",
            fix: "Link to a web address, or attach the file from the meeting folder.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte [budgettet](file:///C:/Budget/budget.pdf).
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte [budgettet](bilag/budget.pdf).
"#,
                ..Example::PLAIN
            }),
        }
        PersonalData {
            name: "personal-data",
            severity: Severity::Error,
            summary: "a CPR number, e-mail address or phone number in a public item",
            catches: "a CPR number in an item that is not closed (error); an e-mail address or \
                phone number there (warning); titles are always searched, as they are \
                published even for closed items (the help says so); the digits of a \
                character reference such as `&#87654321;` are not taken for a number",
            why: "Minutes are published: a CPR number must never be (the data protection \
                rules), and contact details of citizens rarely should be. A closed item is \
                published as its number and title only, so its body may hold them; its title \
                is published.",
            fix: "Remove the number or address; keep it in an attachment marked `closed: \
                true` (a closed bilag, not published) when the item is public and the reader \
                of the internal edition needs it; close the item (`closed: true`) only when its \
                case is confidential, as a CPR number may say.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Borgeren med CPR-nummer 120385-1234 har klaget over sagsbehandlingen.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
En borger har klaget over sagsbehandlingen.
"#,
                ..Example::PLAIN
            }),
        }
        ClosedDecision {
            name: "closed-decision",
            severity: Severity::Error,
            summary: "a closed item without a public text of its decision",
            catches: "a closed item (not a group heading, not `udsat` or `udgik`) without \
                `public_decision` in a referat, where rk.toml says `closed_decisions = \
                \"required\"`; `public_decision` on an item that is not closed (warning)",
            why: "A kommunalbestyrelse and a regionsråd must publish the decisions they take \
                behind closed doors, as far as nothing confidential is revealed: \"Lukket \
                punkt\" alone is not enough (Ankestyrelsen). An open item is published whole, \
                so a public text of its decision would only say it twice.",
            fix: "Write `public_decision: |` in the closed item's front matter with the decision \
                as it may be published; remove it from an open item.",
            example: Some(Example {
                file: "02-salg.md",
                config: "closed_decisions = \"required\"\n",
                bad: r#"---
number: "2"
title: Salg af grund
sag: SAG-2021-00124
closed: true
---
Et firma har budt 4,2 mio. kr. Udvalget accepterede budet.
"#,
                good: r#"---
number: "2"
title: Salg af grund
sag: SAG-2021-00124
closed: true
public_decision: |
  Udvalget godkendte salget af grunden til den højestbydende.
---
Et firma har budt 4,2 mio. kr. Udvalget accepterede budet.
"#,
                ..Example::PLAIN
            }),
        }
        RawHtml {
            name: "raw-html",
            severity: Severity::Warning,
            summary: "raw HTML in a body",
            catches: "raw HTML in a body (it will be shown as text)",
            why: "rk shows HTML in a body as literal text, for safety and so that the PDF and \
                the web page say the same: the tags would be printed.",
            fix: "Write it in Markdown: a blank line for a new paragraph, `**` for bold, a \
                list for a list.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.<br>Forvaltningen udarbejder en tidsplan.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.

Forvaltningen udarbejder en tidsplan.
"#,
                ..Example::PLAIN
            }),
        }
        MarkdownSlip {
            name: "markdown-slip",
            severity: Severity::Warning,
            summary: "Markdown that changes the text without it showing",
            catches: "a line inside a paragraph that starts a list of one item going on in lower \
                case or with a number (a wrapped line starting `1. september` or `- og`; not \
                after a line ending in `:`); a line indented \
                by a tab or four spaces after a blank line (shown as plain text, not as code); \
                `[text](target)` that is text, not a link, because the target has a space or \
                does not parse; two lines of one paragraph that each start with a label \
                (`For stemte: …` / `Imod stemte: …`) or end with a count (`(4)`), which \
                Markdown joins into one line; in an item's body and a closed item's \
                `public_decision`",
            why: "Markdown reads these as something else than the writer meant, and the \
                published text changes without a word: a date at the start of a line becomes \
                a numbered list, a line pasted from Word with its indentation would be a code \
                block (rk shows it as plain text, its Markdown unread), a link is printed as `[bilag 1](bilag/Bilag 1.pdf)`, and one vote \
                line per party runs into one.",
            fix: "Write `1\\. september` (or move the number to the line above) and `\\-` for \
                a dash at the start of a line; remove the indentation (code is written between \
                ``` lines); write a target with spaces in angle brackets \
                (`[bilag 1](<bilag/Bilag 1.pdf>)`) or with `%20`; end a line with `\\` to keep \
                the line break, or put a blank line between the lines, or make them a list.",
            example: Some(Example {
                file: "01-budget.md",
                bad: "---
number: \"1\"
title: Budget 2022
sag: SAG-2021-00123
---
Budgettet træder i kraft den
1. september 2021 og gælder året ud.

\tBudgettet blev indsat fra Word.

Se [budgettet](bilag/budget 2022.pdf).

For stemte: Anne Holm
Imod stemte: Jonas Berg
",
                good: "---
number: \"1\"
title: Budget 2022
sag: SAG-2021-00123
---
Budgettet træder i kraft den
1\\. september 2021 og gælder året ud.

Budgettet blev indsat fra Word.

Se [budgettet](<bilag/budget.pdf>).

For stemte: Anne Holm\\
Imod stemte: Jonas Berg
",
                ..Example::PLAIN
            }),
        }
        EmptyItem {
            name: "empty-item",
            severity: Severity::Warning,
            summary: "an item has no text",
            catches: "a non-group item with an empty body, unless it is `udsat` or `udgik`; a \
                meeting folder with no item files at all (at meeting.yaml); neither for a \
                meeting that is `cancelled`",
            why: "An item without a text records no decision: most often the referat of it has \
                not been written yet.",
            fix: "Write what was decided or said; an item that was postponed or withdrawn says \
                so with `status: udsat` or `status: udgik`.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
        Nesting {
            name: "nesting",
            severity: Severity::Error,
            summary: "lists, quotes and emphasis nested too deep",
            catches: "lists, quotes and emphasis nested more than 16 levels deep (the engine \
                cannot lay out much deeper)",
            why: "The typesetting engine cannot lay out more than about 16 levels of nesting: \
                the PDF could not be made.",
            fix: "Flatten the structure; a quote in a quote in a quote is rarely meant.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
> > > > > > > > > > > > > > > > > Citat.
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
> Citat.
"#,
                ..Example::PLAIN
            }),
        }
        MissingGlyph {
            name: "missing-glyph",
            severity: Severity::Error,
            summary: "a character that no font of the layout has",
            catches: "a character of the published text (an item's fields and body, the printed \
                fields of meeting.yaml) that no font of the layout has, such as an emoji, \
                Chinese or Malayalam with the KL fonts: at the character, with its code \
                points; remove it, write it in words, or use a layout with a font that has \
                it",
            why: "The PDF would show an empty box where the character should be; the reader \
                would not know what was meant.",
            fix: "Remove the character, write it in words, or use a layout with a font that \
                has it.",
            example: Some(Example {
                file: "01-budget.md",
                bad: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet 👍
"#,
                good: r#"---
number: "1"
title: Budget 2022
sag: SAG-2021-00123
---
Udvalget godkendte budgettet.
"#,
                ..Example::PLAIN
            }),
        }
    }
    others {
        /// Not a check of the files alone: the history of an approved
        /// meeting in git (`rk check`).
        ChangedAfterApproval {
            name: "changed-after-approval",
            severity: Severity::Error,
            summary: "an approved referat was changed without a berigtigelse",
            catches: "`rk check` in a git repository: a file of a meeting folder differs from \
                the commit in which the meeting was first `status: godkendt`, and the \
                difference is not only new entries at the end of an item's `berigtigelser`",
            why: "An approved protocol must not be changeable without it being visible (the \
                ministry, 2004): it is corrected by addition. A silent edit after the approval \
                changes what the members signed.",
            fix: "Undo the change (`git checkout <the approving commit> -- <file>`) and write the \
                correction as a dated entry under the item's `berigtigelser`, which the \
                outputs show after the decision.",
            example: None,
        }
        /// Not a check of the files alone: what git tracks (`rk check`).
        InternalTracked {
            name: "internal-tracked",
            severity: Severity::Warning,
            summary: "git tracks the internal edition's output folder",
            catches: "`rk check` in a git repository: files under the internal edition's \
                folder (`out-internt/`, or rk.toml's `out_internal`) are tracked by git, as \
                after `git add -A` following `rk build --internal` without a .gitignore",
            why: "The internal edition holds the text of the closed items. Committed, it goes \
                wherever the repository goes: to every clone, to a forge, to a mirror that \
                may be public.",
            fix: "`git rm -r --cached out-internt` and commit; keep `/out-internt/` in the \
                project's .gitignore (`rk init` writes it). If it was pushed, the text stays \
                in the history: the repository must stay private.",
            example: None,
        }
        /// Not a check: the engine could not typeset the document (`rk build`).
        Typeset {
            name: "typeset",
            severity: Severity::Error,
            summary: "the engine could not typeset the document",
            catches: "`rk build` could not make the PDF: the typesetting engine reported an \
                error in the document rk wrote from the sources",
            why: "No PDF is written for the meeting; the other outputs are.",
            fix: "The finding points at the source the error came from where it can. `rk \
                check` passes such a meeting, so it is a gap in rk's checks or an error in a \
                layout's template: with a layout of your own, look at its template; else \
                report it with the meeting's sources.",
            example: None,
        }
    }
}
