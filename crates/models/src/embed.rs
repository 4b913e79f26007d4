//! Sentence embeddings: all-MiniLM-L6-v2 (BERT, 6 layers, 384 dims) on candle,
//! mean-pooled over the real tokens (the shipped tokenizer pads to 128: the
//! padding is masked out) and L2-normalised, as sentence-transformers does.

use std::path::Path;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::{Error, Result};

/// Longest input in tokens (sentence-transformers' `max_seq_length`).
const MAX_TOKENS: usize = 256;

fn err(e: impl std::fmt::Display) -> Error {
    Error::Model(e.to_string())
}

pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl Embedder {
    /// Loads the model from its folder (`config.json`, `model.safetensors`, `tokenizer.json`).
    pub fn load(dir: &Path) -> Result<Embedder> {
        let file = |name: &str| {
            let p = dir.join(name);
            if p.is_file() {
                Ok(p)
            } else {
                Err(Error::Missing(p.display().to_string()))
            }
        };
        let config: Config =
            serde_json::from_str(&std::fs::read_to_string(file("config.json")?).map_err(err)?)
                .map_err(err)?;
        let mut tokenizer = Tokenizer::from_file(file("tokenizer.json")?).map_err(err)?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..Default::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(err)?;
        let device = Device::Cpu;
        let weights = std::fs::read(file("model.safetensors")?).map_err(err)?;
        let vb =
            VarBuilder::from_buffered_safetensors(weights, DType::F32, &device).map_err(err)?;
        let model = BertModel::load(vb, &config).map_err(err)?;
        Ok(Embedder {
            model,
            tokenizer,
            device,
        })
    }

    /// One normalised 384-dimensional vector per text.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(32) {
            out.extend(self.embed_batch(chunk)?);
        }
        Ok(out)
    }

    /// One text's vector.
    pub fn embed_one(&self, text: &str) -> Result<Vec<f32>> {
        Ok(self.embed_batch(&[text])?.remove(0))
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let enc = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(err)?;
        let n = enc[0].get_ids().len();
        let ids: Vec<u32> = enc.iter().flat_map(|e| e.get_ids().to_vec()).collect();
        let mask: Vec<u32> = enc
            .iter()
            .flat_map(|e| e.get_attention_mask().to_vec())
            .collect();
        let b = texts.len();
        let ids = Tensor::from_vec(ids, (b, n), &self.device).map_err(err)?;
        let mask = Tensor::from_vec(mask, (b, n), &self.device).map_err(err)?;
        let types = ids.zeros_like().map_err(err)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask)).map_err(err)?;
        // Mean over the real tokens only.
        let m = mask
            .to_dtype(DType::F32)
            .map_err(err)?
            .unsqueeze(2)
            .map_err(err)?;
        let summed = hidden.broadcast_mul(&m).map_err(err)?.sum(1).map_err(err)?;
        let counts = m.sum(1).map_err(err)?;
        let mean = summed.broadcast_div(&counts).map_err(err)?;
        let rows: Vec<Vec<f32>> = mean.to_vec2().map_err(err)?;
        Ok(rows
            .into_iter()
            .map(|mut v| {
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
                v.iter_mut().for_each(|x| *x /= norm);
                v
            })
            .collect())
    }
}
