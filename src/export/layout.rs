//! The built-in layout, for when Graphviz is not installed: a small layered drawing written
//! straight to SVG.
//!
//! Each connected component is laid out left to right in layers by breadth-first distance from
//! its root (the focus or document when it has one, else its best-connected node); nodes within
//! a layer are ordered by the barycentre of their neighbours for a few sweeps, which removes
//! most crossings in the small trees that neighbourhoods are. Components are stacked top to
//! bottom; nodes with no edge are packed in a grid to their right ([`grid`]).
//!
//! No edge runs through a node, by construction: a breadth-first layering only joins nodes of
//! the same or neighbouring layers; an edge leaves its node sideways at the node's own height
//! (where its column holds no other node), and bends only inside the empty gap between two
//! columns (a cubic curve stays within the hull of its control points, all placed in the gap).
//! Edges within one layer arc into the gap on the column's right. Labels sit at the middle of
//! the gap, which is made wide enough for them. Shapes, colours and the legend follow
//! [`style`], as in the DOT output. Graphviz draws better pictures; this one is there so that
//! SVG export always works.

use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use super::graph::NodeKind;
use super::grid;
use super::select::Drawing;
use super::style::{self, Shape, DETAIL_COLOUR, FONT, WRAP_AT};

/// Approximate advance of one character of 11-point bold text, in pixels.
const CHAR_WIDTH: f64 = 7.0;
/// Approximate advance of one character of 9-point text, in pixels.
const SMALL_CHAR_WIDTH: f64 = 5.4;
/// Height of one text line, in pixels.
const LINE_HEIGHT: f64 = 15.0;
/// Space between two nodes of a layer.
const NODE_GAP: f64 = 22.0;
/// Smallest space between two layers.
const LAYER_GAP: f64 = 70.0;
/// Space around the picture and between components.
const MARGIN: f64 = 24.0;
/// Barycentre sweeps.
const SWEEPS: usize = 6;

/// Display width of `text` in characters (wide scripts count double).
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 })
        .sum()
}

/// XML text and attribute escaping; control characters are dropped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A node's text and size.
struct Box2 {
    title: Vec<String>,
    details: Vec<String>,
    width: f64,
    height: f64,
}

fn measure(label: &str, details: &[String], shape: Shape) -> Box2 {
    let title = style::title_lines(label);
    let widest = title
        .iter()
        .map(|l| text_width(l) * CHAR_WIDTH)
        .chain(details.iter().map(|d| text_width(d) * SMALL_CHAR_WIDTH))
        .fold(0.0, f64::max);
    let lines = (title.len() + details.len()) as f64;
    let (pad_x, pad_y) = match shape {
        Shape::Ellipse => (widest * 0.3 + 24.0, 18.0),
        Shape::Hexagon => (40.0, 14.0),
        _ => (22.0, 12.0),
    };
    Box2 {
        title,
        details: details.to_vec(),
        width: (widest + pad_x).max(60.0),
        height: lines * LINE_HEIGHT + pad_y,
    }
}

/// A laid-out node: its centre and size, and the column it stands in.
#[derive(Clone, Copy, Default)]
struct Placed {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    layer: usize,
    /// The left and right edges of its column (the widest node of its layer).
    column_left: f64,
    column_right: f64,
    /// Width of the empty gap right of its column, where edges bend.
    gap: f64,
    /// Its component, and the top and bottom of the band the component fills.
    component: usize,
    band: (f64, f64),
}

