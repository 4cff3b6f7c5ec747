//! The committed JSON Schema matches the Rust types. Re-bless with `UPDATE_EXPECT=1`.

use crate::repo_root;

#[test]
fn committed_schema_is_up_to_date() {
    let path = repo_root().join("content/schema/pack.schema.json");
    let generated = kizuki_core::schema::pack_schema_json();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "content/schema/pack.schema.json is stale: run UPDATE_EXPECT=1 cargo test -p kizuki-core --test kizuki schema"
    );
}
