//! Compressing the store's files after a large ingest.
//!
//! Why this exists: Oxigraph opens RocksDB with `OptimizeLevelStyleCompaction`, which leaves the
//! first two levels uncompressed, and with dynamic level sizes, under which every level below
//! 512 MB per column family counts as one of those two. So a store of up to a few gigabytes is
//! written without any compression: 100 MB of news made a 1.36 GB store, 13.6 times the text.
//! Oxigraph exposes no option for it, but its RocksDB (the `oxrocksdb-sys` crate it links) has
//! the full C API. While no `Store` has the directory open, [`recompress`] opens it directly
//! with the same column families and the same per-family settings Oxigraph uses (prefix sizes,
//! point-lookup tuning), plus LZ4 at every level and 16 KB blocks, and compacts every column
//! family into its bottom level. Measured and left: 64 KB blocks (the sorted, prefix-sharing
//! keys compress better the more of them a block holds: 100 MB of news 721 -> 683 MB) made the
//! example queries slower on that store (medians of three, side by side: conflicts 1.75 ->
//! 1.97 s, timeline 0.64 -> 1.08 s), since every point read decompresses a whole block; LZ4HC
//! (the same format, searched harder when written) at the bottom level saved 7% more on 10 MB
//! but its compaction took two to four times as long. Oxigraph reads such files as any other:
//! the compression is recorded per block. Files that Oxigraph itself compacts later (after a
//! few small ingests) are written uncompressed again, until the next large ingest compresses
//! them.
//!
//! This stands in for `Store::optimize` (the same full compaction, with compression) and is only
//! built with the on-disk store (the `rocksdb` feature).

use super::StoreError;
use oxrocksdb_sys as ffi;
use std::ffi::{c_char, c_int, CStr, CString};
use std::path::Path;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

/// RocksDB's number for LZ4 (`rocksdb_lz4_compression`): Oxigraph's RocksDB is built with LZ4
/// (and LZ4HC) and nothing else.
const LZ4: c_int = ffi::rocksdb_lz4_compression as c_int;

/// The levels of Oxigraph's RocksDB (its default: seven).
const LEVELS: usize = 7;

/// Data block size of the rewritten files.
const BLOCK_SIZE: usize = 16 * 1024;

/// `BottommostLevelCompaction::kForce`: rewrite the bottom level too (it holds all the data).
const FORCE_BOTTOMMOST: u8 = 2;

/// How Oxigraph sets up one column family (from its storage module's definitions): the length
/// of the key prefix its iterators seek by, or `None` for the point-lookup family `id2str`.
fn prefix_size(column_family: &str) -> Option<usize> {
    match column_family {
        "id2str" => None,
        // Their keys may start with a small literal of any length.
        "ospg" | "dosp" | "default" => Some(0),
        // Keys starting with a named or blank node (17 bytes).
        _ => Some(17),
    }
}

/// Rewrites every file of the store at `path` compressed (see the module's documentation). No
/// `Store` may have the directory open meanwhile. Costs a full compaction: seconds per hundred
/// megabytes of store.
pub(crate) fn recompress(path: &Path) -> Result<(), StoreError> {
    let c_path = CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| {
        StoreError::Compress(format!("the path {} contains a NUL byte", path.display()))
    })?;
    let db = RawDb::open(&c_path)?;
    // The column families are compacted side by side, one per core: each compaction is one
    // thread's work, and the largest families are about the same size.
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers.min(db.handles.len()) {
            scope.spawn(|| {
                while let Some(handle) = db.handles.get(next.fetch_add(1, Ordering::Relaxed)) {
                    db.compact(*handle);
                }
            });
        }
    });
    Ok(())
}

/// A RocksDB handle with its column families, closed on drop.
struct RawDb {
    db: *mut ffi::rocksdb_t,
    handles: Vec<*mut ffi::rocksdb_column_family_handle_t>,
    options: *mut ffi::rocksdb_options_t,
    family_options: Vec<*mut ffi::rocksdb_options_t>,
    table_options: *mut ffi::rocksdb_block_based_table_options_t,
}

