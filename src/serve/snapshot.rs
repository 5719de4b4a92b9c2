//! The store as the server reads it: opened read-only, and reopened when an ingest changes it.
//!
//! A read-only RocksDB instance sees the store as it was when opened. A background thread looks
//! at the store's files every refresh interval (names, sizes, modification times; info logs
//! left out) and, when they changed, opens a new read-only instance and swaps it in. Queries
//! already running keep the instance they started with.

use crate::store::{KgStore, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, Weak};
use std::time::{Duration, SystemTime};

/// The current read-only view of the store.
pub(crate) struct Snapshots {
    current: RwLock<Arc<KgStore>>,
}

/// What the store's files look like: changes when a writer commits.
type Fingerprint = Vec<(String, u64, Option<SystemTime>)>;

fn fingerprint(path: &Path) -> Fingerprint {
    let mut files: Fingerprint = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if crate::store::is_info_log(&name) {
                        return None;
                    }
                    let meta = e.metadata().ok()?;
                    Some((name, meta.len(), meta.modified().ok()))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

impl Snapshots {
    /// Opens the store at `path` read-only, and starts the thread that reopens it every `refresh`
    /// when its files changed.
    pub(crate) fn open(path: &Path, refresh: Duration) -> Result<Arc<Self>, StoreError> {
        let before = fingerprint(path);
        let store = KgStore::open_read_only(path)?;
        let snapshots = Arc::new(Self {
            current: RwLock::new(Arc::new(store)),
        });
        let weak = Arc::downgrade(&snapshots);
        let path = path.to_owned();
        std::thread::Builder::new()
            .name("kg-refresh".to_owned())
            .spawn(move || refresh_loop(weak, path, before, refresh))?;
        Ok(snapshots)
    }

    /// The latest view.
    pub(crate) fn current(&self) -> Arc<KgStore> {
        let guard = self.current.read().unwrap_or_else(|p| p.into_inner());
        Arc::clone(&guard)
    }

    /// Opens a new view now (after a query failed on a file a writer compacted away).
    pub(crate) fn reopen(&self, path: &Path) -> Result<(), StoreError> {
        let store = KgStore::open_read_only(path)?;
        let mut guard = self.current.write().unwrap_or_else(|p| p.into_inner());
        *guard = Arc::new(store);
        Ok(())
    }
}

fn refresh_loop(snapshots: Weak<Snapshots>, path: PathBuf, mut seen: Fingerprint, every: Duration) {
    loop {
        std::thread::sleep(every);
        let Some(snapshots) = snapshots.upgrade() else {
            return;
        };
        let now = fingerprint(&path);
        if now == seen {
            continue;
        }
        match snapshots.reopen(&path) {
            Ok(()) => seen = now,
            Err(error) => eprintln!(
                "kg serve: cannot reopen the store (still serving the previous state): {error}"
            ),
        }
    }
}
