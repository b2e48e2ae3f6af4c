//! The Typst `World` rk compiles in, modelled on typst-cli's `world.rs`.
//!
//! It sees exactly three things: the generated document (the main file),
//! the layout's files under `/layout/`, and, under `/meeting/`, the images
//! of the meeting folder that the document shows. Nothing else on disk, no
//! packages, no network, no system fonts: fonts come from the layout only.
//!
//! Only the images the document lists, not the meeting folder: a layout's
//! code (`read`, `image`) could otherwise reach a closed item's source or
//! its attachments in the public edition, whose document withholds them
//! (docs/dev/public-edition.md). Any other path under `/meeting/` is not
//! found, whether or not it exists.

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
    /// The meeting's files the document shows, as the engine names them
    /// (`meeting/bilag/x.png`): the only ones it is served.
    shown: Vec<VirtualPath>,
    engine: Arc<Engine>,
    meeting_dir: PathBuf,
}

/// The virtual paths of the meeting's `images` (paths in the meeting
/// folder, as the document names them under `/meeting/`), normalised as
/// the engine normalises the path it asks for.
fn shown(images: &[String]) -> Vec<VirtualPath> {
    images
        .iter()
        .filter_map(|image| VirtualPath::new(format!("/{MEETING_ROOT}/{image}")).ok())
        .collect()
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
            // What the document does not show is not there.
            if !self.shown.contains(id.vpath()) {
                return Err(not_found());
            }
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
    /// A world for the document `main`, which shows the meeting's `images`
    /// (paths in `meeting_dir`, as `TypstDocument::images` lists them).
    pub fn new(
        main: String,
        images: &[String],
        engine: Arc<Engine>,
        meeting_dir: PathBuf,
        today: Datetime,
    ) -> Self {
        RkWorld {
            engine: engine.clone(),
            files: FileStore::new(Loader {
                main,
                shown: shown(images),
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

    /// Makes the world typeset `main`, which shows `images`, as of
    /// `today`, reset as typst-cli resets its world before each
    /// compilation of its `watch`: every file is read anew (an image the
    /// document no longer shows is no longer served), while the engine
    /// keeps what did not change (incremental compilation).
    pub fn update(&mut self, main: String, images: &[String], today: Datetime) {
        let loader = self.files.loader_mut();
        loader.main = main;
        loader.shown = shown(images);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file_id(path: &str) -> FileId {
        FileId::new(RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new(path).expect("a valid path"),
        ))
    }

    /// A meeting folder with an image an open item shows, and a closed
    /// item's source and image beside it.
    fn meeting() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("bilag")).unwrap();
        for name in ["bilag/aaben.png", "bilag/lukket.png", "02-lukket.md"] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        dir
    }

    #[test]
    fn the_world_serves_only_the_meeting_files_the_document_shows() {
        let dir = meeting();
        let layout = Layout::resolve("kl", Path::new(".")).unwrap();
        let mut world = RkWorld::new(
            String::new(),
            &["./bilag/aaben.png".into()],
            Arc::new(Engine::new(&layout)),
            dir.path().to_path_buf(),
            Datetime::from_ymd(2021, 1, 1).unwrap(),
        );
        let shown = world.file(file_id("/meeting/bilag/aaben.png"));
        assert_eq!(shown.unwrap().as_slice(), b"bilag/aaben.png");
        // Named another way, the same file.
        assert!(
            world
                .file(file_id("meeting/bilag/../bilag/aaben.png"))
                .is_ok()
        );
        // The layout's files are served, the meeting's others are not.
        assert!(world.source(file_id("/layout/referat.typ")).is_ok());
        for path in ["/meeting/bilag/lukket.png", "/meeting/02-lukket.md"] {
            assert!(
                matches!(world.file(file_id(path)), Err(FileError::NotFound(_))),
                "{path}"
            );
            assert!(world.source(file_id(path)).is_err(), "{path}");
        }
        // A file that does not exist fails the same way as one withheld.
        assert!(matches!(
            world.file(file_id("/meeting/findes-ikke.png")),
            Err(FileError::NotFound(_))
        ));
        // The kept world of `rk watch`: once the document no longer shows
        // the image, the world no longer serves it.
        world.update(String::new(), &[], Datetime::from_ymd(2021, 1, 1).unwrap());
        assert!(matches!(
            world.file(file_id("/meeting/bilag/aaben.png")),
            Err(FileError::NotFound(_))
        ));
    }
}
