"""A newcomer with no plan to hand downloads a published one from the import page, uploads it,
checks it and finds it saved whole: its actions, its people and its status history."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from sendplan.demo.sample_files import FORMATS, SAMPLES, Sample
from sendplan.interchange.parsers import parse_file_inprocess
from sendplan.interchange.tests.accuracy import actions
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Person, Plan
from sendplan.test import PlanWorld

CASES = [(sample, extension) for sample in SAMPLES for extension in ("txt", "docx", "xlsx")]


def sample_links(page: str) -> list[str]:
    return re.findall(r'href="(/import/samples/[^"]+)"', page)


@pytest.mark.parametrize(("sample", "extension"), CASES, ids=[f"{s.slug}-{e}" for s, e in CASES])
def test_a_newcomer_imports_a_sample_plan_from_the_import_page(
    world: PlanWorld, sample: Sample, extension: str
) -> None:
    client = world.client_for("programme_manager")
    page = client.get(reverse("import_new")).content.decode()
    link = next(href for href in sample_links(page) if f"/{sample.slug}.{extension}" in href)
    download = client.get(link)
    assert download.status_code == 200
    name = re.search(r'filename="([^"]+)"', download["Content-Disposition"])
    assert name is not None and name.group(1).endswith(f".{extension}")

    upload = SimpleUploadedFile(name.group(1), download.content)
    response = client.post(reverse("import_new"), {"area": world.area.pk, "file": upload})
    assert response.status_code == 302
    check = unescape(client.get(response["Location"]).content.decode())
    assert "Check what was understood" in check
    # The report names each thing it could not place, or says that everything was placed.
    count = re.search(r"(\d+) items? to check", check)
    if count is None:
        assert "Everything in the file was placed." in check
    else:
        report = check[check.index("What could not be placed") :]
        assert report.count('<tr class="govuk-table__row">') == int(count.group(1)) + 1

    saved = client.post(response["Location"])
    assert saved.status_code == 302
    plan = Plan.objects.exclude(pk=world.plan.pk).get(area=world.area)
    reference = sample.reference() if extension == "txt" else sample.rated()
    refs = {a["ref"] for a in actions(reference["sections"])}
    saved_refs = set(Action.objects.filter(section__plan=plan).values_list("ref", flat=True))
    assert refs <= saved_refs
    assert Person.objects.filter(plan=plan).count() >= len(reference["people"])
    ratings = sum(
        1 for a in actions(reference["sections"]) for u in a.get("updates", []) if u.get("status")
    )
    stored = StatusUpdate.objects.filter(action__section__plan=plan).exclude(status="")
    assert stored.count() == ratings


def test_the_import_page_offers_each_sample_as_text_word_and_excel(world: PlanWorld) -> None:
    page = world.client_for("programme_manager").get(reverse("import_new")).content.decode()
    assert len(sample_links(page)) == len(SAMPLES) * 3
    assert "No plan to hand? Try a published one" in page
    # The page for updating an existing plan has no samples.
    update = world.client_for("programme_manager").get(
        reverse("import_into_plan", args=[world.plan.pk])
    )
    assert sample_links(update.content.decode()) == []


def test_only_people_who_may_import_can_download_the_samples(world: PlanWorld) -> None:
    url = reverse("import_sample", args=["telford-wrekin", "docx"])
    assert world.client_for("lead_officer").get(url).status_code == 403
    assert world.client_for("programme_manager").get(url).status_code == 200


def test_an_unknown_sample_or_format_is_not_found(world: PlanWorld) -> None:
    client = world.client_for("programme_manager")
    assert client.get(reverse("import_sample", args=["nowhere", "docx"])).status_code == 404
    assert client.get(reverse("import_sample", args=["telford-wrekin", "pdf"])).status_code == 404


def test_the_samples_command_writes_each_sample_in_each_format(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("samples", "--out", str(tmp_path), stdout=out)
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(s.file_name(form) for s in SAMPLES for form in FORMATS)
    telford = tmp_path / "telford-wrekin-send-action-plan-2022.docx"
    result = parse_file_inprocess(telford.read_bytes(), telford.name)
    assert len(list(actions(result.document["plan"]["sections"]))) == 30
    assert str(telford) in out.getvalue()
