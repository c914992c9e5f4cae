"""The agreement report as tables: one row per code (with pooled figures and the plain mean at
the bottom), one per domain. Each statistic cell shows the value and its 95% interval and keeps
the exact number in VALUE_ROLE; warnings are shown in a Notes column with an icon, in full as
the tooltip, because a reader must see why a kappa is missing rather than guess."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
)

from ...core.agreement.entries import warning_summary
from ..codebook.codebook_panel import colour_swatch
from ..shell.i18n import tr

VALUE_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


def statistic_headers() -> dict[str, str]:
    """Short column headings (the full names are their tooltips)."""
    return {
        "percent_agreement": tr("Agreement"), "cohen_kappa": tr("Cohen κ"),
        "fleiss_kappa": tr("Fleiss κ"), "krippendorff_alpha": tr("Kripp. α"),
        "krippendorff_alpha_nominal": tr("Nominal α"), "brennan_prediger": tr("BP κ"),
        "gwet_ac1": tr("AC1"),
    }


def statistic_names() -> dict[str, str]:
    return {
        "percent_agreement": tr("Percent agreement"),
        "cohen_kappa": tr("Cohen's κ"),
        "fleiss_kappa": tr("Fleiss' κ"),
        "krippendorff_alpha": tr("Krippendorff's α"),
        "krippendorff_alpha_nominal": tr("Krippendorff's nominal α"),
        "brennan_prediger": tr("Brennan-Prediger κ"),
        "gwet_ac1": tr("Gwet's AC1"),
    }


STAT_ORDER = ("percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
              "brennan_prediger", "gwet_ac1")


def fmt(value: float, digits: int = 3) -> str:
    """A number as the user's locale writes it (0,595 in Danish); no "-0.00"."""
    value = float(value)
    if round(value, digits) == 0:
        value = 0.0
    return QLocale().toString(value, "f", digits)


def fmt_count(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return fmt(value, 1)
    return QLocale().toString(int(value))


def shown_path(path: str, strip_book: bool) -> str:
    return path.split("/", 1)[1] if strip_book and "/" in path else path


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    # two lines: a value over its interval, or a warning wrapped
    table.verticalHeader().setDefaultSectionSize(2 * table.fontMetrics().lineSpacing() + 10)
    return table


def _stat_item(entry: dict, key: str) -> QTableWidgetItem:
    if key not in entry:
        item = QTableWidgetItem("")
        item.setData(KEY_ROLE, key)
        return item
    value = entry[key]
    ci = entry.get("ci", {}).get(key)
    text = fmt(value) + (f"\n[{fmt(ci[0], 2)}; {fmt(ci[1], 2)}]" if ci else "")
    item = QTableWidgetItem(text)
    item.setData(VALUE_ROLE, float(value))
    item.setData(KEY_ROLE, key)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    tip = f"{statistic_names()[key]} = {fmt(value, 4)}"
    if ci:
        tip += "\n" + tr("95% confidence interval: {low} to {high}").format(
            low=fmt(ci[0], 4), high=fmt(ci[1], 4))
    item.setToolTip(tip)
    return item


def counts_text(counts: dict, coders: list[str]) -> str:
    """The counts behind a row, in words: 'both 3 · Anna only 1 · Bo only 0 · neither 434'."""
    if not counts:
        return ""
    if "matched" in counts:
        unmatched = counts.get("unmatched", {})
        return " · ".join([tr("matched {n}").format(n=fmt_count(counts["matched"]))] + [
            tr("{coder} unmatched {n}").format(coder=c, n=fmt_count(unmatched.get(c, 0)))
            for c in coders])
    if "a_only" in counts:
        return " · ".join([
            tr("both {n}").format(n=fmt_count(counts["both"])),
            tr("{coder} only {n}").format(coder=coders[0], n=fmt_count(counts["a_only"])),
            tr("{coder} only {n}").format(coder=coders[1], n=fmt_count(counts["b_only"])),
            tr("neither {n}").format(n=fmt_count(counts["neither"]))])
    per = counts.get("per_coder", {})
    parts = [f"{c} {fmt_count(per.get(c, 0))}" for c in coders]
    if "all" in counts:
        parts += [tr("all {n}").format(n=fmt_count(counts["all"])),
                  tr("none {n}").format(n=fmt_count(counts["none"]))]
    return " · ".join(parts)


def _notes_item(warnings: list[str], unused: bool = False) -> QTableWidgetItem:
    style = QApplication.style()
    if unused:
        item = QTableWidgetItem(tr("not used by any compared coder"))
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                        QPalette.ColorRole.Text))
        item.setToolTip(tr("No compared coder used this code in the compared text."))
        return item
    if not warnings:
        return QTableWidgetItem("")
    item = QTableWidgetItem("; ".join(warning_summary(w) for w in warnings))
    item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    item.setToolTip("\n\n".join(warnings))
    item.setForeground(warning_color())
    return item


def warning_color() -> QColor:
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#f0b35a") if dark else QColor("#9a4a00")


def code_columns(data: dict) -> list[str]:
    """The statistics that some row has, in the usual order."""
    rows = data["codes"] + [data["pooled"]]
    return [k for k in STAT_ORDER if any(k in e for e in rows)]


