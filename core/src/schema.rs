//! The JSON Schema of the pack format, generated from the Rust types.

/// The pack format's JSON Schema, pretty-printed with a trailing newline. It is committed
/// as `content/schema/pack.schema.json`; a test fails when that file is stale.
pub fn pack_schema_json() -> String {
    let schema = schemars::schema_for!(crate::pack::Pack);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}
