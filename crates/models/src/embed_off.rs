//! The embedding stage in a build without the `embed` feature: loading says so.

use std::path::Path;

use crate::{Error, Result};

pub struct Embedder;

impl Embedder {
    pub fn load(_dir: &Path) -> Result<Embedder> {
        Err(Error::Disabled("embedding"))
    }

    pub fn embed(&self, _texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        Err(Error::Disabled("embedding"))
    }

    pub fn embed_one(&self, _text: &str) -> Result<Vec<f32>> {
        Err(Error::Disabled("embedding"))
    }
}