def fill_code_table(table: QTableWidget, data: dict, colors: dict[str, str]) -> None:
    """Per code, then the pooled row and the plain mean across codes. Each row's first cell
    keeps its report entry in ENTRY_ROLE (for the details under the table)."""
    stats = code_columns(data)
    unit_word = tr("Segments") if data["unit"] == "segment" else tr("Units")
    _set_headers(table, [tr("Code"), unit_word], stats)
    entries = data["codes"]
    strip = len({e["code"].split("/", 1)[0] for e in entries}) == 1
    pooled = dict(data["pooled"], code=tr("Pooled over codes"))
    mean = pooled.get("mean_across_codes", {})
    rows = list(entries) + [pooled]
    if mean:
        rows.append(dict(mean, code=tr("Mean across codes (plain mean)"), mean=True))
    table.setRowCount(len(rows))
    for row, e in enumerate(rows):
        unused = e.get("used") is False
        summary = row >= len(entries)
        name = QTableWidgetItem(e["code"] if summary else shown_path(e["code"], strip))
        name.setData(VALUE_ROLE, e["code"])
        name.setData(ENTRY_ROLE, e)
        if summary:
            name.setToolTip(tr("The unweighted mean of the per-code values over {n} used codes")
                            .format(n=e.get("n_codes", 0)) if e.get("mean") else
                            tr("Every unit × code decision of all codes together"))
        else:
            name.setToolTip(e["code"])
            name.setIcon(colour_swatch(colors.get(e["code"], "#999999")))
        table.setItem(row, 0, name)
        n = QTableWidgetItem("" if unused or e.get("mean") else fmt_count(e.get("n_units", 0)))
        n.setData(VALUE_ROLE, e.get("n_units"))
        n.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, 1, n)
        for col, key in enumerate(stats, start=2):
            table.setItem(row, col, _stat_item(e, key))
        table.setItem(row, len(stats) + 2, _notes_item(e.get("warnings", []), unused))
    bold = QFont(table.font())
    bold.setBold(True)
    for r in range(len(entries), table.rowCount()):
        for c in range(table.columnCount()):
            table.item(r, c).setFont(bold)
    _size_columns(table, stretch=0)


def row_details(entry: dict, data: dict) -> str:
    """The counts, prevalences and full warnings behind one row, as rich text."""
    coders = data["coders"]
    parts = [f"<b>{escape(entry.get('code', ''))}</b>"]
    if entry.get("used") is False:
        parts.append(tr("No compared coder used this code in the compared text."))
    counts = counts_text(entry.get("counts", {}), coders)
    if counts:
        parts.append(tr("Counts: {counts}").format(counts=escape(counts)))
    prevalence = entry.get("prevalence")
    if prevalence:
        parts.append(tr("Prevalence (share of units coded): {values}").format(values=", ".join(
            f"{escape(c)} {fmt(100 * v, 1)} %" for c, v in prevalence.items())))
    color = warning_color().name()
    parts += [f'<span style="color:{color}">⚠ {escape(w)}</span>'
              for w in entry.get("warnings", [])]
    return "<br>".join(parts)


def fill_domain_table(table: QTableWidget, data: dict) -> None:
    keys = ["krippendorff_alpha_nominal", "percent_agreement", "cohen_kappa", "fleiss_kappa",
            "brennan_prediger", "gwet_ac1"]
    keys = [k for k in keys if any(k in d for d in data.get("domains", []))] or keys[:1]
    _set_headers(table, [tr("Domain (parent code)"), tr("Units"), tr("Sub-codes")], keys)
    domains = data.get("domains", [])
    table.setRowCount(len(domains))
    books = {d["code"].split("/", 1)[0] for d in domains}
    for row, d in enumerate(domains):
        name = QTableWidgetItem(shown_path(d["code"], len(books) == 1))
        name.setToolTip(d["code"])
        name.setData(VALUE_ROLE, d["code"])
        name.setData(ENTRY_ROLE, d)
        table.setItem(row, 0, name)
        n = QTableWidgetItem(fmt_count(d.get("n_units", 0)))
        n.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, 1, n)
        kids = QTableWidgetItem(str(len(d.get("children", []))))
        kids.setToolTip("\n".join(d.get("children", [])))
        kids.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, 2, kids)
        for col, key in enumerate(keys, start=3):
            table.setItem(row, col, _stat_item(d, key))
        table.setItem(row, len(keys) + 3, _notes_item(d.get("warnings", [])))
    _size_columns(table, stretch=0)


def _set_headers(table: QTableWidget, first: list[str], stats: list[str]) -> None:
    short, full = statistic_headers(), statistic_names()
    table.clear()
    table.setColumnCount(len(first) + len(stats) + 1)
    table.setHorizontalHeaderLabels(first + [short[k] for k in stats] + [tr("Notes")])
    for col, key in enumerate(stats, start=len(first)):
        table.horizontalHeaderItem(col).setToolTip(
            full[key] + " " + tr("with its 95% confidence interval below"))


def _size_columns(table: QTableWidget, stretch: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for col in range(1, table.columnCount() - 1):
        table.setColumnWidth(col, table.columnWidth(col) + 12)
    table.setColumnWidth(stretch, min(max(table.columnWidth(stretch), 200), 300))
    table.setColumnWidth(table.columnCount() - 1, 160)  # the notes wrap in what is left
    header.setStretchLastSection(True)
