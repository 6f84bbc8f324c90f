//! Force-directed layout: Fruchterman–Reingold with a Barnes–Hut approximation of the repulsion.
//!
//! The page advances it a few iterations per frame so that people see the network settle.
//! Positions are `f32`, two per node (x then y, node-id order), in world units where the ideal
//! edge length is 1; the page scales them to the canvas. The start is deterministic (a
//! sunflower spiral, no random draw), so the same network always settles the same way.

use crate::network::Network;

/// Layout state: positions and the cooling temperature.
#[derive(Clone, Debug)]
pub struct Layout {
    pos: Vec<f32>,
    disp: Vec<f32>,
    temperature: f32,
    iterations: u32,
    /// Barnes–Hut opening angle: a cell of width w at distance d counts as one body when
    /// w / d < theta.
    pub theta: f32,
    /// Pull toward the centre, so that separate components stay in view.
    pub gravity: f32,
    tree: Vec<Cell>,
}

#[derive(Clone, Copy, Debug)]
struct Cell {
    cx: f32,
    cy: f32,
    half: f32,
    mass: f32,
    mx: f32,
    my: f32,
    /// Index of the first of 4 children, or 0 for a leaf.
    child: u32,
    /// A leaf's single body (node id), or u32::MAX.
    body: u32,
}

const MAX_DEPTH: u32 = 24;
/// Temperature factor per iteration: from √n / 2 to 0.05 in about 200 iterations for n = 4,000.
const COOLING: f32 = 0.97;

impl Layout {
    /// A layout at its deterministic start for `n` nodes.
    pub fn new(n: usize) -> Self {
        let mut pos = vec![0f32; 2 * n];
        let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
        for i in 0..n {
            let r = (i as f32 + 0.5).sqrt();
            let a = i as f32 * golden;
            pos[2 * i] = r * a.cos();
            pos[2 * i + 1] = r * a.sin();
        }
        Layout {
            pos,
            disp: vec![0.0; 2 * n],
            temperature: (n as f32).sqrt().max(1.0) * 0.5,
            iterations: 0,
            theta: 1.0,
            gravity: 0.02,
            tree: Vec::new(),
        }
    }

    /// Replaces the positions (2 × f32 per node) and sets the temperature.
    ///
    /// # Errors
    /// `positions`: not 2 values per node, a value that is not finite, or a temperature that is
    /// not a finite number ≥ 0.
    pub fn set_positions(&mut self, positions: &[f32], temperature: f32) -> crate::Result<()> {
        if positions.len() != self.pos.len() {
            return Err(crate::Error::new(
                "positions",
                crate::error::Code::CountMismatch {
                    got: positions.len() as u64,
                    what: crate::error::Noun::Values,
                    expected: (self.pos.len() / 2) as u64,
                    of: crate::error::Noun::Nodes,
                },
            ));
        }
        if positions.iter().any(|x| !x.is_finite()) || !temperature.is_finite() || temperature < 0.0
        {
            return Err(crate::Error::new(
                "positions",
                crate::error::Code::NotFinite,
            ));
        }
        self.pos.copy_from_slice(positions);
        self.temperature = temperature;
        Ok(())
    }

    /// Positions: 2 × f32 per node, x then y, node-id order.
    pub fn positions(&self) -> &[f32] {
        &self.pos
    }
    /// Iterations run since the start.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }
    /// Current maximum move per iteration; the layout has settled when it is small.
    pub fn temperature(&self) -> f32 {
        self.temperature
    }

