"""A self-contained HTML report: one file, styles inline, no scripts or outside links."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ...analysis.displays import Table
from .base import HEADER_COLOUR, VERDICT_COLOURS, Progress, Report, atomic_path, cell_text

_STYLE = f"""
body {{ font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 10pt; margin: 2em; }}
h1 {{ font-size: 16pt; }} h2 {{ font-size: 13pt; margin-top: 2em; }}
table {{ border-collapse: collapse; margin: 0.5em 0; }}
th, td {{ border: 1px solid #999; padding: 3px 6px; vertical-align: top; text-align: left; }}
th {{ background: #{HEADER_COLOUR}; position: sticky; top: 0; }}
td.num {{ text-align: right; }}
p.caption {{ font-style: italic; }} ul.notes {{ font-size: 8pt; color: #555; }}
dl.about dt {{ font-weight: bold; float: left; clear: left; width: 14em; }}
dl.about dd {{ margin-left: 15em; }}
""" + "".join(f'td.v-{i} {{ background: #{c}; }}\n' for i, c in enumerate(VERDICT_COLOURS.values()))

_TONE_CLASS = {v: f"v-{i}" for i, v in enumerate(VERDICT_COLOURS)}


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _table(table: Table, anchor: str) -> str:
    parts = [f'<section id="{anchor}"><h2>{escape(table.title)}</h2>']
    if table.caption:
        parts.append(f'<p class="caption">{escape(table.caption)}</p>')
    parts.append("<table><thead><tr>" + "".join(f"<th>{escape(c.header)}</th>"
                                                for c in table.columns) + "</tr></thead><tbody>")
    for row in table.rows:
        cells = []
        for cell, column in zip(row, table.columns):
            classes = [_TONE_CLASS[cell.tone]] if cell.tone in _TONE_CLASS else []
            if column.kind in ("number", "percent"):
                classes.append("num")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{_cell(cell_text(cell, column))}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    if table.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in table.notes)
                     + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


class HtmlExporter:
    suffix = ".html"

    def write(self, report: Report, path: Path, progress: Progress) -> list[Path]:
        body = [f"<h1>{escape(report.title)}</h1>", '<h2>Om eksporten</h2><dl class="about">']
        body += [f"<dt>{escape(k)}</dt><dd>{_cell(v)}</dd>" for k, v in report.provenance]
        body.append("</dl><h2>Indhold</h2><ol>")
        body += [f'<li><a href="#t{i}">{escape(t.title)}</a></li>'
                 for i, t in enumerate(report.tables, start=1)]
        body.append("</ol>")
        for i, table in enumerate(report.tables, start=1):
            progress(i, len(report.tables), f"skriver {table.title}")
            body.append(_table(table, f"t{i}"))
        page = ("<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">"
                f"<title>{escape(report.title)}</title><style>{_STYLE}</style></head><body>\n"
                + "\n".join(body) + "\n</body></html>\n")
        with atomic_path(path) as tmp:
            tmp.write_text(page, encoding="utf-8")
        return [path]
