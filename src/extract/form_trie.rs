//! The lexicon's surface forms in a trie, ASCII case-insensitive, walked anchored from a word
//! start by [`super::lexicon::Lexicons::matches`].
//!
//! Why not an Aho-Corasick automaton: the lexicon only ever walks anchored, so the failure
//! transitions an automaton computes (and the matches it copies along them) are built and never
//! used, and building them was most of loading the lexicons (3% of `kg extract` on 10 MB of
//! news). Here the nodes are numbered breadth first, so that the few thousand nodes near the
//! root, where nearly every walk ends, sit together in memory.
//!
//! A walk gives, for every length at which forms end, the forms in pattern order: what an
//! anchored walk of the automaton gave, less the shorter forms its states inherit from failure
//! transitions (which the lexicon dropped).

/// One node: its children are the nodes `children..children + child_count` (labels in
/// [`FormTrie::labels`], sorted), the forms ending at it are `ends[ends..ends + end_count]`.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    children: u32,
    ends: u32,
    child_count: u16,
    end_count: u16,
}

/// Surface forms by their bytes, ASCII letters compared without case.
#[derive(Debug, Default)]
pub(super) struct FormTrie {
    /// Node 0 is the root.
    nodes: Vec<Node>,
    /// The byte (ASCII lower case) on the edge into each node.
    labels: Vec<u8>,
    /// The patterns ending at the nodes, each node's in pattern order.
    ends: Vec<u32>,
    /// The root's children by byte (0: none), so the first step is one load.
    root: Vec<u32>,
}

/// A node while the trie is built: children by byte, and the patterns ending here.
#[derive(Default)]
struct Building {
    children: Vec<(u8, usize)>,
    ends: Vec<u32>,
}

impl FormTrie {
    /// The trie of `patterns`; pattern `i` is reported as `i`. `None` when there are too many
    /// nodes, patterns or forms ending at one node for the compact layout.
    pub(super) fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Option<FormTrie> {
        let mut building = vec![Building::default()];
        for (id, pattern) in patterns.into_iter().enumerate() {
            let mut node = 0;
            for &byte in pattern.as_bytes() {
                let byte = byte.to_ascii_lowercase();
                node = match building[node].children.iter().find(|(b, _)| *b == byte) {
                    Some(&(_, child)) => child,
                    None => {
                        building.push(Building::default());
                        let child = building.len() - 1;
                        building[node].children.push((byte, child));
                        child
                    }
                };
            }
            building[node].ends.push(u32::try_from(id).ok()?);
        }
        // Breadth first: a node's children get consecutive numbers, in byte order.
        let mut order = vec![0usize];
        let mut labels = vec![0u8];
        let mut nodes = Vec::with_capacity(building.len());
        let mut ends = Vec::new();
        let mut next = 0;
        while next < order.len() {
            let b = &mut building[order[next]];
            b.children.sort_unstable();
            let node = Node {
                children: u32::try_from(order.len()).ok()?,
                ends: u32::try_from(ends.len()).ok()?,
                child_count: u16::try_from(b.children.len()).ok()?,
                end_count: u16::try_from(b.ends.len()).ok()?,
            };
            ends.extend_from_slice(&b.ends);
            for &(byte, child) in &b.children {
                order.push(child);
                labels.push(byte);
            }
            nodes.push(node);
            next += 1;
        }
        let mut root = vec![0u32; 256];
        let first = nodes[0].children as usize;
        let root_labels = &labels[first..first + usize::from(nodes[0].child_count)];
        for (child, &label) in (first..).zip(root_labels) {
            let child = u32::try_from(child).ok()?;
            root[usize::from(label)] = child;
            root[usize::from(label.to_ascii_uppercase())] = child;
        }
        Some(FormTrie {
            nodes,
            labels,
            ends,
            root,
        })
    }

    /// True when some form starts with `byte` (in either ASCII case).
    pub(super) fn starts_with(&self, byte: u8) -> bool {
        self.root[usize::from(byte)] != 0
    }

    /// Walks `bytes` from the root and calls `found(length, patterns)` for every length at which
    /// forms end, shortest first, with those forms in pattern order.
    pub(super) fn walk(&self, bytes: &[u8], mut found: impl FnMut(usize, &[u32])) {
        let Some((&first, rest)) = bytes.split_first() else {
            return;
        };
        let mut node = self.root[usize::from(first)] as usize;
        if node == 0 {
            return;
        }
        let mut length = 1;
        loop {
            let n = self.nodes[node];
            if n.end_count > 0 {
                let at = n.ends as usize;
                found(length, &self.ends[at..at + usize::from(n.end_count)]);
            }
            let Some(&byte) = rest.get(length - 1) else {
                return;
            };
            let byte = byte.to_ascii_lowercase();
            let children = n.children as usize;
            let labels = &self.labels[children..children + usize::from(n.child_count)];
            let Some(i) = labels.iter().position(|&b| b == byte) else {
                return;
            };
            node = children + i;
            length += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(trie: &FormTrie, text: &str) -> Vec<(usize, Vec<u32>)> {
        let mut out = Vec::new();
        trie.walk(text.as_bytes(), |len, ids| out.push((len, ids.to_vec())));
        out
    }

    #[test]
    fn finds_every_prefix_form_in_either_case_in_pattern_order() {
        let trie = FormTrie::new(["New York", "new", "NEW", "Newark", "York", "N.Y."]).unwrap();
        assert_eq!(
            walked(&trie, "NEW YORK CITY"),
            [(3, vec![1, 2]), (8, vec![0])]
        );
        assert_eq!(walked(&trie, "newark"), [(3, vec![1, 2]), (6, vec![3])]);
        assert_eq!(walked(&trie, "n.y."), [(4, vec![5])]);
        assert_eq!(walked(&trie, "Yor"), []);
        assert_eq!(walked(&trie, ""), []);
        assert!(trie.starts_with(b'y') && trie.starts_with(b'Y') && !trie.starts_with(b'x'));
    }

    #[test]
    fn non_ascii_bytes_match_only_themselves() {
        let trie = FormTrie::new(["Zürich", "Ørsted"]).unwrap();
        assert_eq!(walked(&trie, "zürich"), [(7, vec![0])]);
        assert_eq!(walked(&trie, "ZÜRICH"), []);
        assert_eq!(walked(&trie, "ørsted"), []);
        assert_eq!(walked(&trie, "Ørsted A/S"), [(7, vec![1])]);
    }
}
