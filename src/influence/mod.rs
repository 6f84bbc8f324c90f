//! Choosing influencers: one file per strategy. Structural strategies (PageRank, k-core,
//! degree discount) read only the network; CELF greedy and IMM also use the model, because
//! "influential" depends on how the message spreads.

pub mod budget;
pub mod celf;
pub mod degree_discount;
pub mod imm;
pub mod kcore;
pub mod pagerank;

/// Indices of the `k` largest scores, ties to the lower id.
pub(crate) fn top_k_by<T: PartialOrd + Copy>(scores: &[T], k: usize) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..scores.len() as u32).collect();
    ids.sort_by(|&a, &b| {
        scores[b as usize]
            .partial_cmp(&scores[a as usize])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    ids.truncate(k);
    ids
}
