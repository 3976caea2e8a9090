//! Remembered places: where the reader left each story, one small JSON file per
//! story under the platform's state folder (`$XDG_STATE_HOME/verso/places` on
//! Linux), written atomically. A damaged file is ignored with a warning.

use std::path::{Path, PathBuf};

use crate::app::place::Place;

/// The folder that holds the places, if the platform has one.
pub fn dir() -> Option<PathBuf> {
    let d = directories::ProjectDirs::from("", "", "verso")?;
    Some(
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .join("places"),
    )
}

/// A stable name for a story: its canonical path(s), or the bundled story's name.
pub fn key(files: &[PathBuf]) -> String {
    if files.is_empty() {
        return format!("(bundled) {}", crate::story::bundled::SOURCE);
    }
    let parts: Vec<String> = files
        .iter()
        .map(|f| {
            f.canonicalize()
                .unwrap_or_else(|_| f.clone())
                .display()
                .to_string()
        })
        .collect();
    parts.join("\n")
}

/// The file that keeps the place of story `key`.
fn file(dir: &Path, key: &str) -> PathBuf {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut h = fnv::FnvHasher::default();
    std::hash::Hasher::write(&mut h, key.as_bytes());
    dir.join(format!("{:016x}.json", std::hash::Hasher::finish(&h)))
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    story: String,
    place: Place,
}

/// The remembered place of story `key`: `Ok(None)` when there is none, `Err`
/// with a warning when the file is damaged.
pub fn read(key: &str) -> Result<Option<Place>, String> {
    let Some(dir) = dir() else { return Ok(None) };
    read_in(&dir, key)
}

pub fn read_in(dir: &Path, key: &str) -> Result<Option<Place>, String> {
    let path = file(dir, key);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "{}: cannot read the remembered place ({e}); starting fresh",
                path.display()
            ));
        }
    };
    match serde_json::from_str::<Stored>(&text) {
        Ok(s) if s.story == key => Ok(Some(s.place)),
        Ok(_) => Ok(None),
        Err(e) => Err(format!(
            "{}: the remembered place is damaged ({e}); starting fresh",
            path.display()
        )),
    }
}

/// Remembers the place of story `key`.
pub fn write(key: &str, place: &Place) -> Result<(), String> {
    let Some(dir) = dir() else { return Ok(()) };
    write_in(&dir, key, place)
}

pub fn write_in(dir: &Path, key: &str, place: &Place) -> Result<(), String> {
    let path = file(dir, key);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stored = Stored {
        story: key.to_string(),
        place: place.clone(),
    };
    let json = serde_json::to_string_pretty(&stored).expect("a place always serialises");
    crate::fsutil::write_atomically(&path, json.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}
