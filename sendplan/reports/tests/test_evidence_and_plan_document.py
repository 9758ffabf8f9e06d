"""The evidence pack and the plan document, read back from each format."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from pypdf import PdfReader

from sendplan.reports import builders, renderers, word
from sendplan.reports.builders import build_evidence_pack, build_plan_document, build_timeline
from sendplan.reports.data import load_plan
from sendplan.reports.evidence import build_evidence_pack_part, part_key
from sendplan.reports.tests import (
    ReportWorld,
    add_key_dates,
    add_linked_evidence,
    docx_headings,
    docx_text,
    pdf_text,
)

TODAY = dt.date(2018, 10, 15)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_it_gathers_the_evidence_for_each_area_of_weakness(reports: ReportWorld) -> None:
    pack = build_evidence_pack(reports.plan, today=TODAY)
    [weakness] = pack.weaknesses
    assert weakness.weakness.text == "Slow implementation of the reforms"
    assert [(f.text, f.source) for f in weakness.findings] == [
        ("Leaders have only just started to work together", "P2 MF1")
    ]
    assert [s.ref for s in weakness.sections] == ["1"]
    assert [a.item.action.ref for a in weakness.actions] == ["1.1.1", "1.1.2"]
    assert [i.indicator.name for i in weakness.indicators] == ["EHC plans issued within 20 weeks"]
    late = weakness.actions[0]
    assert [(c.period.label, c.status.code if c.status else None) for c in late.history] == [
        ("Mar 18", "G"),
        ("Jun 18", "G/A"),
        ("Sep 18", "R"),
    ]
    assert [(u.update.period.label, u.state) for u in late.updates][-1] == (
        "Sep 18",
        "Returned to the lead",
    )
    assert [a.item.action.ref for a in pack.unlinked] == ["2.1.1"]


def test_it_prints_and_writes_the_evidence_pack(reports: ReportWorld) -> None:
    pack = build_evidence_pack(reports.plan, today=TODAY)
    text = flat(pdf_text(renderers.report_pdf(pack)))
    for words in [
        "Evidence pack",
        "Area of weakness 1",
        "Leaders have only just started to work together (P2 MF1)",
        "Draft ToR v3",
        "Returned to the lead",
        "The parent carer forum's commentary",
        "Families have not yet been asked about the terms of reference.",
        "first planned for May 2018",
    ]:
        assert words in text, words
    content = word.evidence_docx(pack)
    paragraphs, tables = docx_text(content)
    assert ("Heading 1", "Area of weakness 1") in docx_headings(content)
    assert ["Mar 18", "Jun 18", "Sep 18"] in tables[0]
    assert ["G – On track, no concerns", "G/A – On track, no concerns / On track, some concerns",
            "R – No progress or major concerns"] in tables[0]  # fmt: skip
    updates = next(t for t in tables if t[0][0] == "Period")
    assert updates[-1][:4] == [
        "Sep 18",
        "R – No progress or major concerns",
        "Consultation has not started.",
        "Draft ToR v3",
    ]
    assert any("Families have not yet been asked" in p for p in paragraphs)


def test_it_lays_out_the_plan_as_areas_publish_it(reports: ReportWorld) -> None:
    document = build_plan_document(reports.plan, today=TODAY)
    assert [s.section.ref for s in document.sections] == ["1", "1.1", "2", "2.1"]
    assert [o.person.key for o in document.officers] == ["HH", "PW"]
    assert [i.action.ref for i in document.costs] == ["1.1.2", "2.1.1"]
    assert document.total_cost == 16000
    text = flat(pdf_text(renderers.report_pdf(document)))
    for words in [
        "Testshire Written Statement of Action",
        "Areas of weakness and intended outcomes",
        "Theme 1: Implementation of the SEND Strategy",
        "Owner: Helen Hill, Head of Education",
        "Key milestones" if document.sections[0].milestones else "Actions",
        "Performance framework",
        "EHC plans issued within 20 weeks",
        "Timeline of actions by quarter",
        "October to December 2018",
        "Lead officers",
        "Financial implications",
        "£16,000",
        "Glossary",
        "Designated Clinical Officer",
        "Workshop 1",
        "Page 3 of",
    ]:
        assert words in text, words


def test_it_writes_the_plan_document_with_a_status_column_per_period(
    reports: ReportWorld,
) -> None:
    content = word.plan_docx(build_plan_document(reports.plan, today=TODAY))
    headings = docx_headings(content)
    assert ("Heading 2", "Theme 1: Implementation of the SEND Strategy") in headings
    assert ("Heading 3", "Strategic priority 1.1: Combine the boards") in headings
    paragraphs, tables = docx_text(content)
    actions = next(t for t in tables if t[0][:2] == ["Ref", "Action"])
    assert actions[0] == ["Ref", "Action", "Lead", "Due", "Measures of success", "Mar 18",
                          "Jun 18", "Sep 18"]  # fmt: skip
    late = next(row for row in actions if row[0] == "1.1.1")
    assert late[3] == "December 2018\nFirst planned for May 2018"
    assert late[4] == "Terms of Reference approved (May 2018)"
    assert late[5:] == ["G – On track, no concerns",
                        "G/A – On track, no concerns / On track, some concerns",
                        "R – No progress or major concerns"]  # fmt: skip
    costs = next(t for t in tables if t[0] == ["Ref", "Action", "As written", "Cost"])
    assert costs[-1] == ["Total", "", "", "£16,000"]
    assert "Owner: Helen Hill, Head of Education" in paragraphs


def test_it_counts_actions_by_the_quarter_they_are_due(reports: ReportWorld) -> None:
    timeline = build_timeline(load_plan(reports.plan))
    assert [(q.label, [i.action.ref for i in q.actions]) for q in timeline.quarters] == [
        ("October to December 2018", ["1.1.1"]),
        ("January to March 2019", ["2.1.1"]),
    ]
    assert [i.action.ref for i in timeline.undated] == ["1.1.2"]


def test_it_shows_the_timeline_as_a_chart_with_a_table(reports: ReportWorld) -> None:
    client = reports.world.client_for("parent_carer_forum")
    page = client.get(reverse("timeline", args=[reports.plan.pk])).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sendplan-chart" role="img"' in page
    assert "<title>Actions due in each quarter</title>" in page
    assert "Oct–Dec 18" in page
    assert '<th scope="row" class="govuk-table__header">January to March 2019</th>' in page
    assert "No date given" in page


KEY_DATES = [
    ["20 November 2017", "Inspection", "Passed"],
    ["22 January 2018", "Inspection report published", "Passed"],
    ["6 April 2018", "Plan due", "Passed"],
    ["4 December 2018", "DfE and NHS England quarterly review (DfE and NHS England review)",
     "In 50 days"],
    ["June 2019", "Monitoring inspection expected", "In 258 days"],
]  # fmt: skip
PREPARED_FOR = (
    "This pack is prepared for the DfE and NHS England quarterly review, 4 December 2018, "
    "in 50 days."
)


def test_the_evidence_pack_opens_with_the_inspection_timeline_in_order(
    reports: ReportWorld,
) -> None:
    add_key_dates(reports)
    pack = build_evidence_pack(reports.plan, today=TODAY)
    assert [d.key_date.on for d in pack.key_dates] == [
        "2017-11-20", "2018-01-22", "2018-04-06", "2018-12-04", "2019-06"
    ]  # fmt: skip
    assert pack.prepared_for is not None and pack.prepared_for.key_date.kind == "joint_review"
    html = renderers.report_html(pack)
    assert html.index('id="inspection"') < html.index('id="weakness-1"')
    table = html.split('<table class="govuk-table sendplan-report-key-dates">')[1]
    body = table.split("<tbody")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", body)
    assert [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows] == KEY_DATES
    text = flat(pdf_text(renderers.report_pdf(pack)))
    assert PREPARED_FOR in text
    assert "Inspection framework Local area SEND inspection framework (2016)" in text
    assert "Outcome Written statement of action required" in text
    assert text.index("20 November 2017 Inspection") < text.index("June 2019 Monitoring")
    assert text.index("June 2019 Monitoring") < text.index("Area of weakness 1 Slow")


def test_the_written_evidence_pack_opens_with_the_inspection_timeline(
    reports: ReportWorld,
) -> None:
    add_key_dates(reports)
    content = word.evidence_docx(build_evidence_pack(reports.plan, today=TODAY))
    headings = [text for style, text in docx_headings(content) if style == "Heading 1"]
    assert headings[:2] == ["The inspection and its timeline", "Area of weakness 1"]
    paragraphs, tables = docx_text(content)
    assert PREPARED_FOR in paragraphs
    assert "Framework: Local area SEND inspection framework (2016)" in paragraphs
    assert "Outcome: Written statement of action required" in paragraphs
    assert tables[0] == [["Date", "What", "When"], *KEY_DATES]


def test_the_evidence_pack_page_says_when_no_review_is_ahead(reports: ReportWorld) -> None:
    client = reports.world.client_for("adviser")
    page = client.get(reverse("evidence_pack", args=[reports.plan.pk])).content.decode()
    assert "No review or inspection is on the plan's timeline after" in page
    assert "No key dates have been recorded" in page
    assert 'id="inspection">The inspection and its timeline</h2>' in page


def test_the_printed_evidence_pack_opens_with_contents_that_jump_to_each_weakness(
    reports: ReportWorld,
) -> None:
    # On the site each area of weakness has a page of its own (test_evidence_pages).
    page = renderers.report_html(build_evidence_pack(reports.plan, today=TODAY))
    contents = page.split('id="evidence-contents"')[1].split("</nav>")[0]
    assert 'href="#weakness-1">Area of weakness 1: Slow implementation of the reforms' in contents
    assert 'href="#weakness-unlinked"' in contents
    assert 'id="weakness-1">Area of weakness 1</h2>' in page
    assert 'id="weakness-unlinked">Actions not linked' in page


def test_it_prints_each_actions_statuses_as_one_line_in_the_evidence_pack(
    reports: ReportWorld,
) -> None:
    pack = build_evidence_pack(reports.plan, today=TODAY)
    text = flat(pdf_text(renderers.report_pdf(pack)))
    assert (
        "Status in each period: Mar 18: G – On track, no concerns; Jun 18: G/A – On track, no "
        "concerns / On track, some concerns; Sep 18: R – No progress or major concerns."
    ) in text
    # On paper there is no table a row long for each action; the page keeps its table.
    history = '<table class="govuk-table sendplan-report-history">'
    printed = renderers.report_html(pack)
    assert history not in printed
    # Each update's status in words, its colour a bar beside it rather than a tag within it.
    assert '<li class="sendplan-bar--red">Sep 18: R – No progress or major concerns.' in printed
    assert "Sep 18: R – No progress or major concerns. Consultation has not started." in text
    assert history in render_to_string("reports/_evidence_body.html", {"report": pack})


def test_it_prints_the_plan_documents_period_columns_as_codes_with_the_key_in_words(
    reports: ReportWorld,
) -> None:
    document = build_plan_document(reports.plan, today=TODAY)
    html = renderers.report_html(document)
    late = re.search(r'<td class="govuk-table__cell">1\.1\.1</td>.*?</tr>', html)
    assert late is not None
    codes = re.findall(
        r'<td class="govuk-table__cell sendplan-status-cell [^"]*">([^<]+)</td>', late[0]
    )
    assert codes == ["G", "G/A", "R"]
    text = flat(pdf_text(renderers.report_pdf(document)))
    assert "Status key" in text
    assert "R – No progress or major concerns" in text


def test_the_printed_plan_document_gives_the_latest_periods_and_says_so(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three periods, of which the printed plan shows the latest two (as a plan of two years'
    # monthly periods prints its latest eight): more do not fit across a page.
    monkeypatch.setattr(builders, "PRINTED_PERIODS", 2)
    document = build_plan_document(reports.plan, today=TODAY)
    html = renderers.report_html(document)
    late = re.search(r'<td class="govuk-table__cell">1\.1\.1</td>.*?</tr>', html)
    assert late is not None
    codes = re.findall(
        r'<td class="govuk-table__cell sendplan-status-cell [^"]*">([^<]+)</td>', late[0]
    )
    assert codes == ["G/A", "R"]
    heading = re.search(r"<th[^>]*>Measures of success</th>(.*?)</tr>", html)
    assert heading is not None and re.findall(r">([^<]+)</th>", heading[1]) == ["Jun 18", "Sep 18"]
    text = flat(pdf_text(renderers.report_pdf(document)))
    assert (
        "give each action's status in the latest 2 of the plan's 3 monitoring periods "
        "(Jun 18 to Sep 18). The tracker and the evidence pack give every period."
    ) in text
    # The page on the site scrolls, and keeps every period.
    page = reports.world.client_for("adviser").get(reverse("plan_document", args=[reports.plan.pk]))
    body = page.content.decode()
    assert "monitoring periods (Jun 18" not in body
    assert re.search(r'<th scope="col" class="govuk-table__header">Mar 18</th>', body)


def test_the_printed_whole_evidence_pack_gives_the_latest_periods_reports_and_says_so(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three periods, of which the whole pack prints the reports of the latest one (as a plan
    # of two years' monthly periods prints its latest eight's): every status still prints.
    monkeypatch.setattr(builders, "PRINTED_PERIODS", 1)
    pack = build_evidence_pack(reports.plan, today=TODAY)
    text = flat(pdf_text(renderers.report_pdf(pack)))
    assert (
        "Each action's status is given for every one of the plan's 3 monitoring periods, and "
        "the progress reported for the latest 1 (Sep 18 to Sep 18)."
    ) in text
    assert "Sep 18: B – Completed. Minutes published on the Local Offer." in text
    assert "Still waiting for minutes" not in text and "Minutes not yet agreed" not in text
    assert "2 reports from earlier periods are not printed here" in text
    # An action reported on only before the printed periods says so, not "none yet".
    assert "Starts in the autumn" not in text
    assert (
        "No progress was reported in the periods printed here. 1 report from an earlier "
        "period is not printed here"
    ) in text
    assert "Jun 18: A – " in text  # its status line still gives every period
    # The area of weakness printed on its own, and the Word document, give every report.
    home = next(
        w.weakness for w in pack.weaknesses if any(a.item.action == reports.done for a in w.actions)
    )
    part = build_evidence_pack_part(reports.plan, part_key(home), today=TODAY)
    alone = flat(pdf_text(renderers.report_pdf(part)))
    assert "Still waiting for minutes" in alone and "Minutes not yet agreed" in alone
    assert "not printed here" not in alone
    paragraphs, tables = docx_text(word.evidence_docx(pack))
    written = " ".join(paragraphs + [cell for table in tables for row in table for cell in row])
    assert "Still waiting for minutes" in written


def test_remembering_the_page_references_writes_the_same_tagged_pdf(
    reports: ReportWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pydyf
    import weasyprint

    # The fonts' subsets are stamped with the time they are made (fontTools), so two writes a
    # second apart would differ there: both are stamped with one fixed time.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    html = renderers.report_html(build_evidence_pack(reports.plan, today=TODAY))
    document = weasyprint.HTML(string=html).render()
    renderers.remember_page_references()
    remembering = pydyf.PDF.__dict__["page_references"]
    assert hasattr(remembering.fget, "remembers")
    quicker = document.write_pdf(pdf_variant="pdf/ua-1")
    monkeypatch.setattr(pydyf.PDF, "page_references", remembering.fget.remembers)
    assert document.write_pdf(pdf_variant="pdf/ua-1") == quicker
    assert len(document.pages) > 2


def test_the_evidence_pack_page_links_web_addresses_and_files(reports: ReportWorld) -> None:
    item = add_linked_evidence(reports)
    client = reports.world.client_for("adviser")
    weakness = reports.plan.weaknesses.get()
    url = reverse("evidence_weakness", args=[reports.plan.pk, weakness.pk])
    page = client.get(url).content.decode()
    assert (
        '<a class="govuk-link" href="https://example.org/minutes?meeting=3&amp;year=2018" '
        'rel="noopener noreferrer">'
    ) in page
    # Only http and https become links; the full stop after an address is not part of it.
    assert 'href="javascript' not in page and "javascript:alert(1)" in page
    assert 'href="http://localoffer.example/send" rel="noopener noreferrer"' in page
    # The file through the download page, which checks who is asking; never where it is kept.
    download = reverse("evidence_download", args=[reports.plan.pk, item.pk])
    assert f'<a class="govuk-link" href="{download}">Consultation plan.pdf</a>' in page
    assert item.file.name not in page
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == (  # type: ignore[attr-defined]
        b"%PDF-1.7 plan"
    )
    assert reports.world.client_for("outsider").get(download).status_code == 404


@override_settings(SITE_URL="https://sendplan.example")
def test_the_printed_evidence_pack_links_files_by_their_whole_address(
    reports: ReportWorld,
) -> None:
    item = add_linked_evidence(reports)
    pdf = PdfReader(io.BytesIO(renderers.report_pdf(build_evidence_pack(reports.plan))))
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    download = reverse("evidence_download", args=[reports.plan.pk, item.pk])
    assert f"https://sendplan.example{download}" in links
    assert "https://example.org/minutes?meeting=3&year=2018" in links
    assert not any(link.startswith("javascript") for link in links)


@override_settings(SITE_URL="https://sendplan.example")
def test_the_written_evidence_pack_links_web_addresses_and_files(reports: ReportWorld) -> None:
    item = add_linked_evidence(reports)
    content = word.evidence_docx(build_evidence_pack(reports.plan))
    document = docx.Document(io.BytesIO(content))
    targets = {
        rel.rId: rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RT.HYPERLINK and rel.is_external
    }
    links = {
        targets[link.get(qn("r:id"))]: "".join(t.text or "" for t in link.iter(qn("w:t")))
        for link in document.element.body.iter(qn("w:hyperlink"))
    }
    download = reverse("evidence_download", args=[reports.plan.pk, item.pk])
    assert links == {
        "https://example.org/minutes?meeting=3&year=2018": (
            "https://example.org/minutes?meeting=3&year=2018"
        ),
        # The full stop after an address ends the sentence, not the address.
        "http://localoffer.example/send": "http://localoffer.example/send",
        f"https://sendplan.example{download}": "Consultation plan.pdf",
    }
    # Anything but http and https stays text.
    [evidence] = [
        row[3]
        for table in docx_text(content)[1]
        for row in table
        if len(row) == 5 and row[0] == "Dec 18"
    ]
    assert evidence == (
        "https://example.org/minutes?meeting=3&year=2018\njavascript:alert(1)\n"
        "Local offer page, see http://localoffer.example/send.\nConsultation plan.pdf (file)"
    )
    assert not any(target.startswith("javascript") for target in targets.values())


def test_a_link_to_an_address_with_odd_characters_still_opens_in_word(
    reports: ReportWorld,
) -> None:
    writer = word.Writer("Links", area="Testshire", plan_title="Plan", made_on=TODAY)
    address = "https://example.org/a|b{c}/café"
    writer.table(["Evidence"], [[word.Linked([[(address, address)]])]])
    document = docx.Document(io.BytesIO(writer.bytes()))
    [target] = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert target == "https://example.org/a%7Cb%7Bc%7D/caf%C3%A9"
    assert document.tables[0].rows[1].cells[0].text == address
