//! A fixed set of worker threads that run queries, with a bounded queue in front.
//!
//! A query that overruns its time is cancelled (Oxigraph checks the cancellation token as it reads
//! the store), but some work (a large sort) does not look at the token until it ends. The pool is
//! what keeps such queries from piling up: at most `workers` run at once and at most `queue` wait;
//! beyond that a request is answered "busy" at once instead of starting another thread.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// The workers, fed through a bounded queue.
pub(crate) struct Pool {
    sender: SyncSender<Job>,
}

/// Every worker is busy and the queue is full.
#[derive(Debug)]
pub(crate) struct Busy;

impl Pool {
    /// Starts `workers` threads (at least one) behind a queue of `queue` waiting jobs.
    pub(crate) fn new(workers: usize, queue: usize) -> std::io::Result<Self> {
        let (sender, receiver) = sync_channel::<Job>(queue);
        let receiver = Arc::new(Mutex::new(receiver));
        for i in 0..workers.max(1) {
            let receiver = Arc::clone(&receiver);
            std::thread::Builder::new()
                .name(format!("kg-query-{i}"))
                .spawn(move || loop {
                    let job = {
                        let guard = receiver.lock().unwrap_or_else(|p| p.into_inner());
                        guard.recv()
                    };
                    match job {
                        // A panicking query must not take its worker with it.
                        Ok(job) => drop(catch_unwind(AssertUnwindSafe(job))),
                        Err(_) => break,
                    }
                })?;
        }
        Ok(Self { sender })
    }

    /// Queues `job`; its result arrives on the returned channel (closed if the job panicked).
    pub(crate) fn submit<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Receiver<T>, Busy> {
        let (tx, rx) = sync_channel(1);
        let job: Job = Box::new(move || {
            let _ = tx.send(job());
        });
        match self.sender.try_send(job) {
            Ok(()) => Ok(rx),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(Busy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn jobs_beyond_workers_and_queue_are_refused() {
        let pool = Pool::new(1, 1).expect("pool");
        let (release, wait) = channel::<()>();
        let wait = Arc::new(Mutex::new(wait));
        let blocker = {
            let wait = Arc::clone(&wait);
            move || {
                let _ = wait.lock().map(|w| w.recv());
                1
            }
        };
        let running = pool.submit(blocker.clone()).expect("first runs");
        // The worker may not have taken the first job yet: one of the next two must be refused.
        let second = pool.submit(blocker.clone());
        let third = pool.submit(blocker);
        assert!(
            second.is_err() || third.is_err(),
            "three jobs on one worker and a queue of one"
        );
        for _ in 0..3 {
            let _ = release.send(());
        }
        assert_eq!(running.recv().ok(), Some(1));
    }

    #[test]
    fn a_panicking_job_leaves_its_worker_alive() {
        let pool = Pool::new(1, 4).expect("pool");
        let failed = pool.submit(|| -> u8 { panic!("boom") }).expect("queued");
        assert!(failed.recv().is_err());
        let next = pool.submit(|| 7u8).expect("queued");
        assert_eq!(next.recv().ok(), Some(7));
    }
}
