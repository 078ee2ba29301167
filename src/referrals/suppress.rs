//! Small-cell suppression for the impact tables: no count under 5 is published, and no hidden
//! count can be computed back from what is published (the cells shown, the row and column
//! totals and the grand total).
//!
//! A table with its totals is an (n+1)×(m+1) grid in which every row and every column adds
//! up: each value takes part in exactly two sums, its row's and its column's. Seen as a
//! bipartite graph (rows and columns are nodes, every value an edge between its row and its
//! column), the hidden values are edges, and a hidden value is computable from the published
//! ones exactly when its edge is a *bridge* of the hidden subgraph: on no cycle of hidden
//! edges (a leaf's value is its row sum minus the rest, and so on inward). On a cycle, adding
//! and subtracting one around the cycle keeps every sum, so the value is not determined.
//!
//! The rule: hide every count in 1..=4 (cells and totals alike; zero tells nothing about a
//! person and is shown), then while some hidden value is a bridge, hide the smallest shown
//! value of its row (or, in a row with none left, of its column), which puts it on a cycle.

/// A published value: the count, hidden because it is under 5 ("<5"), or hidden because
/// it would reveal a small one ("x"; it may be any size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(u64),
    Hidden,
    Protected,
}

impl Cell {
    pub fn is_hidden(self) -> bool {
        self.count().is_none()
    }
    pub fn count(self) -> Option<u64> {
        match self {
            Cell::Shown(n) => Some(n),
            _ => None,
        }
    }
    /// As a table or a CSV writes it.
    pub fn text(self) -> String {
        match self {
            Cell::Shown(n) => n.to_string(),
            Cell::Hidden => "<5".to_string(),
            Cell::Protected => "x".to_string(),
        }
    }
}

/// Counts under this are never published.
pub const MIN_COUNT: u64 = 5;

/// A count as published: rounded to the nearest multiple of 5 (0 stays 0). Suppression alone
/// protects one table; across tables and filtered views the published sums could still be
/// subtracted from each other down to one person (an outside test did so), and rounding
/// leaves every such difference uncertain by several people.
pub fn rounded(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        ((n + 2) / 5 * 5).max(5)
    }
}

/// A table with its totals, suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Cell>,
    pub col_totals: Vec<Cell>,
    pub total: Cell,
}

/// Suppresses a table of counts (`columns` wide; rows of that length).
pub fn suppress(counts: &[Vec<u64>], columns: usize) -> Suppressed {
    let n = counts.len();
    let m = columns;
    // The grid with its totals: row n is the column totals, column m the row totals.
    let mut grid = vec![vec![0u64; m + 1]; n + 1];
    for (i, row) in counts.iter().enumerate() {
        for (j, v) in row.iter().enumerate().take(m) {
            grid[i][j] = *v;
            grid[i][m] += v;
            grid[n][j] += v;
            grid[n][m] += v;
        }
    }
    let small: Vec<Vec<bool>> = grid
        .iter()
        .map(|r| r.iter().map(|v| (1..MIN_COUNT).contains(v)).collect())
        .collect();
    let mut hidden = small.clone();
    while let Some((i, j)) = first_bridge(&hidden) {
        // Another value of the bridge's row, else of its column; the grand total last (several
        // tables publish it, and it must read the same in each).
        let grand = (n, m);
        let in_row = (0..=m)
            .map(|c| (i, c))
            .filter(|&(r, c)| c != j && !hidden[r][c] && (r, c) != grand)
            .min_by_key(|&(r, c)| (grid[r][c], c == m));
        let in_col = || {
            (0..=n)
                .map(|r| (r, j))
                .filter(|&(r, c)| r != i && !hidden[r][c] && (r, c) != grand)
                .min_by_key(|&(r, c)| (grid[r][c], r == n))
        };
        let all_but_grand = hidden
            .iter()
            .enumerate()
            .all(|(r, row)| row.iter().enumerate().all(|(c, h)| *h || (r, c) == grand));
        match in_row.or_else(in_col) {
            Some((r, c)) => hidden[r][c] = true,
            // Nothing near it left: hide every other value, and only if even that leaves a
            // bridge (a table of one value), the grand total too.
            None if !all_but_grand => {
                for (r, row) in hidden.iter_mut().enumerate() {
                    for (c, h) in row.iter_mut().enumerate() {
                        *h |= (r, c) != grand;
                    }
                }
            }
            None => hidden[n][m] = true,
        }
    }
    let cell = |i: usize, j: usize| {
        if small[i][j] {
            Cell::Hidden
        } else if hidden[i][j] {
            Cell::Protected
        } else {
            Cell::Shown(rounded(grid[i][j]))
        }
    };
    Suppressed {
        cells: (0..n)
            .map(|i| (0..m).map(|j| cell(i, j)).collect())
            .collect(),
        row_totals: (0..n).map(|i| cell(i, m)).collect(),
        col_totals: (0..m).map(|j| cell(n, j)).collect(),
        total: cell(n, m),
    }
}

