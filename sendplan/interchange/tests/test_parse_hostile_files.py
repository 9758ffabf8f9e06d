"""Files that must be refused with a clear message: empty, damaged, protected, unsafe, too big,
too slow, or of a type we do not read. Also the child process that enforces the time limit."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest

from sendplan.interchange.parsers import (
    ParseError,
    parse_file,
    parse_file_inprocess,
    parse_pasted,
    rules,
    safety,
)
from sendplan.interchange.tests import report_messages


def word_file(text: str = "Westvale SEND Improvement Plan") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewritten(data: bytes, changes: dict[str, bytes], *, drop: tuple[str, ...] = ()) -> bytes:
    """A copy of a zip package with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            if item.filename in drop or item.filename in changes:
                continue
            copy.writestr(item, source.read(item))
        for name, content in changes.items():
            copy.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refused(data: bytes, filename: str, **options: float) -> str:
    with pytest.raises(ParseError) as caught:
        parse_file_inprocess(data, filename, **options)  # type: ignore[arg-type]
    return str(caught.value)


def test_it_refuses_an_empty_file() -> None:
    assert "empty" in refused(b"", "plan.docx")


def test_it_refuses_a_file_over_the_size_limit() -> None:
    message = refused(word_file(), "plan.docx", max_bytes=1000)
    assert "too big" in message


def test_it_refuses_a_damaged_zip() -> None:
    assert "damaged" in refused(b"PK\x03\x04" + os.urandom(200), "plan.docx")


def test_it_refuses_a_file_named_docx_that_is_not_one() -> None:
    assert "damaged" in refused(b"Just some words", "plan.docx")


def test_it_explains_how_to_remove_a_password() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    ole += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    assert "password" in refused(ole, "plan.docx")


def test_it_asks_for_old_word_and_excel_files_to_be_saved_again() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    message = refused(ole, "plan.doc")
    assert ".docx" in message and ".xlsx" in message


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "photo.png", "picture"),
        (b"{\\rtf1 hello}", "plan.rtf", "Rich Text"),
        (b"some bytes", "plan.odt", ".odt"),
        (b"some bytes", "plan", "without an extension"),
    ],
)
def test_it_names_what_it_can_read_when_it_cannot_read_a_type(
    data: bytes, filename: str, expected: str
) -> None:
    message = refused(data, filename)
    assert expected in message
    assert ".docx" in message and ".pdf" in message


def test_it_reads_pdfs_but_refuses_a_damaged_one_as_damaged() -> None:
    message = refused(b"%PDF-1.7 rest of a pdf", "plan.pdf")
    assert message.startswith("This PDF could not be opened; it may be damaged.")


def test_it_refuses_xml_with_entity_declarations() -> None:
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    declaration = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    body = body.replace("?>", "?>" + declaration, 1).replace(
        "Westvale SEND Improvement Plan", "&lol2;"
    )
    bomb = rewritten(original, {"word/document.xml": body.encode("utf-8")})
    message = refused(bomb, "plan.docx")
    assert "DOCTYPE" in message


def with_entities(body: str) -> str:
    declaration = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    return body.replace("?>", "?>" + declaration, 1).replace(
        "Westvale SEND Improvement Plan", "&lol2;"
    )


def with_main_part_renamed(original: bytes, name: str, content: bytes) -> bytes:
    """The package with its main part moved to another name, which the readers still find
    through the content types and the relationships."""
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        types = package.read("[Content_Types].xml").decode("utf-8")
        rels = package.read("_rels/.rels").decode("utf-8")
        inner = package.read("word/_rels/document.xml.rels")
    changes = {
        "[Content_Types].xml": types.replace("/word/document.xml", f"/word/{name}").encode(),
        "_rels/.rels": rels.replace("word/document.xml", f"word/{name}").encode(),
        f"word/_rels/{name}.rels": inner,
        f"word/{name}": content,
    }
    return rewritten(original, changes, drop=("word/document.xml", "word/_rels/document.xml.rels"))


def renamed_main_part(encoding: str, padding: str = "") -> bytes:
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        body = with_entities(package.read("word/document.xml").decode("utf-8"))
    if encoding != "utf-8":
        body = body.replace("UTF-8", encoding.upper(), 1)
    return with_main_part_renamed(original, "body.txt", (padding + body).encode(encoding))


def extra_part(name: str, content: bytes) -> bytes:
    return rewritten(word_file(), {name: content})


def declared_as_xml(name: str, content: bytes) -> bytes:
    """A part added with [Content_Types].xml saying it is XML, whatever its name."""
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        types = package.read("[Content_Types].xml").decode("utf-8")
    override = f'<Override PartName="/{name}" ContentType="application/xml"/></Types>'
    changes = {"[Content_Types].xml": types.replace("</Types>", override).encode(), name: content}
    return rewritten(original, changes)