    /// Runs `k` iterations.
    ///
    /// # Panics
    /// If `net` has more nodes than the layout was made for.
    ///
    /// # Complexity
    /// O(k · (n log n + m)).
    pub fn step(&mut self, net: &Network, k: u32) {
        let n = net.node_count();
        if n == 0 {
            return;
        }
        for _ in 0..k {
            self.build_tree(n);
            self.disp.iter_mut().for_each(|d| *d = 0.0);
            // repulsion k²/d with k = 1
            for v in 0..n {
                let (x, y) = (self.pos[2 * v], self.pos[2 * v + 1]);
                let (fx, fy) = self.repulsion(v as u32, x, y);
                self.disp[2 * v] += fx;
                self.disp[2 * v + 1] += fy;
            }
            // attraction d²/k along each arc (each undirected edge is seen twice: half each way)
            for u in 0..n as u32 {
                let (ux, uy) = (self.pos[2 * u as usize], self.pos[2 * u as usize + 1]);
                for &v in net.neighbors(u) {
                    let dx = ux - self.pos[2 * v as usize];
                    let dy = uy - self.pos[2 * v as usize + 1];
                    let d = (dx * dx + dy * dy).sqrt();
                    let f = if net.is_directed() { d } else { 0.5 * d };
                    self.disp[2 * u as usize] -= dx * f;
                    self.disp[2 * u as usize + 1] -= dy * f;
                    self.disp[2 * v as usize] += dx * f;
                    self.disp[2 * v as usize + 1] += dy * f;
                }
            }
            let g = self.gravity;
            let t = self.temperature;
            for v in 0..n {
                let (x, y) = (self.pos[2 * v], self.pos[2 * v + 1]);
                let r = (x * x + y * y).sqrt();
                let dx = self.disp[2 * v] - g * x * r.sqrt();
                let dy = self.disp[2 * v + 1] - g * y * r.sqrt();
                let len = (dx * dx + dy * dy).sqrt();
                if len > 0.0 && len.is_finite() {
                    let s = len.min(t) / len;
                    self.pos[2 * v] += dx * s;
                    self.pos[2 * v + 1] += dy * s;
                }
            }
            self.temperature = (self.temperature * COOLING).max(0.02);
            self.iterations += 1;
        }
    }

    fn build_tree(&mut self, n: usize) {
        let (mut minx, mut miny, mut maxx, mut maxy) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for v in 0..n {
            let (x, y) = (self.pos[2 * v], self.pos[2 * v + 1]);
            minx = minx.min(x);
            maxx = maxx.max(x);
            miny = miny.min(y);
            maxy = maxy.max(y);
        }
        let half = ((maxx - minx).max(maxy - miny) / 2.0).max(1e-3) * 1.001;
        self.tree.clear();
        self.tree.push(Cell {
            cx: (minx + maxx) / 2.0,
            cy: (miny + maxy) / 2.0,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            child: 0,
            body: u32::MAX,
        });
        for v in 0..n {
            self.insert(v as u32);
        }
    }

    fn insert(&mut self, v: u32) {
        let (x, y) = (self.pos[2 * v as usize], self.pos[2 * v as usize + 1]);
        let mut c = 0usize;
        let mut depth = 0;
        loop {
            let cell = self.tree[c];
            // update the centre of mass on the way down
            let m = cell.mass + 1.0;
            self.tree[c].mx = (cell.mx * cell.mass + x) / m;
            self.tree[c].my = (cell.my * cell.mass + y) / m;
            self.tree[c].mass = m;
            if cell.child != 0 {
                c = cell.child as usize + quadrant(&cell, x, y);
                depth += 1;
                continue;
            }
            if cell.body == u32::MAX && cell.mass == 0.0 {
                self.tree[c].body = v;
                return;
            }
            if depth >= MAX_DEPTH {
                // coincident points: keep them together in this leaf (mass counts them)
                return;
            }
            // split the leaf and push its body down
            let first = self.tree.len() as u32;
            let h = cell.half / 2.0;
            for q in 0..4 {
                let cx = cell.cx + if q & 1 == 1 { h } else { -h };
                let cy = cell.cy + if q & 2 == 2 { h } else { -h };
                self.tree.push(Cell {
                    cx,
                    cy,
                    half: h,
                    mass: 0.0,
                    mx: 0.0,
                    my: 0.0,
                    child: 0,
                    body: u32::MAX,
                });
            }
            self.tree[c].child = first;
            let old = cell.body;
            self.tree[c].body = u32::MAX;
            if old != u32::MAX {
                let (ox, oy) = (self.pos[2 * old as usize], self.pos[2 * old as usize + 1]);
                let oc = first as usize + quadrant(&self.tree[c], ox, oy);
                let t = &mut self.tree[oc];
                t.mass = 1.0;
                t.mx = ox;
                t.my = oy;
                t.body = old;
            }
            c = first as usize + quadrant(&self.tree[c], x, y);
            depth += 1;
        }
    }

