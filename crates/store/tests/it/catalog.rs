//! The catalog's API keys (hashes only, revocation) and the batched audit log.

use abacus_store::{ApiKey, AuditEntry, Store};

#[test]
fn keys_are_kept_by_hash_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.keys().unwrap().is_empty());
    let k = ApiKey {
        id: "k1".into(),
        name: "analysts".into(),
        hash: "ab".repeat(32),
        datasets: vec!["demo".into(), "0123abcd".into()],
        created_at: "2026-11-30T00:00:00Z".into(),
        revoked_at: None,
    };
    store.insert_key(&k).unwrap();
    assert_eq!(store.keys().unwrap(), vec![k.clone()]);
    assert_eq!(store.key_by_hash(&k.hash).unwrap(), Some(k.clone()));
    assert_eq!(store.key_by_hash("cd").unwrap(), None);
    // The same hash twice is refused.
    assert!(store
        .insert_key(&ApiKey {
            id: "k2".into(),
            ..k.clone()
        })
        .is_err());
    assert!(store.revoke_key("k1").unwrap());
    assert!(!store.revoke_key("k1").unwrap(), "already revoked");
    assert!(!store.revoke_key("nope").unwrap());
    assert!(store
        .key_by_hash(&k.hash)
        .unwrap()
        .unwrap()
        .revoked_at
        .is_some());
}

#[test]
fn audit_entries_are_written_in_one_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let entries: Vec<AuditEntry> = (0..300)
        .map(|i| AuditEntry {
            question: format!("q{i}"),
            status: "answered".into(),
            elapsed_ms: Some(1.0),
            ..AuditEntry::default()
        })
        .collect();
    store.audit_batch(&entries).unwrap();
    store.audit_batch(&[]).unwrap();
    assert_eq!(store.audit_len().unwrap(), 300);
}
