"""Plain text from the FMB texts: their inline HTML and their hard-wrapped prose.

Socialstyrelsen's FMB API delivers some texts as HTML (``<p>``, ``<ul>``/``<ol>``, ``<br />``,
``<em>``, ``<a>``) and others as plain text that was pasted from a PDF, with a line break after
every few words. Intygsstudio shows them as plain text: paragraphs separated by a blank line,
list items on lines of their own (``•`` or ``1.``), and no markup at all, so nothing in the data
can inject formatting into a widget. Used by ``resources/reference/convert_reference_data.py``
when it builds the shipped resource; the app itself only reads the result.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A line that starts like this begins a new line even inside a paragraph: "1)", "2.", "-", "•".
_ITEM_START = re.compile(r"^(?:\d{1,2}[).]|[-–•*]\s)")
# A line that ends like this ends a sentence (or introduces a list), so its break is meant.
# Not ")": the prose breaks after a parenthesis in mid-sentence as often as not.
_SENTENCE_END = re.compile(r"[.:!?;]$")
_SPACES = re.compile(r"[ \t\u00a0]+")
# An explicit <br>: kept through reflow() (which only sees it as an ordinary character).
_HARD_BREAK = "\ue000"


def reflow(text: str) -> str:
    """Join lines that were only wrapped for width; keep breaks after a sentence, before a list
    item or a capital (the texts' run-in headings: "Samverkan med andra" / "Företagshälsovården
    …"), and blank lines between paragraphs."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            previous = joined.rsplit("\n", 1)[-1]
            if _SENTENCE_END.search(previous) or _ITEM_START.match(line) or line[0].isupper():
                joined += "\n" + line
            else:
                joined += " " + line
        paragraphs.append(joined)
    return "\n\n".join(paragraphs)


class _TextCollector(HTMLParser):
    """Collects text, turning block elements into line breaks and list items into bullets."""

    _BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._lists: list[list[int]] = []  # one counter per open list; [-1] for <ul>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._lists.append([0 if tag == "ol" else -1])
        if tag in self._BLOCKS and not (tag == "p" and self._lists):
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append(_HARD_BREAK)
        elif tag == "li":
            marker = "• "
            if self._lists and self._lists[-1][0] >= 0:
                self._lists[-1][0] += 1
                marker = f"{self._lists[-1][0]}. "
            self.parts.append("\n" + marker)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        if tag in self._BLOCKS and not (tag == "p" and self._lists):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._lists and not data.strip():
            return  # the line breaks between </li> and <li> in the source
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable plain text of an FMB HTML fragment (tags removed, entities decoded)."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    raw = "".join(collector.parts)
    # A list item's own <p> would otherwise push its text away from the bullet.
    raw = re.sub(r"((?:^|\n)(?:• |\d+\. ))\s+", r"\1", raw)
    paragraphs = (
        re.sub(rf" *{_HARD_BREAK}[ {_HARD_BREAK}]*", "\n", paragraph).strip()
        for paragraph in reflow(raw).split("\n\n")
    )
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
