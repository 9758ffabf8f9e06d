"""Loading DfE open data CSV files. Every file here is invented, in the published format:
the places are real names, the figures are made up."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sendplan.indicators import services
from sendplan.indicators.dfe import DfeFileError, Loaded, indicator_load_dfe, read_dfe_csv
from sendplan.indicators.models import Indicator, IndicatorPoint
from sendplan.indicators.selectors import indicator_series
from sendplan.test import PlanWorld

pytestmark = pytest.mark.django_db

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,age_group,pc_plans_issued_20_weeks_ex\n"
)
# Invented figures.
INVENTED = HEADER + (
    "2023,Calendar year,National,E92000001,England,,,,,,Total,50.3\n"
    "2024,Calendar year,National,E92000001,England,,,,,,Total,46.4\n"
    "2024,Calendar year,Regional,E92000001,England,E12000009,South West,,,,Total,44.0\n"
    "2023,Calendar year,Local authority,E92000001,England,E12000009,South West,803,E06000025,"
    "Testshire,Total,38.5\n"
    "2024,Calendar year,Local authority,E92000001,England,E12000009,South West,803,E06000025,"
    "Testshire,Total,c\n"
    "2023,Calendar year,Local authority,E92000001,England,E12000009,South West,802,E06000024,"
    "Neighbourshire,Total,61.0\n"
    "2023,Calendar year,Local authority,E92000001,England,E12000009,South West,803,E06000025,"
    "Testshire,Under 5,20.0\n"
)


def indicator(world: PlanWorld) -> Indicator:
    return services.indicator_create(
        actor=None, plan=world.plan, name="EHC plans issued within 20 weeks", better="higher"
    )


def read(text: str, **kwargs: object) -> Loaded:
    options: dict = {
        "column": "pc_plans_issued_20_weeks_ex",
        "area": "Testshire",
        "filters": {"age_group": "Total"},
        **kwargs,
    }
    return read_dfe_csv(text.encode(), **options)


def test_the_areas_row_becomes_actuals_and_england_and_region_comparators(
    world: PlanWorld,
) -> None:
    loaded = read(INVENTED, neighbours=["E06000024"])
    ind = indicator(world)
    added = indicator_load_dfe(actor=None, indicator=ind, loaded=loaded, source="invented.csv")
    assert added == 1
    series = indicator_series(ind)
    assert [(a.on, a.value) for a in series.actuals] == [("2023-12", 38.5)]
    assert {name: [(f.on, f.value) for f in figs] for name, figs in series.comparators.items()} == {
        "England": [("2023-12", 50.3), ("2024-12", 46.4)],
        "Neighbourshire": [("2023-12", 61.0)],
        "South West": [("2024-12", 44.0)],
    }


def test_a_suppressed_figure_is_a_gap_never_a_zero(world: PlanWorld) -> None:
    loaded = read(INVENTED)
    assert [(f.on, f.value) for f in loaded.actuals] == [("2023-12", 38.5), ("2024-12", None)]
    ind = indicator(world)
    indicator_load_dfe(actor=None, indicator=ind, loaded=loaded, source="invented.csv")
    assert list(ind.points.values_list("value", flat=True)) == [38.5]


def test_academic_years_sit_at_their_end() -> None:
    text = HEADER + (
        "202324,Academic year,Local authority,E92000001,England,E12000009,South West,803,"
        "E06000025,Testshire,Total,12.4\n"
    )
    [figure] = read(text).actuals
    assert (figure.on, figure.period) == ("2024-08", "2023/24")


def test_a_value_that_is_not_a_number_names_its_row_and_column() -> None:
    text = INVENTED.replace("Total,38.5", "Total,thirty")
    with pytest.raises(DfeFileError) as error:
        read(text)
    assert error.value.problems == [
        "Row 5, column pc_plans_issued_20_weeks_ex: “thirty” is not a number or one of the "
        "DfE's symbols for a suppressed figure (c, z, x, low)"
    ]


def test_a_file_not_in_the_format_is_refused() -> None:
    with pytest.raises(DfeFileError) as error:
        read("Local authority,Percentage\nTestshire,40\n")
    assert error.value.problems[0].startswith("Row 1: the file has no column time_period.")


def test_a_file_with_no_row_for_the_area_says_so() -> None:
    with pytest.raises(DfeFileError, match="No row of the file is for Elsewhere"):
        read(INVENTED, area="Elsewhere")


def test_two_rows_for_one_period_ask_for_a_filter() -> None:
    with pytest.raises(DfeFileError, match="more than one row for Testshire in the same period"):
        read(INVENTED, filters={})


def test_loading_the_same_file_twice_adds_nothing(world: PlanWorld) -> None:
    ind = indicator(world)
    for _ in range(2):
        indicator_load_dfe(actor=None, indicator=ind, loaded=read(INVENTED), source="x")
    assert ind.points.filter(kind=IndicatorPoint.Kind.ACTUAL).count() == 1
    assert ind.comparators.count() == 3


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "invented-ehcp.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_command_loads_a_file(world: PlanWorld, tmp_path: Path) -> None:
    ind = indicator(world)
    out = io.StringIO()
    call_command(
        "indicators",
        "load",
        write(tmp_path, INVENTED),
        indicator=ind.pk,
        column="pc_plans_issued_20_weeks_ex",
        filter=["age_group=Total"],
        stdout=out,
    )
    assert out.getvalue().strip() == (
        "EHC plans issued within 20 weeks: 1 figure for Testshire new or changed, "
        "1 suppressed (kept as gaps), comparators: England, South West"
    )
    point = ind.points.get()
    assert point.source == "DfE open data: invented-ehcp.csv"


def test_the_command_saves_nothing_from_a_file_with_errors(
    world: PlanWorld, tmp_path: Path
) -> None:
    ind = indicator(world)
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"Nothing was saved from invented-ehcp\.csv"):
        call_command(
            "indicators",
            "load",
            write(tmp_path, INVENTED.replace("Total,46.4", "Total,n/a")),
            indicator=ind.pk,
            column="pc_plans_issued_20_weeks_ex",
            filter=["age_group=Total"],
            stderr=err,
        )
    assert "Row 3, column pc_plans_issued_20_weeks_ex: “n/a”" in err.getvalue()
    assert not ind.points.exists() and not ind.comparators.exists()


def upload(world: PlanWorld, ind: Indicator, text: str, who: str = "programme_manager") -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    response = world.client_for(who).post(
        reverse("indicator_load", args=[world.plan.pk, ind.pk]),
        {
            "file": SimpleUploadedFile("invented-ehcp.csv", text.encode(), "text/csv"),
            "column": "pc_plans_issued_20_weeks_ex",
            "filters": "age_group=Total",
            "neighbours": "Neighbourshire",
        },
        follow=True,
    )
    assert response.status_code in (200, 403)
    return response.content.decode() if response.status_code == 200 else "403"


def test_a_manager_uploads_a_file_and_sees_the_figures_against_england(
    world: PlanWorld,
) -> None:
    ind = indicator(world)
    page = upload(world, ind, INVENTED)
    assert "1 figure for Testshire new or changed; 1 suppressed in the file, kept as gaps" in page
    assert "comparators: England, Neighbourshire, South West" in page
    assert ">England</th>" in page
    assert ind.points.get().value == 38.5


def test_an_upload_with_errors_names_them_and_saves_nothing(world: PlanWorld) -> None:
    ind = indicator(world)
    page = upload(world, ind, INVENTED.replace("Total,61.0", "Total,sixty"))
    assert "Row 7, column pc_plans_issued_20_weeks_ex: “sixty” is not a number" in page
    assert "Nothing was saved from invented-ehcp.csv" in page
    assert 'value="Neighbourshire"' in page  # what was typed is kept
    assert not ind.points.exists() and not ind.comparators.exists()


def test_only_managers_may_load_files(world: PlanWorld) -> None:
    ind = indicator(world)
    assert upload(world, ind, INVENTED, who="lead_officer") == "403"
    assert not ind.points.exists()
