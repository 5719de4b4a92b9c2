//! How each kind of node and edge looks, shared by the DOT writer and the built-in layout so
//! that both pictures use the same shapes, colours and legend.

use super::graph::{Edge, EdgeKind, NodeKind};

/// The font used for every label.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";
/// Colour of secondary text (dates, folded literals).
pub(crate) const DETAIL_COLOUR: &str = "#4b5563";
/// A label longer than this many characters is wrapped.
pub(crate) const WRAP_AT: usize = 26;
/// A node's name longer than this many characters is cut with an ellipsis.
const MAX_TITLE_CHARS: usize = 120;

/// The lines of a node's name as drawn: cut when very long, then wrapped.
pub(crate) fn title_lines(label: &str) -> Vec<String> {
    wrap(&super::graph::shorten(label, MAX_TITLE_CHARS), WRAP_AT)
}

/// The outline drawn for a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// An ellipse.
    Ellipse,
    /// A rectangle.
    Box,
    /// A rectangle with rounded corners.
    RoundedBox,
    /// A hexagon.
    Hexagon,
    /// A page with a folded corner.
    Note,
}

/// How a node kind looks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NodeStyle {
    /// Its outline.
    pub shape: Shape,
    /// Fill colour.
    pub fill: &'static str,
    /// Outline colour.
    pub border: &'static str,
    /// Whether the outline is dashed.
    pub dashed: bool,
}

/// The look of a node kind.
pub(crate) fn node_style(kind: NodeKind) -> NodeStyle {
    let (shape, fill, border, dashed) = match kind {
        NodeKind::Person => (Shape::Ellipse, "#dbeafe", "#2563eb", false),
        NodeKind::Organization => (Shape::Box, "#ffedd5", "#ea580c", false),
        NodeKind::Place => (Shape::Hexagon, "#dcfce7", "#16a34a", false),
        NodeKind::Event => (Shape::RoundedBox, "#fef9c3", "#a16207", false),
        NodeKind::Role => (Shape::Ellipse, "#f3e8ff", "#9333ea", false),
        NodeKind::Document => (Shape::Note, "#f1f5f9", "#475569", false),
        NodeKind::Other => (Shape::Box, "#ffffff", "#64748b", false),
    };
    NodeStyle {
        shape,
        fill,
        border,
        dashed,
    }
}

/// How an edge looks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EdgeStyle {
    /// Line colour.
    pub colour: &'static str,
    /// Label colour.
    pub font_colour: &'static str,
    /// Whether the line is dashed.
    pub dashed: bool,
    /// Whether the line is dotted.
    pub dotted: bool,
}

/// The look of an edge: by kind, dashed when it no longer holds ("former").
pub(crate) fn edge_style(edge: &Edge) -> EdgeStyle {
    let (colour, font_colour) = match edge.kind {
        EdgeKind::Membership => ("#1e3a8a", "#1e3a8a"),
        EdgeKind::HoldsRole => ("#7e22ce", "#7e22ce"),
        EdgeKind::Attendee => ("#a16207", "#713f12"),
        EdgeKind::Location => ("#15803d", "#14532d"),
        EdgeKind::Reports => ("#94a3b8", "#475569"),
        EdgeKind::Other => ("#64748b", "#334155"),
    };
    EdgeStyle {
        colour: if edge.is_former() { "#6b7280" } else { colour },
        font_colour: if edge.is_former() {
            "#4b5563"
        } else {
            font_colour
        },
        dashed: edge.is_former(),
        dotted: edge.kind == EdgeKind::Reports,
    }
}

/// Splits `text` into lines of about `width` characters at spaces (explicit newlines kept).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let needed = line.chars().count() + 1 + word.chars().count();
            if !line.is_empty() && needed > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_newlines() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("averyveryverylongword", 5), ["averyveryverylongword"]);
    }
}
