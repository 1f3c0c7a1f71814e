//! 秘匿処理 / Cell suppression for tables released together.
//!
//! The tables are flattened into one list of cells; every linear relation a reader knows
//! between released numbers is an [`Equation`]: "these cells add up to that cell" (the
//! rows of a table whose rows partition the children add up to the number of children;
//! the cells of one column of the cross-table add up to that care kind's cell in the
//! care-kind table).
//!
//! 1. **Primary suppression**: every cell whose count is below the threshold is
//!    suppressed, zeros included, as the NDB open data shows every value under 10 the
//!    same way (so that a suppressed cell does not even tell whether it is zero).
//! 2. **Complementary suppression**: for every equation with exactly one unknown (a
//!    suppressed cell, or a suppressed total), the smallest released cell among its parts
//!    is suppressed as well (ties: the first in table order); and for every equation whose
//!    total is released and whose released parts already add up to it (the suppressed
//!    parts are all zeros, which a reader would know since counts are never negative),
//!    likewise. Repeated until neither holds for any equation. Suppression only adds
//!    unknowns, so this ends after at most as many rounds as there are cells.
//!
//! Why this is enough for the tables of `summaries.aggregate`: with the total released,
//! every unknown there takes part in one equation only (a child is in one row of a
//! partition table; a cross-table cell is in one column; a care kind's cell, the total of
//! its column, appears in no other sum, since one child may have several kinds). An
//! equation with two or more unknowns and no unknown shared with another equation leaves
//! each of them free: any one can move by one if another moves back. When the number of
//! children itself is below the threshold, every cell is below it too, so everything is
//! suppressed. The property test `core/tests/stats_props.rs` checks the claim by solving
//! the equations: no suppressed cell is determined by the released ones.
//!
//! The second rule closes the one way bounds could give a value away: with the total
//! released, the suppressed parts of an equation add up to a known remainder, and each
//! lies between 0 and it; a remainder of 0 would pin them all to 0. After the rule every
//! such remainder is at least the smallest part added (≥ the threshold) and is shared by
//! two or more unknowns. What it does not protect against: a reader may still narrow a
//! suppressed cell to an interval (never to one value).

/// One known relation: the cells `parts` add up to the cell `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    /// Index of the cell holding the sum.
    pub total: usize,
    /// Indices of the cells that add up to it.
    pub parts: Vec<usize>,
}

/// Which cells to suppress: `true` at every suppressed index. `threshold` 0 suppresses
/// nothing (primary or complementary). An equation with no parts (a table with no rows,
/// when no child was counted) tells the reader its total is 0; there is nothing to hide.
pub fn suppress(values: &[u32], equations: &[Equation], threshold: u32) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|&v| v < threshold).collect();
    if threshold == 0 {
        return hidden;
    }
    let is_hidden = |h: &[bool], i: usize| h.get(i).copied().unwrap_or(false);
    let mut changed = true;
    while changed {
        changed = false;
        for eq in equations {
            let hidden_parts = eq.parts.iter().filter(|&&i| is_hidden(&hidden, i)).count();
            let total_hidden = is_hidden(&hidden, eq.total);
            let unknowns = hidden_parts + usize::from(total_hidden);
            // The suppressed parts add up to 0 and the total shows: all of them are 0.
            let zeros_shown = !total_hidden
                && hidden_parts > 0
                && eq
                    .parts
                    .iter()
                    .filter(|&&i| is_hidden(&hidden, i))
                    .all(|&i| values.get(i).copied().unwrap_or(0) == 0);
            if unknowns != 1 && !zeros_shown {
                continue;
            }
            let pick = eq
                .parts
                .iter()
                .copied()
                .filter(|&i| !is_hidden(&hidden, i))
                .min_by_key(|&i| (values.get(i).copied().unwrap_or(0), i));
            // No released part: the one unknown is the total of an empty sum (no child
            // at all), which is zero and nothing to protect; leave it.
            if let Some(h) = pick.and_then(|i| hidden.get_mut(i)) {
                *h = true;
                changed = true;
            }
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_small_cell_gets_a_partner() {
        // total 30 = 20 + 6 + 4: 6 and 4 are below 10, two unknowns already
        let values = [30, 20, 6, 4];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2, 3],
        }];
        assert_eq!(suppress(&values, &eq, 10), vec![false, false, true, true]);
        // only one small cell: the smallest released part is added
        let values = [40, 15, 20, 5];
        assert_eq!(suppress(&values, &eq, 10), vec![false, true, false, true]);
    }

    #[test]
    fn suppressed_total_with_released_parts_hides_a_part() {
        // total 9 < 10 but parts 9 and 0: both below 10 as well
        let values = [9, 9, 0];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2],
        }];
        assert_eq!(suppress(&values, &eq, 10), vec![true, true, true]);
        // a column total hidden by a higher threshold while all parts show
        let values = [25, 12, 13];
        assert_eq!(suppress(&values, &eq, 26), vec![true, true, true]);
    }

    #[test]
    fn suppressed_zeros_next_to_a_full_row_get_a_partner() {
        // total 12 = 12 + 0 + 0: the two zeros are hidden, but 12 − 12 would tell they are
        // 0; the 12 is hidden too.
        let values = [12, 12, 0, 0];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2, 3],
        }];
        assert_eq!(suppress(&values, &eq, 10), vec![false, true, true, true]);
        // total 25 = 15 + 10 + 0 + 0: the smallest released part (10) joins the zeros.
        let values = [25, 15, 10, 0, 0];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2, 3, 4],
        }];
        assert_eq!(
            suppress(&values, &eq, 10),
            vec![false, false, true, true, true]
        );
        // Hidden parts that are not all zeros leave the rest alone: 30 = 20 + 6 + 4.
        let values = [30, 20, 6, 4, 0];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2, 3, 4],
        }];
        assert_eq!(
            suppress(&values, &eq, 10),
            vec![false, false, true, true, true]
        );
    }

    #[test]
    fn an_empty_sum_ends() {
        let values = [0];
        let eq = [Equation {
            total: 0,
            parts: vec![],
        }];
        assert_eq!(suppress(&values, &eq, 10), vec![true]);
    }

    #[test]
    fn zero_threshold_suppresses_nothing() {
        let values = [3, 1, 2];
        let eq = [Equation {
            total: 0,
            parts: vec![1, 2],
        }];
        assert_eq!(suppress(&values, &eq, 0), vec![false, false, false]);
    }
}