impl RawDb {
    fn open(path: &CStr) -> Result<Self, StoreError> {
        let names = column_families(path)?;
        unsafe {
            let table_options = ffi::rocksdb_block_based_options_create();
            ffi::rocksdb_block_based_options_set_format_version(table_options, 5);
            ffi::rocksdb_block_based_options_set_index_block_restart_interval(table_options, 16);
            ffi::rocksdb_block_based_options_set_block_size(table_options, BLOCK_SIZE);
            let options = ffi::rocksdb_options_create();
            ffi::rocksdb_options_set_create_if_missing(options, 0);
            ffi::rocksdb_options_set_info_log_level(options, 2);
            // Manual compactions run on RocksDB's background threads: one per core.
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            ffi::rocksdb_options_increase_parallelism(
                options,
                c_int::try_from(cores).unwrap_or(c_int::MAX),
            );
            ffi::rocksdb_options_set_compression(options, LZ4);
            ffi::rocksdb_options_set_bottommost_compression(options, LZ4);
            let per_level = [LZ4; LEVELS];
            ffi::rocksdb_options_set_compression_per_level(options, per_level.as_ptr(), LEVELS);
            ffi::rocksdb_options_set_level_compaction_dynamic_level_bytes(options, 1);
            ffi::rocksdb_options_set_block_based_table_factory(options, table_options);
            let family_options: Vec<_> = names
                .iter()
                .map(|name| {
                    let o = ffi::rocksdb_options_create_copy(options);
                    match prefix_size(&name.to_string_lossy()) {
                        None => ffi::rocksdb_options_optimize_for_point_lookup(o, 128),
                        Some(0) => {}
                        Some(n) => ffi::rocksdb_options_set_prefix_extractor(
                            o,
                            ffi::rocksdb_slicetransform_create_fixed_prefix(n),
                        ),
                    }
                    o
                })
                .collect();
            let name_ptrs: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
            let mut handles = vec![ptr::null_mut(); names.len()];
            let mut error: *mut c_char = ptr::null_mut();
            let db = ffi::rocksdb_open_column_families(
                options,
                path.as_ptr(),
                c_int::try_from(names.len()).unwrap_or(c_int::MAX),
                name_ptrs.as_ptr(),
                family_options.as_ptr() as *const *const ffi::rocksdb_options_t,
                handles.as_mut_ptr(),
                &mut error,
            );
            let raw = RawDb {
                db,
                handles,
                options,
                family_options,
                table_options,
            };
            if let Some(message) = take_error(error) {
                return Err(StoreError::Compress(message));
            }
            if db.is_null() {
                return Err(StoreError::Compress("RocksDB returned no database".into()));
            }
            Ok(raw)
        }
    }
}

impl RawDb {
    /// Rewrites one column family into its bottom level, compressed.
    fn compact(&self, handle: *mut ffi::rocksdb_column_family_handle_t) {
        unsafe {
            let compaction = ffi::rocksdb_compactoptions_create();
            ffi::rocksdb_compactoptions_set_bottommost_level_compaction(
                compaction,
                FORCE_BOTTOMMOST,
            );
            // Other families are compacted at the same time.
            ffi::rocksdb_compactoptions_set_exclusive_manual_compaction(compaction, 0);
            ffi::rocksdb_compact_range_cf_opt(
                self.db,
                handle,
                compaction,
                ptr::null(),
                0,
                ptr::null(),
                0,
            );
            ffi::rocksdb_compactoptions_destroy(compaction);
        }
    }
}

// SAFETY: a RocksDB database and its column-family handles may be used from several threads at
// once (RocksDB's own guarantee for `DB`); the options are only read after the open, and the
// handle is closed once, on drop, after the threads that share it have ended.
unsafe impl Sync for RawDb {}

