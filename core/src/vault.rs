//! Encryption at rest for health information: Argon2id derives a key from the person's
//! passphrase; ChaCha20-Poly1305 seals the data, so a wrong passphrase, a changed byte or
//! a cut-off record is detected, never decrypted into garbage.
//!
//! The core has no randomness: callers pass a fresh random salt and nonce each time, and
//! sealing is refused when those bytes look broken (all one value).
//!
//! A new passphrase is checked ([`check_passphrase`]) and every passphrase is normalised
//! ([`normalise_passphrase`]) before a key is derived from it.

pub use crate::passphrase::{
    check_passphrase, normalise_passphrase, PassphraseProblem, MIN_PASSPHRASE_CHARS,
};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::error::{Error, Result};

/// The vault format this build writes and reads.
pub const VAULT_FORMAT: u32 = 1;
/// Salt length in bytes.
pub const SALT_BYTES: usize = 16;
/// Nonce length in bytes.
pub const NONCE_BYTES: usize = 12;

/// Argon2id cost for new keys: 40 MiB, 2 passes, 1 lane, about twice the OWASP baseline
/// (19 MiB, 2 passes). Chosen by `tests/bench/argon2-unlock.mjs`: the baseline unlocked in
/// 0.26 s in headless Chromium and 0.53 s with the CPU throttled 4× (a mid-range phone), so
/// twice the memory brings a phone to about 1 s. Records keep their own settings, so vaults
/// sealed at the baseline still open (and are re-sealed at it until the passphrase changes).
const MEMORY_KIB: u32 = 40 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

/// A key derived from a passphrase, kept in memory while the vault is unlocked.
#[derive(Clone, PartialEq, Eq)]
pub struct VaultKey {
    key: [u8; 32],
    salt: [u8; SALT_BYTES],
    kdf: KdfParams,
}

/// The key bytes are overwritten when a key is dropped (on lock, on a new passphrase, when a
/// copy held by the view goes), so they do not linger in freed memory.
impl Drop for VaultKey {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl std::fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VaultKey(..)")
    }
}

/// The key-derivation settings stored with each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    /// Always `argon2id`.
    pub alg: KdfAlgorithm,
    /// Memory in KiB.
    pub m: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

/// Key-derivation algorithms. One for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KdfAlgorithm {
    /// Argon2id, version 0x13.
    Argon2id,
}

impl KdfParams {
    fn current() -> KdfParams {
        KdfParams {
            alg: KdfAlgorithm::Argon2id,
            m: MEMORY_KIB,
            t: PASSES,
            p: LANES,
        }
    }

    /// Refuses settings a hostile file could use to exhaust memory or time.
    fn check(&self) -> Result<()> {
        let sane = (8..=256 * 1024).contains(&self.m) && (1..=10).contains(&self.t) && self.p == 1;
        if sane {
            Ok(())
        } else {
            Err(Error::DecryptionFailed)
        }
    }
}

/// A sealed record, as stored and exported (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedRecord {
    /// Always [`VAULT_FORMAT`].
    pub kizuki_vault: u32,
    /// What the record holds (e.g. the pack id); authenticated, not secret.
    pub label: String,
    /// Key-derivation settings.
    pub kdf: KdfParams,
    /// Salt, base64.
    pub salt: String,
    /// Nonce, base64.
    pub nonce: String,
    /// Ciphertext with its tag, base64.
    pub ciphertext: String,
    /// The key's check value, base64 ([`VaultKey::check_value`]): with it, a right
    /// passphrase on a damaged record says [`Error::DamagedRecord`] instead of
    /// [`Error::DecryptionFailed`]. Records sealed before it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_check: Option<String>,
}

/// The associated data of the key check (never that of a sealed record).
const KEY_CHECK_AAD: &[u8] = b"kizuki-vault key check";

impl VaultKey {
    /// Derives a key from a new passphrase and a fresh random salt (slow on purpose). The
    /// passphrase is checked ([`check_passphrase`]: [`Error::WeakPassphrase`]) and
    /// normalised; a salt of one repeated byte is [`Error::BrokenRandomness`].
    pub fn derive(passphrase: &str, salt: [u8; SALT_BYTES]) -> Result<VaultKey> {
        check_passphrase(passphrase).map_err(Error::WeakPassphrase)?;
        refuse_broken_randomness(&salt)?;
        derive_with(
            &normalise_passphrase(passphrase),
            salt,
            KdfParams::current(),
        )
    }