/// A hidden value whose edge is on no cycle of hidden edges (so it could be computed).
fn first_bridge(hidden: &[Vec<bool>]) -> Option<(usize, usize)> {
    let rows = hidden.len();
    let cols = hidden.first().map_or(0, Vec::len);
    let edges: Vec<(usize, usize)> = (0..rows)
        .flat_map(|i| (0..cols).map(move |j| (i, j)))
        .filter(|&(i, j)| hidden[i][j])
        .collect();
    // Nodes: rows 0..rows, columns rows..rows+cols.
    edges.iter().copied().find(|&(i, j)| {
        // Is column j reachable from row i without this edge?
        let mut seen = vec![false; rows + cols];
        let mut stack = vec![i];
        seen[i] = true;
        while let Some(node) = stack.pop() {
            for &(a, b) in &edges {
                if (a, b) == (i, j) {
                    continue;
                }
                let (x, y) = (a, rows + b);
                let next = if node == x {
                    y
                } else if node == y {
                    x
                } else {
                    continue;
                };
                if !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        !seen[rows + j]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Rank of an integer matrix (fraction-free Gaussian elimination in i128).
    fn rank(mut a: Vec<Vec<i128>>) -> usize {
        let cols = a.first().map_or(0, Vec::len);
        let mut r = 0;
        for c in 0..cols {
            let Some(p) = (r..a.len()).find(|&i| a[i][c] != 0) else {
                continue;
            };
            a.swap(r, p);
            for i in 0..a.len() {
                if i != r && a[i][c] != 0 {
                    let (f, g) = (a[r][c], a[i][c]);
                    let pivot = a[r].clone();
                    for (x, p) in a[i].iter_mut().zip(pivot) {
                        *x = *x * f - p * g;
                    }
                    let d = a[i].iter().fold(0i128, |d, v| gcd(d, v.abs()));
                    if d > 1 {
                        a[i].iter_mut().for_each(|v| *v /= d);
                    }
                }
            }
            r += 1;
        }
        r
    }

    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }

    /// Which hidden values an attacker can compute: the published sums are linear
    /// equations in the hidden values; a value is determined when its unit vector lies in
    /// the row space of those equations (the rank does not grow when it is added). An
    /// independent check of the graph rule above.
    fn recoverable(s: &Suppressed) -> Vec<(usize, usize)> {
        let n = s.cells.len();
        let m = s.cells.first().map_or(0, Vec::len);
        let at = |i: usize, j: usize| -> Cell {
            match (i == n, j == m) {
                (false, false) => s.cells[i][j],
                (false, true) => s.row_totals[i],
                (true, false) => s.col_totals[j],
                (true, true) => s.total,
            }
        };
        let unknowns: Vec<(usize, usize)> = (0..=n)
            .flat_map(|i| (0..=m).map(move |j| (i, j)))
            .filter(|&(i, j)| at(i, j).is_hidden())
            .collect();
        let index = |i: usize, j: usize| unknowns.iter().position(|&u| u == (i, j));
        let mut eqs: Vec<Vec<i128>> = Vec::new();
        // Each row: its cells minus its total; each column likewise.
        for i in 0..=n {
            let mut e = vec![0i128; unknowns.len()];
            for j in 0..=m {
                if let Some(k) = index(i, j) {
                    e[k] += if j == m { -1 } else { 1 };
                }
            }
            eqs.push(e);
        }
        for j in 0..=m {
            let mut e = vec![0i128; unknowns.len()];
            for i in 0..=n {
                if let Some(k) = index(i, j) {
                    e[k] += if i == n { -1 } else { 1 };
                }
            }
            eqs.push(e);
        }
        let base = rank(eqs.clone());
        unknowns
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                let mut with = eqs.clone();
                let mut unit = vec![0i128; unknowns.len()];
                unit[*k] = 1;
                with.push(unit);
                rank(with) == base
            })
            .map(|(_, u)| *u)
            .collect()
    }

    fn table() -> impl Strategy<Value = Vec<Vec<u64>>> {
        (1usize..6, 1usize..7).prop_flat_map(|(n, m)| {
            proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![3 => 0u64..5, 2 => 5u64..40, 1 => Just(0u64)],
                    m,
                ),
                n,
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        /// On random tables: nothing under 5 is shown, what is shown is the true count, and
        /// no hidden value can be computed from the published ones.
        #[test]
        fn no_hidden_cell_is_recoverable(counts in table()) {
            let s = suppress(&counts, counts[0].len());
            let m = counts[0].len();
            for (i, row) in counts.iter().enumerate() {
                for (j, v) in row.iter().enumerate() {
                    match s.cells[i][j] {
                        Cell::Shown(x) => {
                            prop_assert!(x.abs_diff(*v) <= 2 && x % 5 == 0, "{} shown as {}", v, x);
                            prop_assert!(x == 0 || x >= MIN_COUNT);
                        }
                        Cell::Hidden => prop_assert!((1..MIN_COUNT).contains(v)),
                        Cell::Protected => {}
                    }
                }
                if let Cell::Shown(t) = s.row_totals[i] {
                    prop_assert!(t.abs_diff(row.iter().sum::<u64>()) <= 2);
                    prop_assert!(t == 0 || t >= MIN_COUNT);
                }
            }
            for j in 0..m {
                if let Cell::Shown(t) = s.col_totals[j] {
                    prop_assert!(t == 0 || t >= MIN_COUNT);
                }
            }
            prop_assert_eq!(recoverable(&s), Vec::<(usize, usize)>::new(), "{:?} -> {:?}", counts, s);
            // The grand total, shared by several tables, is hidden only when it is small.
            let total: u64 = counts.iter().flatten().sum();
            if total >= MIN_COUNT && s.total.is_hidden() {
                // Allowed only when nothing else could be hidden instead: every other value is.
                prop_assert!(s.cells.iter().flatten().chain(&s.row_totals).chain(&s.col_totals).all(|c| c.is_hidden()));
            }
        }
    }

    #[test]
    fn a_lone_small_cell_takes_a_partner() {
        // 3 in a row of 3, 20, 30: the 3 alone hidden would be 53 − 20 − 30.
        let s = suppress(&[vec![3, 20, 30], vec![10, 10, 10]], 3);
        assert!(s.cells[0][0].is_hidden());
        let hidden_in_row = s.cells[0].iter().filter(|c| c.is_hidden()).count()
            + usize::from(s.row_totals[0].is_hidden());
        assert!(hidden_in_row >= 2);
        assert!(recoverable(&s).is_empty());
        // Nothing small: nothing hidden.
        let s = suppress(&[vec![5, 20], vec![0, 7]], 2);
        assert!(suppress(&[], 4).col_totals.len() == 4);
        assert!(s.cells.iter().flatten().all(|c| !c.is_hidden()));
        assert_eq!(s.total, Cell::Shown(30));
        assert_eq!(
            [0, 5, 6, 7, 8, 9, 10, 12, 13].map(rounded),
            [0, 5, 5, 5, 10, 10, 10, 10, 15]
        );
        assert_eq!(Cell::Hidden.text(), "<5");
    }
}
