"""The check page as a correction tool: say what a misread table's columns hold and have the
plan read again at once; correct titles, leads, dates and ratings in place; save the choices
for next quarter's file; and update a plan that already exists instead of copying it."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sendplan.accounts.models import Membership
from sendplan.audit.models import AuditEvent
from sendplan.interchange import services
from sendplan.interchange.models import ImportLayout, PendingImport
from sendplan.interchange.parsers.errors import Placement
from sendplan.interchange.reading import ParseError, ReadResult
from sendplan.interchange.tests import saved
from sendplan.monitoring.models import StatusUpdate
from sendplan.plans.models import Action, Plan
from sendplan.test import PlanWorld

# Headings nobody would know over actions written as short titles: the importer finds no
# actions in it by itself. (Should it learn to, the first assertion of each test that uses it
# says so: choose a table it cannot read.)
HEADINGS = "Item,Zebra,Fox,Moon"
ROWS = """A,Local Offer Website,Head of SEND,May 2027
B,Parent Survey,Parent Carer Forum,June 2027
C,SENCO Training,SEND Advisory Team,September 2027
D,Autism Pathway Review,Designated Clinical Officer,December 2027
"""
SPRING = f"{HEADINGS}\n{ROWS}"
# Next quarter's file: the same layout, with one more action.
SUMMER = f"{SPRING}E,Second Resource Base,Head of SEND,March 2028\n"
# A tracker the importer reads by itself, rated in one period.
TRACKER = """Ref,Action,Lead,Due date,Mar 27
1,Publish the local offer on the new website,Head of SEND,May 2027,G
2,Run a survey of parents about EHC plans,Parent carer forum,June 2027,A
3,Train SENCOs in the graduated approach,SEND advisory team,Sept 2027,R
"""

MANAGER = "programme_manager"


def page_text(response: Any) -> str:
    return unescape(response.content.decode())


def upload(client: Client, world: PlanWorld, name: str, text: str) -> str:
    """Upload a file as a new plan for the world's area; the check page's address."""
    response = client.post(
        reverse("import_new"),
        {"area": world.area.pk, "file": SimpleUploadedFile(name, text.encode())},
    )
    assert response.status_code == 302, page_text(response)
    return str(response["Location"])


def table_form(page: str, number: int = 1) -> dict[str, str]:
    """The fields of a table's form as the page fills them in."""
    action = reverse("import_table", args=[PendingImport.objects.get().pk, number])
    form = page[page.index(f'action="{action}"') :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    for name, body in re.findall(r'<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        fields[name] = chosen.group(1) if chosen else ""
    # Which row holds the headings is a choice of radios.
    fields.update(re.findall(r'name="([^"]+)" type="radio" value="([^"]*)" checked', form))
    return fields


def choose(client: Client, number: int = 1, **roles: str) -> Any:
    """Post a table's form with some columns given new parts (col_1="title")."""
    check = client.get(reverse("import_check", args=[PendingImport.objects.get().pk]))
    data = table_form(page_text(check), number)
    data.update({f"t{number}-{name}": value for name, value in roles.items()})
    url = reverse("import_table", args=[PendingImport.objects.get().pk, number])
    return client.post(url, data)


def test_it_offers_the_mapping_not_save_when_it_found_no_actions_and_remembers_the_choice(
    world: PlanWorld,
) -> None:
    client = world.client_for(MANAGER)
    check_url = upload(client, world, "spring.csv", SPRING)
    check = page_text(client.get(check_url))
    assert "We found no actions" in check
    assert "Tell us what the columns hold" in check
    assert "Save the plan" not in check
    assert "How each table was read" in check
    assert "Zebra" in check
    # Saving anyway is refused, and says why.
    refused = page_text(client.post(check_url))
    assert "there is nothing to save yet" in refused
    assert Plan.objects.filter(area=world.area).count() == 1

    again = choose(client, col_0="ref", col_1="title", col_2="lead", col_3="due")
    assert again.status_code == 302
    check = page_text(client.get(again["Location"]))
    assert "Read again: 4 actions (was 0)." in check
    assert "Local Offer Website" in check
    assert "Read with the columns you chose on this page" in check
    assert "We found no actions" not in check
    assert "Save the plan" in check

    saved = client.post(check_url, follow=True)
    assert "The columns you chose are saved for Testshire" in page_text(saved)
    plan = Plan.objects.exclude(pk=world.plan.pk).get(area=world.area)
    actions = Action.objects.filter(section__plan=plan).order_by("ref")
    assert [a.ref for a in actions] == ["A", "B", "C", "D"]
    assert actions[0].lead_text == "Head of SEND"
    assert actions[0].due == "2027-05" and actions[0].due_text == "May 2027"
    layout = ImportLayout.objects.get(area=world.area)
    assert layout.saved_by == world.users[MANAGER]
    assert AuditEvent.objects.filter(object_type="importlayout").exists()

    # Next quarter's tracker, laid out the same way, is read with those choices at once.
    check = page_text(client.get(upload(client, world, "summer.csv", SUMMER)))
    assert "We found no actions" not in check
    assert "Second Resource Base" in check
    assert "Read using the columns you chose on" in check
    assert "1 table was read using the columns you chose before" in check
    assert "Save the plan" in check


def test_it_fits_the_saved_choices_to_next_quarters_file_with_a_new_column(
    world: PlanWorld,
) -> None:
    client = world.client_for(MANAGER)
    rated = SPRING.replace("Moon\n", "Moon,Q1 RAG\n").replace("2027\n", "2027,G\n")
    check_url = upload(client, world, "q1.csv", rated)
    choose(client, col_0="ref", col_1="title", col_2="lead", col_3="due")
    client.post(check_url)

    # The next quarter has a column for itself: the headings are no longer quite the same.
    next_quarter = rated.replace("Q1 RAG\n", "Q1 RAG,Q2 RAG\n").replace(",G\n", ",G,A\n")
    check_url = upload(client, world, "q2.csv", next_quarter)
    check = page_text(client.get(check_url))
    assert "We found no actions" not in check
    assert "Autism Pathway Review" in check
    assert "for a table with nearly the same headings" in check
    # It is next quarter's file of the plan saved from the first: update that plan.
    assert "This looks like an update to q1" in check
    plan = Plan.objects.get(title="q1")
    client.post(reverse("import_target", args=[PendingImport.objects.get().pk]), {"plan": plan.pk})
    seen = re.search(r'name="seen" value="([^"]+)"', page_text(client.get(check_url)))
    assert seen is not None
    client.post(check_url, {"seen": seen.group(1)})
    assert StatusUpdate.objects.filter(action__section__plan=plan, status="A").count() == 4
    # Saved for the new headings too, so the quarter after is read with them exactly.
    assert ImportLayout.objects.filter(area=world.area).count() == 2


def word_table(text: str) -> bytes:
    document = docx.Document()
    document.add_heading("Our SEND improvement plan", 1)
    rows = [line.split(",") for line in text.strip().splitlines()]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(rows, table.rows, strict=True):
        for text_, cell in zip(cells, row.cells, strict=True):
            cell.text = text_
    return saved(document)


@pytest.mark.parametrize("form", ["Word table", "pasted text"])
def test_it_maps_a_word_table_or_pasted_text_read_with_no_actions(
    world: PlanWorld, form: str
) -> None:
    client = world.client_for(MANAGER)
    data: dict[str, Any] = {"area": world.area.pk}
    if form == "Word table":
        data["file"] = SimpleUploadedFile("plan.docx", word_table(SPRING))
    else:
        data["text"] = "Our SEND improvement plan\n" + SPRING.replace(",", "\t")
    check_url = client.post(reverse("import_new"), data)["Location"]
    assert "We found no actions" in page_text(client.get(check_url))

    again = choose(client, col_0="ref", col_1="title", col_2="lead", col_3="due")
    assert "Read again: 4 actions (was 0)." in page_text(client.get(again["Location"]))
    client.post(check_url)
    plan = Plan.objects.get(title="Our SEND improvement plan")
    assert Action.objects.filter(section__plan=plan).count() == 4


def test_it_reads_a_table_again_with_the_heading_row_a_person_names(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    text = "Our improvement plan for 2027,,,\n" + SPRING
    upload(client, world, "titled.csv", text)
    response = choose(client, header="1", col_1="title", col_2="lead")
    assert response.status_code == 302
    check = page_text(client.get(response["Location"]))
    assert "Read again: 4 actions (was 0)." in check
    pending = PendingImport.objects.get()
    assert "item|zebra|fox|moon" in pending.choices["tables"]


def test_it_reads_a_table_with_no_heading_row_when_told_so(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    rows = SPRING.split("\n", 1)[1]
    upload(client, world, "rows.csv", rows)
    response = choose(client, header="none", col_0="ref", col_1="title", col_2="lead", col_3="due")
    check = page_text(client.get(response["Location"]))
    assert "Read again: 4 actions" in check
    assert "Local Offer Website" in check
    assert "Parent Survey" in check


def test_it_can_forget_a_saved_choice_and_read_the_table_as_before(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    check_url = upload(client, world, "spring.csv", SPRING)
    choose(client, col_0="ref", col_1="title", col_2="lead")
    client.post(check_url)
    upload(client, world, "summer.csv", SUMMER)
    pending = PendingImport.objects.get()
    check = page_text(client.get(reverse("import_check", args=[pending.pk])))
    data = table_form(check)
    data["forget"] = "1"
    response = client.post(reverse("import_table", args=[pending.pk, 1]), data)
    check = page_text(client.get(response["Location"]))
    assert "Read again: 0 actions (was 5)." in check
    assert "We found no actions" in check
    pending.refresh_from_db()
    assert pending.replaced == [ImportLayout.objects.get().signature]


def form_fields(page: str) -> dict[str, str]:
    """The fields of the one form on a page as it fills them in."""
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    inputs = r'<input class="govuk-input[^"]*" id="[^"]+" name="([^"]+)" type="text"'
    inputs += r'(?: value="([^"]*)")?'
    for name, value in re.findall(inputs, page):
        fields[name] = value
    for name, value in re.findall(
        r'<textarea[^>]* name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S
    ):
        fields[name] = value
    for name, body in re.findall(r'<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


def correct(client: Client, number: int, **changes: str) -> Any:
    """Open an action's correction form, change some of its fields, and save it."""
    url = reverse("import_action", args=[PendingImport.objects.get().pk, number])
    data = form_fields(page_text(client.get(url)))
    data.pop("csrfmiddlewaretoken", None)
    return client.post(url, {**data, **changes})


def test_it_saves_titles_leads_due_dates_and_ratings_corrected_in_place(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    check_url = upload(client, world, "tracker.csv", TRACKER)
    check = page_text(client.get(check_url))
    assert "Check the actions" in check
    link = reverse("import_action", args=[PendingImport.objects.get().pk, 2])
    assert f'href="{link}"' in check

    response = correct(
        client,
        2,
        title="Run a survey of parents and carers about EHC plans",
        lead_text="Parent carer forum / Head of SEND",
        due_text="31 July 2027",
        rating_0="G",
    )
    assert response.status_code == 302
    check = page_text(client.get(response["Location"]))
    assert "Action 2 corrected." in check
    assert "Run a survey of parents and carers about EHC plans" in check
    assert "Corrected" in check

    # Correct a due date into words that are no date: kept as words, and the person is told.
    response = correct(client, 3, due_text="Termly")
    assert "is not a date, so it is kept as words" in page_text(client.get(response["Location"]))

    client.post(check_url)
    plan = Plan.objects.exclude(pk=world.plan.pk).get(area=world.area)
    action = Action.objects.get(section__plan=plan, ref="2")
    assert action.title == "Run a survey of parents and carers about EHC plans"
    assert action.lead_text == "Parent carer forum / Head of SEND"
    assert sorted(p.role for p in action.leads.all()) == ["Head of SEND", "Parent carer forum"]
    assert action.due == "2027-07-31" and action.due_text == "31 July 2027"
    update = StatusUpdate.objects.get(action=action)
    assert update.status == "G"
    other = Action.objects.get(section__plan=plan, ref="3")
    assert not other.due and other.due_text == "Termly"


def test_it_keeps_corrections_when_the_plan_is_read_again_and_says_which_it_dropped(
    world: PlanWorld,
) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "tracker.csv", TRACKER)
    correct(client, 1, title="Publish the local offer on the council's new website")
    # Leaving the lead column out keeps the corrected title.
    response = choose(client, col_2="ignore")
    check = page_text(client.get(response["Location"]))
    assert "Read again: 3 actions (was 3)." in check
    assert "Publish the local offer on the council's new website" in check
    # Taking the corrected action's row for the headings leaves the correction no action:
    # it is dropped, and the person is told.
    response = choose(client, header="1")
    check = page_text(client.get(response["Location"]))
    assert "was dropped" in check
    assert PendingImport.objects.get().corrections == {}


def test_it_explains_a_correction_that_is_not_valid(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "tracker.csv", TRACKER)
    response = correct(client, 1, title="  ", rating_0="purple")
    page = page_text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter what the action is" in page
    assert "Select a rating for Mar 27 from the list" in page


def test_it_offers_to_update_the_plan_that_already_exists(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    tracker = (
        "Ref,Action,Lead,Due date,Mar 18,Jun 18\n"
        "1.1.1,Confirm the Terms of Reference,Head of ELS (HH),May 2018,G,B\n"
        "1.1.2,Publish the board's minutes,,Termly,,G\n"
    )
    check_url = upload(client, world, "tracker.csv", tracker)
    check = page_text(client.get(check_url))
    assert "This looks like an update to Testshire Written Statement of Action" in check

    response = client.post(
        reverse("import_target", args=[PendingImport.objects.get().pk]), {"plan": world.plan.pk}
    )
    check = page_text(client.get(response["Location"]))
    assert "Check the changes to Testshire Written Statement of Action" in check
    assert "This looks like an update" not in check
    seen = re.search(r'name="seen" value="([^"]+)"', check)
    assert seen is not None
    plans = Plan.objects.count()
    client.post(check_url, {"seen": seen.group(1)})
    assert Plan.objects.count() == plans
    latest = world.action.updates.order_by("-sequence").first()
    assert latest is not None and latest.status == "B"


def test_it_can_go_back_to_importing_a_new_plan(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    check_url = client.post(
        reverse("import_into_plan", args=[world.plan.pk]),
        {"file": SimpleUploadedFile("tracker.csv", TRACKER.encode())},
    )["Location"]
    assert "Check the changes to Testshire" in page_text(client.get(check_url))
    pending = PendingImport.objects.get()
    response = client.post(reverse("import_target", args=[pending.pk]), {"plan": "new"})
    check = page_text(client.get(response["Location"]))
    assert "This file will be imported as a new plan." in check
    assert "Check what was understood" in check
    pending.refresh_from_db()
    assert pending.plan is None


def test_it_offers_no_update_for_a_plan_of_another_area(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "tracker.csv", TRACKER)
    pending = PendingImport.objects.get()
    response = client.post(
        reverse("import_target", args=[pending.pk]), {"plan": world.other_plan.pk}
    )
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.plan is None


@pytest.mark.parametrize("who", ["area_admin", "lead_officer", "outsider"])
def test_it_keeps_the_new_pages_of_an_import_to_the_person_who_uploaded_it(
    world: PlanWorld, who: str
) -> None:
    upload(world.client_for(MANAGER), world, "tracker.csv", TRACKER)
    pending = PendingImport.objects.get()
    client = world.client_for(who)
    data = {"t1-header": "0", "t1-col_1": "title"}
    assert client.post(reverse("import_table", args=[pending.pk, 1]), data).status_code == 404
    assert client.get(reverse("import_action", args=[pending.pk, 1])).status_code == 404
    assert client.post(reverse("import_action", args=[pending.pk, 1]), {}).status_code == 404
    target = client.post(reverse("import_target", args=[pending.pk]), {"plan": world.plan.pk})
    assert target.status_code == 404
    pending.refresh_from_db()
    assert pending.plan is None and not pending.choices.get("tables")


def test_it_refuses_an_uploader_who_is_no_longer_a_programme_manager(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "tracker.csv", TRACKER)
    pending = PendingImport.objects.get()
    Membership.objects.filter(user=world.users[MANAGER]).delete()
    assert client.get(reverse("import_action", args=[pending.pk, 1])).status_code == 403
    assert client.post(reverse("import_table", args=[pending.pk, 1]), {}).status_code == 403


def test_it_answers_bad_mapping_posts_with_form_errors_not_failures(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "spring.csv", SPRING)
    pending = PendingImport.objects.get()
    url = reverse("import_table", args=[pending.pk, 1])
    assert client.get(url).status_code == 405

    response = choose(client, col_1="chairs")
    assert response.status_code == 200
    assert "Select what Zebra holds from the list" in page_text(response)

    response = choose(client, col_1="title", col_3="title")
    assert "Choose Action for one column only" in page_text(response)

    response = choose(client, header="9")
    assert "Select the row that holds the headings from the list" in page_text(response)

    stale = table_form(page_text(client.get(reverse("import_check", args=[pending.pk]))))
    stale["t1-signature"] = "some|other|table"
    response = client.post(url, stale)
    assert "This table was read again since you opened the page" in page_text(response)

    assert client.post(reverse("import_table", args=[pending.pk, 99]), {}).status_code == 404
    assert client.get(reverse("import_action", args=[pending.pk, 1])).status_code == 404

    # More fields than any form has is refused as a bad request, with a page that says so.
    flood = {f"t1-col_{n}": "title" for n in range(1500)}
    response = client.post(url, flood)
    assert response.status_code == 400
    assert "Something was wrong with the request" in page_text(response)
    pending.refresh_from_db()
    assert not pending.choices.get("tables")


def test_it_says_so_when_reading_again_fails_and_keeps_the_reading_it_had(
    world: PlanWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = world.client_for(MANAGER)
    upload(client, world, "spring.csv", SPRING)

    def too_slow(*args: object, **kwargs: object) -> None:
        raise ParseError("Reading the plan took too long (more than 60 seconds), so we stopped.")

    monkeypatch.setattr(services, "read_again", too_slow)
    response = choose(client, col_0="ref", col_1="title", col_2="lead")
    assert response.status_code == 200
    page = page_text(response)
    assert "Reading the plan took too long" in page
    assert "Read with the columns you chose on this page" not in page
    assert not PendingImport.objects.get().choices.get("tables")


def test_it_lists_the_actions_it_is_least_sure_of_first_in_words(world: PlanWorld) -> None:
    document = {
        "format": "sendplan.plan/1",
        "plan": {
            "title": "Sureness plan",
            "sections": [
                {
                    "title": "Actions",
                    "actions": [
                        {"ref": "1", "title": "Read from its headings"},
                        {"ref": "2", "title": "Guessed from the cells"},
                        {"ref": "3", "title": "Fairly sure of this one"},
                    ],
                }
            ],
        },
    }
    placements = [
        Placement("action", f"row {n + 2}", str(n + 1), "", rule, sure)
        for n, (rule, sure) in enumerate(
            [("action-row", 1.0), ("headerless-table", 0.4), ("cell-content", 0.7)]
        )
    ]
    pending = services.pending_import_create(
        user=world.users[MANAGER],
        area=world.area,
        plan=None,
        source_name="plan.csv",
        result=ReadResult(document=document, placements=placements),
    )
    page = page_text(world.client_for(MANAGER).get(reverse("import_check", args=[pending.pk])))
    listed = page[page.index("Check the actions") :]
    order = [listed.index(title) for title in ("Guessed", "Fairly sure of", "Read from its")]
    assert order == sorted(order)
    assert "Check this" in listed and "Fairly sure" in listed


# Priorities as a list of things to have, under headings: nothing says they are actions, and
# the importer finds none by itself (should it learn to, choose a list it cannot read).
LISTED = """Our priorities for 2025 to 2028
Early help
- A speech and language pathway for every nursery
- Family hubs in every locality
Preparing for adulthood
- Supported internships with local employers
"""


def test_it_reads_a_plans_lists_as_actions_when_asked_and_as_before_when_not(
    world: PlanWorld,
) -> None:
    client = world.client_for(MANAGER)
    check_url = client.post(reverse("import_new"), {"area": world.area.pk, "text": LISTED})[
        "Location"
    ]
    check = page_text(client.get(check_url))
    assert "We found no actions" in check
    assert "We found no tables to map either" in check
    assert "Read each item of a list as an action" in check
    assert "Save the plan" not in check

    lists = reverse("import_lists", args=[PendingImport.objects.get().pk])
    again = client.post(lists, {"list_items": "yes"})
    assert again.status_code == 302
    check = page_text(client.get(again["Location"]))
    assert "Read again: 3 actions (was 0)." in check
    assert "Each item of the plan's lists was read as an action, as you asked" in check
    assert "Read the plan as before" in check
    assert "We found no actions" not in check
    assert "Save the plan" in check

    # Changed their mind: read as the importer reads it by itself.
    check = page_text(client.get(client.post(lists, {"list_items": "no"})["Location"]))
    assert "Read again: 0 actions (was 3)." in check
    assert "We found no actions" in check

    client.post(lists, {"list_items": "yes"})
    client.post(check_url)
    plan = Plan.objects.get(title="Our priorities for 2025 to 2028")
    sections = {
        section.title: [a.title for a in section.actions.order_by("position")]
        for section in plan.sections.all()
    }
    assert sections == {
        "Early help": [
            "A speech and language pathway for every nursery",
            "Family hubs in every locality",
        ],
        "Preparing for adulthood": ["Supported internships with local employers"],
    }


def test_it_says_so_when_asked_to_read_lists_that_are_not_there(world: PlanWorld) -> None:
    client = world.client_for(MANAGER)
    prose = "Our SEND strategy\nWe will work together with families to improve outcomes.\n"
    client.post(reverse("import_new"), {"area": world.area.pk, "text": prose})
    lists = reverse("import_lists", args=[PendingImport.objects.get().pk])
    check = page_text(client.post(lists, {"list_items": "yes"}, follow=True))
    assert "We found no lists to read as actions either." in check
    assert "but we found no lists either" in check
    assert "Save the plan" not in check


def test_it_offers_to_read_the_lists_of_a_plan_read_from_lines_but_not_of_a_table(
    world: PlanWorld,
) -> None:
    client = world.client_for(MANAGER)
    page = (
        "Our plan\nEarly help\n- Train nursery staff in spotting speech and language needs\n"
        "- Open two more family hubs in the north of the borough\n"
    )
    client.post(reverse("import_new"), {"area": world.area.pk, "text": page})
    check = page_text(client.get(reverse("import_check", args=[PendingImport.objects.get().pk])))
    assert "Open two more family hubs in the north of the borough" in check
    assert "Not the actions you expected?" in check
    assert "Read list items as actions" in check

    PendingImport.objects.all().delete()
    check = page_text(client.get(upload(client, world, "tracker.csv", TRACKER)))
    assert "Publish the local offer on the new website" in check
    assert "Read list items as actions" not in check
