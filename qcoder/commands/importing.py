"""`qcoder import`, `qcoder speakers`, `qcoder attributes` and `qcoder edit`: getting transcripts
and case data in, and fixing them afterwards."""

from __future__ import annotations

import argparse

from ..cli import add_examples, open_project, print_json, progress, progress_callback
from ..core.errors import QcoderError


def cmd_import(args) -> int:
    from ..core.documents.batch_import import import_files

    with open_project(args.project) as project:
        summary = import_files(
            project, args.files, kind=args.kind, case=args.case,
            speaker_pattern=args.speaker_pattern, section_pattern=args.section_pattern,
            report=progress_callback("Importing"), skip_failed=args.skip_failed,
        ).value
    for outcome in summary.files:
        for warning in outcome.warnings:
            progress(f"warning: {warning}")
    if args.json:
        print_json(summary.as_json())
        return 1 if summary.failed else 0
    for outcome in summary.files:
        if outcome.status == "imported":
            who = ", ".join(s + (" (interviewer)" if s in outcome.interviewers else "")
                            for s in outcome.speakers) or "no speakers found"
            print(f"{outcome.message}: {outcome.turns} turns, {outcome.pages} pages, "
                  f"{outcome.sections} sections; speakers: {who}")
        else:
            print(outcome.message)
    t = summary.totals()
    print(f"Imported {t['documents']} documents: {t['turns']} turns, {t['speakers']} speakers, "
          f"{t['pages']} pages, {t['sections']} sections"
          + (f"; {t['duplicates']} duplicate(s) skipped" if t["duplicates"] else "")
          + (f"; {t['failed']} file(s) failed" if t["failed"] else ""))
    return 1 if summary.failed else 0


def _pair(value: str) -> tuple[str, str]:
    old, sep, new = value.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise argparse.ArgumentTypeError(f"{value!r} must look like OLD=NEW, e.g. 'S1=Sara'")
    return old.strip(), new.strip()


def cmd_speakers(args) -> int:
    from ..core.documents.speakers import edit_speakers, link_speaker, list_speakers

    with open_project(args.project) as project:
        if args.rename or args.interviewer is not None:
            edit_speakers(project, args.document, renames=args.rename,
                          interviewers=args.interviewer)
        for name, case in args.link:
            link_speaker(project, args.document, name, case)
        speakers = list_speakers(project, args.document)
    if args.json:
        print_json([s.as_json() for s in speakers])
        return 0
    for s in speakers:
        print(f"{s.name:<30} {'interviewer' if s.interviewer else '':<11} {s.turns:>5} turns "
              f"{s.words:>7} words" + (f"  case: {s.case}" if s.case else ""))
    return 0


def cmd_attributes(args) -> int:
    from ..core.cases.attributes import import_attributes

    with open_project(args.project) as project:
        report = import_attributes(project, args.from_file, args.key, sheet=args.sheet,
                                   create_unmatched=args.create_unmatched).value
    if args.json:
        print_json(report.as_json())
        return 0
    print(f"{report.source}: {report.values} values set; {len(report.updated)} case(s) updated, "
          f"{len(report.created)} created")
    for doc, case in report.linked:
        print(f"  linked document {doc!r} to case {case!r}")
    for name, type_ in report.new_attributes:
        print(f"  new attribute {name!r} ({type_})")
    for key, hint in report.unmatched:
        print(f"  unmatched key {key!r}: no case or document of that name"
              + (f"; {hint}" if hint else "") + " (use --create-unmatched to create it)")
    for key, rows in report.duplicates.items():
        print(f"  duplicate key {key!r} in {'; '.join(rows)}: left alone")
    for where in report.blank_keys:
        print(f"  no key in {where}: left alone")
    return 0


