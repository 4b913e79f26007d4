//! The generative stage in a build without the `llm` feature: loading says so.

use std::path::{Path, PathBuf};

use crate::{Error, Generated, Result};

pub struct Generator;

impl Generator {
    pub fn load(_path: &Path) -> Result<Generator> {
        Err(Error::Disabled("generative"))
    }

    pub fn generate(&self, _prompt: &str, _grammar: &str, _max_tokens: usize) -> Result<Generated> {
        Err(Error::Disabled("generative"))
    }

    pub fn prefix_cache_file(&self, dir: &Path, _prefix: &str) -> PathBuf {
        dir.to_path_buf()
    }

    pub fn generate_with_prefix(
        &self,
        _prefix: &str,
        _rest: &str,
        _grammar: &str,
        _max_tokens: usize,
        _cache: Option<&Path>,
    ) -> Result<Generated> {
        Err(Error::Disabled("generative"))
    }
}
