"""Position units: mapping file text onto qcoder's normalised text, and detecting each tool's
way of counting from the selections themselves."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qcoder.core.documents.transcript import normalise_text
from qcoder.core.exchange.refi.positions import (
    CODEPOINTS,
    CODEPOINTS_CRLF,
    UNITS,
    UTF16,
    UTF16_CRLF,
    Selection,
    SourceText,
    habitual_units,
    normalise_with_map,
    place_selections,
    text_matches,
)
from tests.core.refi_support import utf16_units

RAW = ("Interviewer: Hvordan gik det? 😀\r\n"
       "Jens: Økonomien   \r\n"
       "bandt os 👍🏽 – og chikanen\u0301 tog til.\r\n"
       "Jens: Så jeg gik.")
WORDS = ["Hvordan", "Økonomien", "bandt os", "chikanen\u0301", "tog til", "jeg gik"]


def _units(raw: str, index: int, unit) -> int:
    """Count `index` (a code point index into raw) in `unit`, independently of the code."""
    head = raw[:index] if unit.crlf_two else raw[:index].replace("\r\n", "\n")
    return len(head.encode("utf-16-le")) // 2 if unit.utf16 else len(head)


def _selections(raw: str, unit, carried: bool = False) -> list[Selection]:
    out = []
    for word in WORDS:
        i = raw.index(word)
        out.append(Selection(_units(raw, i, unit), _units(raw, i + len(word), unit),
                             word if carried else ""))
    return out


def test_normalised_map_follows_normalise_text():
    text, origins = normalise_with_map("\ufeff" + RAW)
    assert text == normalise_text(RAW)
    assert len(origins) == len(text)
    assert origins == sorted(origins)
    raw = "\ufeff" + RAW
    for i, ch in enumerate(text):  # each kept character comes from the same character
        if ch != "\n" and raw[origins[i]] == ch:
            continue
        assert ch == "\n" and raw[origins[i]] in "\r\n" or \
            unicodedata.normalize("NFC", raw[origins[i]:origins[i] + 2]) == ch


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab æø\t\r\n\ufeff😀e\u0301")), max_size=60))
def test_map_for_any_text(raw):
    text, origins = normalise_with_map(raw)
    assert text == normalise_text(raw)
    assert origins == sorted(origins) and all(0 <= o < len(raw) for o in origins)


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.key)
def test_each_unit_is_detected_from_word_boundaries(unit):
    source = SourceText(RAW)
    placement = place_selections(source, _selections(RAW, unit), UNITS)
    assert placement.unit == unit
    # the last word ends past the text's end in shorter counts; otherwise boundaries decide
    assert placement.decided_by in ("decided by word boundaries",
                                    "decided by which positions fit the text")
    stored = [source.text[s.span[0]:s.span[1]] for s in placement.selections]
    assert stored == [unicodedata.normalize("NFC", w) for w in WORDS]


def test_selection_texts_decide_before_boundaries_and_are_verified():
    source = SourceText(RAW)
    placement = place_selections(source, _selections(RAW, CODEPOINTS_CRLF, carried=True),
                                 habitual_units("ATLAS.ti"))
    assert placement.unit == CODEPOINTS_CRLF
    assert placement.decided_by == "decided by the selections' own texts"
    assert placement.count("verified") == len(WORDS)


def test_ties_go_to_the_tools_habit_and_same_units_need_no_decision():
    text = "ord før 😀 og efter"
    before_emoji = [Selection(0, 3)]  # counts alike in every unit: nothing to tell them apart
    nvivo = place_selections(SourceText(text), before_emoji, habitual_units("NVivo 12"))
    atlas = place_selections(SourceText(text), [Selection(0, 3)], habitual_units("ATLAS.ti 23"))
    assert (nvivo.unit, atlas.unit) == (UTF16_CRLF, CODEPOINTS)
    assert "habit" in nvivo.decided_by
    i = text.index("efter")
    after = place_selections(SourceText(text), [Selection(utf16_units(text, i),
                                                          utf16_units(text, i) + 5)], UNITS)
    assert after.unit.utf16 and after.selections[0].span == (i, i + 5)
    plain = SourceText("Ingen linjeskift, ingen emoji.")
    p = place_selections(plain, [Selection(6, 16)], habitual_units("NVivo 12"))
    assert p.decided_by == "all units agree on this text"
    assert p.selections[0].outcome == "as given"


def test_crlf_shifts_offsets_onto_the_normalised_text():
    raw = "linje et  \r\nlinje to\r\nlinje tre"
    source = SourceText(raw)
    start = raw.index("tre")
    p = place_selections(source, [Selection(start, start + 3)], (CODEPOINTS_CRLF,))
    (sel,) = p.selections
    assert source.text == "linje et\nlinje to\nlinje tre"
    assert source.text[sel.span[0]:sel.span[1]] == "tre"
    assert sel.span == (start - 4, start - 1)  # two CRs and two trailing spaces gone
    assert sel.outcome == "converted"


def test_mismatched_text_is_relocated_or_left_unplaced_with_a_reason():
    raw = "Første afsnit om økonomi.\nAndet afsnit om trusler og chikane.\n"
    source = SourceText(raw)
    good = [Selection(raw.index(w), raw.index(w) + len(w), w) for w in ("økonomi", "Andet")]
    wrong = Selection(0, 7, "trusler og chikane")            # text elsewhere: relocated
    missing = Selection(0, 6, "findes ikke i teksten")         # text nowhere: unplaced
    outside = Selection(500, 520)                               # beyond the end: unplaced
    p = place_selections(source, good + [wrong, missing, outside], (CODEPOINTS,))
    assert [s.outcome for s in p.selections] == ["verified", "verified", "relocated",
                                                 "unplaced", "unplaced"]
    assert source.text[wrong.span[0]:wrong.span[1]] == "trusler og chikane"
    assert "not at positions 0-6 nor anywhere else" in missing.why
    assert "do not fit the text" in outside.why


def test_names_that_are_not_texts_are_ignored():
    raw = "Én linje 😀 med ord.\r\nEn anden linje."
    source = SourceText(raw)
    i = raw.index("anden")
    sels = [Selection(utf16_units(raw, i), utf16_units(raw, i) + 5, "Kode: emne")]
    p = place_selections(source, sels, habitual_units("MAXQDA 2022"))
    assert p.selections[0].outcome in ("converted", "as given")
    assert source.text[slice(*p.selections[0].span)] == "anden"


def test_surrogate_halves_and_previews():
    source = SourceText("a😀b")
    assert source.place(UTF16, 0, 2) is None        # ends inside the emoji's surrogate pair
    assert source.place(UTF16, 1, 3) == (1, 2)
    assert text_matches("Jeg kunne ikke længere\n gennemføre…", "Jeg kunne  ikke længere "
                        "gennemføre det, jeg var valgt på")
    assert not text_matches("", "noget")
