//! The core's error type: what can go wrong when applying actions or reading files.

/// Errors from sessions, exports, imports and the vault. Each has a stable [`Error::code`]
/// that the UI maps to a message in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An action named an id the pack does not have.
    #[error("unknown id `{0}`")]
    UnknownId(String),
    /// A date was not `YYYY-MM-DD`.
    #[error("`{0}` is not a date written YYYY-MM-DD")]
    InvalidDate(String),
    /// An action does not fit the current state (e.g. deciding a closed case).
    #[error("not possible now: {0}")]
    NotAllowed(String),
    /// A file is larger than accepted.
    #[error("the file is too large ({size} bytes; the limit is {limit})")]
    TooLarge {
        /// The file's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A file is not UTF-8 JSON.
    #[error("the file is not valid JSON: {0}")]
    InvalidJson(String),
    /// A file is JSON but not a Kizuki export.
    #[error("the file is not a Kizuki export: {0}")]
    NotAnExport(String),
    /// An export from a newer Kizuki.
    #[error("the file was made by a newer version of Kizuki (format {found}; this one reads up to {supported})")]
    FutureVersion {
        /// The file's format version.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// An export of another kit.
    #[error("the file belongs to `{found}`, not `{expected}`")]
    WrongPack {
        /// The pack the file names.
        found: String,
        /// The pack loaded here.
        expected: String,
    },
    /// An export that names things this pack does not have.
    #[error("the file does not fit this kit: {0}")]
    DoesNotFit(String),
    /// The passphrase is wrong, or the encrypted data was changed or cut (a record without
    /// a key check cannot tell which).
    #[error("the passphrase is wrong or the data is damaged")]
    DecryptionFailed,
    /// The passphrase is right (the record's key check matches) but the encrypted data was
    /// changed or cut: the record is damaged.
    #[error("the passphrase is right but the encrypted data is damaged")]
    DamagedRecord,
    /// A new passphrase too weak to protect health information, and why.
    #[error("the passphrase is too weak: {0}")]
    WeakPassphrase(crate::passphrase::PassphraseProblem),
    /// The random bytes passed in look broken (all one value): nothing is sealed.
    #[error("the random bytes look broken (all one value); nothing was sealed")]
    BrokenRandomness,
}

impl Error {
    /// A stable code for this error, used as the key of its localised message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownId(_) => "unknown_id",
            Error::InvalidDate(_) => "invalid_date",
            Error::NotAllowed(_) => "not_allowed",
            Error::TooLarge { .. } => "too_large",
            Error::InvalidJson(_) => "invalid_json",
            Error::NotAnExport(_) => "not_an_export",
            Error::FutureVersion { .. } => "future_version",
            Error::WrongPack { .. } => "wrong_pack",
            Error::DoesNotFit(_) => "does_not_fit",
            Error::DecryptionFailed => "decryption_failed",
            Error::DamagedRecord => "damaged_record",
            Error::WeakPassphrase(_) => "weak_passphrase",
            Error::BrokenRandomness => "broken_randomness",
        }
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
