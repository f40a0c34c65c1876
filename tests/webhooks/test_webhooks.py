"""cftools.webhooks: signatures, payloads of every resource type, receive, and the CLI."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import pickle
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cftools import CftoolsError
from cftools._cli import main
from cftools.webhooks import (
    RESOURCE_TYPES,
    SIGNATURE_HEADER,
    WebhookError,
    WebhookSignatureError,
    parse,
    receive,
    sign,
    verify,
)

DATA = Path(__file__).with_name("data")
FIXTURES = sorted(DATA.glob("*.json"))
SECRET = "whsec-Zq8-not-in-output"


# -- sign / verify -------------------------------------------------------------------------


def test_sign_matches_the_rfc_2202_hmac_sha1_vector_in_base64() -> None:
    expected = base64.b64encode(bytes.fromhex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
    assert sign(b"what do ya want for nothing?", "Jefe") == expected.decode()


@given(body=st.binary(max_size=200), secret=st.text(min_size=1, max_size=20))
def test_verify_accepts_what_sign_produced_and_nothing_else(body: bytes, secret: str) -> None:
    signature = sign(body, secret)
    assert verify(body, signature, secret)
    assert verify(body, f"  {signature}\n", secret)  # header whitespace
    assert not verify(body + b" ", signature, secret)
    assert not verify(body, signature, secret + "x")
    independent = hmac.new(secret.encode(), body, hashlib.sha1).digest()
    assert base64.b64decode(signature) == independent


def test_verify_is_on_the_raw_bytes_not_on_reserialized_json() -> None:
    raw = b'{"b": 1,  "a": 2}'
    signature = sign(raw, SECRET)
    assert not verify(json.dumps(json.loads(raw)).encode(), signature, SECRET)


@pytest.mark.parametrize("signature", ["", "   ", "not base64 at all", "é"])
def test_verify_refuses_empty_and_garbage_signatures(signature: str) -> None:
    assert not verify(b"{}", signature, SECRET)


def test_verify_refuses_an_empty_secret_even_with_its_signature() -> None:
    assert not verify(b"{}", sign(b"{}", ""), "")


def test_bytes_secrets_and_signatures_work_too() -> None:
    assert verify(b"{}", sign(b"{}", SECRET).encode(), SECRET.encode())


@pytest.mark.parametrize("function", [sign, verify])
def test_a_body_given_as_text_is_a_type_error(function: Any) -> None:
    args = ("{}", SECRET) if function is sign else ("{}", "x", SECRET)
    with pytest.raises(TypeError, match="raw body as bytes"):
        function(*args)


# -- parse ---------------------------------------------------------------------------------


def test_the_fixtures_cover_every_resource_type_the_spec_lists() -> None:
    seen = {json.loads(p.read_bytes())["resourceType"] for p in FIXTURES}
    assert set(RESOURCE_TYPES) <= seen
    assert "InboundFax" in seen  # and one the spec does not list


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_parses_to_exactly_its_json(path: Path) -> None:
    raw = path.read_bytes()
    payload = parse(raw)
    assert payload == json.loads(raw)
    assert type(payload) is dict
    for event in payload["events"]:
        assert type(event) is dict


def test_drift_comes_through_unchanged() -> None:
    payload = parse((DATA / "outbound_call_finished.json").read_bytes())
    assert payload["webhookId"] == 2**53 + 1  # no float rounding
    assert payload["resourceType"] == "OutboundCall"
    call = payload["events"][0]["resource"]
    assert call["id"] == 2**53 + 3
    assert call["records"][0]["callResult"] == "LA"  # a key the spec names otherwise
    assert call["someNewServerField"] == {"nested": True}
    inbound = parse((DATA / "inbound_call_finished.json").read_bytes())
    assert inbound["events"][0]["resource"]["finalCallResult"] == "NOT_IN_THE_SPEC"


def test_unknown_resource_and_event_types_are_kept_as_plain_dicts() -> None:
    fax = parse((DATA / "unknown_resource_type.json").read_bytes())
    assert fax["resourceType"] == "InboundFax"
    event = parse((DATA / "unknown_event_type.json").read_bytes())["events"][0]
    assert event["eventType"] == "transferred"


def test_text_and_a_byte_order_mark_are_accepted() -> None:
    raw = (DATA / "inbound_text_finished.json").read_bytes()
    assert parse(raw.decode()) == parse(b"\xef\xbb\xbf" + raw)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not JSON"),
        (b"resourceType=OutboundCall", "not JSON: Expecting value at line 1, column 1"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[]", "a JSON array, not an object"),
        (b"null", "a JSON null, not an object"),
        (b'{"events": []}', "'resourceType' is missing"),
        (b'{"resourceType": 3, "events": []}', "'resourceType' is a number"),
        (b'{"resourceType": "OutboundCall"}', "'events' is missing"),
        (b'{"resourceType": "OutboundCall", "events": {}}', "'events' is a object"),
        (b'{"resourceType": "OutboundCall", "events": [1]}', "events[0] is a number"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"resourceType": "x", "events": [], "n": ' + b"9" * 5000 + b"}", "cannot be read"),
    ],
)
def test_a_body_that_is_not_a_payload_is_a_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(WebhookError) as caught:
        parse(body)
    assert message in str(caught.value)
    assert isinstance(caught.value, CftoolsError) and isinstance(caught.value, ValueError)
    assert caught.value.__cause__ is None


def test_errors_pickle() -> None:
    error = WebhookSignatureError("no header")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is WebhookSignatureError and str(copy) == "no header"


# -- receive -------------------------------------------------------------------------------


class Headers(Mapping[str, str]):
    """A read-only mapping of headers with its own case, as frameworks give them."""

    def __init__(self, **items: str) -> None:
        self._items = {k.replace("_", "-"): v for k, v in items.items()}

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


@pytest.mark.parametrize(
    "name", ["X-CallFire-Signature", "x-callfire-signature", "X-CALLFIRE-SIGNATURE"]
)
def test_receive_finds_the_header_in_any_case(name: str) -> None:
    raw = (DATA / "outbound_text_finished.json").read_bytes()
    payload = receive(raw, Headers(**{name: sign(raw, SECRET)}), SECRET)
    assert payload["resourceType"] == "OutboundText"


def test_receive_refuses_a_missing_signature() -> None:
    with pytest.raises(WebhookSignatureError, match="no X-CallFire-Signature header"):
        receive(b"{}", {}, SECRET)


def test_a_bad_signature_is_refused_before_the_body_is_parsed() -> None:
    with pytest.raises(WebhookSignatureError, match="does not match") as caught:
        receive(b"not json at all", {SIGNATURE_HEADER: sign(b"other", SECRET)}, SECRET)
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_a_signed_body_that_is_not_a_payload_is_a_webhook_error() -> None:
    with pytest.raises(WebhookError, match="not JSON") as caught:
        receive(b"oops", {SIGNATURE_HEADER: sign(b"oops", SECRET)}, SECRET)
    assert not isinstance(caught.value, WebhookSignatureError)


# -- the command line ----------------------------------------------------------------------


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes = b""
) -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        status = main(["webhooks", *argv])
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_sign_prints_the_header_value(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES[0]
    status, out, err = run(["sign", "--secret", SECRET, str(path)], capsys)
    assert (status, out, err) == (0, sign(path.read_bytes(), SECRET) + "\n", "")


def test_cli_verify_from_stdin_with_the_secret_in_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    good = sign(b"{}", SECRET)
    args = ["verify", "--secret-env", "HOOK_SECRET", "--signature"]
    assert run([*args, good, "-"], capsys, b"{}")[0] == 0
    status, out, err = run([*args, good, "-"], capsys, b"{} ")
    assert status == 1 and "does not match" in err
    assert SECRET not in out + err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sign", "--secret-env", "NOT_SET_ANYWHERE_42", "-"], "NOT_SET_ANYWHERE_42 is not set"),
        (["sign", "--secret", "", "-"], "the secret is empty"),
        (["sign", "--secret", SECRET, "/nonexistent/body.json"], "cannot read"),
    ],
)
def test_cli_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(argv, capsys)
    assert status == 2 and message in err and SECRET not in out + err


def test_cli_without_a_secret_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["verify", "--signature", "x", "-"], capsys)
    assert caught.value.code == 2
