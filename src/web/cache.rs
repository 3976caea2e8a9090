//! Fetched pages kept in the platform's cache folder (`~/.cache/verso/pages` on
//! Linux), so that a page opened once opens again offline. One JSON file per
//! address, named by a stable hash of it, written atomically; the page is kept
//! as decoded text, so reading it back needs no charset.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A page as it was fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The address asked for.
    pub address: String,
    /// Where the page was found, after redirects.
    pub final_url: String,
    pub html: String,
}

/// The cache folder.
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The platform's cache folder for verso (XDG_CACHE_HOME or ~/.cache on
    /// Linux), `None` where there is no home folder.
    pub fn platform() -> Option<Cache> {
        let d = directories::ProjectDirs::from("", "", "verso")?;
        Some(Cache::at(d.cache_dir().join("pages")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// Where the page of `address` is kept.
    pub fn path(&self, address: &str) -> PathBuf {
        let mut h = fnv::FnvHasher::default();
        h.write(address.as_bytes());
        self.dir.join(format!("{:016x}.json", h.finish()))
    }

    /// The kept page of `address`; `None` if there is none or it cannot be
    /// read (a damaged entry is fetched again, not an error).
    pub fn get(&self, address: &str) -> Option<Entry> {
        let text = std::fs::read_to_string(self.path(address)).ok()?;
        serde_json::from_str::<Entry>(&text)
            .ok()
            .filter(|e| e.address == address)
    }

    /// Keeps a page; on failure, a message naming the file.
    pub fn put(&self, entry: &Entry) -> Result<(), String> {
        let path = self.path(&entry.address);
        let write = |p: &Path| -> std::io::Result<()> {
            std::fs::create_dir_all(&self.dir)?;
            let json = serde_json::to_string(entry).map_err(std::io::Error::other)?;
            crate::fsutil::write_atomically(p, json)
        };
        write(&path).map_err(|e| format!("cannot keep the page in {}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_comes_back_and_another_address_does_not() {
        let dir = std::env::temp_dir().join(format!("verso-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let c = Cache::at(&dir);
        let e = Entry {
            address: "http://example.test/a".into(),
            final_url: "http://example.test/b".into(),
            html: "<p>é</p>".into(),
        };
        assert_eq!(c.get(&e.address), None);
        c.put(&e).unwrap();
        assert_eq!(c.get(&e.address), Some(e.clone()));
        assert_eq!(c.get("http://example.test/other"), None);
        assert_ne!(c.path(&e.address), c.path("http://example.test/other"));
        std::fs::write(c.path(&e.address), "{damaged").unwrap();
        assert_eq!(c.get(&e.address), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
