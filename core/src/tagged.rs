//! Reading an authored enum tagged by its `type` key in one pass, keys in any order.
//!
//! serde's internally tagged enums (`#[serde(tag = "type")]`) first copy the whole object
//! into a buffer of their own (`Content`), then read the variant from it: that buffer's
//! reader is instantiated again for every type inside, about 43 KB of the planner's module
//! and 19 KB of the course's (issue 14, BENCHMARKS.md). The lesson blocks and document
//! blocks read instead every key straight into a slot, then build the variant its `type`
//! names from the slots, refusing a key that variant does not have. The messages are
//! serde's own (`missing field`, `duplicate field`, `unknown field`, `unknown variant`).

use std::borrow::Cow;

use serde::de::{Deserialize, Error, IgnoredAny, MapAccess};

/// Reads the next value into `slot`, refusing a key named twice.
pub(crate) fn fill<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    key: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The keys seen so far that the variant may not have, checked once the variant is known.
#[derive(Default)]
pub(crate) struct Keys {
    /// The first key that no variant has (its value skipped).
    unknown: Option<String>,
    /// The keys read into a slot, in the order read.
    seen: Vec<&'static str>,
}

impl Keys {
    /// Reads the value of a key no variant has: refused at once when the variant is known
    /// (`fields` are its keys), else kept to refuse once it is.
    pub(crate) fn unknown<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        key: Cow<'de, str>,
        fields: Option<&'static [&'static str]>,
    ) -> Result<(), A::Error> {
        if let Some(fields) = fields {
            return Err(A::Error::unknown_field(&key, fields));
        }
        map.next_value::<IgnoredAny>()?;
        if self.unknown.is_none() {
            self.unknown = Some(key.into_owned());
        }
        Ok(())
    }

    /// Notes a key read into a slot: refused at once when the variant is known and does not
    /// have it.
    pub(crate) fn seen<E: Error>(
        &mut self,
        key: &'static str,
        fields: Option<&'static [&'static str]>,
    ) -> Result<(), E> {
        match fields {
            Some(fields) if !fields.contains(&key) => Err(E::unknown_field(key, fields)),
            _ => {
                self.seen.push(key);
                Ok(())
            }
        }
    }

    /// Once the variant is known (`fields` are its keys, besides `type`): the first key
    /// read that it does not have.
    pub(crate) fn check<E: Error>(&self, fields: &'static [&'static str]) -> Result<(), E> {
        if let Some(key) = &self.unknown {
            return Err(E::unknown_field(key, fields));
        }
        match self.seen.iter().find(|key| !fields.contains(key)) {
            Some(key) => Err(E::unknown_field(key, fields)),
            None => Ok(()),
        }
    }
}

/// The value of a slot the variant needs.
pub(crate) fn required<T, E: Error>(slot: Option<T>, key: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(key))
}