    fn repulsion(&self, v: u32, x: f32, y: f32) -> (f32, f32) {
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let mut stack: [u32; 128] = [0; 128];
        let mut sp = 1usize;
        while sp > 0 {
            sp -= 1;
            let cell = &self.tree[stack[sp] as usize];
            if cell.mass == 0.0 || cell.body == v && cell.child == 0 {
                continue;
            }
            let dx = x - cell.mx;
            let dy = y - cell.my;
            let d2 = dx * dx + dy * dy;
            let w = 2.0 * cell.half;
            if cell.child == 0 || w * w < self.theta * self.theta * d2 {
                let d2 = d2.max(1e-4);
                // k²/d · (unit vector) = (dx, dy) / d²
                let f = cell.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else if sp + 4 <= stack.len() {
                for q in 0..4 {
                    stack[sp] = cell.child + q;
                    sp += 1;
                }
            }
        }
        (fx, fy)
    }
}

#[inline]
fn quadrant(cell: &Cell, x: f32, y: f32) -> usize {
    (if x >= cell.cx { 1 } else { 0 }) | (if y >= cell.cy { 2 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(l: &Layout, a: u32, b: u32) -> f32 {
        let p = l.positions();
        ((p[2 * a as usize] - p[2 * b as usize]).powi(2)
            + (p[2 * a as usize + 1] - p[2 * b as usize + 1]).powi(2))
        .sqrt()
    }

    #[test]
    fn neighbours_end_up_closer_than_strangers() {
        // two cliques joined by one edge: after settling, in-clique distances are short
        let mut edges = Vec::new();
        for a in 0..10u32 {
            for b in a + 1..10 {
                edges.push((a, b));
                edges.push((a + 10, b + 10));
            }
        }
        edges.push((0, 10));
        let net = Network::from_edges(20, false, &edges, None).unwrap();
        let mut l = Layout::new(20);
        l.step(&net, 300);
        let within: f32 = (1..10).map(|b| dist(&l, 1, b)).sum::<f32>() / 9.0;
        let across: f32 = (11..20).map(|b| dist(&l, 1, b)).sum::<f32>() / 9.0;
        assert!(across > 2.0 * within, "within {within}, across {across}");
        assert!(l.positions().iter().all(|x| x.is_finite()));
        assert!(l.temperature() < 0.1);
    }

    #[test]
    fn deterministic_and_finite_with_coincident_and_isolated_nodes() {
        let net = Network::from_edges(50, false, &[(0, 1), (2, 3)], None).unwrap();
        let mut a = Layout::new(50);
        let mut b = Layout::new(50);
        a.step(&net, 50);
        b.step(&net, 50);
        assert_eq!(a.positions(), b.positions());
        assert!(a.positions().iter().all(|x| x.is_finite()));
        // everyone at one point must not blow up
        let mut c = Layout::new(5);
        c.pos.iter_mut().for_each(|x| *x = 0.0);
        c.step(&crate::generate::complete(5).unwrap(), 10);
        assert!(c.positions().iter().all(|x| x.is_finite()));
    }

    #[test]
    fn barnes_hut_matches_exact_repulsion() {
        let net =
            crate::generate::barabasi_albert(400, 2, &mut crate::rng::rng_from_seed(1)).unwrap();
        let mut l = Layout::new(400);
        l.step(&net, 20);
        l.theta = 0.0; // exact: always open cells
        l.build_tree(400);
        let p = l.positions().to_vec();
        for v in [0u32, 7, 199, 399] {
            let (ex, ey) = (0..400u32)
                .filter(|&u| u != v)
                .fold((0.0f64, 0.0f64), |(fx, fy), u| {
                    let dx = (p[2 * v as usize] - p[2 * u as usize]) as f64;
                    let dy = (p[2 * v as usize + 1] - p[2 * u as usize + 1]) as f64;
                    let d2 = (dx * dx + dy * dy).max(1e-4);
                    (fx + dx / d2, fy + dy / d2)
                });
            let (fx, fy) = l.repulsion(v, p[2 * v as usize], p[2 * v as usize + 1]);
            assert!(
                ((fx as f64 - ex).powi(2) + (fy as f64 - ey).powi(2)).sqrt()
                    < 1e-2 * (ex * ex + ey * ey).sqrt().max(1.0),
                "node {v}"
            );
            l.theta = 0.9;
            let (ax, ay) = l.repulsion(v, p[2 * v as usize], p[2 * v as usize + 1]);
            assert!(
                ((ax as f64 - ex).powi(2) + (ay as f64 - ey).powi(2)).sqrt()
                    < 0.1 * (ex * ex + ey * ey).sqrt().max(1.0),
                "approximation for node {v}"
            );
            l.theta = 0.0;
        }
    }
}
