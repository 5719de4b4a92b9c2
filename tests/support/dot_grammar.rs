//! A strict parser for the Graphviz DOT language (https://graphviz.org/doc/info/lang.html), for
//! tests: it checks what `kg export` writes against the grammar, independently of the code that
//! writes it, and returns the statements so tests can look at them.
//!
//! Written here rather than taken from a crate: the DOT parser crates pull proc-macro build
//! dependencies that change the features of RocksDB's build dependencies, which would make
//! `cargo test` rebuild RocksDB (20-40 minutes) next to `cargo build`.

/// One parsed statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// `id [attrs]`
    Node {
        id: String,
        attrs: Vec<(String, String)>,
    },
    /// `a -> b -> c [attrs]` (nodes of subgraphs are flattened into `ends`).
    Edge {
        ends: Vec<String>,
        attrs: Vec<(String, String)>,
    },
    /// `graph|node|edge [attrs]`
    Attr {
        kind: String,
        attrs: Vec<(String, String)>,
    },
    /// `id = id`
    Assign(String, String),
    /// `subgraph name { ... }`
    Subgraph {
        id: Option<String>,
        stmts: Vec<Stmt>,
    },
}

/// A parsed graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub directed: bool,
    pub id: Option<String>,
    pub stmts: Vec<Stmt>,
}

