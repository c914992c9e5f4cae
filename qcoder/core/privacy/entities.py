"""Finding what identifies people in a transcript: person names, municipalities and places,
organisations, e-mail addresses, phone numbers and CPR numbers.

Rules and gazetteers always run, so the blank pipeline finds the common cases: the shipped
lists of Denmark's 98 municipalities and of common Danish first names (qcoder/data/gazetteers),
plus what the project itself knows - its speakers' names and its cases' identifying attribute
values - and a user list. A first name takes the capitalised words after it as the surname
("Hanne Vestergaard"); a title takes the name after it ("borgmester Hansen"). When a trained
pipeline is installed its named entities are added. Every occurrence names its entity by a
canonical text, so "Læsøs", "Læsø Kommune" and "Læsø" are one entity; text already in square
brackets (a pseudonym) is never found again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ...data import data_path
from ..errors import InputFileError
from ..language.nlp import entities as ner_entities

GAZETTEERS = data_path("gazetteers")

#: entity type -> the label its pseudonyms carry ("[Kommune 3]")
TYPE_LABELS = {
    "person": "Person", "kommune": "Kommune", "place": "Sted", "organisation": "Organisation",
    "email": "E-mail", "phone": "Telefon", "cpr": "CPR-nummer", "other": "Anonymiseret",
}
TYPE_ALIASES = {"sted": "place", "org": "organisation", "organization": "organisation",
                "municipality": "kommune", "telefon": "phone", "e-mail": "email",
                "navn": "person", "name": "person", "andet": "other"}

#: when two findings overlap, the longer wins; at equal length the lower rank
RANKS = {"rule": 0, "user list": 1, "key file": 1, "speaker": 2, "case attribute": 3, "kommune": 4, "NER": 5,
         "name": 6, "organisation": 7}

_PSEUDONYM = re.compile(r"\[[^\[\]\n]{1,60}\]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_CPR = re.compile(r"(?<![\w-])(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?![\w-])")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)45 ?)?"
    r"(?:[2-9]\d{7}|[2-9]\d(?: \d\d){3}|[2-9]\d{3} \d{4})(?![\w-])")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_KOMMUNE_TAIL = r"(?: (?:Regions)?[Kk]ommune)?"

TITLES = frozenset("""borgmester borgmesteren viceborgmester rådmand rådmanden direktør
direktøren kommunaldirektør kommunaldirektøren formand formanden næstformand udvalgsformand
udvalgsformanden minister ministeren byrådsmedlem folketingsmedlem hr. hr fru chef chefen
leder lederen teamleder teamlederen afdelingsleder afdelingslederen kollega kollegaen
sagsbehandler sagsbehandleren""".split())
#: capitalised words that do not continue a name ("Hanne Og ..." never happens mid-sentence,
#: but pronouns and role words after a name do: "til Hanne Jeg ...")
NOT_NAMES = frozenset("""jeg du han hun vi i de den det der og men så når hvis kommune kommunen
region regionen borgmester borgmesteren interviewer informant""".split())
#: words before "Kommune" that do not name one ("Vores Kommune")
POSSESSIVES = frozenset("vores vor din min deres hans hendes hver samme hele en et anden".split())
ORG_TAILS = ("forening", "forbund", "skole", "gymnasium", "hospital", "sygehus", "universitet",
             "fond", "akademi", "børnehave", "vuggestue", "plejecenter", "plejehjem", "a/s",
             "aps", "forsyning", "klub", "kirke")
ROLE_WORDS = frozenset("""interviewer intervieweren interviewperson int ip informant informanten
moderator deltager deltageren respondent borgmester borgmesteren spørger svarer journalist
rådgiver teamleder alle flere ukendt speaker taler person mand kvinde""".split())


@dataclass(frozen=True)
class Found:
    """One occurrence [start, end) of an entity, named by its canonical text."""

    start: int
    end: int
    type: str
    canonical: str
    source: str

    @property
    def rank(self) -> int:
        return RANKS[self.source.split(":")[0]]


def normalise_type(raw: str, where: str) -> str:
    t = raw.strip().lower()
    t = TYPE_ALIASES.get(t, t)
    if t not in TYPE_LABELS:
        raise InputFileError(f"{where}: unknown entity type {raw!r}; use one of "
                             f"{', '.join(TYPE_LABELS)}")
    return t


def _read_list(path: Path) -> list[tuple[str, bool, list[str]]]:
    """(name, ambiguous, alternatives) per line of a gazetteer file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        ambiguous = line.endswith("*")
        names = [n.strip() for n in line.rstrip("*").split("|") if n.strip()]
        out.append((names[0], ambiguous, names[1:]))
    return out


