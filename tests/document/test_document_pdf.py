"""PDFs with a text layer: paragraphs, pages, columns; and every way a PDF can be refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from document_invariants import assert_well_formed, block_texts
from pdf_builder import Page, write_image_only_pdf, write_pdf

from reader.document import DocumentError, load_document
from reader.document import pdf as pdf_module
from reader.document.pdf import PdfPasswordError

ONE = ("The harbour authority said on Monday that the breakwater would be rebuilt over two "
       "years at a cost of about eighteen million pounds, paid from reserves and a grant.")
TWO = ("Fishermen said they had been warning about cracks in the harbour wall since 2019, "
       "but nothing had been done until the storm in January damaged the outer section.")
THREE = ("The council's finance committee will meet in March to approve the first payment, "
         "and the work is due to start in the summer once the licences are granted.")
FOUR = ("A spokesperson for the harbour authority said that ferries would run as usual "
        "while the work went on, though the outer berth would close for six weeks.")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    pages = [
        Page([("h", "Breakwater to be rebuilt"), ("p", ONE), ("p", TWO)]),
        Page([("p", THREE), ("li", "dredging the outer channel,"),
              ("li", "repairing the north quay.")]),
        Page([("p", FOUR), ("p", ONE)]),
    ]
    return write_pdf(tmp_path / "report.pdf", pages, header="Harbour Board — Annual report",
                     footer="Published by the Harbour Board", hyphenate=("harbour", "finance"))


def test_paragraphs_are_rebuilt_and_hyphenation_undone(report: Path) -> None:
    document = load_document(report)
    assert document.format == "pdf"
    assert block_texts(document) == [
        ("heading", 1, "Breakwater to be rebuilt"),
        ("paragraph", 0, ONE), ("paragraph", 0, TWO), ("paragraph", 0, THREE),
        ("list_item", 1, "dredging the outer channel,"),
        ("list_item", 1, "repairing the north quay."),
        ("paragraph", 0, FOUR), ("paragraph", 0, ONE),
    ]
    assert "har-" not in document.text and "harbour wall" in document.text
    assert_well_formed(document)


def test_running_headers_footers_and_page_numbers_are_dropped(report: Path) -> None:
    text = load_document(report).text
    assert "Annual report" not in text and "Published by" not in text
    assert not any(line.strip().isdigit() for line in text.splitlines())


def test_each_block_keeps_its_page(report: Path) -> None:
    document = load_document(report)
    assert document.pages == (1, 1, 1, 2, 2, 2, 3, 3)
    assert document.page_at(document.text.index("dredging")) == 2
    assert document.page_at(len(document.text)) == 3
    assert document.title == "Breakwater to be rebuilt"


def test_a_header_on_two_pages_only_is_kept(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "short.pdf", [Page([("p", ONE)]), Page([("p", TWO)])],
                     header="Harbour Board — Annual report")
    assert load_document(path).text.count("Harbour Board — Annual report") == 2


def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    paragraphs = [text.replace("the", word) for word in ("the", "a", "one", "this")
                  for text in (ONE, TWO, THREE)]
    path = write_pdf(tmp_path / "columns.pdf",
                     [Page([("p", text) for text in paragraphs], columns=2,
                           banner="Two columns")], numbers=False)
    document = load_document(path)
    assert [text for _, _, text in block_texts(document)] == ["Two columns", *paragraphs]
    assert document.pages == (1,) * 13
    import pypdfium2

    with pypdfium2.PdfDocument(str(path)) as pdf:  # both columns were used
        assert {line.column for line in pdf_module._page_lines(pdf, 0)} >= {1, 2}


def test_a_paragraph_runs_on_across_a_page_break(tmp_path: Path) -> None:
    first, rest = ONE[:60], ONE[60:]
    cut = first.rindex(" ")
    path = write_pdf(tmp_path / "runon.pdf", [Page([("p", TWO), ("p", ONE[:cut])]),
                                              Page([("c", ONE[cut + 1:])])], numbers=False)
    assert rest  # the second page opens mid-sentence, in lower case
    assert [text for _, _, text in block_texts(load_document(path))] == [TWO, ONE]


def test_a_scanned_pdf_says_to_run_ocr(tmp_path: Path) -> None:
    path = write_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "this PDF has no text layer; run OCR first" in caught.value.message
    assert str(path) in caught.value.message


def _locked(source: Path, target: Path, user: str, owner: str = "owner") -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user, owner_password=owner)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def test_a_password_protected_pdf_asks_for_its_password(report: Path, tmp_path: Path) -> None:
    locked = _locked(report, tmp_path / "locked.pdf", "harbour")
    with pytest.raises(PdfPasswordError) as caught:
        load_document(locked)
    assert "protected by a password" in caught.value.message
    assert isinstance(caught.value, DocumentError)  # the one error path
    with pytest.raises(PdfPasswordError) as wrong:
        load_document(locked, password="quay")
    assert "password is wrong" in wrong.value.message
    assert ONE in load_document(locked, password="harbour").text


def test_an_encrypted_pdf_without_a_user_password_opens(report: Path, tmp_path: Path) -> None:
    restricted = _locked(report, tmp_path / "restricted.pdf", "")
    assert ONE in load_document(restricted).text


@pytest.mark.parametrize("damage", ["truncated", "garbage", "header-only"])
def test_a_damaged_pdf_is_a_clear_error(report: Path, tmp_path: Path, damage: str) -> None:
    data = report.read_bytes()
    broken = {"truncated": data[: len(data) // 3],
              "garbage": b"%PDF-1.7\n" + bytes(range(256)) * 40,
              "header-only": b"%PDF-1.4\n"}[damage]
    path = tmp_path / "broken.pdf"
    path.write_bytes(broken)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert caught.value.message.count("\n") == 0
    assert str(path) in caught.value.message


def test_a_pdf_over_the_page_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 4)
    path = write_pdf(tmp_path / "long.pdf", [Page([("p", ONE)]) for _ in range(5)])
    read = []
    monkeypatch.setattr(pdf_module, "_page_lines", lambda *args: read.append(args) or [])
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "it has 5 pages, more than the 4 Claim Reader reads" in caught.value.message
    assert read == []