/// Connected components with an edge (or the root), each as its nodes in breadth-first layers
/// from its root; nodes with no edge are left to the grid.
fn components(drawing: &Drawing) -> Vec<Vec<Vec<NodeIndex>>> {
    let graph = &drawing.graph;
    let mut seen = vec![false; graph.node_count()];
    for n in grid::unconnected(drawing) {
        seen[n.index()] = true;
    }
    let mut roots: Vec<NodeIndex> = graph.node_indices().collect();
    roots.sort_by_key(|&n| {
        (
            Some(n) != drawing.root,
            std::cmp::Reverse(graph.neighbors_undirected(n).count()),
            n,
        )
    });
    let mut out = Vec::new();
    for root in roots {
        if seen[root.index()] {
            continue;
        }
        seen[root.index()] = true;
        let mut layers: Vec<Vec<NodeIndex>> = vec![vec![root]];
        let mut queue = VecDeque::from([(root, 0usize)]);
        while let Some((n, d)) = queue.pop_front() {
            let mut next: Vec<NodeIndex> = graph.neighbors_undirected(n).collect();
            next.sort();
            for m in next {
                if !seen[m.index()] {
                    seen[m.index()] = true;
                    if layers.len() <= d + 1 {
                        layers.push(Vec::new());
                    }
                    layers[d + 1].push(m);
                    queue.push_back((m, d + 1));
                }
            }
        }
        out.push(layers);
    }
    // Big components first.
    out.sort_by_key(|layers| std::cmp::Reverse(layers.iter().map(Vec::len).sum::<usize>()));
    out
}