    /// Derives the key a sealed record was made with, to open it and later ones. The
    /// passphrase is normalised first; when that key does not open the record and the
    /// passphrase as typed differs from its normalised form, the key of the passphrase as
    /// typed is tried too (records sealed before normalisation). A key that opens nothing
    /// still comes back: [`VaultKey::open`] then says [`Error::DecryptionFailed`].
    pub fn for_record(passphrase: &str, record: &SealedRecord) -> Result<VaultKey> {
        record.kdf.check()?;
        let salt: [u8; SALT_BYTES] = decode(&record.salt)?
            .try_into()
            .map_err(|_| Error::DecryptionFailed)?;
        let normalised = normalise_passphrase(passphrase);
        let key = derive_with(&normalised, salt, record.kdf)?;
        if normalised == passphrase || key.open(record).is_ok() {
            return Ok(key);
        }
        let as_typed = derive_with(passphrase, salt, record.kdf)?;
        Ok(if as_typed.open(record).is_ok() {
            as_typed
        } else {
            key
        })
    }

    /// The key-derivation settings of this key (those of the record it opened, or the
    /// current ones for a new key).
    pub fn kdf(&self) -> KdfParams {
        self.kdf
    }

    /// Seals `plaintext` under this key with a fresh random nonce. A nonce of one repeated
    /// byte (a broken random source) is refused: [`Error::BrokenRandomness`].
    pub fn seal(
        &self,
        label: &str,
        plaintext: &[u8],
        nonce: [u8; NONCE_BYTES],
    ) -> Result<SealedRecord> {
        refuse_broken_randomness(&nonce)?;
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&self.key));
        let aad = associated_data(label, &self.kdf);
        let ciphertext = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: aad.as_bytes(),
                },
            )
            .unwrap_or_default();
        Ok(SealedRecord {
            kizuki_vault: VAULT_FORMAT,
            label: label.to_string(),
            kdf: self.kdf,
            salt: BASE64.encode(self.salt),
            nonce: BASE64.encode(nonce),
            ciphertext: BASE64.encode(ciphertext),
            key_check: Some(BASE64.encode(self.check_value())),
        })
    }

    /// A check value of the key: the ChaCha20-Poly1305 tag of an empty message under the
    /// all-zero nonce, which [`VaultKey::seal`] never uses (it refuses a nonce of one
    /// repeated byte). It tells whether a passphrase is right without the ciphertext; it
    /// gives a guesser nothing the ciphertext does not already give.
    pub fn check_value(&self) -> Vec<u8> {
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&self.key));
        cipher
            .encrypt(
                Nonce::from_slice(&[0u8; NONCE_BYTES]),
                Payload {
                    msg: &[],
                    aad: KEY_CHECK_AAD,
                },
            )
            .unwrap_or_default()
    }

    /// Opens a record sealed with this key. A wrong key gives [`Error::DecryptionFailed`];
    /// so do a changed byte, a changed label or a cut-off ciphertext, unless the record's key
    /// check matches this key: then the passphrase is right and the record is damaged,
    /// [`Error::DamagedRecord`].
    pub fn open(&self, record: &SealedRecord) -> Result<Vec<u8>> {
        self.open_unchecked(record).map_err(|error| {
            let right_key = record
                .key_check
                .as_deref()
                .and_then(|check| BASE64.decode(check).ok())
                .is_some_and(|check| check == self.check_value());
            match error {
                Error::DecryptionFailed if right_key => Error::DamagedRecord,
                other => other,
            }
        })
    }

    fn open_unchecked(&self, record: &SealedRecord) -> Result<Vec<u8>> {
        if record.kizuki_vault != VAULT_FORMAT
            || decode(&record.salt)? != self.salt
            || record.kdf != self.kdf
        {
            return Err(Error::DecryptionFailed);
        }
        let nonce: [u8; NONCE_BYTES] = decode(&record.nonce)?
            .try_into()
            .map_err(|_| Error::DecryptionFailed)?;
        let ciphertext = decode(&record.ciphertext)?;
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&self.key));
        let aad = associated_data(&record.label, &record.kdf);
        cipher
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &ciphertext,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| Error::DecryptionFailed)
    }
}

impl SealedRecord {
    /// Reads a record from its JSON text; anything malformed is [`Error::DecryptionFailed`]'s
    /// sibling [`Error::NotAnExport`].
    pub fn from_json(text: &str) -> Result<SealedRecord> {
        if text.len() > crate::export::MAX_IMPORT_BYTES * 2 {
            return Err(Error::TooLarge {
                size: text.len(),
                limit: crate::export::MAX_IMPORT_BYTES * 2,
            });
        }
        let record: SealedRecord = crate::json::from_slice(text.as_bytes())
            .map_err(|e| Error::NotAnExport(e.to_string()))?;
        if record.kizuki_vault > VAULT_FORMAT {
            return Err(Error::FutureVersion {
                found: record.kizuki_vault,
                supported: VAULT_FORMAT,
            });
        }
        Ok(record)
    }

