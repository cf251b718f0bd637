//! An order of reports that puts those that copy from each other side by
//! side: average-linkage agglomerative clustering on the distance
//! 1 − max(A→B, B→A), the leaves read off left to right. Above
//! [`MAX_CLUSTERED`] reports (the cubic cost grows to seconds) the order
//! is greedy instead: each next report is the one most similar to the last.

/// The most reports clustered exactly.
pub const MAX_CLUSTERED: usize = 300;

/// The reports' indices in an order that keeps similar reports together.
pub fn cluster_order(similarity: &[Vec<f64>]) -> Vec<usize> {
    let n = similarity.len();
    let closeness = |a: usize, b: usize| similarity[a][b].max(similarity[b][a]);
    if n <= 2 {
        return (0..n).collect();
    }
    if n > MAX_CLUSTERED {
        return greedy_order(n, closeness);
    }
    // Each cluster: its members in leaf order; distances by average linkage.
    let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut distance: Vec<Vec<f64>> =
        (0..n).map(|a| (0..n).map(|b| if a == b { f64::INFINITY } else { 1.0 - closeness(a, b) }).collect()).collect();
    for _ in 1..n {
        let mut best = (f64::INFINITY, 0, 0);
        for a in 0..n {
            if clusters[a].is_none() {
                continue;
            }
            for b in a + 1..n {
                if clusters[b].is_some() && distance[a][b] < best.0 {
                    best = (distance[a][b], a, b);
                }
            }
        }
        let (_, a, b) = best;
        let (Some(left), Some(right)) = (clusters[a].take(), clusters[b].take()) else { break };
        let (size_a, size_b) = (left.len() as f64, right.len() as f64);
        for c in 0..n {
            if c != a && c != b && clusters[c].is_some() {
                let merged = (distance[a][c] * size_a + distance[b][c] * size_b) / (size_a + size_b);
                distance[a][c] = merged;
                distance[c][a] = merged;
            }
        }
        clusters[a] = Some(left.into_iter().chain(right).collect());
    }
    clusters.into_iter().flatten().flatten().collect()
}

/// Each next report the one closest to the last placed; ties by index.
fn greedy_order(n: usize, closeness: impl Fn(usize, usize) -> f64) -> Vec<usize> {
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut last = 0;
    placed[0] = true;
    order.push(0);
    for _ in 1..n {
        let next = (0..n)
            .filter(|&i| !placed[i])
            .max_by(|&x, &y| closeness(last, x).total_cmp(&closeness(last, y)).then(y.cmp(&x)))
            .unwrap_or(0);
        placed[next] = true;
        order.push(next);
        last = next;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copying_reports_stand_together() {
        // 0 and 2 copy each other, as do 1 and 3.
        let s = vec![
            vec![1.0, 0.0, 0.8, 0.1],
            vec![0.0, 1.0, 0.0, 0.7],
            vec![0.9, 0.0, 1.0, 0.0],
            vec![0.1, 0.6, 0.0, 1.0],
        ];
        let order = cluster_order(&s);
        let at = |i: usize| order.iter().position(|&o| o == i).unwrap_or(usize::MAX);
        assert_eq!(at(0).abs_diff(at(2)), 1, "{order:?}");
        assert_eq!(at(1).abs_diff(at(3)), 1, "{order:?}");
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3]);
        assert_eq!(
            greedy_order(4, |a, b| s[a][b].max(s[b][a])),
            vec![0, 2, 1, 3],
            "2 is as far from 1 as from 3: the lower index"
        );
    }
}