@lru_cache(maxsize=1)
def kommuner() -> tuple[dict[str, str], frozenset[str]]:
    """Form -> municipality name, and the forms that are also common words."""
    forms, ambiguous = {}, set()
    for name, amb, alternatives in _read_list(GAZETTEERS / "kommuner.txt"):
        for form in (name, *alternatives):
            forms[form] = name
            if amb:
                ambiguous.add(form)
    return forms, frozenset(ambiguous)


@lru_cache(maxsize=1)
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Common Danish first names, and those that are also common words."""
    names, ambiguous = set(), set()
    for name, amb, _alternatives in _read_list(GAZETTEERS / "fornavne.txt"):
        names.add(name)
        if amb:
            ambiguous.add(name)
    return frozenset(names), frozenset(ambiguous)


def read_user_list(path: Path) -> list[tuple[str, str]]:
    """A user's list of strings to pseudonymise: one per line, optionally `text;type`
    (type person, kommune, place, organisation, other; default person). # starts a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the name list ({exc.strerror})") from None
    out = []
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, _sep, kind = line.partition(";")
        if not text.strip():
            raise InputFileError(f"{path} line {n}: no text before ';'; write 'Navn;person'")
        out.append((text.strip(), normalise_type(kind or "person", f"{path} line {n}")))
    return out


def is_role_label(label: str) -> bool:
    """Whether a speaker label is a role ("Interviewer", "Deltager 2", "I") not a name."""
    words = re.findall(r"[^\W\d_]+", label.lower())
    return all(w in ROLE_WORDS or len(w) == 1 for w in words)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'«»(-–":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _valid_cpr(m: re.Match[str]) -> bool:
    day, month, year = (int(g) for g in m.groups())
    try:
        date(1900 + year, month, day)
    except ValueError:
        return False
    return True


def _is_year_pair(number: str) -> bool:
    parts = number.split()
    return len(parts) == 2 and all(len(p) == 4 and 1900 <= int(p) <= 2099 for p in parts)