    /// Whether the record was sealed before records carried a key check value: such a
    /// record cannot tell a wrong passphrase from a damaged record. The planner re-seals it
    /// (same key, same settings, now with the check) as soon as it opens, so the next
    /// unlock of a damaged record says so precisely.
    pub fn needs_key_check(&self) -> bool {
        self.key_check.is_none()
    }

    /// The record as JSON text.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// Random bytes that are all one value (all zero from a broken or stubbed
/// `crypto.getRandomValues`) are refused: a reused nonce would break the encryption.
fn refuse_broken_randomness(bytes: &[u8]) -> Result<()> {
    match bytes.split_first() {
        Some((first, rest)) if rest.iter().any(|b| b != first) => Ok(()),
        _ => Err(Error::BrokenRandomness),
    }
}

fn derive_with(passphrase: &str, salt: [u8; SALT_BYTES], kdf: KdfParams) -> Result<VaultKey> {
    let params = Params::new(kdf.m, kdf.t, kdf.p, Some(32)).map_err(|_| Error::DecryptionFailed)?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut key = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), &salt, &mut key)
        .map_err(|_| Error::DecryptionFailed)?;
    Ok(VaultKey { key, salt, kdf })
}

fn associated_data(label: &str, kdf: &KdfParams) -> String {
    format!(
        "kizuki-vault/{VAULT_FORMAT}/{label}/argon2id/{}/{}/{}",
        kdf.m, kdf.t, kdf.p
    )
}

