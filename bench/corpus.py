"""A synthetic corpus: Danish-looking interview text with speaker turns, pages and codings.

Deterministic for a seed, so figures are comparable between runs. Words are drawn from a small
Danish vocabulary (with æ, ø, å) at realistic word-length and turn-length distributions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

WORDS = (
    "og i at det er en til på som de med han af for ikke der var jeg sig men et har om vi min "
    "havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her "
    "alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette "
    "mig også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle "
    "borgmester byrådet kommunen borgerne indflydelse beslutning økonomi administrationen "
    "samarbejde chikane trusler familie pres ledelse sagsbehandling vurdering udredning barnet "
    "forældrene kollegerne møde budget politikerne forvaltningen ansvar fællesskab pligt "
    "udvikling drift valget stemmer parti arbejdsmiljø sociale medier presse skæve læsø "
    "gråzone bekymring anbringelse indsats visitation ensartethed sparring viden"
).split()


@dataclass
class SyntheticDocument:
    name: str
    text: str
    turns: list[tuple[int, int, str]]
    pages: list[tuple[int, int]]


def sentence(rng: random.Random) -> str:
    n = rng.randint(6, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice((".", ".", ".", "?"))


def document(rng: random.Random, name: str, words: int, words_per_page: int = 450,
             speakers: tuple[str, ...] = ("Interviewer", "Informant")) -> SyntheticDocument:
    """A transcript of about `words` words: labelled turns, a form-feed page break per page.

    Offsets are those of the text after import (form feed -> one line break).
    """
    parts: list[str] = []
    turns = []
    pages = []
    offset = page_start = 0
    count = since_page = 0
    turn_no = 0
    while count < words:
        speaker = speakers[turn_no % len(speakers)] if len(speakers) == 2 else rng.choice(speakers)
        turn_no += 1
        label = f"{speaker}: "
        body = " ".join(sentence(rng) for _ in range(rng.randint(1, 6)))
        line = label + body + "\n\n"
        turns.append((offset + len(label), offset + len(label) + len(body), speaker))
        parts.append(line)
        offset += len(line)
        n = body.count(" ") + 1
        count += n
        since_page += n
        if since_page >= words_per_page:
            # the page ends right after the speech: importers drop blank lines at page edges
            parts[-1] = line.rstrip("\n") + "\n\f"
            offset -= 1
            pages.append((page_start, offset - 1))
            page_start = offset
            since_page = 0
    if page_start < turns[-1][1]:  # unless the last turn closed a page
        pages.append((page_start, turns[-1][1]))
    return SyntheticDocument(name, "".join(parts), turns, pages)


def corpus(n_docs: int, words: int, seed: int = 1) -> list[SyntheticDocument]:
    rng = random.Random(seed)
    return [document(rng, f"interview_{i:03d}_æøå", words) for i in range(n_docs)]


def codings(docs: list[SyntheticDocument], n_codes: int, per_coder: int, coders: int,
            seed: int = 2, agreement: float = 0.8) -> list[list[tuple[int, int, int, int]]]:
    """Per coder a list of (doc index, start, end, code index); coder 2+ copies coder 1's
    segments with probability `agreement` (slightly shifted), else codes elsewhere."""
    rng = random.Random(seed)
    first = []
    for _ in range(per_coder):
        d = rng.randrange(len(docs))
        start, end, _sp = rng.choice(docs[d].turns)
        first.append((d, start, end, rng.randrange(n_codes)))
    out = [first]
    for _ in range(coders - 1):
        mine = []
        for d, start, end, code in first:
            if rng.random() < agreement:
                shift = rng.randint(-3, 3)
                mine.append((d, max(0, start + shift), end, code))
            else:
                d2 = rng.randrange(len(docs))
                s2, e2, _sp = rng.choice(docs[d2].turns)
                mine.append((d2, s2, e2, rng.randrange(n_codes)))
        out.append(mine)
    return out
