//! Integration tests for `kg export`: graph images drawn from a small hand-written store
//! (`tests/data/export_fixture.trig`), checked as DOT (parsed by Graphviz and by a Rust DOT
//! parser), SVG (the labels that must and must not appear), and PNG (a valid image).

#[path = "support/dot_grammar.rs"]
mod dot_grammar;

use std::process::{Command, Stdio};

use kg::export::{
    export, ExportError, ExportOptions, ImageFormat, LayoutEngine, Rendered, Selection,
};
use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

const FIXTURE: &str = include_str!("data/export_fixture.trig");
const ADA: &str = "https://kg.example.org/id/person/ada-quill";

fn store() -> Store {
    let store = Store::new().unwrap();
    store
        .load_from_slice(RdfFormat::TriG, FIXTURE.as_bytes())
        .unwrap();
    store
}

fn graphviz_installed() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run(selection: Selection, format: ImageFormat, layout: LayoutEngine) -> Rendered {
    let mut options = ExportOptions::new(selection, format);
    options.layout = layout;
    export(&store(), &options).unwrap()
}

fn dot(selection: Selection) -> String {
    String::from_utf8(run(selection, ImageFormat::Dot, LayoutEngine::Auto).bytes).unwrap()
}

fn focus(name: &str, depth: usize) -> Selection {
    Selection::Focus {
        name: name.to_owned(),
        depth,
    }
}

/// The text of an SVG (one line per text node, entities decoded); panics unless it is
/// well-formed XML.
fn svg_text(bytes: &[u8]) -> String {
    let svg = std::str::from_utf8(bytes).unwrap();
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut lines = Vec::new();
    let mut depth = 0usize;
    let mut saw_svg = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                saw_svg |= e.name().as_ref() == b"svg";
                depth += 1;
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Text(t)) => lines.push(t.unescape().unwrap().into_owned()),
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{svg}"),
        }
    }
    assert!(saw_svg && depth == 0, "not a whole SVG document:\n{svg}");
    lines.join("\n")
}

/// The SVGs to check: always the built-in layout's, and Graphviz's when it is installed.
fn svgs(selection: Selection) -> Vec<String> {
    let mut engines = vec![LayoutEngine::BuiltIn];
    if graphviz_installed() {
        engines.push(LayoutEngine::Graphviz);
    }
    engines
        .into_iter()
        .map(|engine| svg_text(&run(selection.clone(), ImageFormat::Svg, engine).bytes))
        .collect()
}

#[test]
fn dot_output_parses_with_a_rust_dot_parser() {
    for selection in [
        Selection::All,
        focus("Ada Quill", 2),
        Selection::Document("fedc".into()),
    ] {
        let text = dot(selection);
        let parsed = dot_grammar::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(parsed.directed, "not a digraph");
        let stmts = parsed.all_stmts();
        let nodes = stmts
            .iter()
            .filter(|s| matches!(s, dot_grammar::Stmt::Node { .. }))
            .count();
        let edges = stmts
            .iter()
            .filter(|s| matches!(s, dot_grammar::Stmt::Edge { .. }))
            .count();
        assert!(nodes > 0 && edges > 0, "{text}");
    }
}

