//! Any pasted text through ID extraction, normalising and URL escaping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkml_digest::input::{extract, is_valid_id, normalize};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for id in extract(&text).ids {
        assert!(is_valid_id(&id), "{id:?}");
        assert_eq!(normalize(&id).as_deref(), Some(id.as_str()));
        let escaped = lkml_digest::input::escape_id(&id);
        assert!(!escaped.contains(['/', '?', '#', ' ']), "{escaped}");
    }
});