impl Graph {
    /// Every statement, subgraphs flattened.
    pub fn all_stmts(&self) -> Vec<&Stmt> {
        fn walk<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a Stmt>) {
            for s in stmts {
                out.push(s);
                if let Stmt::Subgraph { stmts, .. } = s {
                    walk(stmts, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.stmts, &mut out);
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Id(String),
    Punct(char),
    EdgeOp(&'static str),
}

fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/')
            || c == '#' && (i == 0 || chars[i - 1] == '\n')
        {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if "{}[]=;,:".contains(c) {
            toks.push(Tok::Punct(c));
            i += 1;
        } else if c == '-' && matches!(chars.get(i + 1), Some('>') | Some('-')) {
            toks.push(Tok::EdgeOp(if chars[i + 1] == '>' { "->" } else { "--" }));
            i += 2;
        } else if c == '"' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err("unterminated quoted string".into()),
                    Some('"') => break,
                    Some('\\') if chars.get(i + 1) == Some(&'"') => {
                        s.push('"');
                        i += 2;
                    }
                    Some('\\') if chars.get(i + 1) == Some(&'\n') => i += 2,
                    Some(&ch) => {
                        s.push(ch);
                        i += 1;
                    }
                }
            }
            i += 1;
            // "a" + "b" concatenation
            toks.push(Tok::Id(s));
        } else if c == '<' {
            let mut depth = 0;
            let start = i;
            loop {
                match chars.get(i) {
                    None => return Err("unterminated HTML string".into()),
                    Some('<') => depth += 1,
                    Some('>') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            toks.push(Tok::Id(chars[start..=i].iter().collect()));
            i += 1;
        } else if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' || !c.is_ascii() {
            let start = i;
            let numeral = c.is_ascii_digit() || c == '.' || c == '-';
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || chars[i] == '_'
                    || !chars[i].is_ascii()
                    || (numeral && chars[i] == '.'))
            {
                i += 1;
            }
            if i == start {
                return Err(format!("unexpected character {c:?}"));
            }
            let id: String = chars[start..i].iter().collect();
            if numeral && id.parse::<f64>().is_err() {
                return Err(format!("bad numeral {id:?}"));
            }
            toks.push(Tok::Id(id));
        } else {
            return Err(format!("unexpected character {c:?} at {i}"));
        }
    }
    Ok(toks)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    directed: bool,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        match self.next() {
            Some(Tok::Punct(p)) if p == c => Ok(()),
            other => Err(format!(
                "expected {c:?}, found {other:?} at token {}",
                self.pos - 1
            )),
        }
    }

    fn id(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Tok::Id(s)) => Ok(s),
            other => Err(format!(
                "expected an ID, found {other:?} at token {}",
                self.pos - 1
            )),
        }
    }

    fn keyword(tok: Option<&Tok>, kw: &str) -> bool {
        matches!(tok, Some(Tok::Id(s)) if s.eq_ignore_ascii_case(kw))
    }

    fn stmt_list(&mut self) -> Result<Vec<Stmt>, String> {
        let mut stmts = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::Punct('}')) | None => return Ok(stmts),
                Some(Tok::Punct(';')) => {
                    self.pos += 1;
                }
                _ => stmts.push(self.stmt()?),
            }
        }
    }

    fn attr_list(&mut self) -> Result<Vec<(String, String)>, String> {
        let mut attrs = Vec::new();
        while self.peek() == Some(&Tok::Punct('[')) {
            self.pos += 1;
            loop {
                match self.peek() {
                    Some(Tok::Punct(']')) => {
                        self.pos += 1;
                        break;
                    }
                    Some(Tok::Punct(',' | ';')) => self.pos += 1,
                    _ => {
                        let k = self.id()?;
                        self.expect('=')?;
                        let v = self.id()?;
                        attrs.push((k, v));
                    }
                }
            }
        }
        Ok(attrs)
    }

    fn subgraph(&mut self) -> Result<Stmt, String> {
        let mut id = None;
        if Self::keyword(self.peek(), "subgraph") {
            self.pos += 1;
            if let Some(Tok::Id(_)) = self.peek() {
                id = Some(self.id()?);
            }
        }
        self.expect('{')?;
        let stmts = self.stmt_list()?;
        self.expect('}')?;
        Ok(Stmt::Subgraph { id, stmts })
    }

    fn node_id(&mut self) -> Result<String, String> {
        let id = self.id()?;
        if self.peek() == Some(&Tok::Punct(':')) {
            self.pos += 1;
            self.id()?;
            if self.peek() == Some(&Tok::Punct(':')) {
                self.pos += 1;
                self.id()?;
            }
        }
        Ok(id)
    }

    fn stmt(&mut self) -> Result<Stmt, String> {
        for kind in ["graph", "node", "edge"] {
            if Self::keyword(self.peek(), kind) {
                self.pos += 1;
                let attrs = self.attr_list()?;
                return Ok(Stmt::Attr {
                    kind: kind.into(),
                    attrs,
                });
            }
        }
        let first =
            if Self::keyword(self.peek(), "subgraph") || self.peek() == Some(&Tok::Punct('{')) {
                self.subgraph()?
            } else {
                let id = self.node_id()?;
                if self.peek() == Some(&Tok::Punct('=')) {
                    self.pos += 1;
                    return Ok(Stmt::Assign(id, self.id()?));
                }
                Stmt::Node {
                    id,
                    attrs: Vec::new(),
                }
            };
        let mut ends = vec![first];
        while let Some(Tok::EdgeOp(op)) = self.peek() {
            if (*op == "->") != self.directed {
                return Err(format!("edge operator {op} in a graph of the other kind"));
            }
            self.pos += 1;
            let end = if Self::keyword(self.peek(), "subgraph")
                || self.peek() == Some(&Tok::Punct('{'))
            {
                self.subgraph()?
            } else {
                Stmt::Node {
                    id: self.node_id()?,
                    attrs: Vec::new(),
                }
            };
            ends.push(end);
        }
        let attrs = self.attr_list()?;
        if ends.len() == 1 {
            return Ok(match ends.remove(0) {
                Stmt::Node { id, .. } => Stmt::Node { id, attrs },
                sub => sub,
            });
        }
        let ends = ends
            .into_iter()
            .flat_map(|e| match e {
                Stmt::Node { id, .. } => vec![id],
                Stmt::Subgraph { stmts, .. } => stmts
                    .into_iter()
                    .filter_map(|s| {
                        if let Stmt::Node { id, .. } = s {
                            Some(id)
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        Ok(Stmt::Edge { ends, attrs })
    }
}

/// Parses a DOT document.
pub fn parse(text: &str) -> Result<Graph, String> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        directed: false,
    };
    if Parser::keyword(p.peek(), "strict") {
        p.pos += 1;
    }
    p.directed = if Parser::keyword(p.peek(), "digraph") {
        true
    } else if Parser::keyword(p.peek(), "graph") {
        false
    } else {
        return Err("a DOT file starts with graph or digraph".into());
    };
    p.pos += 1;
    let id = match p.peek() {
        Some(Tok::Id(_)) => Some(p.id()?),
        _ => None,
    };
    p.expect('{')?;
    let stmts = p.stmt_list()?;
    p.expect('}')?;
    if p.pos != p.toks.len() {
        return Err(format!(
            "trailing tokens after the graph: {:?}",
            &p.toks[p.pos..]
        ));
    }
    Ok(Graph {
        directed: p.directed,
        id,
        stmts,
    })
}

#[test]
fn grammar_accepts_valid_and_rejects_invalid_dot() {
    let ok = parse(
        "digraph G { rankdir=LR; node [shape=box, label=\"a \\\"q\\\" \\\\ b\"]; a -> b -> c [label=<x<BR/>y>]; subgraph cluster_1 { d; } \"Ж\" }",
    )
    .unwrap();
    assert!(ok.directed);
    let stmts = ok.all_stmts();
    assert!(stmts
        .iter()
        .any(|s| matches!(s, Stmt::Edge { ends, .. } if ends.len() == 3)));
    assert!(stmts
        .iter()
        .any(|s| matches!(s, Stmt::Node { id, .. } if id == "Ж")));
    for bad in [
        "digraph { a -> }",
        "digraph { a [label=\"unterminated] }",
        "digraph { a -- b }",
        "graph { a [label=<x] }",
        "digraph { a } }",
    ] {
        assert!(parse(bad).is_err(), "accepted: {bad}");
    }
}
