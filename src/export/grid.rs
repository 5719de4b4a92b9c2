//! Nodes with no edge, packed in a grid beside the graph.
//!
//! Graphviz's `dot` stacks every component along one side, so a whole-graph picture with dozens
//! of entities that have no fact (named once, never placed) became one tall column above the
//! real graph. Both writers (DOT and the built-in layout) take the unconnected nodes out of the
//! graph's layout and lay them in rows and columns of their own, about as tall as wide, so that
//! they add width beside the graph rather than height.

use petgraph::graph::NodeIndex;

use super::select::Drawing;

/// Width of a grid cell over its height, in the pictures both writers draw (a node with its gap
/// is about 220 by 55 pixels).
const CELL_ASPECT: f64 = 4.0;

/// The nodes of `drawing` with no edge, in drawing order.
pub(crate) fn unconnected(drawing: &Drawing) -> Vec<NodeIndex> {
    let graph = &drawing.graph;
    graph
        .node_indices()
        .filter(|&n| Some(n) != drawing.root && graph.neighbors_undirected(n).next().is_none())
        .collect()
}

/// `nodes` in rows of equal length (the last may be shorter), the grid about as tall as wide:
/// `rows × columns` with `rows ≈ CELL_ASPECT × columns`.
pub(crate) fn rows(nodes: &[NodeIndex]) -> Vec<Vec<NodeIndex>> {
    if nodes.is_empty() {
        return Vec::new();
    }
    let columns = ((nodes.len() as f64 / CELL_ASPECT).sqrt().ceil() as usize).max(1);
    nodes.chunks(columns).map(<[NodeIndex]>::to_vec).collect()
}

/// A node that Graphviz's `dot` puts in (or near) its last rank: the end of a longest directed
/// path, edges that close a cycle left out (as `dot` reverses them). The grid hangs off it, so
/// that it lands to the right of the graph in a left-to-right drawing; `None` without edges.
pub(crate) fn last_rank_node(drawing: &Drawing) -> Option<NodeIndex> {
    let graph = &drawing.graph;
    graph.edge_count().checked_sub(1)?;
    // Longest path ending at each node, computed in a depth-first order over predecessors with
    // an explicit stack; a predecessor still on the stack closes a cycle and is skipped.
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done(usize),
    }
    let mut state = vec![State::New; graph.node_count()];
    for start in graph.node_indices() {
        if state[start.index()] != State::New {
            continue;
        }
        let mut stack = vec![start];
        while let Some(&n) = stack.last() {
            if state[n.index()] == State::New {
                state[n.index()] = State::Open;
                stack.extend(
                    graph
                        .neighbors_directed(n, petgraph::Direction::Incoming)
                        .filter(|p| state[p.index()] == State::New),
                );
                continue;
            }
            stack.pop();
            if state[n.index()] != State::Open {
                continue;
            }
            let rank = graph
                .neighbors_directed(n, petgraph::Direction::Incoming)
                .filter_map(|p| match state[p.index()] {
                    State::Done(r) => Some(r + 1),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            state[n.index()] = State::Done(rank);
        }
    }
    graph
        .node_indices()
        .filter(|&n| graph.neighbors_undirected(n).next().is_some())
        .max_by_key(|&n| match state[n.index()] {
            State::Done(r) => (r, std::cmp::Reverse(n.index())),
            _ => (0, std::cmp::Reverse(n.index())),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes(count: usize) -> Vec<NodeIndex> {
        (0..count).map(NodeIndex::new).collect()
    }

    #[test]
    fn a_grid_is_about_as_tall_as_wide_in_pixels() {
        for count in [1, 2, 5, 33, 100, 400] {
            let grid = rows(&nodes(count));
            let columns = grid[0].len();
            assert_eq!(grid.iter().map(Vec::len).sum::<usize>(), count);
            assert!(grid.iter().all(|r| r.len() <= columns && !r.is_empty()));
            let (width, height) = (columns as f64 * CELL_ASPECT, grid.len() as f64);
            assert!(
                height <= 2.0 * width + CELL_ASPECT && width <= 2.0 * height + CELL_ASPECT,
                "{count}: {columns} columns, {} rows",
                grid.len()
            );
        }
        assert_eq!(rows(&nodes(33))[0].len(), 3);
        assert!(rows(&[]).is_empty());
    }
}
