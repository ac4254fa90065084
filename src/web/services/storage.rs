//! `localStorage` behind the core's `KeyValue` trait, with every access guarded: the
//! getter itself throws in sandboxed iframes and some private modes, and writes throw
//! when the quota is full. (gloo's `LocalStorage` panics in those cases.)

use crate::storage::{KeyValue, StorageError};

pub struct LocalStorage {
    storage: Option<web_sys::Storage>,
}

impl LocalStorage {
    pub fn open() -> Self {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalStorage { storage }
    }

    fn raw(&self) -> Result<&web_sys::Storage, StorageError> {
        self.storage.as_ref().ok_or(StorageError::Unavailable)
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw()?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw()?
            .set_item(key, value)
            .map_err(|_| StorageError::WriteFailed)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw()?
            .remove_item(key)
            .map_err(|_| StorageError::WriteFailed)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = self.raw()?;
        let n = s.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}
