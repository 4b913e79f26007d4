//! Question understanding for Abacus: normalisation, the lexicon built from the
//! loaded catalog, date expressions, and the rule parser that turns a question
//! into a typed [`plan::Plan`] draft. Knows nothing about storage or engines.

pub mod dates;
pub mod funds;
pub mod lexicon;
pub mod network;
pub mod normalize;
pub mod plan;
pub mod residual;
pub mod signals;
pub mod text;
pub mod understand;