/// Reorders each layer by the mean position of its neighbours in the layer before (or after).
fn reduce_crossings(drawing: &Drawing, layers: &mut [Vec<NodeIndex>]) {
    let graph = &drawing.graph;
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let order: Vec<usize> = if downward {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for i in order {
            let reference = if downward { i - 1 } else { i + 1 };
            let position: HashMap<NodeIndex, usize> = layers[reference]
                .iter()
                .enumerate()
                .map(|(p, &n)| (n, p))
                .collect();
            let mut keyed: Vec<(f64, usize, NodeIndex)> = layers[i]
                .iter()
                .enumerate()
                .map(|(p, &n)| {
                    let neighbours: Vec<f64> = graph
                        .neighbors_undirected(n)
                        .filter_map(|m| position.get(&m).map(|&q| q as f64))
                        .collect();
                    let centre = if neighbours.is_empty() {
                        p as f64
                    } else {
                        neighbours.iter().sum::<f64>() / neighbours.len() as f64
                    };
                    (centre, p, n)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[i] = keyed.into_iter().map(|(_, _, n)| n).collect();
        }
    }
}

/// The drawing as a standalone SVG document.
pub(crate) fn svg(drawing: &Drawing) -> String {
    let graph = &drawing.graph;
    let boxes: Vec<Box2> = graph
        .node_indices()
        .map(|n| {
            let node = &graph[n];
            measure(
                &node.label,
                &node.details,
                style::node_style(node.kind).shape,
            )
        })
        .collect();
    let mut placed = vec![Placed::default(); graph.node_count()];
    let mut top = MARGIN;
    let mut right = 0.0_f64;
    for (component, mut layers) in components(drawing).into_iter().enumerate() {
        reduce_crossings(drawing, &mut layers);
        // Column widths, and gaps wide enough for the edge labels between columns.
        let mut layer_of = HashMap::new();
        for (i, layer) in layers.iter().enumerate() {
            for &n in layer {
                layer_of.insert(n, i);
            }
        }
        let mut gaps = vec![LAYER_GAP; layers.len()];
        for e in graph.edge_indices() {
            if let Some((a, b)) = graph.edge_endpoints(e) {
                if let (Some(&la), Some(&lb)) = (layer_of.get(&a), layer_of.get(&b)) {
                    let label_width = style::wrap(&graph[e].full_label(), WRAP_AT)
                        .iter()
                        .map(|l| text_width(l) * SMALL_CHAR_WIDTH)
                        .fold(0.0, f64::max);
                    let gap = &mut gaps[la.min(lb)];
                    *gap = gap.max(label_width + 40.0);
                }
            }
        }
        let heights: Vec<f64> = layers
            .iter()
            .map(|layer| {
                layer.iter().map(|n| boxes[n.index()].height).sum::<f64>()
                    + NODE_GAP * layer.len().saturating_sub(1) as f64
            })
            .collect();
        let tallest = heights.iter().copied().fold(0.0, f64::max);
        let mut x = MARGIN;
        for (i, layer) in layers.iter().enumerate() {
            let width = layer
                .iter()
                .map(|n| boxes[n.index()].width)
                .fold(0.0, f64::max);
            let mut y = top + (tallest - heights[i]) / 2.0;
            for &n in layer {
                let b = &boxes[n.index()];
                placed[n.index()] = Placed {
                    x: x + width / 2.0,
                    y: y + b.height / 2.0,
                    width: b.width,
                    height: b.height,
                    layer: i,
                    column_left: x,
                    column_right: x + width,
                    gap: gaps[i],
                    component,
                    band: (top, top + tallest),
                };
                y += b.height + NODE_GAP;
            }
            x += width + gaps[i];
            // The last column's gap is kept only when edges within its layer arc into it.
            let arcs = i + 1 == layers.len()
                && graph.edge_indices().any(|e| {
                    graph.edge_endpoints(e).is_some_and(|(a, b)| {
                        layer_of.get(&a) == Some(&i) && layer_of.get(&b) == Some(&i)
                    })
                });
            right = right.max(if arcs { x } else { x - gaps[i] });
        }
        top += tallest + MARGIN * 2.0;
    }
    // Nodes with no edge: a grid right of the components (or alone at the top left).
    let apart = grid::rows(&grid::unconnected(drawing));
    if !apart.is_empty() {
        let left = if right > 0.0 {
            right + 2.0 * MARGIN
        } else {
            MARGIN
        };
        let columns = apart[0].len();
        let widths: Vec<f64> = (0..columns)
            .map(|c| {
                apart
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|n| boxes[n.index()].width)
                    .fold(0.0, f64::max)
            })
            .collect();
        let mut y = MARGIN;
        for row in &apart {
            let height = row
                .iter()
                .map(|n| boxes[n.index()].height)
                .fold(0.0, f64::max);
            let mut x = left;
            for (c, &n) in row.iter().enumerate() {
                let b = &boxes[n.index()];
                placed[n.index()] = Placed {
                    x: x + widths[c] / 2.0,
                    y: y + height / 2.0,
                    width: b.width,
                    height: b.height,
                    layer: 0,
                    column_left: x,
                    column_right: x + widths[c],
                    gap: NODE_GAP,
                    component: usize::MAX,
                    band: (y, y + height),
                };
                x += widths[c] + NODE_GAP;
            }
            right = right.max(x - NODE_GAP);
            y += height + NODE_GAP;
        }
        top = top.max(y - NODE_GAP + MARGIN);
    }
    let legend_top = top;
    let width = (right + MARGIN).max(legend_width(drawing) + 2.0 * MARGIN);
    let height = legend_top + 56.0;

    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{}\">",
        xml(FONT)
    );
    let _ = writeln!(out, "<title>{}</title>", xml(&drawing.title));
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"white\"/>"
    );
    write_markers(&mut out, drawing);
    // Parallel edges (same two nodes) are spread apart inside the gap they cross.
    let mut parallel: HashMap<(NodeIndex, NodeIndex), Vec<petgraph::graph::EdgeIndex>> =
        HashMap::new();
    for e in graph.edge_indices() {
        if let Some((a, b)) = graph.edge_endpoints(e) {
            parallel.entry((a.min(b), a.max(b))).or_default().push(e);
        }
    }
    // Edge labels go on top of everything, so that no edge hides them.
    let mut labels = Vec::new();
    for e in graph.edge_indices() {
        if let Some((a, b)) = graph.edge_endpoints(e) {
            let siblings = &parallel[&(a.min(b), a.max(b))];
            let rank = siblings.iter().position(|&s| s == e).unwrap_or(0) as f64;
            // Parallel edges are spread apart, never by more than the space between components.
            let offset = ((rank - (siblings.len() as f64 - 1.0) / 2.0) * 22.0).clamp(-30.0, 30.0);
            write_edge(
                (&mut out, &mut labels),
                drawing,
                e,
                (&placed[a.index()], &placed[b.index()]),
                offset,
            );
        }
    }
    for n in graph.node_indices() {
        write_node(&mut out, drawing, n, &placed[n.index()], &boxes[n.index()]);
    }
    write_labels(&mut out, labels);
    write_legend(&mut out, drawing, legend_top);
    out.push_str("</svg>\n");
    out
}

