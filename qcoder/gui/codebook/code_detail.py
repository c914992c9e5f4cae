"""The codebook panel's detail pane as HTML: a code's definition, inclusion and exclusion
criteria, indicators, example, hypotheses and coding counts, or a codebook's hypotheses - in
accent colours that read well on light and dark palettes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPalette

from ...core.codebooks.tree import CodebookNode, CodeNode, HypothesisInfo
from ..shell.i18n import tr

DIRECTION_NAMES = {"supports": QT_TRANSLATE_NOOP("", "supports"),
                   "contradicts": QT_TRANSLATE_NOOP("", "contradicts")}


class Colours:
    """The detail pane's and tree's accent colours, derived from the palette so that they
    read well on light and dark backgrounds."""

    def __init__(self, palette: QPalette):
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        self.muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        self.heading = _mix(palette.color(QPalette.ColorRole.Text),
                            palette.color(QPalette.ColorRole.Base), 0.75).name()
        self.flag = "#ff8a80" if dark else "#a61c1c"
        self.supports = "#7fd68a" if dark else "#2a7a2a"
        self.contradicts = self.flag


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """`share` of colour a, the rest of b."""
    return QColor(round(a.red() * share + b.red() * (1 - share)),
                  round(a.green() * share + b.green() * (1 - share)),
                  round(a.blue() * share + b.blue() * (1 - share)))


def count_text(n: int) -> str:
    return (tr("{n} coding") if n == 1 else tr("{n} codings")).format(n=n)


def _section(title: str, body: str, colours: Colours) -> str:
    return (f"<p style='margin:8px 0 2px 0'><b style='color:{colours.heading}'>{title}</b></p>"
            f"<div style='margin:0 0 0 2px'>{body}</div>")


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _counts(node: CodeNode, coder_name: str, blind: bool) -> str:
    """The code's coding counts; in blind mode only the coder's own."""
    if blind:
        mine = sum(n.coder_count for n in node.walk())
        text = tr("your codings: {n}").format(n=node.coder_count)
        if node.children:
            text = tr("{counts}; {total} with sub-codes").format(counts=text, total=mine)
        return escape(text)
    text = count_text(node.count)
    if coder_name:
        text = tr("{count}, {mine} by {name}").format(count=text, mine=node.coder_count,
                                                      name=coder_name)
    if node.children:
        text = tr("{counts}; {total} with sub-codes").format(counts=text, total=node.total)
    return escape(text)


def code_html(node: CodeNode, hypotheses: dict[str, HypothesisInfo], coder_name: str = "",
              colours: Colours | None = None, blind: bool = False) -> str:
    """The detail pane for one code; `blind` leaves other coders' counts out."""
    colours = colours or Colours(QPalette())
    title = (f"<table cellspacing='0' cellpadding='0'><tr><td style='background:{node.color};"
             "width:14px'>&nbsp;&nbsp;&nbsp;</td><td>&nbsp;</td>"
             f"<td><span style='font-size:13pt; font-weight:bold'>{escape(node.name)}</span>")
    if node.label_en and node.label_en != node.name:
        title += f" <span style='color:{colours.muted}'>· {escape(node.label_en)}</span>"
    title += "</td></tr></table>"
    facts = [escape(node.path.replace("/", " › ")), _counts(node, coder_name, blind)]
    if node.origin == "inductive":
        facts.append("<i>" + escape(tr("emergent (inductive), round {n}").format(
            n=node.round_added)) + "</i>")
    html = [title, f"<p style='color:{colours.muted}; margin:2px 0'>{' · '.join(facts)}</p>"]
    if node.flagged:
        html.append(f"<p style='color:{colours.flag}; margin:6px 0'>⚑ {_text(node.flagged)}</p>")
    none_yet = tr("none yet")
    html.append(_section(tr("Definition"), _text(node.definition) or f"<i>{none_yet}</i>",
                         colours))
    if node.include:
        html.append(_section(tr("Include"), _text(node.include), colours))
    if node.exclude:
        html.append(_section(tr("Exclude"), _text(node.exclude), colours))
    if node.indicators:
        items = "".join(f"<li>{escape(i)}</li>" for i in node.indicators)
        html.append(_section(tr("Indicators"), f"<ul style='margin:0 0 0 -20px'>{items}</ul>",
                             colours))
    if node.example:
        html.append(_section(tr("Example"), f"<i>{_text(node.example)}</i>", colours))
    if node.hypotheses:
        rows = []
        for ident, direction in node.hypotheses:
            hyp = hypotheses.get(ident)
            colour = colours.supports if direction == "supports" else colours.contradicts
            label = f" {escape(hyp.label)}" if hyp else ""
            name = tr(DIRECTION_NAMES[direction]) if direction in DIRECTION_NAMES else direction
            rows.append(f"<b>{escape(ident)}</b>{label} - "
                        f"<span style='color:{colour}'>{escape(name)}</span>")
        html.append(_section(tr("Hypotheses"), "<br>".join(rows), colours))
    if node.survey_items:
        html.append(_section(tr("Survey items"), escape(", ".join(node.survey_items)), colours))
    if node.keywords:
        html.append(_section(tr("Keywords"), f"<span style='color:{colours.muted}'>"
                                             f"{escape(', '.join(node.keywords))}</span>",
                             colours))
    return "".join(html)


def codebook_html(book: CodebookNode, colours: Colours | None = None) -> str:
    """The detail pane for a codebook: its hypotheses and their display columns."""
    colours = colours or Colours(QPalette())
    n_codes = sum(1 for _ in book.walk())
    facts = tr("id {ident} · version {version} · {n} codes").format(
        ident=book.ident, version=book.version, n=n_codes)
    html = [f"<p style='font-size:13pt; font-weight:bold; margin:0'>{escape(book.name)}</p>",
            f"<p style='color:{colours.muted}; margin:2px 0'>{escape(facts)}</p>"]
    for hyp in book.hypotheses:
        parent = (" " + escape(tr("(under {parent})").format(parent=hyp.parent))
                  if hyp.parent else "")
        no_statement = tr("no statement")
        body = _text(hyp.statement) or f"<i>{no_statement}</i>"
        if hyp.display_columns:
            body += (f"<br><span style='color:{colours.muted}'>" + escape(tr("Display:")) + " "
                     + escape(" | ".join(hyp.display_columns)) + "</span>")
        html.append(_section(f"{escape(hyp.id)}{parent}: {escape(hyp.label)} [{hyp.kind}]",
                             body, colours))
    return "".join(html)
