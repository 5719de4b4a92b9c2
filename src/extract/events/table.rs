//! Table rows such as "| November 25, 2025 | Videoconference of supporters held |": the cell
//! that is a date dates the event told by the first trigger of the other cells, written like a
//! heading ("Working group to launch" is a planned event).

use super::dates::calendar_value;
use super::sentence::SentenceView;
use crate::extract::model::Mention;
use crate::text::Span;
use crate::time::{Timex, TimexKind};

/// A row's date cell and its description cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The date: index into the timexes and its calendar value.
    pub date: (usize, String),
    /// The other cells that hold words.
    pub cells: Vec<Span>,
}

/// Share of a cell's characters a date must cover for the cell to be a date cell.
const DATE_CELL_COVER: f64 = 0.6;

/// The row, when `view` is a table row with a date cell.
pub(crate) fn row(view: &SentenceView<'_>, timexes: &[Timex]) -> Option<Row> {
    let written = view.span.of(view.text);
    if !written.starts_with('|') {
        return None;
    }
    let mut date = None;
    let mut cells = Vec::new();
    let mut start = view.span.start + 1;
    for (offset, _) in written.match_indices('|').skip(1) {
        let end = view.span.start + offset;
        let cell = trim(view.text, Span::new(start, end));
        start = end + 1;
        let Some(cell) = cell else { continue };
        match date_in(cell, view.text, timexes, view.own_timexes()) {
            Some(found) if date.is_none() => date = Some(found),
            _ => cells.push(cell),
        }
    }
    let cells: Vec<Span> = cells
        .into_iter()
        .filter(|c| c.of(view.text).chars().any(char::is_alphabetic))
        .collect();
    Some(Row { date: date?, cells })
}

/// The date that fills `cell`, if one does (among the timexes `own` of its sentence).
fn date_in(cell: Span, text: &str, timexes: &[Timex], own: &[usize]) -> Option<(usize, String)> {
    own.iter().find_map(|&n| {
        let t = timexes.get(n)?;
        let covers =
            cell.contains(t.span) && t.span.len() as f64 >= DATE_CELL_COVER * cell.len() as f64;
        let dated = matches!(t.kind, TimexKind::Date | TimexKind::Time);
        let value = t
            .value
            .as_deref()
            .and_then(|v| calendar_value(v, t.span.of(text)))?;
        (covers && dated).then_some((n, value))
    })
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + t.len()))
}

/// A view of one description cell, read as a heading.
pub(crate) fn cell_view<'a>(
    view: &SentenceView<'a>,
    cell: Span,
    timexes: &[Timex],
    mentions: &[Mention],
) -> SentenceView<'a> {
    let mut cell_view = view.stretch(cell, timexes, mentions);
    cell_view.headline = true;
    cell_view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn timex(text: &str, sub: &str, value: &str) -> Timex {
        let start = text.find(sub).unwrap();
        Timex {
            span: Span::new(start, start + sub.len()),
            text: sub.to_string(),
            kind: TimexKind::Date,
            value: Some(value.to_string()),
            relative: false,
            sentence: 0,
            modifier: None,
        }
    }

    #[test]
    fn a_row_with_a_date_cell() {
        let text = "| March 3, 2024 | Summit of mayors held |";
        let timexes = [timex(text, "March 3, 2024", "2024-03-03")];
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &timexes, &[]);
        let row = row(&view, &timexes).unwrap();
        assert_eq!(row.date, (0, "2024-03-03".to_string()));
        assert_eq!(row.cells.len(), 1);
        assert_eq!(row.cells[0].of(text), "Summit of mayors held");
    }

    #[test]
    fn a_header_row_or_a_date_inside_prose_is_no_dated_row() {
        let text = "| Date | Event |";
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]);
        assert_eq!(row(&view, &[]), None);
        let text = "| Leaders met on March 3, 2024 in the capital after long delays |";
        let timexes = [timex(text, "March 3, 2024", "2024-03-03")];
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &timexes, &[]);
        assert_eq!(row(&view, &timexes), None);
    }
}
