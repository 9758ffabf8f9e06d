from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sendplan.demo.sample_files import EXTENSIONS, FORMATS, SAMPLES


class Command(BaseCommand):
    help = (
        "Write the demo's two published plans as text, Word and Excel files, to try the "
        "importer with (sendplan parse, sendplan import, or the import page)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", default="samples", help="folder to write them to")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        for sample in SAMPLES:
            for form in FORMATS:
                path = folder / sample.file_name(form)
                path.write_bytes(sample.build(form))
                self.stdout.write(f"{path}  ({sample.description}, {EXTENSIONS[form]})")