impl Drop for RawDb {
    fn drop(&mut self) {
        unsafe {
            for handle in &self.handles {
                if !handle.is_null() {
                    ffi::rocksdb_column_family_handle_destroy(*handle);
                }
            }
            if !self.db.is_null() {
                ffi::rocksdb_close(self.db);
            }
            for o in &self.family_options {
                ffi::rocksdb_options_destroy(*o);
            }
            ffi::rocksdb_options_destroy(self.options);
            ffi::rocksdb_block_based_options_destroy(self.table_options);
        }
    }
}

/// The names of the column families of the database at `path`.
fn column_families(path: &CStr) -> Result<Vec<CString>, StoreError> {
    unsafe {
        let options = ffi::rocksdb_options_create();
        let mut count = 0usize;
        let mut error: *mut c_char = ptr::null_mut();
        let list =
            ffi::rocksdb_list_column_families(options, path.as_ptr(), &mut count, &mut error);
        ffi::rocksdb_options_destroy(options);
        if let Some(message) = take_error(error) {
            return Err(StoreError::Compress(message));
        }
        if list.is_null() {
            return Ok(Vec::new());
        }
        let names = (0..count)
            .map(|i| CStr::from_ptr(*list.add(i)).to_owned())
            .collect();
        ffi::rocksdb_list_column_families_destroy(list, count);
        Ok(names)
    }
}

/// RocksDB's error message, if any (and frees it).
///
/// # Safety
/// `error` is null or a string RocksDB allocated for an error.
unsafe fn take_error(error: *mut c_char) -> Option<String> {
    if error.is_null() {
        return None;
    }
    let message = CStr::from_ptr(error).to_string_lossy().into_owned();
    ffi::rocksdb_free(error.cast());
    Some(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
    use oxigraph::store::Store;

    /// The bytes of the store's table files.
    fn table_bytes(path: &Path) -> u64 {
        std::fs::read_dir(path)
            .expect("the store directory")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".sst"))
            .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
            .sum()
    }

    /// Quads shaped like a document graph's: a few predicates, many subjects, one graph each.
    fn quads() -> Vec<Quad> {
        let p = |name: &str| NamedNode::new_unchecked(format!("https://example.org/p/{name}"));
        (0..4000)
            .flat_map(|i| {
                let graph = GraphName::NamedNode(NamedNode::new_unchecked(format!(
                    "https://example.org/doc/{}",
                    i / 40
                )));
                let s =
                    NamedNode::new_unchecked(format!("https://example.org/doc/{}/m{i}", i / 40));
                [
                    Quad::new(s.clone(), p("type"), p("Attestation"), graph.clone()),
                    Quad::new(
                        s.clone(),
                        p("rule"),
                        Literal::new_simple_literal("apposition"),
                        graph.clone(),
                    ),
                    Quad::new(s, p("index"), Literal::from(i as i64), graph),
                ]
            })
            .collect()
    }

    #[test]
    fn compressed_files_are_smaller_and_hold_the_same_quads() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let written = quads();
        let before = {
            let store = Store::open(dir.path()).expect("a new store");
            store.extend(written.clone()).expect("quads written");
            store.flush().expect("flushed");
            store.optimize().expect("compacted");
            drop(store);
            table_bytes(dir.path())
        };
        recompress(dir.path()).expect("compressed");
        let after = table_bytes(dir.path());
        assert!(
            after * 10 < before * 8,
            "{before} bytes before, {after} after: not compressed"
        );
        let store = Store::open(dir.path()).expect("the store opens again");
        assert_eq!(store.len().expect("a count"), written.len());
        for quad in &written {
            assert!(store.contains(quad).expect("a lookup"), "{quad} lost");
        }
    }

    #[test]
    fn a_directory_without_a_store_is_an_error_not_a_new_store() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let missing = dir.path().join("nothing-here");
        let error = recompress(&missing).expect_err("no store there");
        assert!(matches!(error, StoreError::Compress(_)), "{error}");
        assert!(!missing.exists(), "recompress created a directory");
    }
}
