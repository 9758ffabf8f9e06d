"""A wide plan of real size, as a tracker spreadsheet saved as CSV: fifteen columns, long
cells, a long web address, and sixty-four actions rated in four periods."""

from __future__ import annotations

import csv
import io

HEADINGS = [
    "Ref",
    "Priority",
    "Action",
    "Lead",
    "Supported by",
    "Start",
    "Due date",
    "Measures of success",
    "Evidence",
    "Resources",
    "Mar 26",
    "Jun 26",
    "Sep 26",
    "Dec 26",
    "Progress narrative",
]
# The same columns under headings nobody would know: the importer finds no actions by itself.
UNKNOWN = [
    "Item",
    "Zebra",
    "Fox",
    "Moon",
    "Kite",
    "Pebble",
    "Harbour",
    "Lantern",
    "Meadow",
    "Quill",
    "Saffron",
    "Thimble",
    "Walnut",
    "Yarrow",
    "Orchard",
]
_PRIORITIES = [
    "Identification of needs: children and young people's needs are identified early",
    "Joint commissioning across education, health and care",
    "Co-production with parents, carers, children and young people",
    "Preparation for adulthood and independent living",
]
_LEADS = [
    "Head of SEND and Inclusion (HH)",
    "Designated Clinical Officer, Integrated Care Board",
    "Parent Carer Forum Chair / Principal Educational Psychologist",
    "Assistant Director, Education Learning and Skills",
]
_RATINGS = ["G", "A", "R", "B", "G/A"]


def rows(count: int = 64) -> list[list[str]]:
    out = []
    for n in range(1, count + 1):
        priority = (n - 1) // 16
        out.append(
            [
                f"{priority + 1}.{(n - 1) % 16 + 1}",
                _PRIORITIES[priority],
                f"Review and publish the graduated approach guidance for settings, schools and "
                f"colleges, co-produced with families, so that every setting identifies needs "
                f"consistently (workstream {n})",
                _LEADS[n % 4],
                "SENCO network, health visitors, school nurses and the Local Offer team",
                "April 2026",
                ["May 2026", "Termly", "By 31 March 2027.", "Sep-26"][n % 4],
                "95% of new EHC plans issued within 20 weeks; families tell us in the termly "
                "survey that they know who to contact; fewer complaints about delays",
                "https://www.example.org/local-offer/special-educational-needs-and-disabilities/"
                f"graduated-approach-guidance-for-settings-schools-and-colleges-{n}",
                "£12,000 from the High Needs Block; officer time",
                _RATINGS[n % 5],
                _RATINGS[(n + 1) % 5],
                _RATINGS[(n + 2) % 5],
                _RATINGS[(n + 3) % 5],
                "Feb 2026: the draft guidance was shared with the Parent Carer Forum, whose "
                "comments are being worked in; a launch event for SENCOs is booked for the "
                "summer term and the Local Offer pages are being rewritten in plain English.",
            ]
        )
    return out


def plan_csv(headings: list[str] = HEADINGS, count: int = 64) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headings)
    writer.writerows(rows(count))
    return buffer.getvalue()


def unknown_csv(count: int = 64) -> str:
    """The wide plan under headings nobody would know, its actions short titles: the importer
    finds no actions in it by itself."""
    titles = ["Local Offer Website", "Parent Survey", "SENCO Training", "Autism Pathway Review"]
    leads = ["Head of SEND", "Parent Carer Forum", "SEND Advisory Team", "Designated Officer"]
    dues = ["May 2027", "June 2027", "September 2027", "December 2027"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(UNKNOWN)
    for n, row in enumerate(rows(count)):
        row[0] = str(n + 1)
        row[2], row[3], row[6] = titles[n % 4], leads[n % 4], dues[n % 4]
        writer.writerow(row)
    return buffer.getvalue()
