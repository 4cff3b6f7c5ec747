//! Where the planner keeps its cases: one record per widget namespace, **always sealed**
//! under the person's passphrase (`kizuki_core::vault`), never as plain text.
//!
//! The sealed plaintext is the ordinary export envelope (`Export` JSON), so opening a record
//! goes through the same `export::import` checks as a file. The envelope's revision lives
//! inside the ciphertext: before writing, the stored record is opened with the key in memory
//! to refuse overwriting newer cases saved by another tab. [`VaultStore`] is the vault as the
//! shell's record store: the planner's saves run through `shell::record::Record`.

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::kind::plan::{Plan, PlanCases};
use kizuki_core::vault::{SealedRecord, VaultKey, NONCE_BYTES, SALT_BYTES};
use kizuki_core::{Error, ValidPack};

use crate::platform::{self, StorageError};
use crate::shell::record::{Refused, Store};

/// What storage holds for the planner when the widget starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Nothing yet: the person sets a passphrase first.
    Nothing,
    /// A sealed record, to unlock with the passphrase.
    Sealed(SealedRecord),
    /// An unencrypted record (from an older build): sealed once a passphrase is set.
    Plain(PlanCases),
}

/// What was found at start, and a problem to tell the person about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The record.
    pub stored: Stored,
    /// Why the record was not usable, if so.
    pub problem: Option<platform::LoadProblem>,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused (full, unavailable, other).
    Storage(StorageError),
    /// Another tab saved newer cases; here they are, to load instead.
    NewerElsewhere {
        /// The newer cases.
        cases: PlanCases,
        /// Their revision.
        revision: u64,
    },
    /// The stored record no longer opens with this key (the passphrase was changed in
    /// another tab): the person must unlock again.
    ChangedElsewhere,
    /// No secure random numbers for a nonce.
    NoRandom,
}

/// The storage key of the planner's record (`kizuki/<namespace>/<pack id>`).
pub fn key_for(pack: &ValidPack, namespace: &str) -> String {
    platform::record_key(namespace, &pack.pack().id)
}

/// Reads the planner's record. A record that is neither sealed nor a readable export is
/// kept aside and reported, never silently dropped.
pub fn load(pack: &ValidPack, namespace: &str) -> Found {
    let key = key_for(pack, namespace);
    let text = match platform::read(&key) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Found {
                stored: Stored::Nothing,
                problem: None,
            }
        }
        Err(error) => {
            return Found {
                stored: Stored::Nothing,
                problem: Some(platform::LoadProblem::Storage(error)),
            }
        }
    };
    match SealedRecord::from_json(&text) {
        Ok(record) => {
            return Found {
                stored: Stored::Sealed(record),
                problem: None,
            }
        }
        // A vault from a newer version: untouched, and explained.
        Err(error @ Error::FutureVersion { .. }) => return unreadable(&key, &text, &error),
        Err(_) => {}
    }
    match import(pack, text.as_bytes()) {
        Ok(export) => match export.state.into_state::<Plan>() {
            Some(cases) => Found {
                stored: Stored::Plain(cases),
                problem: None,
            },
            None => unreadable(&key, &text, &Error::DoesNotFit("not a plan".into())),
        },
        Err(error) => unreadable(&key, &text, &error),
    }
}

fn unreadable(key: &str, text: &str, error: &Error) -> Found {
    Found {
        stored: Stored::Nothing,
        problem: Some(platform::unreadable(key, text, error)),
    }
}

/// Whether a stored text must never be written over: neither a sealed record this build
/// opens nor a plain export it reads (a newer version's, or a damaged one still in place).
fn protected(pack: &ValidPack, text: &str) -> Option<StorageError> {
    match SealedRecord::from_json(text) {
        Ok(_) => None,
        Err(Error::FutureVersion { .. }) => Some(StorageError::NewerVersion),
        Err(_) => match import(pack, text.as_bytes()) {
            Ok(_) => None,
            Err(Error::FutureVersion { .. }) => Some(StorageError::NewerVersion),
            Err(_) => Some(StorageError::KeptInPlace),
        },
    }
}

