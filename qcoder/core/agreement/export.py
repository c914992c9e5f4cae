"""Agreement report files: an xlsx workbook and a self-contained HTML page, each with the
settings, the per-code table, pooled figures, domains, the disagreements with their text, and
a methods paragraph for a thesis in Danish (decimal commas) and English."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from ..errors import QcoderError
from .entries import STATISTICS, JsonObject
from .report import AgreementReport

LABELS = {
    "percent_agreement": ("procentvis enighed", "percent agreement"),
    "cohen_kappa": ("Cohens kappa", "Cohen's kappa"),
    "fleiss_kappa": ("Fleiss' kappa", "Fleiss' kappa"),
    "krippendorff_alpha": ("Krippendorffs alpha", "Krippendorff's alpha"),
    "brennan_prediger": ("Brennan-Predigers kappa", "Brennan-Prediger's kappa"),
    "gwet_ac1": ("Gwets AC1", "Gwet's AC1"),
}
UNIT_WORDS = {  # (Danish plural, English plural)
    "character": ("tegn", "characters"), "segment": ("kodede segmenter", "coded segments"),
    "sentence": ("sætninger", "sentences"), "paragraph": ("afsnit", "paragraphs"),
    "turn": ("taleture", "speaker turns"), "section": ("sektioner", "sections"),
}
NUMBER_WORDS = {2: ("To", "Two"), 3: ("Tre", "Three"), 4: ("Fire", "Four"), 5: ("Fem", "Five"),
                6: ("Seks", "Six"), 7: ("Syv", "Seven"), 8: ("Otte", "Eight")}
MAX_HTML_DISAGREEMENTS = 2000

#: a table's rows, each a sequence of cell values
Rows = Sequence[Sequence[object]]


def num(x: float, lang: str, digits: int = 2) -> str:
    """0.7432 -> '0,74' in Danish, '0.74' in English; whole numbers with thousands marks."""
    if float(x).is_integer() and abs(x) >= 1:
        text = f"{int(x):,}"
        return text.replace(",", ".") if lang == "da" else text
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def _count(n: int, da_one: str, da_many: str, en_one: str, en_many: str, lang: str) -> str:
    if lang == "da":
        return f"{num(n, lang)} {da_one if n == 1 else da_many}"
    return f"{num(n, lang)} {en_one if n == 1 else en_many}"


def _stat(entry: JsonObject, key: str, lang: str) -> str | None:
    if key not in entry:
        return None
    label = LABELS[key][0 if lang == "da" else 1]
    text = f"{label} = {num(entry[key], lang)}"
    ci = entry.get("ci", {}).get(key)
    if ci:
        text += f" [{num(ci[0], lang)}; {num(ci[1], lang)}]"
    return text


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" og " if lang == "da" else " and ") + parts[-1]


def methods_paragraph(data: JsonObject, lang: str) -> str:
    """A ready methods paragraph ('To kodere kodede uafhængigt ...') in 'da' or 'en'."""
    da = lang == "da"
    s = data["settings"]
    unit = data["unit"]
    coders = data["coders"]
    pooled = data["pooled"]
    n_codes = sum(1 for e in data["codes"] if e.get("used", True))
    books = _join([f"»{b['name']}« (version {b['version']})" if da else
                   f"“{b['name']}” (version {b['version']})" for b in s["codebooks"]], lang)
    who = NUMBER_WORDS.get(len(coders), (str(len(coders)),) * 2)[0 if da else 1]
    docs = _count(len(s["documents"]), "dokument", "dokumenter", "document", "documents", lang)
    codes = _count(n_codes, "kode", "koder", "code", "codes", lang)
    words = UNIT_WORDS[unit][0 if da else 1]
    if unit == "character":
        what = (f"alle {num(s.get('n_characters', 0), lang)} tegn (kodede som ukodede) i {docs}"
                if da else
                f"all {num(s.get('n_characters', 0), lang)} characters (coded or not) of {docs}")
    elif unit == "segment":
        what = docs
    else:
        what = (f"{num(s.get('n_units', 0), lang)} {words} i {docs}" if da else
                f"{num(s.get('n_units', 0), lang)} {words} in {docs}")
    out = [(f"{who} kodere ({_join(coders, lang)}) kodede uafhængigt af hinanden {what} med "
            f"{codes} fra kodebogen {books}." if da else
            f"{who} coders ({_join(coders, lang)}) independently coded {what} with {codes} "
            f"from the codebook {books}.")]
    if unit == "character":
        out.append("Enigheden blev målt tegn for tegn; kappa er beregnet over alle tegn med den "
                   "sædvanlige marginale chancekorrektion." if da else
                   "Agreement was measured character by character; kappa is computed over all "
                   "characters with the standard marginal chance term.")
    if unit == "segment":
        pct = round(100 * s["overlap"])
        out.append(f"Deres {num(pooled['n_units'], lang)} kodede segmenter blev sammenlignet." if da
                   else f"Their {num(pooled['n_units'], lang)} coded segments were compared.")
        out.append(f"To segmenter med samme kode regnedes som enige, når deres overlap udgjorde "
                   f"mindst {pct} % af deres samlede udstrækning (snit over forening)." if da else
                   f"Two segments of the same code counted as agreeing when their overlap was at "
                   f"least {pct}% of their combined extent (intersection over union).")
    elif unit != "character":
        cover = s.get("min_cover", 0)
        rule = (("ethvert overlap" if da else "any overlap") if not cover else
                (f"mere end {round(100 * cover)} %" if da else f"more than {round(100 * cover)}%"))
        out.append(f"En enhed regnedes som kodet med en kode, når koderens kodninger dækkede den "
                   f"({rule})." if da else
                   f"A unit counted as coded with a code when the coder's codings covered it "
                   f"({rule}).")
    stats = [t for t in (_stat(pooled, k, lang) for k in STATISTICS) if t]
    if stats:
        draws = num(s["bootstrap"]["draws"], lang) if "bootstrap" in s else ""
        if "ci" in pooled and draws:
            note = (f"95 %-konfidensintervaller; for alpha ved bootstrap over enhederne med "
                    f"{draws} gentagelser" if da else
                    f"95% confidence intervals; for alpha by bootstrap over units, {draws} resamples")
        elif "ci" in pooled:
            note = "95 %-konfidensintervaller" if da else "95% confidence intervals"
        elif unit == "character":
            note = ("ingen intervaller, da tegn ikke er uafhængige enheder" if da else
                    "no intervals, as characters are not independent units")
        else:
            note = ""
        lead = (("Samlet over koderne var" if da else "Pooled over the codes,") if n_codes > 1
                else ("Her var" if da else "Here,"))
        out.append(f"{lead} {_join(stats, lang)}"
                   + (f" ({note})." if note else "."))
    key = next((k for k in ("krippendorff_alpha", "cohen_kappa", "brennan_prediger")
                if k in pooled.get("mean_across_codes", {})), None)
    if key and n_codes > 1:
        vals = [e[key] for e in data["codes"] if key in e]
        label = LABELS[key][0 if da else 1]
        out.append(f"For de enkelte koder lå {label} mellem {num(min(vals), lang)} og "
                   f"{num(max(vals), lang)} (gennemsnit {num(pooled['mean_across_codes'][key], lang)})."
                   if da else
                   f"Across the individual codes, {label} ranged from {num(min(vals), lang)} to "
                   f"{num(max(vals), lang)} (mean {num(pooled['mean_across_codes'][key], lang)}).")
    for d in data.get("domains", []):
        if "krippendorff_alpha_nominal" not in d:
            continue
        ci = d.get("ci", {}).get("krippendorff_alpha_nominal")
        value = num(d["krippendorff_alpha_nominal"], lang) + (
            f" [{num(ci[0], lang)}; {num(ci[1], lang)}]" if ci else "")
        name = d["code"].rsplit("/", 1)[-1]
        out.append(f"For domænet »{name}«, hvis underkoder blev brugt som gensidigt udelukkende "
                   f"kategorier, var Krippendorffs nominale alpha = {value} "
                   f"({num(d['n_units'], lang)} enheder)." if da else
                   f"For the domain “{name}”, whose sub-codes were used as mutually exclusive "
                   f"categories, Krippendorff's nominal alpha = {value} "
                   f"({num(d['n_units'], lang)} units).")
    if unit == "sentence":
        out.append(f"Sætninger blev afgrænset med spaCy ({s['sentence_pipeline']})." if da else
                   f"Sentences were delimited with spaCy ({s['sentence_pipeline']}).")
    out.append(f"Beregnet med qcoder {s['qcoder_version']}." if da else
               f"Computed with qcoder {s['qcoder_version']}.")
    return " ".join(out)


# -- tables shared by both formats ---------------------------------------------------------------
def _code_columns(data: JsonObject) -> list[str]:
    present = [k for k in STATISTICS if any(k in e for e in data["codes"])]
    cols = ["code", "n_units"]
    for k in present:
        cols += [k, f"{k} low", f"{k} high"]
    return cols


def _flat_counts(counts: JsonObject) -> JsonObject:
    out: JsonObject = {}
    for k, v in counts.items():
        if isinstance(v, dict):
            out.update({f"{k} {name}": x for name, x in v.items()})
        else:
            out[k] = v
    return out


def _code_rows(data: JsonObject) -> tuple[list[str], list[list[object]]]:
    cols = _code_columns(data)
    count_keys: list[str] = []
    for e in data["codes"]:
        for k in _flat_counts(e.get("counts", {})):
            if k not in count_keys:
                count_keys.append(k)
    prev_keys = [f"prevalence {c}" for c in data["coders"]] if data["unit"] != "segment" else []
    header = cols + count_keys + prev_keys + ["warnings"]
    rows: list[list[object]] = []
    for e in data["codes"]:
        row: list[object] = []
        for c in cols:
            if c.endswith(" low") or c.endswith(" high"):
                key, side = c.rsplit(" ", 1)
                ci = e.get("ci", {}).get(key)
                row.append(ci[0 if side == "low" else 1] if ci else None)
            else:
                row.append(e.get(c))
        flat = _flat_counts(e.get("counts", {}))
        row += [flat.get(k) for k in count_keys]
        row += [e.get("prevalence", {}).get(c) for c in data["coders"]] if prev_keys else []
        row.append("; ".join(e.get("warnings", [])))
        rows.append(row)
    return header, rows


def _settings_rows(data: JsonObject) -> list[tuple[str, str]]:
    s = data["settings"]
    rows = [("unit", s["unit"]), ("coders", ", ".join(s["coders"])),
            ("documents", ", ".join(s["documents"])),
            ("codebooks", ", ".join(f"{b['name']} (version {b['version']})" for b in s["codebooks"])),
            ("codes", s["codes"] if isinstance(s["codes"], str) else ", ".join(s["codes"]))]
    for key in ("overlap", "min_cover", "n_units", "n_characters", "sentence_pipeline", "scope",
                "created", "qcoder_version"):
        if key in s:
            rows.append((key, str(s[key])))
    if "bootstrap" in s:
        rows.append(("bootstrap", f"{s['bootstrap']['draws']} draws, seed {s['bootstrap']['seed']}"))
    return rows


def _pooled_rows(data: JsonObject) -> list[tuple[str, object, object, object]]:
    p = data["pooled"]
    rows: list[tuple[str, object, object, object]] = [
        ("n_units (units x codes)" if data["unit"] != "segment" else "n_units",
         p.get("n_units"), None, None)]
    for k in STATISTICS:
        if k in p:
            ci = p.get("ci", {}).get(k)
            rows.append((k, p[k], ci[0] if ci else None, ci[1] if ci else None))
    for k, v in p.get("mean_across_codes", {}).items():
        rows.append((f"mean across codes: {k}", v, None, None))
    for w in p.get("warnings", []):
        rows.append(("warning", w, None, None))
    return rows


def _domain_rows(data: JsonObject) -> tuple[list[str], list[list[object]]]:
    keys = ["code", "n_units", "n_values", "krippendorff_alpha_nominal", "percent_agreement",
            "cohen_kappa", "fleiss_kappa", "brennan_prediger", "gwet_ac1"]
    header = keys + ["alpha low", "alpha high", "children", "warnings"]
    rows: list[list[object]] = []
    for d in data.get("domains", []):
        ci = d.get("ci", {}).get("krippendorff_alpha_nominal")
        rows.append([d.get(k) for k in keys] + [ci[0] if ci else None, ci[1] if ci else None,
                                                ", ".join(d.get("children", [])),
                                                "; ".join(d.get("warnings", []))])
    return header, rows


# -- xlsx ----------------------------------------------------------------------------------------
def write_xlsx(report: AgreementReport, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = report.data
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: Rows) -> None:
        ws = wb.create_sheet(title)
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(list(row))
        ws.freeze_panes = "A2"

    wb.remove(wb.worksheets[0])  # the sheet a new workbook starts with
    sheet("Settings", ["setting", "value"], _settings_rows(data))
    sheet("Codes", *_code_rows(data))
    if data["unit"] == "character":
        rows: list[list[object]] = []
        for e in data["codes"]:
            for d in e.get("documents", []):
                c = d["counts"]
                rows.append([e["code"], d["document"], d["n_units"], d.get("percent_agreement"),
                             d.get("cohen_kappa"), c.get("both"), c.get("a_only"),
                             c.get("b_only"), c.get("neither")])
        sheet("Documents", ["code", "document", "characters", "percent_agreement", "cohen_kappa",
                            "both", "a_only", "b_only", "neither"], rows)
    sheet("Pooled", ["statistic", "value", "low", "high"], _pooled_rows(data))
    sheet("Domains", *_domain_rows(data))
    sheet("Disagreements", ["document", "start", "end", "code", "coded by", "not coded by", "text"],
          [[d["document"], d["start"], d["end"], d["code"], ", ".join(d["coded_by"]),
            ", ".join(d["not_coded_by"]), d["text"]] for d in report.disagreements])
    sheet("Methods", ["language", "paragraph"],
          [("da", methods_paragraph(data, "da")), ("en", methods_paragraph(data, "en"))])
    wb["Methods"].column_dimensions["B"].width = 120
    wb.save(path)


# -- html ----------------------------------------------------------------------------------------
_CSS = """body{font-family:system-ui,sans-serif;margin:2em;max-width:75em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .5em;
text-align:left;vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}
.warn{color:#a34700}.methods{background:#f7f7f2;padding:1em;border-left:4px solid #889}"""


def _cell(value: object, lang: str = "en") -> str:
    if isinstance(value, float):
        return f'<td class="n">{num(value, lang, 3)}</td>'
    if isinstance(value, int):
        return f'<td class="n">{value}</td>'
    return f"<td>{html.escape('' if value is None else str(value))}</td>"


def _table(header: list[str], rows: Rows) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_html(report: AgreementReport, path: Path) -> None:
    data = report.data
    title = f"Intercoder agreement: {', '.join(data['coders'])} ({data['unit']})"
    shown = report.disagreements[:MAX_HTML_DISAGREEMENTS]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        "<h2>Metode (dansk)</h2>",
        f'<p class="methods" lang="da">{html.escape(methods_paragraph(data, "da"))}</p>',
        "<h2>Methods (English)</h2>",
        f'<p class="methods">{html.escape(methods_paragraph(data, "en"))}</p>',
        "<h2>Settings</h2>", _table(["setting", "value"], _settings_rows(data)),
        "<h2>Codes</h2>", _table(*_code_rows(data)),
        "<h2>Pooled</h2>", _table(["statistic", "value", "low", "high"], _pooled_rows(data)),
        "<h2>Domains</h2>",
        _table(*_domain_rows(data)) if data.get("domains") else "<p>No domains.</p>",
        f"<h2>Disagreements ({len(report.disagreements)})</h2>",
        _table(["document", "start", "end", "code", "coded by", "not coded by", "text"],
               [[d["document"], d["start"], d["end"], d["code"], ", ".join(d["coded_by"]),
                 ", ".join(d["not_coded_by"]), d["text"]] for d in shown]),
    ]
    if len(shown) < len(report.disagreements):
        parts.append(f'<p class="warn">Only the first {len(shown)} disagreements are shown; '
                     "the xlsx report lists them all.</p>")
    for w in data.get("warnings", []):
        parts.append(f'<p class="warn">{html.escape(w)}</p>')
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def export_report(report: AgreementReport, path: str | Path) -> Path:
    """Write the report as .xlsx or .html, chosen by the file name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".html", ".htm"):
        raise QcoderError(f"{path}: the report is written as .xlsx or .html; "
                          f"name the file e.g. {path.with_suffix('.xlsx').name}")
    try:
        (write_xlsx if suffix == ".xlsx" else write_html)(report, path)
    except OSError as exc:
        raise QcoderError(f"{path}: cannot be written ({exc.strerror})") from None
    return path