class Detector:
    """Finds entities in texts from the rules, the shipped gazetteers and `known` strings
    (speaker names, case attribute values, a user list) given as (text, type, source)."""

    def __init__(self, known: Sequence[tuple[str, str, str]] = (), use_ner: bool = True):
        self.known: dict[str, tuple[str, str]] = {}
        for text, type_, source in known:
            text = text.strip()
            if len(text) >= 2:
                self.known.setdefault(text, (type_, source))
        self.use_ner = use_ner
        forms, self.ambiguous_kommuner = kommuner()
        self.kommune_of = forms
        self.names, self.ambiguous_names = first_names()
        self._known_re = self._alternation(self.known, kommune_tail=True)
        self._kommune_re = self._alternation(forms, kommune_tail=True)
        self._x_kommune = re.compile(
            r"(?<![\w-])([A-ZÆØÅ][^\W\d_]+(?:-[^\W\d_]+)*) (?:Regions)?[Kk]ommune(?!\w)")

    @staticmethod
    def _alternation(forms: Collection[str], kommune_tail: bool) -> re.Pattern[str] | None:
        if not forms:
            return None
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        tail = _KOMMUNE_TAIL if kommune_tail else ""
        # a hyphen may follow ("Vejle-området", "Vestergaard-familien"), not precede
        return re.compile(rf"(?<![\w-])(?P<name>{alts})(?P<gen>s?){tail}(?!\w)")

    def find(self, text: str) -> list[Found]:
        """Non-overlapping occurrences in text order."""
        blocked = [(m.start(), m.end()) for m in _PSEUDONYM.finditer(text)]
        cands = self._rules(text) + self._known(text) + self._kommuner(text) + \
            self._names(text) + self._organisations(text)
        if self.use_ner:
            cands += self._ner(text)
        return resolve(cands, blocked)

    # -- rules ---------------------------------------------------------------------------
    def _rules(self, text: str) -> list[Found]:
        out = [Found(m.start(), m.end(), "email", m.group(), "rule: e-mail")
               for m in _EMAIL.finditer(text)]
        out += [Found(m.start(), m.end(), "cpr", m.group(), "rule: CPR number")
                for m in _CPR.finditer(text) if _valid_cpr(m)]
        out += [Found(m.start(), m.end(), "phone", m.group(), "rule: phone number")
                for m in _PHONE.finditer(text) if not _is_year_pair(m.group())]
        return out

    def _known(self, text: str) -> list[Found]:
        if self._known_re is None:
            return []
        out = []
        for m in self._known_re.finditer(text):
            name = m.group("name")
            type_, source = self.known[name]
            # "Havbjerg Kommune" is one occurrence; a genitive s stays outside the span
            end = m.end() if type_ == "kommune" and m.end() > m.end("gen") else m.end("name")
            out.append(Found(m.start(), end, type_, name, source))
        return out

    def _kommuner(self, text: str) -> list[Found]:
        out = []
        for m in self._kommune_re.finditer(text) if self._kommune_re is not None else ():
            name = m.group("name")
            with_tail = m.end() > m.end("gen")
            if name in self.ambiguous_kommuner and not with_tail and \
                    _sentence_initial(text, m.start()):
                continue
            out.append(Found(m.start(), m.end() if with_tail else m.end("name"), "kommune",
                             self.kommune_of[name], "kommune: list of municipalities"))
        for m in self._x_kommune.finditer(text):
            name = m.group(1)
            if name.lower() in NOT_NAMES or name.lower() in TITLES or \
                    name.lower() in POSSESSIVES:
                continue
            if name.endswith("s") and name[:-1] in self.kommune_of:
                name = name[:-1]
            out.append(Found(m.start(), m.end(), "kommune", self.kommune_of.get(name, name),
                             "kommune: '... Kommune'"))
        return out

    def _names(self, text: str) -> list[Found]:
        words = list(_WORD.finditer(text))
        out = []
        i = 0
        while i < len(words):
            w = words[i]
            word = w.group()
            base = word[:-1] if word.endswith("s") and word not in self.names else word
            by_title = word.lower() in TITLES and i + 1 < len(words) and \
                text[w.end():words[i + 1].start()] == " " and words[i + 1].group()[0].isupper()
            if by_title:
                i += 1
                w = words[i]
                word = base = w.group()
            elif not (word[0].isupper() and base in self.names):
                i += 1
                continue
            elif base in self.ambiguous_names and _sentence_initial(text, w.start()):
                i += 1
                continue
            j = i
            while (j + 1 < len(words) and j - i < 3
                   and text[words[j].end():words[j + 1].start()] == " "
                   and words[j + 1].group()[0].isupper()
                   and words[j + 1].group().lower() not in NOT_NAMES):
                j += 1
            end = words[j].end()
            if words[j].group().lower() in NOT_NAMES or words[j].group().lower() in TITLES:
                i += 1
                continue
            canonical = text[w.start():end]
            if j == i and base != word:  # a lone genitive first name: "Hannes"
                canonical, end = base, end - 1
            out.append(Found(w.start(), end, "person", canonical,
                             "name: title" if by_title else "name: first-name list"))
            i = j + 1
        return out

    def _organisations(self, text: str) -> list[Found]:
        out = []
        words = list(_WORD.finditer(text))
        for k, w in enumerate(words):
            low = w.group().lower()
            if not (w.group()[0].isupper() and k > 0 and low.endswith(ORG_TAILS)):
                continue
            i = k
            while (i > 0 and k - i < 3 and text[words[i - 1].end():words[i].start()] == " "
                   and words[i - 1].group()[0].isupper()):
                i -= 1
            if i == k or (i == k - 1 and _sentence_initial(text, words[i].start())
                          and words[i].group().lower() in NOT_NAMES):
                continue
            out.append(Found(words[i].start(), w.end(), "organisation",
                             text[words[i].start():w.end()], "organisation: name ending"))
        return out

    def _ner(self, text: str) -> list[Found]:
        types = {"PER": "person", "LOC": "place", "ORG": "organisation"}
        out = []
        for start, end, label in ner_entities(text):
            if label not in types:
                continue
            name = text[start:end]
            type_ = "kommune" if name in self.kommune_of else types[label]
            out.append(Found(start, end, type_, self.kommune_of.get(name, name), f"NER: {label}"))
        return out


def resolve(cands: list[Found], blocked: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Non-overlapping findings: longer first, then by rank; none inside `blocked` spans."""
    taken: list[tuple[int, int]] = list(blocked)
    chosen = []
    for f in sorted(cands, key=lambda f: (f.start - f.end, f.rank, f.start)):
        if f.end <= f.start or any(a < f.end and f.start < b for a, b in taken):
            continue
        taken.append((f.start, f.end))
        chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)
