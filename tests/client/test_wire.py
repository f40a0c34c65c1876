"""Building requests from operations and values, without I/O."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
from hypothesis import given
from hypothesis import strategies as st

from cftools.client import OPERATIONS
from cftools.client._wire import to_wire

GET_MEDIA_DATA = OPERATIONS["getMediaData"]  # /media/{id}.{extension}
GET_KEYWORD_LEASE = OPERATIONS["getKeywordLease"]  # /keywords/leases/{keyword}


@given(st.text(min_size=1, max_size=30))
def test_a_path_value_is_always_exactly_one_segment(value: str) -> None:
    wire = to_wire(GET_KEYWORD_LEASE, {"keyword": value})
    url = httpx.URL("https://api.callfire.com/v2" + wire.path)
    segments = url.raw_path.decode("ascii").split("/")
    assert segments[:4] == ["", "v2", "keywords", "leases"]
    assert len(segments) == 5
    assert unquote(segments[4]) == value


def test_dot_segments_cannot_climb_out_of_the_template() -> None:
    for value in (".", ".."):
        wire = to_wire(GET_KEYWORD_LEASE, {"keyword": value})
        url = httpx.URL("https://api.callfire.com/v2" + wire.path)
        assert url.path == f"/v2/keywords/leases/{value}"
        assert url.raw_path.endswith(b"%2E")


def test_two_placeholders_in_one_segment() -> None:
    wire = to_wire(GET_MEDIA_DATA, {"id": 12, "extension": "png"})
    assert wire.path == "/media/12.png"
    assert wire.headers["Accept"].startswith("image/jpeg, image/png")
    assert wire.headers["Accept"].endswith(", */*;q=0.1")  # whatever the file turns out to be


@given(
    st.lists(st.integers(min_value=0, max_value=2**63 - 1), max_size=5),
    st.booleans(),
)
def test_query_values_are_written_the_way_the_api_reads_them(ids: list[int], inbound: bool) -> None:
    wire = to_wire(OPERATIONS["findCalls"], {"id": ids, "inbound": inbound, "label": None})
    assert wire.query == (
        *(("id", str(i)) for i in ids),
        ("inbound", "true" if inbound else "false"),
    )


def test_an_integral_float_for_an_integer_parameter_is_written_as_an_integer() -> None:
    # The checks take 3.0 as an integer (the server's JSON reader does too), but str()
    # wrote 'limit=3.0' and '/calls/5.0', which the server's integer parsing refuses.
    wire = to_wire(OPERATIONS["findCalls"], {"limit": 3.0, "offset": 1e3, "id": [4.0, 5]})
    assert wire.query == (("limit", "3"), ("offset", "1000"), ("id", "4"), ("id", "5"))
    assert to_wire(OPERATIONS["getCall"], {"id": 5.0}).path == "/calls/5"
    # Not integer parameters, and floats with a fraction, are written as given.
    wire = to_wire(OPERATIONS["findCalls"], {"label": 2.0, "limit": 2.5})
    assert wire.query == (("label", "2.0"), ("limit", "2.5"))


def test_what_the_checks_read_leniently_travels_as_the_server_reads_it() -> None:
    # The checks ignore blanks and case in ' 5 ' and ' True', but the server refuses
    # the number and reads the word as false.
    wire = to_wire(OPERATIONS["findCalls"], {"limit": " 5 ", "inbound": " True", "id": [" 7"]})
    assert wire.query == (("limit", "5"), ("inbound", "true"), ("id", "7"))
    assert to_wire(OPERATIONS["getCall"], {"id": " 12 "}).path == "/calls/12"
    wire = to_wire(
        OPERATIONS["createContactListFromFile"], {"useCustomFields": "FALSE "}, files=None
    )
    assert wire.data == {"useCustomFields": "false"}
    wire = to_wire(OPERATIONS["findCalls"], {"states": " READY , FINISHED", "results": ["LA "]})
    assert wire.query == (("states", "READY,FINISHED"), ("results", "LA"))
    path = to_wire(OPERATIONS["deleteDoNotContact"], {"number": "12135551126, 12136666123"}).path
    assert path == "/contacts/dncs/12135551126%2C12136666123"
    # Strings the checks refuse (sent only with validate=False) go as given.
    wire = to_wire(OPERATIONS["findCalls"], {"inbound": "yes", "label": " x "})
    assert wire.query == (("inbound", "yes"), ("label", " x "))


def test_form_fields_and_files() -> None:
    wire = to_wire(
        OPERATIONS["createContactListFromFile"],
        {"name": "list", "useCustomFields": False},
        files={"file": ("c.csv", b"a,b\n")},
    )
    assert wire.data == {"name": "list", "useCustomFields": "false"}
    assert wire.files == (("file", ("c.csv", b"a,b\n", "text/csv")),)
    assert not wire.has_json