/// The stored sealed record, if there is one.
pub fn stored_record(pack: &ValidPack, namespace: &str) -> Option<SealedRecord> {
    let text = platform::read(&key_for(pack, namespace)).ok()??;
    SealedRecord::from_json(&text).ok()
}

/// Opens a sealed record (stored or imported) with `key` and checks it against the pack.
pub fn open(
    pack: &ValidPack,
    key: &VaultKey,
    record: &SealedRecord,
) -> Result<(PlanCases, u64), Error> {
    let bytes = key.open(record)?;
    let export = import(pack, &bytes)?;
    let kind = export.state.kind_name();
    match export.state.into_state::<Plan>() {
        Some(cases) => Ok((cases, export.revision)),
        None => Err(Error::DoesNotFit(format!("a {kind} state"))),
    }
}

/// Derives the key of a sealed record from a passphrase and opens it (slow: Argon2id).
pub fn unlock(
    pack: &ValidPack,
    passphrase: &str,
    record: &SealedRecord,
) -> Result<(VaultKey, PlanCases, u64), Error> {
    let key = VaultKey::for_record(passphrase, record)?;
    let (cases, revision) = open(pack, &key, record)?;
    Ok((key, cases, revision))
}

/// Derives a new key under a fresh random salt (slow: Argon2id). `None` when the browser
/// has no secure random numbers.
pub fn new_key(passphrase: &str) -> Option<Result<VaultKey, Error>> {
    let salt = platform::random_bytes::<SALT_BYTES>()?;
    Some(VaultKey::derive(passphrase, salt))
}

/// The cases sealed under `key` with a fresh nonce, as the JSON stored and exported.
pub fn seal(
    pack: &ValidPack,
    key: &VaultKey,
    cases: &PlanCases,
    revision: u64,
) -> Result<String, SaveError> {
    let nonce = platform::random_bytes::<NONCE_BYTES>().ok_or(SaveError::NoRandom)?;
    let plain = plain_json(pack, cases, revision);
    // A nonce of one repeated byte means the random source is broken: nothing is sealed.
    let record = key
        .seal(&pack.pack().id, plain.as_bytes(), nonce)
        .map_err(|_| SaveError::NoRandom)?;
    Ok(record.to_json())
}

/// The cases as an unencrypted export (only ever offered as a file, after a warning).
pub fn plain_json(pack: &ValidPack, cases: &PlanCases, revision: u64) -> String {
    Export::new(
        pack,
        KitState::Plan(cases.clone()),
        &platform::now_iso(),
        revision,
    )
    .to_json()
}

/// Seals and stores the cases, unless another tab stored newer ones. `check_with` is the
/// key the stored record was sealed with (the same as `key`, except right after the
/// passphrase changed). Returns the new revision.
pub fn save(
    pack: &ValidPack,
    namespace: &str,
    check_with: &VaultKey,
    key: &VaultKey,
    cases: &PlanCases,
    revision: u64,
) -> Result<u64, SaveError> {
    let storage_key = key_for(pack, namespace);
    if let Some(text) = platform::read(&storage_key).map_err(SaveError::Storage)? {
        // A record that cannot be read is never written over; a plain one (from an older
        // build) is replaced by the sealed one.
        if let Some(error) = protected(pack, &text) {
            return Err(SaveError::Storage(error));
        }
        if let Ok(record) = SealedRecord::from_json(&text) {
            let (stored_cases, stored_revision) =
                open(pack, check_with, &record).map_err(|_| SaveError::ChangedElsewhere)?;
            if stored_revision > revision {
                return Err(SaveError::NewerElsewhere {
                    cases: stored_cases,
                    revision: stored_revision,
                });
            }
        }
    }
    let next = revision.saturating_add(1);
    let sealed = seal(pack, key, cases, next)?;
    platform::write(&storage_key, &sealed).map_err(SaveError::Storage)?;
    Ok(next)
}

