//! Local language-model backends for the understanding cascade, on the CPU:
//! a sentence-embedding model (all-MiniLM-L6-v2 through candle's BERT) and a small
//! generative model (Gemma 3 270M GGUF through llama.cpp) whose output is
//! constrained by a grammar. Nothing here knows about questions or Plans; the
//! assistant decides when to call which. Models are files installed by
//! `scripts/setup-models.sh`; nothing is downloaded at run time.

use std::path::{Path, PathBuf};

#[cfg(feature = "embed")]
mod embed;
#[cfg(feature = "llm")]
mod generate;

#[cfg(not(feature = "embed"))]
mod embed_off;
#[cfg(not(feature = "llm"))]
mod generate_off;

#[cfg(feature = "embed")]
pub use embed::Embedder;
#[cfg(not(feature = "embed"))]
pub use embed_off::Embedder;
#[cfg(feature = "llm")]
pub use generate::Generator;
#[cfg(not(feature = "llm"))]
pub use generate_off::Generator;

/// One generation: the text and what it cost.
#[derive(Debug, Clone)]
pub struct Generated {
    pub text: String,
    pub prompt_tokens: usize,
    /// Prompt tokens whose state came from the prefix cache (not evaluated).
    pub prompt_cached: usize,
    pub tokens: usize,
    /// Prompt evaluation time, seconds.
    pub prompt_s: f64,
    /// Generation time, seconds.
    pub gen_s: f64,
}

/// Cosine similarity of two vectors (0 when either is zero).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Folder name of the embedding model inside the models folder.
pub const EMBED_DIR: &str = "all-MiniLM-L6-v2";
/// File name of the generative model inside the models folder.
pub const GGUF_FILE: &str = "gemma-3-270m-q4_k_m.gguf";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("model files not found: {0} (run scripts/setup-models.sh)")]
    Missing(String),
    #[error("this build has no {0} stage (cargo feature off)")]
    Disabled(&'static str),
    #[error("model error: {0}")]
    Model(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where the model files are: `$ABACUS_MODELS`, then `./.models`, then
/// `$ABACUS_HOME/models`, then `.models` or `models` next to the executable
/// (and up to three folders above it, so `target/release/abacus` finds the
/// checkout's `.models`). The first folder that holds a model file wins.
pub fn locate() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("ABACUS_MODELS") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from(".models"));
    if let Some(h) = std::env::var_os("ABACUS_HOME") {
        candidates.push(Path::new(&h).join("models"));
    }
    if let Ok(exe) = std::env::current_exe() {
        let mut dir = exe.parent().map(Path::to_path_buf);
        for _ in 0..4 {
            let Some(d) = dir else { break };
            candidates.push(d.join(".models"));
            candidates.push(d.join("models"));
            dir = d.parent().map(Path::to_path_buf);
        }
    }
    // The first folder that holds a model (an empty or partial `models/` elsewhere on
    // the path must not hide the installed ones).
    candidates
        .into_iter()
        .find(|p| p.is_dir() && (embed_path(p).is_some() || gguf_path(p).is_some()))
}

/// The embedding model's folder, when its files are there.
pub fn embed_path(root: &Path) -> Option<PathBuf> {
    let d = root.join(EMBED_DIR);
    (d.join("model.safetensors").is_file() && d.join("tokenizer.json").is_file()).then_some(d)
}

/// The generative model's file, when it is there.
pub fn gguf_path(root: &Path) -> Option<PathBuf> {
    let f = root.join(GGUF_FILE);
    f.is_file().then_some(f)
}

/// Resident memory of this process in MiB (Linux), for load reports.
pub fn rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