fn decode(text: &str) -> Result<Vec<u8>> {
    BASE64
        .decode(text.as_bytes())
        .map_err(|_| Error::DecryptionFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: [u8; SALT_BYTES] = [7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const NONCE: [u8; NONCE_BYTES] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2];

    fn sealed() -> (VaultKey, SealedRecord) {
        let key = VaultKey::derive("correct horse battery", SALT).unwrap();
        let record = key
            .seal(
                "return-to-work",
                "休業開始 2026-04-01 うつ状態".as_bytes(),
                NONCE,
            )
            .unwrap();
        (key, record)
    }

    #[test]
    fn round_trip_and_no_plaintext_in_the_record() {
        let (key, record) = sealed();
        let json = record.to_json();
        assert!(!json.contains("うつ") && !json.contains("2026-04-01"));
        let reopened = SealedRecord::from_json(&json).unwrap();
        let again = VaultKey::for_record("correct horse battery", &reopened).unwrap();
        assert_eq!(again, key);
        assert_eq!(
            again.open(&reopened).unwrap(),
            "休業開始 2026-04-01 うつ状態".as_bytes()
        );
    }

    #[test]
    fn a_damaged_record_is_told_apart_from_a_wrong_passphrase() {
        let (key, record) = sealed();
        let mut damaged = record.clone();
        let mut bytes = BASE64.decode(&damaged.ciphertext).unwrap();
        bytes[0] ^= 1;
        damaged.ciphertext = BASE64.encode(bytes);
        assert_eq!(key.open(&damaged), Err(Error::DamagedRecord));
        let mut cut = record.clone();
        cut.ciphertext = BASE64.encode(&BASE64.decode(&record.ciphertext).unwrap()[..8]);
        assert_eq!(key.open(&cut), Err(Error::DamagedRecord));
        // A wrong passphrase stays a wrong passphrase, damaged record or not.
        let wrong = VaultKey::for_record("another passphrase entirely", &damaged).unwrap();
        assert_eq!(wrong.open(&damaged), Err(Error::DecryptionFailed));
        assert_eq!(wrong.open(&record), Err(Error::DecryptionFailed));
        // A record from before the key check cannot tell.
        let mut older = damaged.clone();
        older.key_check = None;
        assert_eq!(key.open(&older), Err(Error::DecryptionFailed));
        // A forged check value does not turn a wrong passphrase into "damaged".
        let mut forged = damaged;
        forged.key_check = Some(BASE64.encode([0u8; 16]));
        assert_eq!(wrong.open(&forged), Err(Error::DecryptionFailed));
    }

    /// A record sealed by a build before the key check (`tests/data/plan/`), holding one
    /// case of the committed return-to-work pack.
    const BEFORE_KEY_CHECK: &str =
        include_str!("../../tests/data/plan/vault-before-key-check.json");

    fn flip_first_byte(record: &SealedRecord) -> SealedRecord {
        let mut bytes = BASE64.decode(&record.ciphertext).unwrap();
        bytes[0] ^= 1;
        SealedRecord {
            ciphertext: BASE64.encode(bytes),
            ..record.clone()
        }
    }

    #[test]
    fn a_vault_from_before_the_key_check_is_resealed_with_one_and_then_tells_damage_apart() {
        let old = SealedRecord::from_json(BEFORE_KEY_CHECK).unwrap();
        assert!(old.needs_key_check());
        let key = VaultKey::for_record("correct horse battery", &old).unwrap();
        let plain = key.open(&old).unwrap();
        assert!(String::from_utf8_lossy(&plain).contains("旧形式のケース"));
        // Before: a damaged old record cannot be told from a wrong passphrase.
        assert_eq!(
            key.open(&flip_first_byte(&old)),
            Err(Error::DecryptionFailed)
        );
        // Re-sealed under the same key: same settings and salt, now with the check.
        let resealed = key.seal(&old.label, &plain, NONCE).unwrap();
        assert!(!resealed.needs_key_check());
        assert_eq!((&resealed.kdf, &resealed.salt), (&old.kdf, &old.salt));
        let reread = SealedRecord::from_json(&resealed.to_json()).unwrap();
        let again = VaultKey::for_record("correct horse battery", &reread).unwrap();
        assert_eq!(again.open(&reread).unwrap(), plain);
        // After: damage is named as damage; a wrong passphrase stays a wrong passphrase.
        let damaged = flip_first_byte(&reread);
        assert_eq!(again.open(&damaged), Err(Error::DamagedRecord));
        let wrong = VaultKey::for_record("another passphrase entirely", &damaged).unwrap();
        assert_eq!(wrong.open(&damaged), Err(Error::DecryptionFailed));
    }

    #[test]
    fn wrong_passphrase_is_refused() {
        let (_, record) = sealed();
        let wrong = VaultKey::for_record("wrong horse battery", &record).unwrap();
        assert_eq!(wrong.open(&record), Err(Error::DecryptionFailed));
    }

    #[test]
    fn tampered_truncated_and_relabelled_records_are_refused() {
        let (key, record) = sealed();
        let mut bytes = BASE64.decode(&record.ciphertext).unwrap();
        bytes[3] ^= 1;
        let tampered = SealedRecord {
            ciphertext: BASE64.encode(&bytes),
            ..record.clone()
        };
        // With the right key, the key check says the passphrase is right: damaged, never opened.
        assert_eq!(key.open(&tampered), Err(Error::DamagedRecord));
        let truncated = SealedRecord {
            ciphertext: BASE64.encode(&bytes[..bytes.len() - 5]),
            ..record.clone()
        };
        assert_eq!(key.open(&truncated), Err(Error::DamagedRecord));
        let relabelled = SealedRecord {
            label: "other".into(),
            ..record
        };
        assert_eq!(key.open(&relabelled), Err(Error::DamagedRecord));
    }

    #[test]
    fn short_passphrases_and_hostile_costs_are_refused() {
        assert_eq!(
            VaultKey::derive("short", SALT),
            Err(Error::WeakPassphrase(PassphraseProblem::TooShort))
        );
        assert_eq!(
            VaultKey::derive("12345678", SALT),
            Err(Error::WeakPassphrase(PassphraseProblem::Common))
        );
        let (_, mut record) = sealed();
        record.kdf.m = u32::MAX;
        assert_eq!(
            VaultKey::for_record("correct horse battery", &record),
            Err(Error::DecryptionFailed)
        );
    }

    #[test]
    fn broken_random_bytes_are_refused() {
        assert_eq!(
            VaultKey::derive("correct horse battery", [0; SALT_BYTES]),
            Err(Error::BrokenRandomness)
        );
        let (key, _) = sealed();
        assert_eq!(
            key.seal("x", b"y", [0; NONCE_BYTES]),
            Err(Error::BrokenRandomness)
        );
        assert_eq!(
            key.seal("x", b"y", [0xFF; NONCE_BYTES]),
            Err(Error::BrokenRandomness)
        );
    }

    #[test]
    fn a_full_width_passphrase_unlocks_what_its_half_width_twin_sealed() {
        let (_, record) = sealed();
        let twin =
            VaultKey::for_record("ｃｏｒｒｅｃｔ\u{3000}ｈｏｒｓｅ　ｂａｔｔｅｒｙ", &record)
                .unwrap();
        assert!(twin.open(&record).is_ok());
    }

    #[test]
    fn a_record_sealed_before_normalisation_still_opens() {
        // An older build derived the key from the passphrase as typed, full-width.
        let typed = "ｃｏｒｒｅｃｔ　ｈｏｒｓｅ";
        let old_key = derive_with(typed, SALT, KdfParams::current()).unwrap();
        let record = old_key.seal("plan", b"old", NONCE).unwrap();
        let key = VaultKey::for_record(typed, &record).unwrap();
        assert_eq!(key.open(&record).unwrap(), b"old");
    }
}
