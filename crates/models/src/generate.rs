//! The small generative model: Gemma 3 270M (Q4_K_M GGUF, a base model, so it is
//! prompted with few-shot examples, not a chat template) through llama.cpp, greedy
//! decoding under a GBNF grammar so that the output can only be the JSON the
//! caller's grammar allows. One model per process; a fresh context per call.

use std::num::NonZeroU32;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;

use crate::{Error, Generated, Result};

/// Context size: the few-shot prompt plus a short JSON answer.
const N_CTX: u32 = 2048;

static BACKEND: OnceLock<std::result::Result<LlamaBackend, String>> = OnceLock::new();

fn backend() -> Result<&'static LlamaBackend> {
    BACKEND
        .get_or_init(|| {
            LlamaBackend::init()
                .map(|mut b| {
                    b.void_logs();
                    b
                })
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| Error::Model(e.clone()))
}

fn err(e: impl std::fmt::Display) -> Error {
    Error::Model(e.to_string())
}

pub struct Generator {
    model: LlamaModel,
    threads: i32,
}

impl Generator {
    /// Loads the GGUF file (memory-mapped).
    pub fn load(path: &Path) -> Result<Generator> {
        if !path.is_file() {
            return Err(Error::Missing(path.display().to_string()));
        }
        let backend = backend()?;
        let model =
            LlamaModel::load_from_file(backend, path, &LlamaModelParams::default()).map_err(err)?;
        let threads = std::env::var("ABACUS_LLM_THREADS")
            .ok()
            .and_then(|s| s.parse().ok())
            // One thread by default: on a shared 2-core machine, two threads spin
            // against other work (measured: 1 tok/s with 2 threads, 14–22 with 1).
            .unwrap_or(1);
        Ok(Generator { model, threads })
    }

    /// Greedy continuation of `prompt`, constrained by the GBNF `grammar` (root rule
    /// `root`), at most `max_tokens` tokens.
    pub fn generate(&self, prompt: &str, grammar: &str, max_tokens: usize) -> Result<Generated> {
        let backend = backend()?;
        let vocab = self.model.vocab();
        let tokens = vocab.tokenize(prompt.as_bytes(), true, false);
        if tokens.is_empty() || tokens.len() + max_tokens >= N_CTX as usize {
            return Err(Error::Model(format!(
                "prompt of {} tokens does not fit the context",
                tokens.len()
            )));
        }
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(N_CTX))
            .with_n_batch(N_CTX)
            .with_n_threads(self.threads)
            .with_n_threads_batch(self.threads);
        let mut ctx = self.model.new_context(backend, params).map_err(err)?;
        let grammar = LlamaSampler::grammar(&self.model, grammar, "root").map_err(err)?;
        let mut sampler = LlamaSampler::chain_simple([grammar, LlamaSampler::greedy()]);

        let t0 = Instant::now();
        let mut batch = LlamaBatch::new(N_CTX as usize, 1);
        let last = tokens.len() - 1;
        for (i, t) in tokens.iter().enumerate() {
            batch.add(*t, i as i32, &[0], i == last).map_err(err)?;
        }
        ctx.decode(&mut batch).map_err(err)?;
        let prompt_s = t0.elapsed().as_secs_f64();

        let t1 = Instant::now();
        let mut out: Vec<u8> = Vec::new();
        let mut pos = tokens.len() as i32;
        let mut generated = 0;
        while generated < max_tokens {
            let tok = sampler.sample(&ctx, batch.n_tokens() - 1);
            if vocab.is_eog(tok) {
                break;
            }
            out.extend(vocab.token_to_piece(tok, false, None));
            generated += 1;
            batch.clear();
            batch.add(tok, pos, &[0], true).map_err(err)?;
            pos += 1;
            ctx.decode(&mut batch).map_err(err)?;
        }
        Ok(Generated {
            text: String::from_utf8_lossy(&out).into_owned(),
            prompt_tokens: tokens.len(),
            tokens: generated,
            prompt_s,
            gen_s: t1.elapsed().as_secs_f64(),
        })
    }
}
