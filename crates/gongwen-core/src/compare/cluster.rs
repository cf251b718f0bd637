//! An order of reports that puts those that copy from each other side by
//! side: average-linkage agglomerative clustering on the distance
//! 1 − max(A→B, B→A), the leaves read off left to right. Above
//! [`MAX_CLUSTERED`] reports (the cubic cost grows to seconds) the order
//! is greedy instead: each next report is the one most similar to the last.
//!
//! A large stack is read as groups of that order ([`cut_into_groups`]):
//! consecutive runs of similar reports, joined by average linkage between
//! neighbouring runs only, so every group stands together in the order and
//! an aggregated view keeps the reports' places.

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

/// Neighbouring groups whose reports share at least this much on average
/// (the closeness max(A→B, B→A), averaged over their pairs) are one group.
pub const GROUP_CLOSENESS: f64 = 0.2;

/// Cuts `order` (report indices, similar ones together, as [`cluster_order`]
/// gives them) into at most `max_groups` consecutive runs of similar reports.
///
/// Starting from one group per report, the two neighbouring groups with the
/// highest average closeness are joined (on a tie the smaller pair, so that
/// unrelated reports fall into groups of even size) while there are more
/// than `max_groups` groups, or while that closeness is at least
/// [`GROUP_CLOSENESS`] and more than two groups remain — so that a group
/// of a large stack is always smaller than the stack, and zooming into one
/// makes progress. The groups, read in turn, are `order`.
pub fn cut_into_groups(similarity: &[Vec<f64>], order: &[usize], max_groups: usize) -> Vec<Vec<usize>> {
    let closeness = |a: usize, b: usize| similarity[a][b].max(similarity[b][a]);
    let between = |left: &[usize], right: &[usize]| -> f64 {
        left.iter().map(|&a| right.iter().map(|&b| closeness(a, b)).sum::<f64>()).sum()
    };
    let mut groups: Vec<Vec<usize>> = order.iter().map(|&i| vec![i]).collect();
    // links[i]: the summed closeness of every pair across groups i and i + 1.
    let mut links: Vec<f64> = groups.windows(2).map(|pair| between(&pair[0], &pair[1])).collect();
    let max_groups = max_groups.max(1);
    while groups.len() > 1 {
        let average = |i: usize| links[i] / (groups[i].len() * groups[i + 1].len()) as f64;
        let size = |i: usize| groups[i].len() + groups[i + 1].len();
        let best = (0..links.len())
            .max_by(|&x, &y| average(x).total_cmp(&average(y)).then(size(y).cmp(&size(x))).then(y.cmp(&x)))
            .unwrap_or(0);
        let wanted = groups.len() > max_groups || (average(best) >= GROUP_CLOSENESS && groups.len() > 2);
        if !wanted {
            break;
        }
        let right = groups.remove(best + 1);
        // The joined group's links to its neighbours: the links it had, plus
        // the pairs the neighbour had with the part it was not next to.
        if best > 0 {
            links[best - 1] += between(&groups[best - 1], &right);
        }
        if best + 1 < links.len() {
            links[best + 1] += between(&groups[best], &groups[best + 1]);
        }
        groups[best].extend(right);
        links.remove(best);
    }
    groups
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

    /// A similarity matrix of `families` families of `size` reports each:
    /// `inside` within a family, nothing across, reports listed family by family.
    fn families(families: usize, size: usize, inside: f64) -> Vec<Vec<f64>> {
        let n = families * size;
        (0..n)
            .map(|a| {
                (0..n)
                    .map(|b| {
                        if a == b {
                            1.0
                        } else if a / size == b / size {
                            inside
                        } else {
                            0.0
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn groups_are_the_families_of_copying_reports() {
        let s = families(8, 10, 0.5);
        let order = cluster_order(&s);
        let groups = cut_into_groups(&s, &order, 20);
        assert_eq!(groups.len(), 8, "{groups:?}");
        for group in &groups {
            assert_eq!(group.len(), 10);
            assert!(group.iter().all(|&r| r / 10 == group[0] / 10), "one family per group: {group:?}");
        }
        assert_eq!(groups.concat(), order, "the groups, in turn, are the order");
    }

    #[test]
    fn unrelated_reports_fall_into_even_groups() {
        let s = families(60, 1, 0.0);
        let order: Vec<usize> = (0..60).collect();
        let groups = cut_into_groups(&s, &order, 20);
        assert_eq!(groups.len(), 20);
        assert!(groups.iter().all(|g| (2..=4).contains(&g.len())), "{groups:?}");
        assert_eq!(groups.concat(), order);
    }

    #[test]
    fn a_stack_of_near_copies_is_still_cut_in_two() {
        let s = families(1, 70, 0.9);
        let order: Vec<usize> = (0..70).collect();
        let groups = cut_into_groups(&s, &order, 20);
        assert_eq!(groups.len(), 2, "zooming into a group must make progress");
        assert_eq!(cut_into_groups(&s, &[], 20), Vec::<Vec<usize>>::new());
        assert_eq!(cut_into_groups(&s, &[4], 20), vec![vec![4]]);
    }
}