/// Marker id for an arrowhead of `colour`.
fn marker_id(colour: &str) -> String {
    format!("arrow-{}", colour.trim_start_matches('#'))
}

fn write_markers(out: &mut String, drawing: &Drawing) {
    let mut colours: Vec<&str> = drawing
        .graph
        .edge_weights()
        .map(|e| style::edge_style(e).colour)
        .collect();
    colours.sort_unstable();
    colours.dedup();
    out.push_str("<defs>\n");
    for colour in colours {
        let _ = writeln!(
            out,
            "<marker id=\"{}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" \
             markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>",
            marker_id(colour)
        );
    }
    out.push_str("</defs>\n");
}

/// The path of an edge from `a` to `b`: out of the node sideways at its own height to the edge
/// of its column, a cubic curve inside the gap between columns, and in sideways to the other
/// node. Returns the SVG path and the point where the label goes (the middle of the gap).
fn route(a: &Placed, b: &Placed, offset: f64) -> (String, f64, f64) {
    if a.layer == b.layer && (a.column_left - b.column_left).abs() < 0.5 {
        // Same column: an arc into the gap on its right, its apex at the middle of the gap.
        let edge = a.column_right;
        let reach = a.gap / 2.0 / 0.75;
        let (ya, yb) = (a.y + offset / 2.0, b.y + offset / 2.0);
        let path = format!(
            "M{:.1},{:.1} L{edge:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {edge:.1},{:.1} L{:.1},{:.1}",
            a.x + a.width / 2.0,
            a.y,
            a.y,
            edge + reach,
            ya,
            edge + reach,
            yb,
            b.y,
            b.x + b.width / 2.0,
            b.y
        );
        return (path, edge + a.gap / 2.0, (a.y + b.y) / 2.0 + offset / 2.0);
    }
    // Neighbouring columns: from the left one's right edge to the right one's left edge.
    let (left, right) = if a.x < b.x { (a, b) } else { (b, a) };
    let (x0, x1) = (left.column_right, right.column_left);
    let middle = (x0 + x1) / 2.0;
    let stops = [
        (left.x + left.width / 2.0, left.y),
        (x0, left.y),
        (middle, left.y + offset),
        (middle, right.y + offset),
        (x1, right.y),
        (right.x - right.width / 2.0, right.y),
    ];
    let p: Vec<(f64, f64)> = if a.x < b.x {
        stops.to_vec()
    } else {
        stops.iter().rev().copied().collect()
    };
    let path = format!(
        "M{:.1},{:.1} L{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} L{:.1},{:.1}",
        p[0].0,
        p[0].1,
        p[1].0,
        p[1].1,
        p[2].0,
        p[2].1,
        p[3].0,
        p[3].1,
        p[4].0,
        p[4].1,
        p[5].0,
        p[5].1
    );
    (path, middle, (left.y + right.y) / 2.0 + offset * 0.75)
}

/// An edge label: its lines, colour and place (centre), in the gap `gap` (component, column)
/// of a band it must stay within.
struct Label {
    lines: Vec<String>,
    colour: &'static str,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    gap: (usize, usize),
    band: (f64, f64),
}

