"""`qcoder agreement` (intercoder agreement), `qcoder package` and `qcoder merge` (coder
packages for a second coder)."""

from __future__ import annotations

from ..cli import add_examples, open_project, print_json, progress, progress_callback

_COLUMNS = [("percent_agreement", "agree"), ("cohen_kappa", "kappa"), ("fleiss_kappa", "Fleiss"),
            ("krippendorff_alpha", "alpha"), ("brennan_prediger", "BP"), ("gwet_ac1", "AC1")]


def _fmt(value) -> str:
    return "" if value is None else f"{value:.3f}"


def _print_report(data: dict) -> None:
    from ..core.agreement import units_compared
    from ..core.agreement.entries import warning_summary

    s = data["settings"]
    print(f"Agreement of {' and '.join(data['coders'])} on {data['unit']}s "
          f"({units_compared(data)} in {len(s['documents'])} documents)")
    if "scope" in s:
        print(f"  compared: {s['scope']}")
    cols = [(k, h) for k, h in _COLUMNS
            if any(k in e for e in data["codes"]) or k in data["pooled"]]
    width = max([len(e["code"]) for e in data["codes"]] + [24])
    print(f"{'code':<{width}} {'units':>7} " + " ".join(f"{h:>6}" for _k, h in cols))
    for e in data["codes"] + [dict(data["pooled"], code="(pooled over codes)")]:
        if e.get("used") is False:
            print(f"{e['code']:<{width}} {'':>7} not used by any compared coder")
            continue
        print(f"{e['code']:<{width}} {e.get('n_units', 0):>7} "
              + " ".join(f"{_fmt(e.get(k)):>6}" for k, _h in cols))
        for w in e.get("warnings", []):
            print(f"{'':<{width}}   ! {warning_summary(w)}")
    mean = data["pooled"].get("mean_across_codes")
    if mean:
        print(f"{'(mean across codes)':<{width}} {'':>7} "
              + " ".join(f"{_fmt(mean.get(k)):>6}" for k, _h in cols))
    ci = data["pooled"].get("ci", {})
    if ci:
        print("pooled 95% intervals: " + ", ".join(
            f"{h} [{lo:.3f}, {hi:.3f}]" for k, h in cols if k in ci for lo, hi in [ci[k]]))
    for d in data["domains"]:
        if "krippendorff_alpha_nominal" in d:
            ci = d.get("ci", {}).get("krippendorff_alpha_nominal")
            span = f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""
            print(f"domain {d['code']}: nominal alpha {d['krippendorff_alpha_nominal']:.3f}{span} "
                  f"over {d['n_units']} units")
        for w in d.get("warnings", []):
            print(f"domain {d['code']}: ! {warning_summary(w)}")
    for w in data.get("warnings", []):
        print(f"! {w}")


def cmd_agreement(args) -> int:
    from ..core.agreement import agreement_report
    from ..core.agreement.export import export_report

    with open_project(args.project) as project:
        report = agreement_report(
            project, args.coders, args.unit, overlap=args.overlap, min_cover=args.min_cover,
            codes=args.codes, documents=args.documents,
            report=progress_callback("agreement") if args.out else None)
    if args.out:
        path = export_report(report, args.out)
        progress(f"Wrote {path}")
    if args.json:
        print_json(report.as_json(with_disagreements=args.disagreements))
    elif not args.out or args.disagreements:
        _print_report(report.data)
        if args.disagreements:
            for d in report.disagreements:
                text = " ".join(d["text"].split())
                text = text if len(text) <= 70 else text[:67] + "..."
                print(f"{d['document']}\t{d['start']}-{d['end']}\t{d['code']}\t"
                      f"coded by {', '.join(d['coded_by'])}\t{text}")
    return 0


def cmd_package(args) -> int:
    from ..core.exchange.package import make_package

    if args.sample is None and (args.seed is not None or args.unit != "turn"):
        progress("note: --unit and --seed only matter with --sample")
    with open_project(args.project) as project:
        info = make_package(project, args.out, args.coder, documents=args.documents,
                            sample=args.sample, unit=args.unit, seed=args.seed)
    what = (f"{info['units']} {info['unit']}s (seed {info['seed']}) in "
            if info["units"] else "")
    print(f"Wrote {info['file']} for {info['coder']}: {what}{len(info['documents'])} documents; "
          "blind mode is on in it")
    return 0


def cmd_merge(args) -> int:
    from ..core.exchange.package import merge_package

    with open_project(args.project) as project:
        summary = merge_package(project, args.package).value
    if args.json:
        print_json(summary.as_json())
    else:
        print(f"Merged {summary.coder}'s codings: {summary.added} added, {summary.updated} "
              f"changed, {summary.removed} removed, {summary.unchanged} unchanged "
              f"in {len(summary.documents)} documents")
        for note in summary.notes:
            print(f"note: {note}")
    for problem in summary.problems:
        progress(f"not merged: {problem}")
    return 1 if summary.problems else 0


def register(sub) -> None:
    from ..core.choices import UNIT_KINDS

    p = sub.add_parser("agreement", help="intercoder agreement between two or more coders")
    p.add_argument("project")
    p.add_argument("--coders", nargs="+", required=True, metavar="CODER",
                   help="the coders to compare (two or more)")
    p.add_argument("--unit", choices=UNIT_KINDS, default="sentence",
                   help="what is compared (default: sentence)")
    p.add_argument("--overlap", type=float, default=0.9,
                   help="segment unit: intersection/union needed for a match (default 0.9)")
    p.add_argument("--min-cover", type=float, default=0.0,
                   help="text units: share of a unit a coder's codings must exceed for it to "
                        "count as coded (default 0: any overlap)")
    p.add_argument("--codes", nargs="+", metavar="PATH",
                   help="only these codes (with their sub-codes), e.g. 'Codebook/Parent'")
    p.add_argument("--documents", nargs="+", metavar="NAME", help="only these documents")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--disagreements", action="store_true",
                   help="also list where the coders differ (with --json: in the JSON)")
    p.add_argument("--out", metavar="REPORT.xlsx|REPORT.html",
                   help="write the full report (with methods paragraphs) to a file")
    add_examples(p, "qcoder agreement demo.qcoder --coders Anna Bo --unit sentence --json",
                 "qcoder agreement demo.qcoder --coders Anna Bo --out enighed.xlsx")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("package", help="write a coder package: a copy for a second coder")
    p.add_argument("project")
    p.add_argument("--for", dest="coder", required=True, metavar="CODER",
                   help="the coder the package is for")
    p.add_argument("--documents", nargs="+", metavar="NAME",
                   help="only these documents (default: all)")
    p.add_argument("--sample", type=int, metavar="N",
                   help="a random sample of N units to code (from the chosen documents)")
    p.add_argument("--unit", choices=("turn", "sentence", "paragraph"), default="turn",
                   help="what --sample draws (default: turn)")
    p.add_argument("--seed", type=int, help="random seed for --sample (reported, reproducible)")
    p.add_argument("--out", required=True, metavar="FILE.qcoder")
    add_examples(p, "qcoder package demo.qcoder --for Bo --sample 40 --seed 7 --out bo.qcoder")
    p.set_defaults(func=cmd_package)

    p = sub.add_parser("merge", help="merge a coder package's codings back into the project")
    p.add_argument("project")
    p.add_argument("package", metavar="FILE.qcoder")
    p.add_argument("--json", action="store_true", help="print what was merged as JSON")
    add_examples(p, "qcoder merge demo.qcoder bo.qcoder")
    p.set_defaults(func=cmd_merge)
