"""Help > Getting started and Help > About: how coding works in qcoder, on one page."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from ... import __version__
from ...core.language.nlp import pipeline_name
from .i18n import tr


def getting_started_html() -> str:
    return tr("""<h2>Getting started with qcoder</h2>
<p>qcoder is for coding interviews against a theory-driven codebook, alone or with a second
coder. Everything you do is saved at once; there is nothing to save and Ctrl+Z undoes it.</p>
<h3>1. Read</h3>
<p>Choose a document on the left. Speaker names are bold, page breaks are dashed lines with
the page number at the right, vignette sections have a coloured rule. View &gt; Line numbers
shows the text's line numbers; Ctrl++ and Ctrl+- zoom.</p>
<h3>2. Code</h3>
<p>Select a passage, then:</p>
<ul>
<li>double-click a code in the codebook on the right (or drag the selection onto it),</li>
<li>press Ctrl+1 … Ctrl+9 for the codes in the quick-code bar (pin codes there with
Code &gt; Pin current code),</li>
<li>or press Ctrl+K, type part of a code's name and press Enter.</li>
</ul>
<p>With nothing selected, Code &gt; Code turn / sentence / paragraph codes the passage under the
cursor with the current code. Selections are widened to whole words (Settings).</p>
<h3>3. Check and correct</h3>
<p>Each coding is a coloured stripe beside the text. Hover for its code and coder, click to
select it, drag its top or bottom end to resize it, right-click to remove it, recode it or
write a memo on it.</p>
<h3>4. Retrieve</h3>
<p>Select a code to list its coded segments below, with case, speaker and citation; click one
to jump to it, Ctrl+C copies it with its citation. Search (Ctrl+F) finds words in every
document - "Word forms" also finds inflected Danish forms - and can code all hits at once.</p>
<h3>5. Code with a second coder</h3>
<p>View &gt; Blind mode shows only your own codings everywhere, so your coding stays independent.
View &gt; Show codings by chooses whose codings you see otherwise.</p>
<h3>Memos</h3>
<p>Right-click a document, code, case or coding to write a memo on it; Project &gt; Journal keeps
dated notes on the whole project.</p>""")


class GettingStartedDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Getting started"))
        text = QTextBrowser()
        text.setHtml(getting_started_html())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(close)
        self.resize(620, 640)


def about_html() -> str:
    """Help > About: what qcoder is for, and which Danish pipeline it uses (for methods
    sections)."""
    return (f"<h3>qcoder {__version__}</h3><p>"
            + tr("Qualitative coding of interviews for public-administration research: "
                 "theory-driven codebooks, double coding with honest agreement statistics, "
                 "hypothesis displays joined with survey data.")
            + "</p><p>" + tr("The demo material is fictitious.") + "</p><p>"
            + tr("Danish language tools (sentences, lemmas, suggestions, pseudonymisation): "
                 "{name}").format(name=escape(pipeline_name())) + "</p>")


def show_about(parent) -> None:
    QMessageBox.about(parent, tr("About qcoder"), about_html())
