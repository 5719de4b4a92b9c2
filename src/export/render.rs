//! Turns DOT text into an image: Graphviz's `dot` when it is installed, the built-in layout
//! (SVG only) when it is not.

use std::io::Write as _;
use std::process::{Command, Stdio};

use super::select::Drawing;
use super::{layout, ExportError, ImageFormat, LayoutEngine, Rendered};

/// The Graphviz program that lays out directed graphs.
const GRAPHVIZ_DOT: &str = "dot";

/// What to tell the user when the built-in layout was used.
const BUILT_IN_NOTE: &str = "Graphviz was not found: used the built-in layout; install Graphviz \
                             (the `graphviz` package) for better pictures";

/// Renders `dot_text` (written from `drawing`) in `format` with the chosen layout engine.
pub(crate) fn render(
    drawing: &Drawing,
    dot_text: String,
    format: ImageFormat,
    engine: LayoutEngine,
) -> Result<Rendered, ExportError> {
    if format == ImageFormat::Dot {
        return Ok(Rendered {
            bytes: dot_text.into_bytes(),
            notes: Vec::new(),
        });
    }
    let mut notes = Vec::new();
    if engine != LayoutEngine::BuiltIn {
        // A star (a focus with dozens of events) is drawn by `dot` as one tall column of
        // leaves; Graphviz's `unflatten` staggers them over a few ranks, when it is installed.
        let dot_text = if has_star(drawing) {
            unflatten(&dot_text).unwrap_or(dot_text)
        } else {
            dot_text
        };
        match graphviz(&dot_text, format) {
            Ok(Some(rendered)) => return Ok(rendered),
            Ok(None) if engine == LayoutEngine::Graphviz => {
                return Err(ExportError::GraphvizMissing { format })
            }
            Ok(None) => notes.push(BUILT_IN_NOTE.to_owned()),
            // A failing Graphviz still leaves the built-in layout for SVG.
            Err(e) if engine == LayoutEngine::Auto && format == ImageFormat::Svg => {
                notes.push(format!("{e}: used the built-in layout instead"));
            }
            Err(e) => return Err(e),
        }
    }
    match format {
        ImageFormat::Svg => Ok(Rendered {
            bytes: layout::svg(drawing).into_bytes(),
            notes,
        }),
        _ if engine == LayoutEngine::BuiltIn => Err(ExportError::BuiltInSvgOnly { format }),
        _ => Err(ExportError::GraphvizMissing { format }),
    }
}

/// A node with more leaves than this makes a star worth staggering.
const STAR_LEAVES: usize = 8;

/// Whether some node has more than [`STAR_LEAVES`] neighbours that have no other.
fn has_star(drawing: &Drawing) -> bool {
    let graph = &drawing.graph;
    graph.node_indices().any(|n| {
        graph
            .neighbors_undirected(n)
            .filter(|&m| graph.neighbors_undirected(m).all(|k| k == n))
            .count()
            > STAR_LEAVES
    })
}

/// The DOT text through `unflatten -l 4 -f -c 4` (leaves staggered over up to 4 ranks, chains
/// of disconnected nodes at most 4 long); `None` when it is not installed or fails.
fn unflatten(dot_text: &str) -> Option<String> {
    let mut child = Command::new("unflatten")
        .args(["-l", "4", "-f", "-c", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let input = dot_text.as_bytes().to_vec();
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        if let Some(mut stdin) = stdin {
            stdin.write_all(&input)?;
        }
        Ok(())
    });
    let output = child.wait_with_output().ok()?;
    if !matches!(writer.join(), Ok(Ok(()))) || !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout)
        .ok()
        .filter(|s| !s.is_empty())
}

/// Runs Graphviz's `dot`; `None` when it is not installed.
fn graphviz(dot_text: &str, format: ImageFormat) -> Result<Option<Rendered>, ExportError> {
    let spawned = Command::new(GRAPHVIZ_DOT)
        .arg(format!("-T{}", format.extension()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ExportError::Graphviz(format!("cannot start `dot`: {e}"))),
    };
    let input = dot_text.as_bytes().to_vec();
    let stdin = child.stdin.take();
    // Feed stdin from a thread so that a large output cannot block a large input.
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        if let Some(mut stdin) = stdin {
            stdin.write_all(&input)?;
        }
        Ok(())
    });
    let output = child
        .wait_with_output()
        .map_err(|e| ExportError::Graphviz(format!("`dot` did not finish: {e}")))?;
    let written = writer.join();
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    if !output.status.success() {
        return Err(ExportError::Graphviz(format!(
            "`dot` failed ({}): {stderr}",
            output.status
        )));
    }
    if !matches!(written, Ok(Ok(()))) {
        return Err(ExportError::Graphviz(
            "`dot` stopped reading its input".to_owned(),
        ));
    }
    if output.stdout.is_empty() {
        return Err(ExportError::Graphviz("`dot` wrote nothing".to_owned()));
    }
    let notes = stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("Graphviz: {}", l.trim()))
        .collect();
    Ok(Some(Rendered {
        bytes: output.stdout,
        notes,
    }))
}
