//! Opening the store on disk for reading only, and keeping RocksDB's info logs from piling up.
//!
//! Reading while an ingest writes: RocksDB allows read-only instances beside the one writer (they
//! take no lock and create no file, not even an info log). A read-only instance sees what was
//! committed when it opened: the writer's table files and write-ahead log are read then (a
//! transaction half-written to the log is left out, as after a crash). The writer may flush,
//! compact and delete files meanwhile. Oxigraph's documentation calls a read-only open beside a
//! writer undefined: what it means is this race, which [`read_only`] closes by opening again until
//! no file came or went during the open (a long query may still fail, with an error, on a table
//! file compacted away under it; `kg serve` then reopens and runs it once more).
//!
//! Info logs: every read-write open renames RocksDB's `LOG` to `LOG.old.<microseconds>` (about
//! 120 KB each) and keeps a thousand of them; Oxigraph exposes no option for that, so the writer
//! removes them once it holds the lock.

use super::StoreError;
use oxigraph::store::Store;
use std::path::Path;
#[cfg(feature = "rocksdb")]
use std::time::Duration;

/// How many times a read-only open is tried while a writer may be moving files.
#[cfg(feature = "rocksdb")]
const OPEN_ATTEMPTS: u32 = 20;

/// Whether `name` is one of RocksDB's info logs (`LOG`, `LOG.old.<digits>`), never a data file.
pub(crate) fn is_info_log(name: &str) -> bool {
    name == "LOG"
        || name
            .strip_prefix("LOG.old.")
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes the old info logs (`LOG.old.*`) of the store at `path`. Failures are ignored: the logs
/// are a nuisance, not data.
pub(crate) fn remove_old_info_logs(path: &Path) {
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name != "LOG" && is_info_log(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Opens (creating if needed) the store at `path` for writing.
#[cfg(feature = "rocksdb")]
pub(crate) fn read_write(path: &Path) -> Result<Store, StoreError> {
    Store::open(path).map_err(|e| StoreError::from_open(path, e))
}

/// Without the `rocksdb` feature there is no on-disk store to open.
#[cfg(not(feature = "rocksdb"))]
pub(crate) fn read_write(path: &Path) -> Result<Store, StoreError> {
    Err(StoreError::NoDiskStore {
        path: path.to_owned(),
    })
}

/// Checks that `path` holds a store, without creating anything.
pub(crate) fn check_exists(path: &Path) -> Result<(), StoreError> {
    let missing = || StoreError::Missing {
        path: path.to_owned(),
    };
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing()),
        Err(e) => {
            return Err(StoreError::Open {
                path: path.to_owned(),
                message: e.to_string(),
            })
        }
    };
    if !metadata.is_dir() {
        return Err(StoreError::NotAStore {
            path: path.to_owned(),
        });
    }
    if path.join("CURRENT").is_file() {
        return Ok(());
    }
    let empty = std::fs::read_dir(path)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false);
    Err(if empty {
        missing()
    } else {
        StoreError::NotAStore {
            path: path.to_owned(),
        }
    })
}

/// The store's files as a writer's flushes and compactions change them: every file's name (info
/// logs left out) and the manifest's size. Write-ahead logs only grow between flushes, and a
/// reader replays them up to the last whole record, so their sizes are left out.
#[cfg(feature = "rocksdb")]
fn file_set(path: &Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if is_info_log(&name) {
                        return None;
                    }
                    let size = if name.starts_with("MANIFEST") {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    } else {
                        0
                    };
                    Some((name, size))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Opens the existing store at `path` read-only, as of one moment.
///
/// A writer flushing meanwhile can delete a write-ahead log after the reader read the manifest
/// that still relies on it: the reader would then miss what the log held, and answer wrongly
/// (seen: a count of 0 documents during an ingest). So the store's file set is compared before
/// and after the open, and the open is done again until no file came or went in between.
#[cfg(feature = "rocksdb")]
pub(crate) fn read_only(path: &Path) -> Result<Store, StoreError> {
    check_exists(path)?;
    let mut last_error = String::new();
    for attempt in 0..OPEN_ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(10 << attempt.min(6)));
        }
        let before = file_set(path);
        match Store::open_read_only(path) {
            Ok(store) if file_set(path) == before => return Ok(store),
            Ok(_) => {
                last_error = "a writer changed the store's files while it was opened".to_owned()
            }
            Err(e) => last_error = e.to_string(),
        }
    }
    Err(StoreError::Open {
        path: path.to_owned(),
        message: format!(
            "{last_error} ({OPEN_ATTEMPTS} attempts; an ingest may be writing fast: try again)"
        ),
    })
}

/// Without the `rocksdb` feature there is no on-disk store to read (a missing one is still
/// reported as missing).
#[cfg(not(feature = "rocksdb"))]
pub(crate) fn read_only(path: &Path) -> Result<Store, StoreError> {
    check_exists(path)?;
    Err(StoreError::NoDiskStore {
        path: path.to_owned(),
    })
}

#[cfg(all(test, feature = "rocksdb"))]
mod tests {
    use super::*;

    #[test]
    fn info_logs_are_told_from_data_files() {
        for name in ["LOG", "LOG.old.1733500000000000"] {
            assert!(is_info_log(name), "{name}");
        }
        for name in [
            "LOG.old.",
            "LOG.old.x1",
            "000012.log",
            "000013.sst",
            "MANIFEST-000005",
            "CURRENT",
            "OPTIONS-000007",
            "LOGS",
        ] {
            assert!(!is_info_log(name), "{name}");
        }
    }

    #[test]
    fn a_missing_or_foreign_directory_is_no_store_and_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let absent = dir.path().join("absent");
        assert!(matches!(
            read_only(&absent),
            Err(StoreError::Missing { .. })
        ));
        assert!(!absent.exists(), "a read-only open created {absent:?}");
        let foreign = dir.path().join("articles");
        std::fs::create_dir(&foreign).expect("mkdir");
        std::fs::write(foreign.join("a.txt"), "text").expect("write");
        assert!(matches!(
            read_only(&foreign),
            Err(StoreError::NotAStore { .. })
        ));
        assert_eq!(std::fs::read_dir(&foreign).expect("read").count(), 1);
    }

    #[test]
    fn writer_opens_leave_no_old_info_logs_and_readers_create_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store");
        for _ in 0..3 {
            drop(crate::KgStore::open(&path).expect("open"));
        }
        let names = || -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(&path)
                .expect("read")
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        let after_writers = names();
        assert!(
            !after_writers.iter().any(|n| n.starts_with("LOG.old.")),
            "{after_writers:?}"
        );
        for _ in 0..3 {
            drop(crate::KgStore::open_read_only(&path).expect("open read-only"));
        }
        assert_eq!(names(), after_writers);
    }
}