#[test]
fn dot_output_parses_with_graphviz() {
    if !graphviz_installed() {
        eprintln!("Graphviz not installed: skipped");
        return;
    }
    for selection in [Selection::All, focus(ADA, 3)] {
        let text = dot(selection);
        let mut child = Command::new("dot")
            .arg("-Tcanon")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "{}\n{text}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn focus_at_depth_one_draws_the_neighbourhood_and_nothing_beyond() {
    for svg in svgs(focus("Ada Quill", 1)) {
        for expected in [
            "Ada Quill",
            "Ministry of Harbours",
            "Harbour Master (former)",
            "Special Envoy",
            "Harbour summit",
            "2024-03-04",
        ] {
            assert!(svg.contains(expected), "{expected} missing from\n{svg}");
        }
        for beyond in [
            "Bram Okafor",
            "Chair",
            "Port Elma",
            "Northwind Council",
            "Council vote",
        ] {
            assert!(!svg.contains(beyond), "{beyond} should be beyond depth 1");
        }
    }
}

#[test]
fn focus_at_depth_two_reaches_the_second_ring() {
    for svg in svgs(focus("Ada Quill", 2)) {
        for expected in [
            "Bram Okafor",
            "Chair",
            "Port Elma",
            "Northwind Council",
            "Marta Quill",
            "Keeper of the \"Old\" Seal \\",
            "Archive (acting)",
        ] {
            assert!(svg.contains(expected), "{expected} missing");
        }
        for beyond in ["Carla Reyes", "Council vote", "Петренко"] {
            assert!(!svg.contains(beyond), "{beyond} should be beyond depth 2");
        }
    }
}

#[test]
fn a_label_full_of_quotes_backslashes_and_cyrillic_renders() {
    let olga = "https://kg.example.org/id/person/olga";
    let text = dot(focus(olga, 0));
    // DOT: an HTML-like label, with markup characters as entities and the backslash as is.
    assert!(text.contains("&quot;Оля&quot;"), "{text}");
    assert!(text.contains(r"Петренко \"), "{text}");
    assert!(text.contains("&lt;line&gt; &amp; more"), "{text}");
    for svg in svgs(focus(olga, 1)) {
        for piece in [
            "Ольга \"Оля\" Петренко \\",
            r"C:\path",
            "second <line> & more",
            "Chair",
        ] {
            assert!(svg.contains(piece), "{piece} missing from\n{svg}");
        }
    }
}

#[test]
fn an_edge_label_with_quotes_and_backslashes_is_escaped() {
    let text = dot(focus("Marta Quill", 1));
    assert!(
        text.contains(r#"[label="Keeper of the \"Old\" Seal \\\nArchive (acting)""#),
        "{text}"
    );
}

#[test]
fn png_is_a_valid_image_of_sensible_size() {
    if !graphviz_installed() {
        let mut options = ExportOptions::new(focus("Ada Quill", 2), ImageFormat::Png);
        options.layout = LayoutEngine::Auto;
        let error = export(&store(), &options).unwrap_err();
        assert!(error.to_string().contains("install Graphviz"), "{error}");
        return;
    }
    let png = run(focus("Ada Quill", 2), ImageFormat::Png, LayoutEngine::Auto).bytes;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert!((200..5000).contains(&width), "width {width}");
    assert!((100..5000).contains(&height), "height {height}");
}

#[test]
fn pdf_comes_from_graphviz() {
    if !graphviz_installed() {
        return;
    }
    let pdf = run(
        focus("Ada Quill", 1),
        ImageFormat::Pdf,
        LayoutEngine::Graphviz,
    )
    .bytes;
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn png_without_graphviz_is_a_clear_error_and_svg_still_works() {
    let mut options = ExportOptions::new(focus("Ada Quill", 1), ImageFormat::Png);
    options.layout = LayoutEngine::BuiltIn;
    let error = export(&store(), &options).unwrap_err();
    // Asked of the built-in layout, PNG is refused for what it is, never as "Graphviz was not
    // found" (which would be false where Graphviz is installed).
    assert!(
        matches!(error, ExportError::BuiltInSvgOnly { .. }),
        "{error}"
    );
    assert!(error.to_string().contains(".svg"), "{error}");
    assert!(!error.to_string().contains("not found"), "{error}");
    options.format = ImageFormat::Svg;
    let svg = export(&store(), &options).unwrap();
    assert!(!svg.bytes.is_empty());
}

#[test]
fn focus_finds_entities_by_iri_prefixed_name_label_and_alias() {
    for name in [
        ADA,
        "<https://kg.example.org/id/person/ada-quill>",
        "id:person/ada-quill",
        "ada QUILL",
        "a. quill",
    ] {
        let rendered = run(focus(name, 0), ImageFormat::Dot, LayoutEngine::Auto);
        let text = String::from_utf8(rendered.bytes).unwrap();
        assert!(text.contains("<B>Ada Quill</B>"), "{name}: {text}");
        assert!(rendered.notes.is_empty(), "{name}: {:?}", rendered.notes);
    }
}

#[test]
fn an_ambiguous_name_picks_the_best_match_and_says_so() {
    // Two people have the alias "Quill": the better connected one is drawn, and named.
    let rendered = run(focus("quill", 0), ImageFormat::Dot, LayoutEngine::Auto);
    let text = String::from_utf8(rendered.bytes).unwrap();
    assert!(text.contains("<B>Ada Quill</B>"));
    assert_eq!(rendered.notes.len(), 1, "{:?}", rendered.notes);
    assert!(
        rendered.notes[0].contains("drew Ada Quill"),
        "{:?}",
        rendered.notes
    );
    assert!(
        rendered.notes[0].contains("Marta Quill"),
        "{:?}",
        rendered.notes
    );
    // An exact label beats an alias: the place "Northwind", not the council.
    let text = dot(focus("northwind", 0));
    assert!(text.contains("shape=\"hexagon\""), "{text}");
}

#[test]
fn an_unknown_name_lists_close_matches() {
    let options = ExportOptions::new(focus("Ada Quil", 1), ImageFormat::Dot);
    let error = export(&store(), &options).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, ExportError::EntityNotFound { .. }));
    assert!(message.contains("Ada Quill (Person)"), "{message}");
}

#[test]
fn a_membership_is_one_edge_labelled_with_its_role() {
    let text = dot(Selection::All);
    assert!(
        text.contains("[label=\"Harbour Master (former)\"") && text.contains("style=\"dashed\""),
        "{text}"
    );
    // A membership without an organization points at a role node.
    assert!(text.contains("<B>Special Envoy</B>"), "{text}");
    // Memberships, roles, documents, sentences, phrases, namings and attestations are not
    // drawn as nodes.
    for absent in [
        "Membership",
        "tooltip=\"Document",
        "the former harbour master",
        "c0-9",
        "Role <https://kg.example.org/id/role/chair>",
        "Naming",
        "Attestation",
        "/about/",
        "/m0",
        "<B>the summit</B>",
    ] {
        assert!(!text.contains(absent), "{absent} drawn in\n{text}");
    }
    // The articles of a fact come through its attestations: counted, and named in a tooltip.
    assert!(
        text.contains("tooltip=\"Harbour Master (former): 2 articles\\nSummit report (fixtures/summit.txt)\\nHarbour council names a new chair (2024-03-05, fixtures/harbour.txt)\""),
        "{text}"
    );
    assert!(text.contains(">2 articles</FONT>"), "{text}");
    // Role nodes are not dashed: dashed means former.
    assert_eq!(text.matches("dashed").count(), 1, "{text}");
}

#[test]
fn an_event_shows_its_date_and_links_attendees_and_place() {
    let text = dot(focus("Council vote", 1));
    assert!(
        text.contains(
            "<B>Council vote</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"#4b5563\">2024-02</FONT>"
        ),
        "{text}"
    );
    assert_eq!(text.matches("[label=\"attendee\"").count(), 2, "{text}");
    assert_eq!(text.matches("[label=\"location\"").count(), 1, "{text}");
}

#[test]
fn the_whole_graph_is_refused_above_max_nodes() {
    let mut options = ExportOptions::new(Selection::All, ImageFormat::Dot);
    options.max_nodes = 3;
    let error = export(&store(), &options).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("more than --max-nodes 3"), "{message}");
    assert!(message.contains("--focus NAME"), "{message}");
}

#[test]
fn a_neighbourhood_above_max_nodes_keeps_the_closest() {
    let mut options = ExportOptions::new(focus("Ada Quill", 3), ImageFormat::Dot);
    options.max_nodes = 4;
    let rendered = export(&store(), &options).unwrap();
    let text = String::from_utf8(rendered.bytes).unwrap();
    assert_eq!(text.matches(" [shape=").count(), 4, "{text}");
    assert!(text.contains("<B>Ada Quill</B>"));
    assert!(
        rendered
            .notes
            .iter()
            .any(|n| n.contains("drew the 4 closest")),
        "{:?}",
        rendered.notes
    );
}

#[test]
fn a_document_draws_what_it_says_around_itself() {
    for id in [
        "fedcba9876543210",
        "fedc",
        "https://kg.example.org/doc/fedcba9876543210",
        "vote.txt",
    ] {
        let text = dot(Selection::Document(id.into()));
        for expected in [
            "Council vote delayed",
            "Council vote",
            "Bram Okafor",
            "Carla Reyes",
            "Port Elma",
            "reports",
        ] {
            assert!(
                text.contains(expected),
                "{id}: {expected} missing from\n{text}"
            );
        }
        for absent in ["Ada Quill", "Harbour summit", "Chair"] {
            assert!(!text.contains(absent), "{id}: {absent} in\n{text}");
        }
    }
    let text = dot(Selection::Document("0123456789abcdef".into()));
    for expected in [
        "Ada Quill",
        "Harbour Master (former)",
        "Harbour summit",
        "Marta Quill",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
}

#[test]
fn an_unknown_document_lists_the_known_ones() {
    let options = ExportOptions::new(Selection::Document("ffff0000".into()), ImageFormat::Dot);
    let message = export(&store(), &options).unwrap_err().to_string();
    assert!(
        message.contains("0123456789abcdef  Harbour council names a new chair"),
        "{message}"
    );
}

#[test]
fn a_construct_query_draws_its_result() {
    // Roles are not typed in the result: they are known as what `org:role` points at.
    let query =
        "CONSTRUCT { ?m org:member ?p ; org:role ?r ; org:organization ?o ; kg:qualifier ?q . \
                 ?r rdfs:label ?rl . ?p rdfs:label ?pl ; a ?pt . ?o rdfs:label ?ol ; a ?ot } \
                 WHERE { ?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?o . \
                 OPTIONAL { ?m kg:qualifier ?q } \
                 ?r rdfs:label ?rl . ?p rdfs:label ?pl ; a ?pt . ?o rdfs:label ?ol ; a ?ot }";
    let text = dot(Selection::Construct(query.into()));
    for expected in [
        "Harbour Master (former)",
        "Chair",
        "Bram Okafor",
        "Northwind Council",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
    assert!(!text.contains("Harbour summit"));
    assert!(
        !text.contains("tooltip=\"Other"),
        "roles drawn as nodes:\n{text}"
    );
    let options = ExportOptions::new(
        Selection::Construct("SELECT * WHERE { ?s ?p ?o }".into()),
        ImageFormat::Dot,
    );
    let message = export(&store(), &options).unwrap_err().to_string();
    assert!(message.contains("CONSTRUCT"), "{message}");
    let options = ExportOptions::new(
        Selection::Construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(false) }".into()),
        ImageFormat::Dot,
    );
    let message = export(&store(), &options).unwrap_err().to_string();
    assert!(message.contains("no triples"), "{message}");
}

#[test]
fn a_construct_folds_literals_into_their_node() {
    let query = "CONSTRUCT { ?d schema:headline ?h ; kg:source ?s . } WHERE { ?d schema:headline ?h ; kg:source ?s }";
    let text = dot(Selection::Construct(query.into()));
    assert!(text.contains("Council vote delayed"), "{text}");
    assert!(text.contains("source: fixtures/vote.txt"), "{text}");
    assert_eq!(text.matches("tooltip=").count(), 3, "{text}");
}

#[test]
fn an_empty_store_is_a_clear_error() {
    let options = ExportOptions::new(Selection::All, ImageFormat::Svg);
    let message = export(&Store::new().unwrap(), &options)
        .unwrap_err()
        .to_string();
    assert!(message.contains("nothing to draw"), "{message}");
}

#[test]
fn output_is_deterministic() {
    assert_eq!(dot(Selection::All), dot(Selection::All));
    let svg = |s| run(s, ImageFormat::Svg, LayoutEngine::BuiltIn).bytes;
    assert_eq!(svg(focus("Ada Quill", 2)), svg(focus("Ada Quill", 2)));
}

/// The seed articles' directory (`../shared/corpus/seeds`), if present.
fn seeds() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    dir.is_dir().then_some(dir)
}

#[test]
fn export_reads_a_store_built_by_real_ingest() {
    let Some(seeds) = seeds() else {
        eprintln!("../shared/corpus/seeds absent: skipped");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let kg = env!("CARGO_BIN_EXE_kg");
    let status = Command::new(kg)
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .args(&files)
        .status()
        .unwrap();
    assert!(status.success());
    let out = tmp.path().join("all.dot");
    let output = Command::new(kg)
        .arg("--store")
        .arg(&store)
        .args(["export", "--max-nodes", "2000", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    dot_grammar::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(
        text.contains("tooltip=\"Person <"),
        "no person drawn:\n{text}"
    );
    // A membership edge (member → organization) names its articles.
    assert!(
        text.lines().any(|l| l.contains(" -> ")
            && l.contains("color=\"#1e3a8a\"")
            && l.contains(" article")),
        "no membership edge with its articles:\n{text}"
    );
    // Namings, attestations, sentences, phrases and articles are never nodes.
    for absent in [
        "tooltip=\"Other",
        "tooltip=\"Document",
        "/about/",
        "Naming",
        "Attestation",
    ] {
        assert!(!text.contains(absent), "{absent} drawn:\n{text}");
    }
    // Whole-graph export above --max-nodes is refused before reading, pointing at --focus.
    let output = Command::new(kg)
        .arg("--store")
        .arg(&store)
        .args(["export", "--max-nodes", "5", "--format", "dot", "-o", "-"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--focus"));
}

/// A node's bounding box, an edge's path, or an edge label's box, read back from a built-in SVG.
#[derive(Default)]
struct Geometry {
    nodes: Vec<[f64; 4]>,
    paths: Vec<Vec<(f64, f64)>>,
    labels: Vec<[f64; 4]>,
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn number(e: &quick_xml::events::BytesStart, name: &str) -> f64 {
    attribute(e, name).unwrap().parse().unwrap()
}

/// Points along an SVG path of `M`, `L` and `C` commands, the end points of each segment left
/// out (they touch the nodes the edge joins).
fn sample_path(d: &str) -> Vec<(f64, f64)> {
    let mut tokens = d
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    let mut at = (0.0, 0.0);
    let mut points = Vec::new();
    while let Some(&token) = tokens.peek() {
        let command = token.chars().next().unwrap();
        let bare = |t: &str| {
            t.trim_start_matches(['M', 'L', 'C'])
                .parse::<f64>()
                .unwrap()
        };
        let mut pair = || {
            let x = bare(tokens.next().unwrap());
            let y = bare(tokens.next().unwrap());
            (x, y)
        };
        match command {
            'M' => at = pair(),
            'L' => {
                let to = pair();
                for i in 1..20 {
                    let t = f64::from(i) / 20.0;
                    points.push((at.0 + (to.0 - at.0) * t, at.1 + (to.1 - at.1) * t));
                }
                at = to;
            }
            'C' => {
                let (c1, c2, to) = (pair(), pair(), pair());
                for i in 1..40 {
                    let t = f64::from(i) / 40.0;
                    let u = 1.0 - t;
                    let f = |p0: f64, p1: f64, p2: f64, p3: f64| {
                        u * u * u * p0
                            + 3.0 * u * u * t * p1
                            + 3.0 * u * t * t * p2
                            + t * t * t * p3
                    };
                    points.push((f(at.0, c1.0, c2.0, to.0), f(at.1, c1.1, c2.1, to.1)));
                }
                at = to;
            }
            other => panic!("unexpected path command {other} in {d}"),
        }
    }
    points
}

fn geometry(svg: &str) -> Geometry {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut geometry = Geometry::default();
    let (mut in_node, mut in_defs) = (false, false);
    loop {
        let event = reader.read_event().unwrap();
        let (start, empty) = match &event {
            quick_xml::events::Event::Start(e) => (Some(e.clone()), false),
            quick_xml::events::Event::Empty(e) => (Some(e.clone()), true),
            quick_xml::events::Event::End(e) => {
                match e.name().as_ref() {
                    b"g" => in_node = false,
                    b"defs" => in_defs = false,
                    _ => {}
                }
                (None, false)
            }
            quick_xml::events::Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = start else { continue };
        match e.name().as_ref() {
            b"g" if !empty => in_node = attribute(&e, "class").as_deref() == Some("node"),
            b"defs" if !empty => in_defs = true,
            b"ellipse" if in_node => {
                let (cx, cy, rx, ry) = (
                    number(&e, "cx"),
                    number(&e, "cy"),
                    number(&e, "rx"),
                    number(&e, "ry"),
                );
                geometry.nodes.push([cx - rx, cy - ry, cx + rx, cy + ry]);
            }
            b"rect" if in_node || attribute(&e, "class").as_deref() == Some("edge-label") => {
                let (x, y) = (number(&e, "x"), number(&e, "y"));
                let b = [x, y, x + number(&e, "width"), y + number(&e, "height")];
                if in_node {
                    geometry.nodes.push(b);
                } else {
                    geometry.labels.push(b);
                }
            }
            b"polygon" if in_node => {
                let points: Vec<f64> = attribute(&e, "points")
                    .unwrap()
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse().unwrap())
                    .collect();
                let xs = points.iter().step_by(2);
                let ys = points.iter().skip(1).step_by(2);
                geometry.nodes.push([
                    xs.clone().copied().fold(f64::MAX, f64::min),
                    ys.clone().copied().fold(f64::MAX, f64::min),
                    xs.copied().fold(f64::MIN, f64::max),
                    ys.copied().fold(f64::MIN, f64::max),
                ]);
            }
            b"path" if !in_defs => geometry
                .paths
                .push(sample_path(&attribute(&e, "d").unwrap())),
            _ => {}
        }
    }
    geometry
}

fn inside(point: (f64, f64), b: &[f64; 4]) -> bool {
    // Half a pixel of tolerance: coordinates are written to one decimal.
    point.0 > b[0] + 0.5 && point.0 < b[2] - 0.5 && point.1 > b[1] + 0.5 && point.1 < b[3] - 0.5
}

fn overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5
}

/// No two nodes overlap, no edge runs through a node, no edge label covers a node.
fn assert_clean_layout(svg: &str, what: &str) {
    let g = geometry(svg);
    assert!(
        !g.nodes.is_empty() && !g.paths.is_empty(),
        "{what}: nothing read"
    );
    for (i, a) in g.nodes.iter().enumerate() {
        for b in &g.nodes[i + 1..] {
            assert!(!overlap(a, b), "{what}: nodes {a:?} and {b:?} overlap");
        }
    }
    for path in &g.paths {
        for &p in path {
            if let Some(node) = g.nodes.iter().find(|n| inside(p, n)) {
                panic!("{what}: an edge runs through the node at {node:?} (point {p:?})");
            }
        }
    }
    for label in &g.labels {
        if let Some(node) = g.nodes.iter().find(|n| overlap(label, n)) {
            panic!("{what}: an edge label {label:?} covers the node at {node:?}");
        }
    }
}

#[test]
fn the_built_in_layout_never_draws_through_a_node() {
    for selection in [
        Selection::All,
        focus("Ada Quill", 1),
        focus("Ada Quill", 2),
        Selection::Document("fedc".into()),
    ] {
        let what = format!("{selection:?}");
        let svg = run(selection, ImageFormat::Svg, LayoutEngine::BuiltIn).bytes;
        assert_clean_layout(std::str::from_utf8(&svg).unwrap(), &what);
    }
    // The seeds' whole graph: many components, edges within one layer, unconnected nodes.
    let Some(seeds) = seeds() else {
        eprintln!("../shared/corpus/seeds absent: the seeds' picture skipped");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let kg = env!("CARGO_BIN_EXE_kg");
    let status = Command::new(kg)
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q"])
        .arg(&seeds)
        .status()
        .unwrap();
    assert!(status.success());
    let out = tmp.path().join("all.svg");
    let output = Command::new(kg)
        .arg("--store")
        .arg(&store)
        .args(["export", "--layout", "builtin", "--max-nodes", "2000", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_clean_layout(&svg, "seeds, whole graph");
    let (width, height) = svg_size(&svg);
    assert!(height <= 2.0 * width, "{width}x{height}");
}

/// The `width` and `height` of an SVG's root element.
fn svg_size(svg: &str) -> (f64, f64) {
    let open = &svg[svg.find("<svg").unwrap()..];
    let value = |name: &str| -> f64 {
        let at = open.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = open[at..].find('"').unwrap();
        open[at..at + end].trim_end_matches("pt").parse().unwrap()
    };
    (value("width"), value("height"))
}
