//! Small file-system helpers shared by the commands that write files.

use std::path::{Component, Path, PathBuf};

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder,
/// flushed to the disk, then renamed over `path`, so a reader never sees half a
/// file and a failed write (or a crash) leaves the old file as it was.
pub fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes.as_ref())?;
        // On the disk before it takes the name: a crash leaves the old file
        // or the new one, never an empty one.
        f.sync_all()
    })();
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
    // The rename itself on the disk (best effort: not every system can).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A whole file's bytes, with a message a person can act on if it fails.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("is a folder, not a file".to_string());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    })
}

/// `p` made absolute against `cwd` and lexically normalised (symlinks resolved
/// where the path exists).
pub fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = cwd.join(p);
    if let Ok(c) = joined.canonicalize() {
        return c;
    }
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The path of `to` relative to the folder `from` (both absolute), with `/`
/// separators.
pub fn relative(from: &Path, to: &Path) -> String {
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); f.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// [`relative`], or `None` when the path it would write is not UTF-8 (Linux
/// allows any bytes in names): a story file is JSON and cannot name such a file,
/// and a lossy path would name none.
pub fn relative_utf8(from: &Path, to: &Path) -> Option<String> {
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    t[common..]
        .iter()
        .all(|c| c.as_os_str().to_str().is_some())
        .then(|| relative(from, to))
}

/// The folder that paths written into `out` are relative to: the folder of
/// `out`, or the current folder when writing to standard output; absolute.
pub fn output_base(out: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let dir = out
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    absolute(&cwd, dir)
}

/// Writes `text` to `out` atomically, or to standard output when `out` is `None`.
/// On failure returns a message naming the file.
pub fn emit(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        None => {
            use std::io::Write;
            let mut so = std::io::stdout().lock();
            so.write_all(text.as_bytes())
                .and_then(|()| so.flush())
                .map_err(|e| format!("cannot write standard output: {e}"))
        }
        Some(o) => {
            write_atomically(o, text).map_err(|e| format!("cannot write {}: {e}", o.display()))
        }
    }
}
