"""Importing transcript files: files per second and peak memory of `qcoder import` on a folder.

Full: 200 .txt transcripts x 12,000 words, plus 20 .docx and 20 Teams .vtt of the same size,
and one 50 MB .txt file. Quick: 20 x 2,000 words, 5 .docx, 5 .vtt and one 5 MB file.
Each import runs in a fresh process, so its peak resident memory is the import's own (reported
with the Python-level peak from tracemalloc in a second, separate run - tracemalloc slows
Python down, so that run is not timed).
"""

from __future__ import annotations

import multiprocessing as mp
import random
import resource
import tempfile
import time
from pathlib import Path

from .corpus import SyntheticDocument, corpus, document


def _write_txt(folder: Path, docs: list[SyntheticDocument]) -> None:
    for d in docs:
        (folder / f"{d.name}.txt").write_text(d.text, encoding="utf-8")


def _write_docx(folder: Path, docs: list[SyntheticDocument]) -> None:
    import docx

    for d in docs:
        out = docx.Document()
        for page in d.text.split("\f"):
            for para in page.split("\n"):
                if para:
                    out.add_paragraph(para)
            out.add_page_break()
        out.save(folder / f"{d.name}.docx")


def _write_vtt(folder: Path, docs: list[SyntheticDocument]) -> None:
    for d in docs:
        lines, t = ["WEBVTT", ""], 0.0
        for start, end, speaker in d.turns:
            for sentence in d.text[start:end].split(". "):
                stop = t + 0.3 * (sentence.count(" ") + 1)
                lines += [f"{_stamp(t)} --> {_stamp(stop)}", f"<v {speaker}>{sentence}</v>", ""]
                t = stop
        (folder / f"{d.name}.vtt").write_text("\n".join(lines), encoding="utf-8")


def _stamp(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def _import(folder: str, project: str, traced: bool, queue) -> None:
    """In a fresh process: import the folder, report seconds, totals and memory peaks."""
    import tracemalloc

    from qcoder.core.documents.batch_import import import_files
    from qcoder.core.store import Project

    if traced:
        tracemalloc.start()
    t0 = time.perf_counter()
    with Project.create(project) as p:
        summary = import_files(p, [folder]).value
    seconds = time.perf_counter() - t0
    traced_peak = tracemalloc.get_traced_memory()[1] if traced else 0
    queue.put((seconds, summary.totals(), traced_peak, _peak_rss_kb(),
               Path(project).stat().st_size))


def _peak_rss_kb() -> int:
    """This process's peak resident memory. Linux's ru_maxrss can carry the parent's peak over
    fork+exec, so the memory map's own high-water mark (VmHWM) is preferred where it exists."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _measure(folder: Path, traced: bool) -> tuple:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    target = folder.parent / f"{folder.name}{'-traced' if traced else ''}.qcoder"
    proc = ctx.Process(target=_import, args=(str(folder), str(target), traced, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def run(quick: bool) -> None:
    n_txt, n_other, words = (20, 5, 2000) if quick else (200, 20, 12000)
    docs = corpus(n_txt, words)
    rng = random.Random(7)
    others = [document(rng, f"teams_{i:03d}_ø", words) for i in range(n_other)]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, writer, batch in (("txt", _write_txt, docs), ("docx", _write_docx, others),
                                   ("vtt", _write_vtt, others)):
            folder = Path(tmp) / fmt
            folder.mkdir()
            writer(folder, batch)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            seconds, totals, _, rss_kb, db_size = _measure(folder, traced=False)
            _, _, traced_peak, _, _ = _measure(folder, traced=True)
            print(f"   {fmt:>4}: {len(batch)} files x {words} words ({size:.1f} MB): "
                  f"{seconds:.2f} s, {len(batch) / seconds:.1f} files/s; "
                  f"{totals['turns']} turns, {totals['pages']} pages")
            _report(rss_kb, traced_peak, db_size)
        folder = Path(tmp) / "big"
        folder.mkdir()
        megabytes = 5 if quick else 50
        big = document(rng, "stor_æøå", int(megabytes * 1e6 / 6.4))
        (folder / "stor.txt").write_text(big.text, encoding="utf-8")
        size = (folder / "stor.txt").stat().st_size / 1e6
        seconds, totals, _, rss_kb, db_size = _measure(folder, traced=False)
        _, _, traced_peak, _, _ = _measure(folder, traced=True)
        print(f"    one {size:.0f} MB .txt: {seconds:.1f} s; {totals['turns']} turns, "
              f"{totals['pages']} pages")
        _report(rss_kb, traced_peak, db_size)


def _report(rss_kb: int, traced: int, db: int) -> None:
    print(f"         peak memory: {rss_kb / 1024:.0f} MB resident (whole process), "
          f"{traced / 1e6:.0f} MB Python objects; project file {db / 1e6:.1f} MB")