fn write_edge(
    (out, labels): (&mut String, &mut Vec<Label>),
    drawing: &Drawing,
    e: petgraph::graph::EdgeIndex,
    (a, b): (&Placed, &Placed),
    offset: f64,
) {
    let edge = &drawing.graph[e];
    let look = style::edge_style(edge);
    let (path, x, y) = route(a, b, offset);
    let dash = if look.dashed {
        " stroke-dasharray=\"6,4\""
    } else if look.dotted {
        " stroke-dasharray=\"2,3\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<path d=\"{path}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.2\"{dash} marker-end=\"url(#{})\"/>",
        look.colour,
        marker_id(look.colour)
    );
    let lines = style::wrap(&edge.full_label(), WRAP_AT);
    if lines.iter().all(|l| l.is_empty()) {
        return;
    }
    let width = lines
        .iter()
        .map(|l| text_width(l) * SMALL_CHAR_WIDTH)
        .fold(0.0, f64::max)
        + 6.0;
    let height = lines.len() as f64 * 12.0 + 2.0;
    let left = if a.x <= b.x { a } else { b };
    labels.push(Label {
        lines,
        colour: look.font_colour,
        x,
        y,
        width,
        height,
        gap: (left.component, left.layer),
        band: (
            a.band.0.min(b.band.0) - MARGIN / 2.0,
            a.band.1.max(b.band.1) + MARGIN / 2.0,
        ),
    });
}

/// Writes the edge labels, moved apart where they would cover each other: within one gap,
/// top to bottom, each label goes below the one above it, and the column of labels is then
/// pulled up into its band when it overflows at the bottom. Labels keep their gap (so they
/// never cover a node); in a gap too crowded for its band they may still touch.
fn write_labels(out: &mut String, mut labels: Vec<Label>) {
    labels.sort_by(|a, b| a.gap.cmp(&b.gap).then(a.y.total_cmp(&b.y)));
    let mut start = 0;
    while start < labels.len() {
        let end = start
            + labels[start..]
                .iter()
                .take_while(|l| l.gap == labels[start].gap)
                .count();
        let group = &mut labels[start..end];
        let mut bottom = f64::MIN;
        for l in group.iter_mut() {
            let top = (l.y - l.height / 2.0).max(bottom + 2.0);
            l.y = top + l.height / 2.0;
            bottom = top + l.height;
        }
        let (band_top, band_bottom) = group[0].band;
        let first_top = group[0].y - group[0].height / 2.0;
        let overflow = (bottom - band_bottom).min(first_top - band_top).max(0.0);
        for l in group.iter_mut() {
            // Never out of the band, even where the gap is too crowded to keep them apart.
            l.y = (l.y - overflow).clamp(
                band_top + l.height / 2.0,
                (band_bottom - l.height / 2.0).max(band_top + l.height / 2.0),
            );
        }
        start = end;
    }
    for l in &labels {
        let _ = writeln!(
            out,
            "<rect class=\"edge-label\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"white\" fill-opacity=\"0.85\"/>",
            l.x - l.width / 2.0,
            l.y - l.height / 2.0,
            l.width,
            l.height
        );
        for (i, line) in l.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{}\">{}</text>",
                l.x,
                l.y - l.height / 2.0 + 10.5 + i as f64 * 12.0,
                l.colour,
                xml(line)
            );
        }
    }
}

