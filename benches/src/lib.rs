//! Helpers shared by the benchmarks in `benches/benches/`: a deterministic generator of
//! short-stay data at scale ([`shortstay_data`]) and interleaved timing with medians and
//! quartiles ([`timing`]). Nothing here is used by the library itself.

pub mod shortstay_data;
pub mod summary_data;
pub mod timing;
