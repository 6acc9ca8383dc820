//! A lore session for the pipelines, which are not async.

use std::sync::atomic::Ordering;

use super::Fetched;
use super::error::FetchError;
use super::lore::{Lore, LoreOptions, Progress, ThreadAsk};
use super::search::{self, Listing, ListingAsk};
use crate::input::Failure;

/// A [`Lore`] and the runtime that drives it, for the pipelines, which are
/// not async: one run's listing and fetching share its pause and its count
/// of bot checks.
pub struct Session {
    runtime: tokio::runtime::Runtime,
    lore: Lore,
}

impl Session {
    pub fn start(options: LoreOptions) -> Result<Session, FetchError> {
        // Two workers suffice for a few requests at a time.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| FetchError::Client(format!("cannot start the network runtime: {e}")))?;
        Ok(Session {
            runtime,
            lore: Lore::new(options)?,
        })
    }

    pub fn lore(&self) -> &Lore {
        &self.lore
    }

    /// Each ID's thread from the run's `--list`; an ID that fails is one
    /// failure, the rest go on.
    pub fn threads(&self, ids: &[String], watch: &(dyn Fn(Progress) + Sync)) -> Fetched {
        let asks: Vec<ThreadAsk> = ids
            .iter()
            .map(|id| ThreadAsk {
                id: id.clone(),
                inbox: self.lore.options().list.clone(),
                listed_in: None,
            })
            .collect();
        self.threads_from(&asks, watch)
    }

    /// Each thread from the inbox it names, as [`Session::threads`].
    pub fn threads_from(&self, asks: &[ThreadAsk], watch: &(dyn Fn(Progress) + Sync)) -> Fetched {
        let results = self.runtime.block_on(self.lore.threads(asks, watch));
        let mut fetched = Fetched::default();
        for (ask, result) in asks.iter().zip(results) {
            match result {
                Ok(mails) => fetched.mails.extend(mails),
                Err(error) => fetched.failed.push(Failure {
                    input: ask.id.clone(),
                    error: error.to_string(),
                }),
            }
        }
        let stats = self.lore.stats();
        fetched.notes.push(format!(
            "fetched {}/{} threads ({} from the cache, {} requests)",
            asks.len() - fetched.failed.len(),
            asks.len(),
            stats.from_cache.load(Ordering::Relaxed),
            stats.requests.load(Ordering::Relaxed)
        ));
        fetched
    }

    /// The window's mail in one search, handed to `each` as it is read
    /// ([`super::bulk::week_mail`]).
    pub fn week_mail(
        &self,
        ask: &super::bulk::WeekAsk,
        each: &mut dyn FnMut(super::bulk::Delivery),
    ) -> Result<super::bulk::WeekMail, FetchError> {
        self.runtime
            .block_on(super::bulk::week_mail(&self.lore, ask, each))
    }

    /// Every listing of `asks`, read at once as [`search::listings`] does.
    pub fn listings(&self, asks: &[ListingAsk]) -> Vec<Result<Listing, FetchError>> {
        self.runtime.block_on(search::listings(&self.lore, asks))
    }
}
