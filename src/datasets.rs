//! Real networks shipped with viralsim.

use crate::error::Result;
use crate::io::Limits;
#[cfg(not(target_arch = "wasm32"))]
use crate::io::{parse_edge_list, EdgeListOptions};
use crate::network::Network;

/// Text of SNAP's ego-Facebook (McAuley & Leskovec 2012): 4,039 nodes, 88,234 undirected edges.
/// Embedded in native builds only; the page loads `data/ego-facebook.txt` as a file instead, so
/// the wasm module stays small.
#[cfg(not(target_arch = "wasm32"))]
pub const FACEBOOK_TEXT: &str = include_str!("../data/ego-facebook.txt");

/// SNAP ego-Facebook as a network.
///
/// # Errors
/// Its 4,039 nodes or 88,234 edges are over `limits` (named `network (nodes)` /
/// `network (edges)`); on wasm32 always (`network`): the page passes the file's text instead.
pub fn facebook(limits: &Limits) -> Result<Network> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        parse_edge_list(
            FACEBOOK_TEXT,
            &EdgeListOptions {
                directed: false,
                limits: *limits,
                ..Default::default()
            },
        )
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = limits; // the page passes the text itself, with its limits
        Err(crate::Error::new(
            "network",
            crate::error::Code::FacebookTextMissing,
        ))
    }
}
