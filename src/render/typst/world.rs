//! The Typst `World` rk compiles in, modelled on typst-cli's `world.rs`.
//!
//! It sees exactly three things: the generated document (the main file),
//! the layout's files under `/layout/`, and the meeting folder under
//! `/meeting/` (for images). Nothing else on disk, no packages, no network,
//! no system fonts: fonts come from the layout only.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::files::{FileLoader, FileStore};
use typst_kit::fonts::FontStore;

use crate::layout::Layout;
use crate::paths;

/// The generated document. A unique id, so that it can never be confused
/// with a file of the same name.
static MAIN: LazyLock<FileId> = LazyLock::new(|| {
    FileId::unique(RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new("referat.typ").expect("a valid path"),
    ))
});

/// Where the layout's files and the meeting's files appear to the document.
pub const LAYOUT_ROOT: &str = "layout";
pub const MEETING_ROOT: &str = "meeting";

/// What every document typeset with one layout shares, made once by the
/// run's [`super::Typesetter`] and shared by every meeting of the run (and
/// every thread of `rk build --all`): the standard library, the layout's
/// fonts and its files.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: FontStore,
    layout: Vec<(String, Bytes)>,
}

impl Engine {
    pub fn new(layout: &Layout) -> Engine {
        let mut fonts = FontStore::new();
        for data in layout.fonts() {
            fonts.extend(Font::iter(data).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        Engine {
            library: LazyHash::new(Library::default()),
            fonts,
            layout: layout
                .files()
                .map(|(path, bytes)| (path.to_string(), bytes.clone()))
                .collect(),
        }
    }
}

struct Loader {
    main: String,
    engine: Arc<Engine>,
    meeting_dir: PathBuf,
}

impl FileLoader for Loader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if id == *MAIN {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        let VirtualRoot::Project = id.root() else {
            return Err(FileError::Package(PackageError::Other(Some(
                "rk documents cannot use packages".into(),
            ))));
        };
        let path = id.vpath().get_without_slash();
        let not_found = || FileError::NotFound(PathBuf::from(format!("/{path}")));
        if let Some(rest) = path
            .strip_prefix(LAYOUT_ROOT)
            .and_then(|r| r.strip_prefix('/'))
        {
            return self
                .engine
                .layout
                .iter()
                .find(|(p, _)| p == rest)
                .map(|(_, bytes)| bytes.clone())
                .ok_or_else(not_found);
        }
        if let Some(rest) = path
            .strip_prefix(MEETING_ROOT)
            .and_then(|r| r.strip_prefix('/'))
        {
            // The same rule as the checks: inside the meeting folder only.
            let real = paths::resolve_inside(&self.meeting_dir, rest)
                .map_err(|_| FileError::AccessDenied)?;
            return std::fs::read(&real)
                .map(Bytes::new)
                .map_err(|e| FileError::from_io(e, &real));
        }
        Err(FileError::AccessDenied)
    }
}

pub struct RkWorld {
    engine: Arc<Engine>,
    files: FileStore<Loader>,
    today: Datetime,
}

impl RkWorld {
    pub fn new(main: String, engine: Arc<Engine>, meeting_dir: PathBuf, today: Datetime) -> Self {
        RkWorld {
            engine: engine.clone(),
            files: FileStore::new(Loader {
                main,
                engine,
                meeting_dir,
            }),
            today,
        }
    }

    /// Whether this world was made for `meeting_dir`, so that it can
    /// typeset another document of that meeting.
    pub fn serves(&self, meeting_dir: &Path) -> bool {
        self.files.loader().meeting_dir == meeting_dir
    }

    /// Makes the world typeset `main` as of `today`, reset as typst-cli
    /// resets its world before each compilation of its `watch`: every file
    /// is read anew, while the engine keeps what did not change
    /// (incremental compilation).
    pub fn update(&mut self, main: String, today: Datetime) {
        self.files.loader_mut().main = main;
        self.files.reset();
        self.today = today;
    }

    pub fn main_id() -> FileId {
        *MAIN
    }

    /// The virtual path of a file, for messages (`/layout/referat.typ`).
    pub fn path_of(id: FileId) -> String {
        id.vpath().get_with_slash().to_string()
    }
}

impl World for RkWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
