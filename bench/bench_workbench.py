"""The coding workbench under QT_QPA_PLATFORM=offscreen, with the real main window.

Full: a transcript of ~1,000,000 characters with 5,000 codings by 3 coders - open and render
it (highlights and stripes), apply a code (commit and repaint), scroll through it; and a
project of 200 documents (~6,000 words each, 20,000 codings) opened in a new window.
Quick: 200,000 characters with 1,000 codings, and 20 documents.
Targets (issue 5): open+render < 500 ms, apply < 50 ms, project open < 1 s, and the cost of a
scroll step independent of the position in (and the length of) the document.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from qcoder.core.coding.codings import ApplyCoding, CodingSpec  # noqa: E402
from qcoder.core.documents.adding import store_transcript  # noqa: E402
from qcoder.core.documents.importers import split_pages, structure  # noqa: E402
from qcoder.core.documents.transcript import normalise_text  # noqa: E402
from qcoder.core.lookup import coder_by_name  # noqa: E402
from qcoder.core.store import Project  # noqa: E402
from qcoder.core.store.models import Code, Codebook  # noqa: E402

from .corpus import codings, corpus, document  # noqa: E402

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


def build(path: Path, docs, n_codes: int, per_coder: int, coders: int) -> list[int]:
    """A project with the synthetic documents and codings; returns the document ids."""
    plan = codings(docs, n_codes=n_codes, per_coder=per_coder, coders=coders)
    with Project.create(path, title="Benchmark") as project:
        with project.transaction() as s:
            book = Codebook(ident="bench", name="Bench")
            s.add_all([Code(codebook=book, name=f"Kode {i}", position=i,
                            color=PALETTE[i % len(PALETTE)]) for i in range(n_codes)])
            s.flush()
            code_ids = [c.id for c in book.codes]
            doc_ids, lengths = [], []
            for d in docs:
                text, pages = split_pages(normalise_text(d.text))
                doc_ids.append(store_transcript(
                    s, structure(text, d.name, "txt", pages=pages), d.name,
                    "mayor_interview").document_id)
                lengths.append(len(text))
            for name, rows in zip(("Anna", "Bo", "Cecilie"), plan):
                coder = coder_by_name(s, name, create=True)
                for d, start, end, code in rows:
                    end = min(end, lengths[d])   # page joins may shorten the text a little
                    if start < end:
                        ApplyCoding(CodingSpec(doc_ids[d], start, end, code_ids[code],
                                               coder.id)).execute(s)
    return doc_ids


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def window_for(path: Path, tmp: Path, app: QApplication):
    from qcoder.gui.shell.main_window import MainWindow

    settings = QSettings(str(tmp / f"settings-{time.monotonic_ns()}.ini"),
                         QSettings.Format.IniFormat)
    settings.setValue("coder", "Anna")
    window = MainWindow(Project.open(path), settings=settings)
    window.resize(1400, 860)
    window.show()
    settle(app)
    return window


def scroll_cost(window, app: QApplication, steps: int = 40) -> list[float]:
    """Time to scroll one page and paint text, highlights and stripes, at evenly spaced
    places from the top to the bottom of the document."""
    bar = window.view.verticalScrollBar()
    times = []
    for i in range(steps):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * i // (steps - 1))
        window.view.viewport().repaint()
        window.view.stripes.repaint()
        times.append(time.perf_counter() - t0)
    return times


def bench_long_document(app, tmp: Path, quick: bool) -> None:
    words, n_codings = (30_000, 1_000) if quick else (158_000, 5_000)
    doc = document(random.Random(7), "langt_interview_æøå", words)
    path = tmp / "long.qcoder"
    (doc_id,) = build(path, [doc], n_codes=40, per_coder=n_codings // 3 + 1, coders=3)
    window = window_for(path, tmp, app)
    window.view.show_empty()
    window.documents.blockSignals(True)

    t0 = time.perf_counter()
    window.open_document(doc_id)
    window.view.viewport().repaint()
    window.view.stripes.repaint()
    t_open = time.perf_counter() - t0
    chars = len(window.view.layers.text)
    shown = len(window.view.index)

    # apply a code to a visible passage: commit, draw the highlight and the stripe
    times = []
    bar = window.view.verticalScrollBar()
    for i in range(20):
        bar.setValue(bar.maximum() * (i + 1) // 22)
        settle(app)
        a, _b = window.view.visible_range()
        window.view.select_range(a + 40, a + 90, center=False)
        code_id = next(iter(window.code_info))
        t0 = time.perf_counter()
        uuid = window.apply_code(code_id)
        window.view.stripes.repaint()
        times.append(time.perf_counter() - t0)
        assert uuid is not None
        t0 = time.perf_counter()
        settle(app)   # the deferred refresh of counts, codebook and status
    t_lists = time.perf_counter() - t0

    scroll = scroll_cost(window, app)
    small = document(random.Random(8), "kort", words // 10)
    small_path = tmp / "short.qcoder"
    (small_id,) = build(small_path, [small], n_codes=40, per_coder=n_codings // 30 + 1, coders=3)
    window.close()
    small_window = window_for(small_path, tmp, app)
    small_window.open_document(small_id)
    small_scroll = scroll_cost(small_window, app)
    small_window.close()

    times.sort()
    print(f"   long transcript: {chars:,} characters, {shown:,} codings by 3 coders")
    print(f"   open and render (text, speakers, pages, highlights, stripes): {ms(t_open)}"
          f"   [target < 500 ms]")
    print(f"   apply a code (commit + highlight + stripe repaint): median {ms(times[10])}, "
          f"max {ms(times[-1])}   [target < 50 ms]")
    print(f"   then the deferred refresh of counts, codebook and status: {ms(t_lists)}")
    print(f"   scroll one step and repaint, {len(scroll)} places top to bottom: median "
          f"{ms(statistics.median(scroll))}, max {ms(max(scroll))}; first/last quarter "
          f"{ms(statistics.median(scroll[:10]))}/{ms(statistics.median(scroll[-10:]))}")
    print(f"   the same in a document 10x shorter: median {ms(statistics.median(small_scroll))}, "
          f"max {ms(max(small_scroll))}")


def bench_many_documents(app, tmp: Path, quick: bool) -> None:
    n_docs, words, per_coder = (20, 2_000, 1_000) if quick else (200, 6_000, 10_000)
    docs = corpus(n_docs, words, seed=3)
    path = tmp / "many.qcoder"
    build(path, docs, n_codes=50, per_coder=per_coder, coders=2)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        window = window_for(path, tmp, app)   # open, fill lists, show the first document
        times.append(time.perf_counter() - t0)
        window.close()
    print(f"   project of {n_docs} documents x {words:,} words, {2 * per_coder:,} codings: "
          f"opens in a new window in {ms(min(times))} (best of 3; first {ms(times[0])})"
          f"   [target < 1 s]")


def run(quick: bool) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        bench_long_document(app, Path(tmp), quick)
        bench_many_documents(app, Path(tmp), quick)