@pytest.mark.parametrize(
    "package",
    [
        pytest.param(renamed_main_part("utf-8"), id="main part renamed"),
        pytest.param(renamed_main_part("utf-16"), id="main part renamed, in UTF-16"),
        pytest.param(
            declared_as_xml(
                "docProps/thumbnail.jpeg",
                b"\n" * 10_000 + b'<!DOCTYPE x [<!ENTITY big "big">]><x>&big;</x>',
            ),
            id="XML named as a picture but declared XML, after many blank lines",
        ),
        pytest.param(
            extra_part("customXml/item1", b'<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>'),
            id="part with no extension",
        ),
        pytest.param(
            extra_part(
                "customXml/item2.xml",
                b'<?xml version="1.0"?><!--'
                + b"x" * 40_000
                + b'-->\n<!DOCTYPE x SYSTEM "x.dtd"><x/>',
            ),
            id="declaration after a comment longer than the parser's reads",
        ),
    ],
)
def test_it_refuses_entity_declarations_in_a_part_of_any_name(package: bytes) -> None:
    assert "DOCTYPE" in refused(package, "plan.docx")


def test_it_still_reads_a_document_whose_parts_are_not_named_xml() -> None:
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        body = package.read("word/document.xml")
    renamed = with_main_part_renamed(original, "body.txt", body)
    with_picture = rewritten(renamed, {"word/media/image1.png": b"\x89PNG\r\n\x1a\n<svg>"})
    result = parse_file_inprocess(with_picture, "plan.docx")
    assert result.document["plan"]["title"] == "Westvale SEND Improvement Plan"


def test_it_reads_a_document_with_an_svg_picture_that_declares_a_doctype() -> None:
    # Illustrator writes a DOCTYPE in its SVGs; a picture is never parsed by the readers.
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>'
    )
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        types = package.read("[Content_Types].xml").decode("utf-8")
    svg_type = '<Default Extension="svg" ContentType="image/svg+xml"/></Types>'
    changes = {
        "[Content_Types].xml": types.replace("</Types>", svg_type).encode(),
        "word/media/logo.svg": svg,
    }
    result = parse_file_inprocess(rewritten(original, changes), "plan.docx")
    assert result.document["plan"]["title"] == "Westvale SEND Improvement Plan"


def test_it_refuses_a_zip_bomb_before_opening_it() -> None:
    bomb = rewritten(word_file(), {"word/media/padding.bin": b"\x00" * (20 * 1024 * 1024)})
    assert "zip bomb" in refused(bomb, "plan.docx")


def test_it_refuses_a_package_that_unpacks_to_too_much(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED", 1024 * 1024)
    large = rewritten(word_file(), {"word/media/photo.bin": os.urandom(2 * 1024 * 1024)})
    assert "unpacks to" in refused(large, "plan.docx")


def test_it_refuses_a_zip_that_is_not_an_office_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "not a Word or Excel" in refused(out.getvalue(), "plan.zip")


def test_it_removes_macros_and_says_so() -> None:
    original = word_file()
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        types = package.read("[Content_Types].xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
        'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    )
    macro = rewritten(
        original,
        {
            "[Content_Types].xml": types.encode("utf-8"),
            "word/_rels/document.xml.rels": rels.encode("utf-8"),
            "word/vbaProject.bin": b"Attribute VB_Name = evil",
        },
    )
    result = parse_file_inprocess(macro, "plan.docm")
    assert result.document["plan"]["title"] == "Westvale SEND Improvement Plan"
    # The check of the file reports more than macros: what it tells the person is the point.
    checked = report_messages(result, rules.FILE_CHECK)
    assert any("macros" in message and "never run" in message for message in checked)


def test_it_refuses_text_that_is_really_binary() -> None:
    assert "does not look like text" in refused(os.urandom(4000) + b"\x00" * 100, "plan.txt")


def test_it_reads_a_file_in_a_child_process() -> None:
    result = parse_file(word_file(), "plan.docx", timeout=60)
    assert result.document["plan"]["title"] == "Westvale SEND Improvement Plan"


def test_it_gives_up_when_reading_takes_too_long() -> None:
    with pytest.raises(ParseError) as caught:
        parse_file(word_file(), "plan.docx", timeout=0.001)
    assert "took too long" in str(caught.value)


def test_it_reads_pasted_text_in_a_child_process_with_the_same_time_limit() -> None:
    text = "Westvale SEND Improvement Plan\nPriority 1: Leadership\n"
    assert parse_pasted(text, timeout=60).document["plan"]["title"] == (
        "Westvale SEND Improvement Plan"
    )
    with pytest.raises(ParseError) as caught:
        parse_pasted(text, timeout=0.001)
    assert "took too long" in str(caught.value)


def test_it_refuses_pasted_text_longer_than_a_file_could_be() -> None:
    with pytest.raises(ParseError) as caught:
        parse_pasted("Westvale plan\n" * 1000, max_chars=5000)
    assert str(caught.value).startswith("The pasted text is too long (14,000 characters).")
    with pytest.raises(ParseError, match="empty"):
        parse_pasted("  \n ")


def test_it_refuses_unsafe_files_before_starting_a_child_process() -> None:
    with pytest.raises(ParseError) as caught:
        parse_file(b"", "plan.docx")
    assert "empty" in str(caught.value)


def test_it_passes_a_refusal_back_from_the_child_process() -> None:
    bomb = rewritten(word_file(), {"word/media/padding.bin": b"\x00" * (20 * 1024 * 1024)})
    with pytest.raises(ParseError) as caught:
        parse_file(bomb, "plan.docx")
    assert "zip bomb" in str(caught.value)


def test_it_refuses_a_package_whose_part_is_damaged_inside_the_zip() -> None:
    data = bytearray(word_file())
    second = data.index(b"PK\x03\x04", 4)
    data[second + 3] = 0x05
    assert "damaged" in refused(bytes(data), "plan.docx")
