"""Two lead columns in one table of actions: the body that leads and the people who do, or
the senior who answers for an action and the officer who carries it out.

Some plans give each action both a lead organisation and the posts that carry it out
("lead agency | Roles responsible", "Lead organisation | Lead officer"). Both headings are
wordings of the lead; only the people are the action's leads (the plan's people are posts or
names, not bodies), so a column headed by an organisation's word beside another lead column
is marked as the organisations' column and is not read into the leads (the format keeps a
person's organisation, but a body cell does not always pair with the posts beside it).

An APP gives each action an accountable lead and a responsible officer, both people: both
are the action's leads (the format has one list of leads; the accountable one comes first),
where the first column alone had been read and the officer who does the work lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sendplan.interchange.parsers import rules
from sendplan.interchange.parsers.roles import Col

if TYPE_CHECKING:
    from sendplan.interchange.parsers.columns import Columns

# Words that make a lead heading name a body, not a person: "lead agency", "Lead
# organisation", "Responsible service", "Lead partner".
_BODY = re.compile(r"\b(agency|agencies|organi[sz]ations?|services?|partners?|body|bodies)\b", re.I)


def names_a_body(heading: str) -> bool:
    return _BODY.search(heading) is not None


def people_over_bodies(columns: Columns) -> None:
    """Where a table has two or more lead columns, some headed by a body's word and some
    not, the first hold the leads' organisations; the others stay the leads."""
    leads = columns.all(Col.LEAD)
    if len(leads) < 2:
        return
    bodies = [i for i in leads if names_a_body(columns.headings[i])]
    if not bodies or len(bodies) == len(leads):
        return
    for index in bodies:
        columns.roles[index] = Col.ORGANISATION
        score = columns.basis.get(index, ("", 1.0))[1]
        columns.basis[index] = (rules.LEAD_BESIDE_BODY.code, score)


# A heading that names the senior who answers for an action, beside the officer who does it.
_ACCOUNTABLE = re.compile(r"\b(accountable|senior responsible|sro)\b", re.I)


def people_in_each(columns: Columns) -> None:
    """Where two or more lead columns are left once the bodies' are set apart and one names
    who is accountable ("Accountable lead | Responsible officer"), each names people who lead
    the action: the builder reads them all, and the later columns say by which rule. Other
    pairs ("Lead | Lead officers", as sendplan's own tracker writes the leads as written and
    the people linked to them) are one list of leads twice over: the first is read."""
    leads = columns.all(Col.LEAD)
    if not any(_ACCOUNTABLE.search(columns.headings[index]) for index in leads):
        return
    for index in leads[1:]:
        score = columns.basis.get(index, ("", 1.0))[1]
        columns.basis[index] = (rules.LEADS_IN_EACH_COLUMN.code, score)
