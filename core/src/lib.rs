//! # kyoten-core
//!
//! 小児等在宅医療連携拠点事業のためのデータモデルとルール。
//! The data model and rules for Japan's pediatric home medical care coordination hubs.
//!
//! Everything the library offers is an [`ops::Operation`] in one table
//! ([`ops::operations`]): a pure function from one JSON input document to one JSON
//! report. The C ABI, the WASM build and the schema generator are thin loops over that
//! table. Every rule violation is a [`finding::Finding`] with a stable code, a severity,
//! an RFC 6901 JSON Pointer and a Japanese and an English message.
//!
//! | area | module |
//! |---|---|
//! | findings, reports, JSON Pointers | [`finding`] |
//! | reading untrusted JSON input | [`input`] |
//! | the operation type, reading and reporting for every operation (ground) | [`operation`](mod@operation) |
//! | the operation table (above the areas) | [`ops`] |
//! | the rule catalogue (above the areas) | [`catalogue`] |
//! | fiscal years, 和暦, age, school entry | [`calendar`] |
//! | the six tasks (6つのタスク) | [`tasks`] |
//! | initiative plans (取組内容) | [`plan`] |
//! | medical care items (医療的ケア), shared by summaries, scores and short stays | [`care`] |
//! | child care summaries (対象児の情報集約) | [`summary`] |
//! | FHIR R4 both ways (JP Core, JP-CLINS) | [`fhir`] |
//! | clinical scores (超重症児スコア, 医療的ケア判定スコア, 大島分類) | [`scores`] |
//! | short stays (メディカルショートステイ) | [`shortstay`] |
//! | hub staffing (配置すべき職員) | [`staffing`] |
//! | statistics: counts for 実態把握, consultation and training logs | [`stats`] |
//! | council minutes and care conferences (協議会・ケア会議) | [`meeting`] |
//! | document format versions, upgrading older documents | [`version`], [`upgrade`] |
//!
//! The crate does no I/O, contains no `unsafe`, and never panics on any input.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]
#![warn(missing_docs)]

pub mod calendar;
pub mod care;
pub mod catalogue;
mod checks;
pub mod emit;
pub mod fhir;
pub mod finding;
pub mod index;
pub mod input;
mod labels;
pub mod meeting;
mod number_text;
pub mod operation;
pub mod ops;
pub mod plan;
pub mod run_options;
#[cfg(test)]
mod sameness;
pub mod scores;
pub mod sheet;
pub mod shortstay;
mod sorting;
pub mod staffing;
pub mod stats;
pub mod summary;
pub mod surface;
pub mod tasks;
mod text;
pub mod upgrade;
pub mod version;

pub use finding::{Finding, Path, Report, Rule, Severity};
pub use ops::{Operation, Outcome, operations};
