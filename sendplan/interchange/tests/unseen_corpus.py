"""Invented plans laid out as other councils' documents arrive, to score the importer on
files it was not built around.

Each plan in fixtures/unseen/ is a text or CSV file with a plan entered by hand beside it
(`*.plan.json`). The officers, areas and actions are invented; the layouts follow what
councils publish: text pasted from a Word APP, a strategy plan copied out of a PDF, tracker
exports from Excel and Smartsheet, a priority action plan with a list of lead officers at
the end, and a WSoA pasted with its columns lined up by spaces.

The first six were written first and the importer's general rules were written against
them. The sets after them were each written, and scored, before any change made for them:
each is a check that the rules hold for layouts they were not written for, and what a set
still got wrong led to the next rules. The ninth set (round 11, see
corpus/real/ROUND11-text.md) is text as it arrives from other tools: a committee appendix
pasted from a PDF with its page breaks, a PDF table extracted a cell a line, a web page
copied with its key in a sentence, lettered actions with "(Lead: …; by …)", a board's
highlight report, actions 1.1.1 under outcomes led by initials, columns run together by two
spaces, and a status email.

bench/parse_unseen_text.py prints the figures; test_parse_unseen_text.py holds their floors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests.accuracy import Figure, agreement

CORPUS = Path(__file__).resolve().parent / "fixtures" / "unseen"

Doc = dict[str, Any]


@dataclass(frozen=True)
class Unseen:
    name: str
    file: str
    # How the file arrives, in a few words, for the bench table.
    layout: str

    def data(self) -> bytes:
        return (CORPUS / self.file).read_bytes()

    def reference(self) -> Doc:
        path = CORPUS / f"{Path(self.file).stem}.plan.json"
        plan: Doc = json.loads(path.read_text(encoding="utf-8"))["plan"]
        return plan


PLANS = (
    Unseen("Northmere APP", "northmere-app-2023.txt", "Word table pasted as text"),
    Unseen("Hartfield strategy", "hartfield-strategy-2023.txt", "PDF strategy plan pasted"),
    Unseen("Eastbrook tracker", "eastbrook-tracker-2021.csv", "Excel CSV, Windows-1252"),
    Unseen("Kingsmoor tracker", "kingsmoor-tracker-2024.csv", "Smartsheet CSV, BOM, ;"),
    Unseen("Ashdown PAP", "ashdown-pap-2024.txt", "priority action plan text"),
    Unseen("Ridgeway WSoA", "ridgeway-wsoa-2017.txt", "columns lined up by spaces"),
    # Written after the rules above were in place, and scored before any change for them.
    Unseen("Lowbridge WSoA", "lowbridge-wsoa-2019.txt", "Word WSoA pasted, key a line each"),
    Unseen("Fenmoor APP", "fenmoor-app-2024.csv", "CSV, ref after action, theme rows"),
    Unseen("Tollbury strategy", "tollbury-strategy-2022.txt", "PDF text, no refs, words as RAG"),
    Unseen("Brackley tracker", "brackley-tracker-2019.csv", "CSV, two-row header, officers"),
    # A third set, likewise written and scored before any change for them.
    Unseen("Oakham WSoA", "oakham-wsoa-2018.txt", "Word paste, headings over two lines"),
    Unseen("Carlow APP", "carlow-app-2023.csv", "CSV, an action over several rows"),
    Unseen("Penhallow PAP", "penhallow-pap-2025.txt", "PDF text, 'Priority action 1'"),
    # A fourth set, likewise.
    Unseen("Greyfriars WSoA", "greyfriars-wsoa-2017.txt", "Word paste, refs inside the action"),
    Unseen("Marshfield tracker", "marshfield-tracker-2023.csv", "CSV, blank first column"),
    Unseen("Holloway APP", "holloway-app-2022.txt", "Word paste, theme column merged"),
    # A fifth set, likewise.
    Unseen("Quarry tracker", "quarry-tracker-2023.csv", "CSV, ratings and updates by period"),
    Unseen("Wyndham APP", "wyndham-app-2024.txt", "Excel cells pasted, quoted breaks"),
    Unseen("Ely APP", "ely-app-2023.txt", "Word, an action as labelled lines"),
    # A sixth set, likewise.
    Unseen("Westbury WSoA", "westbury-wsoa-2016.txt", "Word paste, milestones, coded key"),
    Unseen("Harbour tracker", "harbour-tracker-2024.csv", "CSV, quarters under a year"),
    Unseen("Norland strategy", "norland-strategy-2024.txt", "PDF layout, heading over 2 lines"),
    # A seventh set, likewise.
    Unseen("Ashby WSoA", "ashby-wsoa-2018.txt", "Word paste, a measure a row, costs"),
    Unseen("Fenwick APP", "fenwick-app-2023.tsv", "Excel Unicode text, monthly ratings"),
    # An eighth set, likewise.
    Unseen("Riverside plan", "riverside-plan-2024.txt", "Word paste, plain number refs"),
    # A ninth set (round 11), likewise: text as pasted or extracted, in kinds not above.
    Unseen("Cranmoor WSoA", "cranmoor-wsoa-2024.txt", "PDF appendix, page breaks, hyphens"),
    Unseen("Dunhallow APP", "dunhallow-app-2024.txt", "PDF to text, a cell a line"),
    Unseen("Elmsworth plan", "elmsworth-plan-2024.txt", "web page copied, key in a sentence"),
    Unseen("Farrowdale WSoA", "farrowdale-wsoa-2019.txt", "lettered actions, (Lead: …; by …)"),
    Unseen("Glenholt report", "glenholt-highlight-2025.txt", "highlight report, RAG in sentences"),
    Unseen("Harrowmere plan", "harrowmere-strategy-2025.txt", "1.1.1 under outcomes, initials"),
    Unseen("Inchbrook strategy", "inchbrook-strategy-2024.txt", "columns run together by 2 spaces"),
    Unseen("Jessop Vale update", "jessop-vale-update-2024.txt", "status email, '2.3 – Amber – …'"),
)


@cache
def parsed(plan: Unseen) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.file).document
    return document


def figures(plan: Unseen) -> list[Figure]:
    return agreement(parsed(plan)["plan"], plan.reference())