/// Removes the record and anything kept aside from it.
pub fn erase(pack: &ValidPack, namespace: &str) -> Result<(), StorageError> {
    let storage_key = key_for(pack, namespace);
    for (aside, _) in platform::list(&format!("{storage_key}/")) {
        platform::remove(&aside)?;
    }
    platform::remove(&storage_key)
}

/// The stored record's text as it is (to download a copy of a damaged one).
pub fn stored_text(pack: &ValidPack, namespace: &str) -> Option<String> {
    platform::read(&key_for(pack, namespace)).ok().flatten()
}

/// Moves the stored record aside, byte for byte (`…/corrupt/<time>`), and returns where;
/// `None` when it cannot (storage full: it stays where it is).
pub fn keep_aside(pack: &ValidPack, namespace: &str) -> Option<String> {
    let key = key_for(pack, namespace);
    let text = platform::read(&key).ok().flatten()?;
    platform::keep_aside(&key, &text)
}

/// The code of a save or read refused because the stored record no longer opens with the
/// key in memory (the passphrase was changed, or everything erased, in another tab).
pub const CHANGED_ELSEWHERE: &str = "vault_changed_elsewhere";
/// The code of a save refused for want of secure random numbers (no nonce).
pub const NO_RANDOM: &str = "vault_no_random";

/// The vault as the shell's record store (`shell::record::Store`): every save sealed under
/// `key` after the stored record was opened with `check_with` (the same key, except for
/// the first save after the passphrase changed), every read opened with `key`.
pub struct VaultStore {
    key: VaultKey,
    check_with: std::cell::RefCell<VaultKey>,
}

impl VaultStore {
    /// The store of a vault unlocked with `key`.
    pub fn new(key: VaultKey) -> VaultStore {
        VaultStore {
            check_with: std::cell::RefCell::new(key.clone()),
            key,
        }
    }

    /// The store after the passphrase changed: the stored record is still sealed under
    /// `old` until the first save seals it under `key`.
    pub fn rekeyed(key: VaultKey, old: VaultKey) -> VaultStore {
        VaultStore {
            key,
            check_with: std::cell::RefCell::new(old),
        }
    }
}

impl Store for VaultStore {
    fn load(&self, pack: &ValidPack, namespace: &str) -> Result<platform::Loaded, &'static str> {
        let record = stored_record(pack, namespace).ok_or(CHANGED_ELSEWHERE)?;
        let (cases, revision) = open(pack, &self.key, &record).map_err(|_| CHANGED_ELSEWHERE)?;
        Ok(platform::Loaded {
            state: KitState::from(cases),
            revision,
            problem: None,
        })
    }

    fn save(
        &self,
        pack: &ValidPack,
        namespace: &str,
        state: &KitState,
        revision: u64,
    ) -> Result<u64, Refused> {
        let cases = state.get::<Plan>().ok_or(Refused::Code("does_not_fit"))?;
        let check_with = self.check_with.borrow().clone();
        match save(pack, namespace, &check_with, &self.key, cases, revision) {
            Ok(revision) => {
                *self.check_with.borrow_mut() = self.key.clone();
                Ok(revision)
            }
            Err(SaveError::NewerElsewhere { mut cases, .. }) => {
                // Read again by the record (`Store::load`): this copy is zeroed now.
                cases.wipe();
                Err(Refused::NewerElsewhere)
            }
            Err(SaveError::Storage(error)) => Err(Refused::Code(error.code())),
            Err(SaveError::ChangedElsewhere) => Err(Refused::Code(CHANGED_ELSEWHERE)),
            Err(SaveError::NoRandom) => Err(Refused::Code(NO_RANDOM)),
        }
    }

    fn read(&self, pack: &ValidPack, text: &str) -> Option<Export> {
        let record = SealedRecord::from_json(text).ok()?;
        let bytes = self.key.open(&record).ok()?;
        import(pack, &bytes).ok()
    }
}
