//! A guard on a running query: its time and the process's memory.
//!
//! Oxigraph checks a [`CancellationToken`] while it evaluates, so a query past its deadline, or
//! one whose memory grows past a limit (an ORDER BY over a cartesian product grows by hundreds
//! of megabytes a second), is stopped with an error rather than left to run or to exhaust the
//! machine. Some operators (a sort, a hash join being built) check the token only between rows;
//! for those the caller gets a second chance: `on_stuck` runs when the query has not stopped a
//! grace period after the cancellation (the command line exits there).

use oxigraph::sparql::CancellationToken;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Why the watchdog stopped a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The deadline passed.
    Timeout,
    /// The process's resident memory passed the limit.
    Memory,
}

/// Watches one query; dropping it (or [`Watchdog::finish`]) ends the watch.
pub struct Watchdog {
    token: CancellationToken,
    stopped: Arc<AtomicU8>,
    done: Arc<std::sync::atomic::AtomicBool>,
}

const RUNNING: u8 = 0;
const TIMEOUT: u8 = 1;
const MEMORY: u8 = 2;

impl Watchdog {
    /// Starts watching: cancels the returned token after `timeout` (`None`: never) or when the
    /// resident memory passes `max_memory` bytes (`0`: never; measured on Linux only), and calls
    /// `on_stuck` if the query is still running `grace` after that.
    pub fn start(
        timeout: Option<Duration>,
        max_memory: u64,
        grace: Duration,
        on_stuck: impl FnOnce(Stop) + Send + 'static,
    ) -> Self {
        let token = CancellationToken::new();
        let stopped = Arc::new(AtomicU8::new(RUNNING));
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let watch = Self {
            token: token.clone(),
            stopped: Arc::clone(&stopped),
            done: Arc::clone(&done),
        };
        if timeout.is_none() && max_memory == 0 {
            return watch;
        }
        let started = Instant::now();
        std::thread::spawn(move || {
            let tick = Duration::from_millis(50);
            let reason = loop {
                if done.load(Ordering::Relaxed) {
                    return;
                }
                if timeout.is_some_and(|t| started.elapsed() >= t) {
                    break Stop::Timeout;
                }
                if max_memory > 0 && resident_bytes().is_some_and(|b| b > max_memory) {
                    break Stop::Memory;
                }
                std::thread::sleep(tick);
            };
            stopped.store(
                if reason == Stop::Timeout {
                    TIMEOUT
                } else {
                    MEMORY
                },
                Ordering::SeqCst,
            );
            token.cancel();
            let cancelled = Instant::now();
            while cancelled.elapsed() < grace {
                if done.load(Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(tick);
            }
            on_stuck(reason);
        });
        watch
    }

    /// The token to give the query.
    pub fn token(&self) -> CancellationToken {
        self.token.clone()
    }

    /// Why the query was stopped, if it was.
    pub fn stopped(&self) -> Option<Stop> {
        match self.stopped.load(Ordering::SeqCst) {
            TIMEOUT => Some(Stop::Timeout),
            MEMORY => Some(Stop::Memory),
            _ => None,
        }
    }

    /// Ends the watch (the query finished).
    pub fn finish(&self) {
        self.done.store(true, Ordering::SeqCst);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The process's resident memory in bytes (Linux: `/proc/self/statm`).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KgStore;
    use oxigraph::sparql::QueryResults;

    #[test]
    fn a_runaway_query_is_cancelled() {
        let store = KgStore::in_memory().unwrap();
        let watch = Watchdog::start(
            Some(Duration::from_millis(200)),
            0,
            Duration::from_secs(600),
            |_| {},
        );
        let results = store
            .query_cancellable("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", watch.token())
            .unwrap();
        let QueryResults::Solutions(solutions) = results else {
            panic!("not a SELECT");
        };
        let failed = solutions.into_iter().any(|s| s.is_err());
        assert!(failed, "the query ran to its end");
        assert_eq!(watch.stopped(), Some(Stop::Timeout));
    }
}
