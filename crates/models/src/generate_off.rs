//! The generative stage in a build without the `llm` feature: loading says so.

use std::path::Path;

use crate::{Error, Generated, Result};

pub struct Generator;

impl Generator {
    pub fn load(_path: &Path) -> Result<Generator> {
        Err(Error::Disabled("generative"))
    }

    pub fn generate(&self, _prompt: &str, _grammar: &str, _max_tokens: usize) -> Result<Generated> {
        Err(Error::Disabled("generative"))
    }
}