fn write_node(out: &mut String, drawing: &Drawing, n: NodeIndex, p: &Placed, b: &Box2) {
    let node = &drawing.graph[n];
    let look = style::node_style(node.kind);
    let stroke_width = if Some(n) == drawing.root { 2.6 } else { 1.3 };
    let dash = if look.dashed {
        " stroke-dasharray=\"5,3\""
    } else {
        ""
    };
    let paint = format!(
        "fill=\"{}\" stroke=\"{}\" stroke-width=\"{stroke_width}\"{dash}",
        look.fill, look.border
    );
    let (x, y, w, h) = (p.x, p.y, p.width, p.height);
    let mut tooltip = format!("{} <{}>", node.kind.name(), node.key);
    if !node.alt_labels.is_empty() {
        let _ = write!(tooltip, "; also: {}", node.alt_labels.join("; "));
    }
    let _ = writeln!(out, "<g class=\"node\"><title>{}</title>", xml(&tooltip));
    let _ = match look.shape {
        Shape::Ellipse => writeln!(
            out,
            "<ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" {paint}/>",
            w / 2.0,
            h / 2.0
        ),
        Shape::Box | Shape::RoundedBox => {
            writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{}\" {paint}/>",
            x - w / 2.0,
            y - h / 2.0,
            if look.shape == Shape::RoundedBox { 8 } else { 0 }
        )
        }
        Shape::Hexagon => {
            let (l, r, t, bt, inset) = (x - w / 2.0, x + w / 2.0, y - h / 2.0, y + h / 2.0, 14.0);
            writeln!(
                out,
                "<polygon points=\"{:.1},{t:.1} {:.1},{t:.1} {r:.1},{y:.1} {:.1},{bt:.1} {:.1},{bt:.1} {l:.1},{y:.1}\" {paint}/>",
                l + inset,
                r - inset,
                r - inset,
                l + inset
            )
        }
        Shape::Note => {
            let (l, r, t, bt, fold) = (x - w / 2.0, x + w / 2.0, y - h / 2.0, y + h / 2.0, 10.0);
            writeln!(
                out,
                "<polygon points=\"{l:.1},{t:.1} {:.1},{t:.1} {r:.1},{:.1} {r:.1},{bt:.1} {l:.1},{bt:.1}\" {paint}/>",
                r - fold,
                t + fold
            )
        }
    };
    let lines = (b.title.len() + b.details.len()) as f64;
    let mut baseline = y - lines * LINE_HEIGHT / 2.0 + LINE_HEIGHT - 3.5;
    for line in &b.title {
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{baseline:.1}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#111827\">{}</text>",
            xml(line)
        );
        baseline += LINE_HEIGHT;
    }
    for line in &b.details {
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{baseline:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{DETAIL_COLOUR}\">{}</text>",
            xml(line)
        );
        baseline += LINE_HEIGHT;
    }
    out.push_str("</g>\n");
}

/// The kinds drawn, in legend order.
fn legend_kinds(drawing: &Drawing) -> Vec<NodeKind> {
    NodeKind::ALL
        .into_iter()
        .filter(|k| drawing.graph.node_weights().any(|n| n.kind == *k))
        .collect()
}

fn legend_width(drawing: &Drawing) -> f64 {
    let swatches: f64 = legend_kinds(drawing)
        .iter()
        .map(|k| text_width(k.name()) * SMALL_CHAR_WIDTH + 20.0)
        .sum();
    swatches
        .max(text_width(&drawing.title) * CHAR_WIDTH)
        .max(200.0)
        + 90.0
}

fn write_legend(out: &mut String, drawing: &Drawing, top: f64) {
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"bold\" fill=\"#111827\">{}</text>",
        top + 4.0,
        xml(&drawing.title)
    );
    let mut x = MARGIN;
    let y = top + 14.0;
    for kind in legend_kinds(drawing) {
        let look = style::node_style(kind);
        let w = text_width(kind.name()) * SMALL_CHAR_WIDTH + 14.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"18\" fill=\"{}\" stroke=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#111827\">{}</text>",
            look.fill,
            look.border,
            x + w / 2.0,
            y + 12.5,
            kind.name()
        );
        x += w + 6.0;
    }
    if drawing.graph.edge_weights().any(|e| e.is_former()) {
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#6b7280\" stroke-dasharray=\"6,4\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"{DETAIL_COLOUR}\">former</text>",
            x + 4.0,
            y + 9.0,
            x + 34.0,
            y + 9.0,
            x + 38.0,
            y + 12.5
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_controls() {
        assert_eq!(xml("a<b>&\"c\"'\u{1}"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;");
        assert_eq!(xml(r"C:\Ольга"), r"C:\Ольга");
    }

    #[test]
    fn wide_scripts_count_double() {
        assert_eq!(text_width("ab"), 2.0);
        assert_eq!(text_width("北京"), 4.0);
    }
}
