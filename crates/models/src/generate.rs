//! The small generative model: Gemma 3 270M (Q4_K_M GGUF, a base model, so it is
//! prompted with few-shot examples, not a chat template) through llama.cpp, greedy
//! decoding under a GBNF grammar so that the output can only be the JSON the
//! caller's grammar allows. One model per process; a fresh context per call.
//!
//! The few-shot examples are the same for every question, so their evaluated state
//! (the KV cache of the prompt's fixed prefix, a few MB) is saved once to a cache
//! file and loaded by later calls and processes, which then evaluate only the
//! question's tokens ([`Generator::generate_with_prefix`]).

use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::context::LlamaContext;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;
use llama_cpp_2::sampling::LlamaSampler;
use llama_cpp_2::token::data::LlamaTokenData;
use llama_cpp_2::token::data_array::LlamaTokenDataArray;
use llama_cpp_2::token::LlamaToken;

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
    /// The GGUF file's path, size and modification time: part of the prefix-cache key.
    identity: String,
    full_scan: bool,
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
        let identity = std::fs::metadata(path).map_or_else(
            |_| path.display().to_string(),
            |m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}|{}|{modified}", path.display(), m.len())
            },
        );
        Ok(Generator {
            model,
            threads,
            identity,
            full_scan: false,
        })
    }

    /// Scan the whole vocabulary with the grammar at every step (the plain
    /// grammar-then-greedy chain) instead of trying the best token first; the
    /// tests check that both choose the same tokens.
    pub fn full_grammar_scan(mut self, on: bool) -> Generator {
        self.full_scan = on;
        self
    }

    /// Greedy choice under the grammar: the highest-logit token the grammar
    /// accepts. The grammar is first asked about the overall best token alone, which
    /// it accepts at most steps; only when it refuses is every token of the
    /// 262k-token vocabulary checked (the same choice, without the full scan's
    /// cost at every step).
    fn pick(
        &self,
        ctx: &LlamaContext<'_>,
        idx: i32,
        grammar: &mut LlamaSampler,
    ) -> Result<LlamaToken> {
        if !self.full_scan {
            let logits = ctx.get_logits_ith(idx);
            let best =
                logits
                    .iter()
                    .enumerate()
                    .fold((0usize, f32::NEG_INFINITY), |(bi, bv), (i, v)| {
                        if *v > bv {
                            (i, *v)
                        } else {
                            (bi, bv)
                        }
                    });
            let token = LlamaToken::new(i32::try_from(best.0).map_err(err)?);
            let mut one =
                LlamaTokenDataArray::new(vec![LlamaTokenData::new(token, best.1, 0.0)], false);
            grammar.apply(&mut one);
            if one.data[0].logit().is_finite() {
                return Ok(token);
            }
        }
        let mut all = ctx.token_data_array_ith(idx);
        grammar.apply(&mut all);
        all.data
            .iter()
            .filter(|d| d.logit().is_finite())
            .fold(None::<&LlamaTokenData>, |b, d| match b {
                Some(x) if x.logit() >= d.logit() => Some(x),
                _ => Some(d),
            })
            .map(LlamaTokenData::id)
            .ok_or_else(|| Error::Model("the grammar allows no token".into()))
    }

    /// The file that caches the evaluated state of `prefix` in folder `dir`.
    pub fn prefix_cache_file(&self, dir: &Path, prefix: &str) -> PathBuf {
        // FNV-1a 64 over the model identity, the context size and the prefix.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in format!("{}\n{N_CTX}\n{prefix}", self.identity).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        dir.join(format!("prompt-prefix-{h:016x}.state"))
    }

    /// Greedy continuation of `prompt`, constrained by the GBNF `grammar` (root rule
    /// `root`), at most `max_tokens` tokens.
    pub fn generate(&self, prompt: &str, grammar: &str, max_tokens: usize) -> Result<Generated> {
        self.generate_with_prefix("", prompt, grammar, max_tokens, None)
    }

    /// As [`Generator::generate`] for the prompt `prefix + rest`, where the evaluated
    /// state of `prefix` is loaded from the file `cache` when it holds exactly that
    /// prefix's tokens, and is written there otherwise (atomically; a cache that
    /// cannot be read or written only costs the prefix's evaluation). The prefix and
    /// the rest are evaluated as two batches with or without a cache, so a call that
    /// loads the saved state computes exactly what one without it does (one batch
    /// for the whole prompt can differ in the last bits of the logits).
    pub fn generate_with_prefix(
        &self,
        prefix: &str,
        rest: &str,
        grammar: &str,
        max_tokens: usize,
        cache: Option<&Path>,
    ) -> Result<Generated> {
        let backend = backend()?;
        let vocab = self.model.vocab();
        let prompt = format!("{prefix}{rest}");
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
        let mut grammar = LlamaSampler::grammar(&self.model, grammar, "root").map_err(err)?;

        let t0 = Instant::now();
        let mut batch = LlamaBatch::new(N_CTX as usize, 1);
        // The prefix's tokens, when the whole prompt's tokenization begins with them
        // and leaves at least one token after them (whose logits start generation).
        // The prefix is always evaluated as a batch of its own (when the whole
        // prompt's tokens begin with its tokens and go on after them), cached or
        // not, so that a run with the cache computes exactly what one without does.
        let head = (!prefix.is_empty())
            .then(|| vocab.tokenize(prefix.as_bytes(), true, false))
            .filter(|p| p.len() < tokens.len() && tokens.starts_with(p));
        let mut start = 0;
        let mut cached = false;
        if let Some(head) = &head {
            if let Some(file) = cache {
                match ctx.state_seq_load_file(file, 0, head.len()) {
                    Ok((saved, _)) if saved == *head => cached = true,
                    Ok(_) => ctx.clear_kv_cache(),
                    Err(_) => {}
                }
            }
            if !cached {
                for (i, t) in head.iter().enumerate() {
                    batch.add(*t, i as i32, &[0], false).map_err(err)?;
                }
                ctx.decode(&mut batch).map_err(err)?;
                batch.clear();
                if let Some(file) = cache {
                    if let Some(dir) = file.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    // Unique per process and call: server threads may write at once.
                    static WRITES: std::sync::atomic::AtomicU64 =
                        std::sync::atomic::AtomicU64::new(0);
                    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let tmp = file.with_extension(format!("tmp{}-{n}", std::process::id()));
                    if ctx.state_seq_save_file(&tmp, 0, head).is_ok() {
                        let _ = std::fs::rename(&tmp, file);
                    } else {
                        let _ = std::fs::remove_file(&tmp);
                    }
                }
            }
            start = head.len();
        }
        let last = tokens.len() - 1;
        for (i, t) in tokens.iter().enumerate().skip(start) {
            batch.add(*t, i as i32, &[0], i == last).map_err(err)?;
        }
        ctx.decode(&mut batch).map_err(err)?;
        let prompt_s = t0.elapsed().as_secs_f64();

        let t1 = Instant::now();
        let mut out: Vec<u8> = Vec::new();
        let mut pos = tokens.len() as i32;
        let mut generated = 0;
        while generated < max_tokens {
            let tok = self.pick(&ctx, batch.n_tokens() - 1, &mut grammar)?;
            grammar.accept(tok);
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
            prompt_cached: if cached { start } else { 0 },
            tokens: generated,
            prompt_s,
            gen_s: t1.elapsed().as_secs_f64(),
        })
    }
}
