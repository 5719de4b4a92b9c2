//! Writes a [`Drawing`] as Graphviz DOT text, always in-process.
//!
//! Two kinds of labels are written, each with its own escaping: node labels are HTML-like
//! (`<…>`, a bold name over smaller detail lines; `&`, `<`, `>`, `"` and `'` become entities
//! and a newline becomes `<BR/>`), edge labels and tooltips are quoted strings (`"` and `\` are
//! backslash-escaped, a newline becomes `\n`). Non-ASCII text is written as UTF-8 and the graph
//! declares `charset="UTF-8"`. Control characters are dropped.

use std::fmt::Write as _;

use super::graph::NodeKind;
use super::grid;
use super::select::Drawing;
use super::style::{self, Shape, DETAIL_COLOUR, FONT, WRAP_AT};

/// A DOT quoted string (an `escString`): `"…"` with `"`, `\` and newlines escaped.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for the inside of an HTML-like label: entities for markup characters, `<BR/>` for
/// newlines.
pub(crate) fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<BR/>"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The HTML-like label of a node: its name in bold (wrapped), then its details, smaller.
fn node_label(label: &str, details: &[String]) -> String {
    let mut out = String::from("<");
    let lines = style::title_lines(label);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<BR/>");
        }
        let _ = write!(out, "<B>{}</B>", html_text(line));
    }
    for detail in details {
        let _ = write!(
            out,
            "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"{DETAIL_COLOUR}\">{}</FONT>",
            html_text(detail)
        );
    }
    out.push('>');
    out
}

/// The legend: the title over one coloured cell per kind of node drawn.
fn legend(drawing: &Drawing) -> String {
    let kinds: Vec<NodeKind> = NodeKind::ALL
        .into_iter()
        .filter(|k| drawing.graph.node_weights().any(|n| n.kind == *k))
        .collect();
    let has_former = drawing.graph.edge_weights().any(|e| e.is_former());
    let columns = kinds.len() + usize::from(has_former);
    let mut out =
        String::from("<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"4\" CELLPADDING=\"3\">");
    let _ = write!(
        out,
        "<TR><TD BORDER=\"0\" COLSPAN=\"{}\" ALIGN=\"LEFT\"><B>{}</B></TD></TR><TR>",
        columns.max(1),
        html_text(&drawing.title)
    );
    for kind in kinds {
        let look = style::node_style(kind);
        let _ = write!(
            out,
            "<TD BGCOLOR=\"{}\" COLOR=\"{}\"><FONT POINT-SIZE=\"9\">{}</FONT></TD>",
            look.fill,
            look.border,
            kind.name()
        );
    }
    if has_former {
        out.push_str(
            "<TD BORDER=\"0\"><FONT POINT-SIZE=\"9\" COLOR=\"#4b5563\">- - - former</FONT></TD>",
        );
    }
    out.push_str("</TR></TABLE>>");
    out
}

fn shape_attributes(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::Ellipse => ("ellipse", "filled"),
        Shape::Box => ("box", "filled"),
        Shape::RoundedBox => ("box", "rounded,filled"),
        Shape::Hexagon => ("hexagon", "filled"),
        Shape::Note => ("note", "filled"),
    }
}

