"""`qcoder import`, `qcoder speakers`, `qcoder attributes` and `qcoder edit`: getting transcripts
and case data in, and fixing them afterwards."""

from __future__ import annotations

import argparse

from ..cli import open_project, print_json, progress, progress_callback


def cmd_import(args) -> int:
    from ..core.batch_import import import_files

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
    from ..core.speakers import edit_speakers, link_speaker, list_speakers

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


def register(sub) -> None:
    p = sub.add_parser("import", help="import transcripts (files or folders)",
                       description="Import transcripts: .txt, .md, .docx, .odt, .rtf, .pdf, "
                       ".vtt, .srt. Folders are searched for these. A file whose text is "
                       "already in the project is skipped.")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--kind", default="other",
                   choices=["mayor_interview", "dm_interview", "vignette_group", "other"],
                   help="the corpus kind (sets default attributes and citation template)")
    p.add_argument("--case", metavar="KEY", help="link the documents to this case (created if new)")
    p.add_argument("--speaker-pattern", metavar="REGEX",
                   help="speaker labels, with a (?P<name>...) group, e.g. '^(?P<name>[A-Z]\\w*): '")
    p.add_argument("--section-pattern", metavar="REGEX",
                   help="section markers, e.g. '^Vignet (?P<name>\\d+)'")
    p.add_argument("--skip-failed", action="store_true",
                   help="import the readable files even if some fail (default: all or nothing)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
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
    p.set_defaults(func=cmd_speakers)