def cmd_edit(args) -> int:
    from pathlib import Path

    from ..core.documents.editing import detached_codings, edit_text
    from ..core.documents.importers.txt import read_text_file
    from ..core.documents.texts import document_text

    if not (args.dump or args.from_file or args.detached):
        raise QcoderError("say what to do: --from NEWTEXT.txt (edit), --dump FILE.txt (write the "
                          "current text) or --detached (list detached codings)")
    with open_project(args.project) as project:
        if args.dump:
            text = document_text(project, args.document).text
            Path(args.dump).write_text(text, encoding="utf-8")
            print(f"Wrote the text of {args.document!r} to {args.dump}; edit it and run "
                  f"`qcoder edit {args.project} {args.document!r} --from {args.dump}`")
        if args.from_file:
            report = edit_text(project, args.document, read_text_file(Path(args.from_file))).value
            if args.json:
                print_json(report.as_json())
            else:
                print(f"Edited {report.document!r}: {report.codings} codings carried over "
                      f"({report.moved} moved, {report.changed} with changed text); "
                      f"{len(report.detached)} detached")
                for d in report.detached:
                    print(f"  detached: {d.code} by {d.coder}: {' '.join(d.text.split())!r}")
        if args.detached:
            rows = detached_codings(project, args.document)
            if args.json:
                print_json([d.as_json() for d in rows])
            for d in rows if not args.json else []:
                print(f"{d.document}\t{d.start}-{d.end}\t{d.coder}\t{d.code}\t"
                      f"{' '.join(d.text.split())}")
    return 0


def register(sub) -> None:
    from ..core.choices import CORPUS_KINDS

    p = sub.add_parser("import", help="import transcripts (files or folders)",
                       description="Import transcripts: .txt, .md, .docx, .odt, .rtf, .pdf, "
                       ".vtt, .srt. Folders are searched for these. A file whose text is "
                       "already in the project is skipped.")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--kind", default="other",
                   choices=CORPUS_KINDS,
                   help="the corpus kind (sets default attributes and citation template)")
    p.add_argument("--case", metavar="KEY", help="link the documents to this case (created if new)")
    p.add_argument("--speaker-pattern", metavar="REGEX",
                   help="speaker labels, with a (?P<name>...) group, e.g. '^(?P<name>[A-Z]\\w*): '")
    p.add_argument("--section-pattern", metavar="REGEX",
                   help="section markers, e.g. '^Vignet (?P<name>\\d+)'")
    p.add_argument("--skip-failed", action="store_true",
                   help="import the readable files even if some fail (default: all or nothing)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_examples(p, "qcoder import borgmestre.qcoder interviews/ --kind mayor_interview",
                 "qcoder import borgmestre.qcoder jens.docx --case 'Borgmester Jens'")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("speakers", help="list, rename/merge, mark or link a document's speakers")
    p.add_argument("project")
    p.add_argument("document")
    p.add_argument("--rename", action="append", default=[], type=_pair, metavar="OLD=NEW",
                   help="rename a speaker; a NEW that exists already merges the two (repeatable)")
    p.add_argument("--interviewer", action="append", metavar="NAME",
                   help="mark exactly these speakers as interviewers (repeatable)")
    p.add_argument("--link", action="append", default=[], type=_pair, metavar="NAME=CASE",
                   help="link a speaker to a participant case (repeatable)")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder speakers demo.qcoder borgmester_jens --rename 'Jens Kragh=Jens'")
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("attributes", help="set case attributes from a spreadsheet (.xlsx/.csv)",
                       description="One row per case: the key column names a case or a "
                       "document (whose case is then created and linked); every other column "
                       "is an attribute. Unmatched and duplicate keys are reported, not guessed.")
    p.add_argument("project")
    p.add_argument("--from", dest="from_file", required=True, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--key", required=True, metavar="COLUMN", help="the column naming the case")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    p.add_argument("--create-unmatched", action="store_true",
                   help="create cases for keys that match no case or document")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_examples(p, "qcoder attributes demo.qcoder --from cases.xlsx --key case")
    p.set_defaults(func=cmd_attributes)

    p = sub.add_parser("edit", help="fix a transcript's text; codings and structure move along")
    p.add_argument("project")
    p.add_argument("document")
    p.add_argument("--from", dest="from_file", metavar="NEWTEXT.txt",
                   help="the corrected text (UTF-8 or another text encoding)")
    p.add_argument("--dump", metavar="FILE.txt", help="write the current text, to edit it")
    p.add_argument("--detached", action="store_true",
                   help="list codings whose text an edit deleted")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_examples(p, "qcoder edit demo.qcoder borgmester_jens --dump jens.txt",
                 "qcoder edit demo.qcoder borgmester_jens --from jens.txt")
    p.set_defaults(func=cmd_edit)