/// The drawing as DOT text.
pub(crate) fn write(drawing: &Drawing) -> String {
    let graph = &drawing.graph;
    let mut out = String::new();
    out.push_str("digraph \"kg\" {\n");
    let _ = writeln!(
        out,
        "  graph [charset=\"UTF-8\", rankdir=\"LR\", fontname={font}, fontsize=\"10\", \
         pad=\"0.3\", nodesep=\"0.3\", ranksep=\"0.9\", bgcolor=\"white\", \
         labelloc=\"b\", labeljust=\"l\", label={legend}];",
        font = quoted(FONT),
        legend = legend(drawing),
    );
    let _ = writeln!(
        out,
        "  node [fontname={font}, fontsize=\"11\", penwidth=\"1.3\", margin=\"0.12,0.06\"];",
        font = quoted(FONT)
    );
    let _ = writeln!(
        out,
        "  edge [fontname={font}, fontsize=\"9\", arrowsize=\"0.7\", penwidth=\"1.1\"];",
        font = quoted(FONT)
    );
    for n in graph.node_indices() {
        let node = &graph[n];
        let look = style::node_style(node.kind);
        let (shape, fill_style) = shape_attributes(look.shape);
        let node_style = if look.dashed {
            format!("{fill_style},dashed")
        } else {
            fill_style.to_owned()
        };
        let mut tooltip = format!("{} <{}>", node.kind.name(), node.key);
        if !node.alt_labels.is_empty() {
            let _ = write!(tooltip, "\nalso: {}", node.alt_labels.join("; "));
        }
        if let Some(sources) = node.sources.tooltip() {
            let _ = write!(tooltip, "\n{sources}");
        }
        let root = if Some(n) == drawing.root {
            ", penwidth=\"2.6\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  n{} [shape=\"{shape}\", style=\"{node_style}\", fillcolor=\"{}\", color=\"{}\"{root}, \
             label={}, tooltip={}];",
            n.index(),
            look.fill,
            look.border,
            node_label(&node.label, &node.details),
            quoted(&tooltip),
        );
    }
    for e in graph.edge_indices() {
        let Some((a, b)) = graph.edge_endpoints(e) else {
            continue;
        };
        let edge = &graph[e];
        let look = style::edge_style(edge);
        let line = if look.dashed {
            "dashed"
        } else if look.dotted {
            "dotted"
        } else {
            "solid"
        };
        let label = style::wrap(&edge.full_label(), WRAP_AT).join("\n");
        let tooltip = match edge.sources.tooltip() {
            Some(sources) if edge.full_label().is_empty() => sources,
            Some(sources) => format!("{}: {sources}", edge.full_label()),
            None => edge.full_label(),
        };
        // The first article's address: clicking the edge in SVG opens what states it.
        let link = edge
            .sources
            .links
            .first()
            .map(|l| format!("URL={}, ", quoted(l)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  n{} -> n{} [label={}, tooltip={}, {link}color=\"{}\", fontcolor=\"{}\", style=\"{line}\"];",
            a.index(),
            b.index(),
            quoted(&label),
            quoted(&tooltip),
            look.colour,
            look.font_colour,
        );
    }
    write_grid(&mut out, drawing);
    out.push_str("}\n");
    out
}

/// The unconnected nodes in a cluster of their own, rows held together by invisible edges and
/// hung off the graph's last rank, so that `dot` draws them as a grid to the right of the graph
/// instead of one tall column beside it.
fn write_grid(out: &mut String, drawing: &Drawing) {
    let apart = grid::unconnected(drawing);
    if apart.is_empty() {
        return;
    }
    let rows = grid::rows(&apart);
    let _ = writeln!(
        out,
        "  subgraph \"cluster_unconnected\" {{\n    label={}; labeljust=\"l\"; labelloc=\"t\"; \
         style=\"rounded\"; color=\"#d1d5db\"; fontcolor=\"{DETAIL_COLOUR}\";",
        quoted(&format!(
            "Not connected: {} with no membership or event",
            apart.len()
        ))
    );
    for row in &rows {
        let names: Vec<String> = row.iter().map(|n| format!("n{}", n.index())).collect();
        if names.len() == 1 {
            let _ = writeln!(out, "    {};", names[0]);
        } else {
            let _ = writeln!(out, "    {} [style=\"invis\"];", names.join(" -> "));
        }
    }
    out.push_str("  }\n");
    if let Some(anchor) = grid::last_rank_node(drawing) {
        for row in &rows {
            let _ = writeln!(
                out,
                "  n{} -> n{} [style=\"invis\", weight=\"0\"];",
                anchor.index(),
                row[0].index()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_quotes_backslashes_and_newlines() {
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quoted("one\ntwo"), r#""one\ntwo""#);
        assert_eq!(quoted("Ольга\u{7}"), "\"Ольга\"");
    }

    #[test]
    fn html_text_escapes_markup() {
        assert_eq!(
            html_text("<a & \"b\" 'c'>\nd"),
            "&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;<BR/>d"
        );
        assert_eq!(html_text(r"C:\path"), r"C:\path");
    }

    #[test]
    fn node_labels_are_bold_names_over_small_details() {
        assert_eq!(
            node_label("Vote", &["2024-02".to_owned()]),
            "<<B>Vote</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"#4b5563\">2024-02</FONT>>"
        );
    }
}
