"""Reading recipients (CSV, JSON Lines, iterables) and cutting them into checked batches."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cftools.campaigns as campaigns
from cftools.campaigns import InputError, RecipientFile, Row, Skipped, read_recipients
from cftools.campaigns._input import check_reiterable, rows_of
from cftools.campaigns._plan import CHECK_CHUNK, Batch, plan


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header", ["phoneNumber", "phone", "Phone Number", "phone_number", "PHONE-NUMBER", "Mobile"]
)
def test_csv_phone_header_is_found_leniently(tmp_path: Path, header: str) -> None:
    rows = list(read_recipients(write(tmp_path / "p.csv", f"{header},City\n2135551100,LA\n")))
    assert rows == [Row(2, {"phoneNumber": "2135551100", "attributes": {"City": "LA"}})]


def test_csv_cells_properties_and_line_numbers(tmp_path: Path) -> None:
    text = (
        "\ufeffPhone,contact id,From Number,Name,Note\n"
        "(213) 555-1100,,+1 213 555 1189,Ada,\n"
        "\n"
        '2135551101,7,,"Bob ""B""","two\nlines"\n'
        "2135551102,,,Eve\n"
        "2135551103,,,Zed,x\n"
    )
    rows = list(read_recipients(write(tmp_path / "p.csv", text)))
    assert rows[0] == Row(
        2,
        {"phoneNumber": "2135551100", "fromNumber": "+12135551189", "attributes": {"Name": "Ada"}},
    )
    assert rows[1] == Row(
        4,
        {
            "phoneNumber": "2135551101",
            "contactId": "7",
            "attributes": {"Name": 'Bob "B"', "Note": "two\nlines"},
        },
    )
    assert rows[2] == Row(6, None, "4 cells, but the header has 5")
    assert rows[3].line == 7 and rows[3].recipient is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Name,City\nA,B\n", "no phone number column"),
        ("phone,,City\n1,2,3\n", "empty header"),
        ("phone,Mobile\n1,2\n", "both give phoneNumber"),
        ("phone,city,City\n1,2,3\n", None),  # attribute names are case-sensitive keys
    ],
)
def test_csv_header_errors(tmp_path: Path, text: str, message: str | None) -> None:
    source = read_recipients(write(tmp_path / "p.csv", text))
    if message is None:
        assert next(iter(source)).recipient == {
            "phoneNumber": "1",
            "attributes": {"city": "2", "City": "3"},
        }
        return
    with pytest.raises(InputError, match=message) as caught:
        list(source)
    assert caught.value.line == 1 and str(tmp_path) in str(caught.value)


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    text = '{"phoneNumber": "12135551100"}\n\n[1]\n{oops\n{"contactId": 5}\n'
    rows = list(read_recipients(write(tmp_path / "p.jsonl", text)))
    assert rows[0] == Row(1, {"phoneNumber": "12135551100"})
    assert rows[1] == Row(3, None, "expected a JSON object, got list")
    assert rows[2].line == 4 and rows[2].error is not None and "not JSON" in rows[2].error
    assert rows[3] == Row(5, {"contactId": 5})


def test_format_is_sniffed_without_an_extension(tmp_path: Path) -> None:
    assert read_recipients(write(tmp_path / "a", '{"phoneNumber": "1"}\n')).format == "jsonl"
    assert read_recipients(write(tmp_path / "b", "phone\n1\n")).format == "csv"


def test_unreadable_sources(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_recipients(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="standard input"):
        read_recipients("-")
    (tmp_path / "bin.csv").write_bytes(b"phone\n\xff\xfe\n")
    with pytest.raises(InputError, match="UTF-8"):
        list(read_recipients(tmp_path / "bin.csv"))
    with pytest.raises(InputError, match="re-iterable"):
        check_reiterable(iter([{}]))
    with pytest.raises(InputError, match="iterable of mappings"):
        check_reiterable("12135551100")
    check_reiterable(RecipientFile(write(tmp_path / "c.csv", "phone\n1\n")))


def test_the_file_is_read_afresh_on_each_pass(tmp_path: Path) -> None:
    source = read_recipients(write(tmp_path / "p.csv", "phone\n2135551100\n"))
    assert list(source) == list(source)


def test_invalid_rows_are_mapped_to_their_lines_by_the_shared_checks() -> None:
    rows = [
        {"phoneNumber": "12135551100"},
        {"phoneNumber": "555"},
        {"phoneNumber": "12135551101", "attributes": {"a": ["x"]}},
        {"attributes": {"a": "b"}},
        {"phonenumber": "12135551102"},
    ]
    items = list(plan("texts", rows, 10))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.line for s in skipped] == [2, 3, 4, 5]
    assert skipped[0].reason.startswith("phoneNumber: '555' is not a phone number")
    assert skipped[1].reason.startswith("attributes.a: ")
    assert "phoneNumber" in skipped[3].reason  # did you mean
    (batch,) = [i for i in items if isinstance(i, Batch)]
    assert batch.recipients == ({"phoneNumber": "12135551100"},)


def test_call_batches_take_no_per_recipient_dialplan() -> None:
    # The batch operations take Recipient (phoneNumber, contactId, fromNumber,
    # attributes): a dialplan belongs to the broadcast, and the shared checks say so.
    (item,) = plan("calls", [{"phoneNumber": "12135551100", "dialplanXml": "<dialplan/>"}], 5)
    assert isinstance(item, Skipped) and "dialplanXml" in item.reason


@given(
    valid=st.lists(st.booleans(), max_size=3 * CHECK_CHUNK),
    size=st.integers(min_value=1, max_value=40),
)
def test_batches_are_the_valid_rows_in_order(valid: list[bool], size: int) -> None:
    rows = [{"phoneNumber": f"1213{i:07d}" if ok else "1"} for i, ok in enumerate(valid)]
    items = list(plan("texts", rows, size))
    batches = [i for i in items if isinstance(i, Batch)]
    assert [b.index for b in batches] == list(range(len(batches)))
    assert all(len(b.recipients) == size for b in batches[:-1])
    sent = [r for b in batches for r in b.recipients]
    assert sent == [r for r, ok in zip(rows, valid, strict=True) if ok]
    assert [s.line for s in items if isinstance(s, Skipped)] == [
        n for n, ok in enumerate(valid, 1) if not ok
    ]
    assert [b.digest for b in batches] == [
        b.digest for b in plan("texts", rows, size) if isinstance(b, Batch)
    ]


def test_rows_of_an_iterable_are_numbered() -> None:
    assert list(rows_of([{"a": 1}, 5])) == [
        Row(1, {"a": 1}),
        Row(2, None, "not a recipient mapping: int"),
    ]


def test_public_names() -> None:
    public = {n for n in vars(campaigns) if not n.startswith("_")} - {"annotations"}
    assert set(campaigns.__all__) <= public
    assert dir(campaigns) == list(campaigns.__all__)
    assert campaigns.Report.__module__ == "cftools.campaigns"
