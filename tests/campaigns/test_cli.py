"""``cftools send`` and ``cftools api`` against the fake CallFire on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_callfire import RECORDING, FakeCallFire, serve

from cftools._cli import main

PASSWORD = "pa55-w0rd-xyz"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCallFire]:
    server = FakeCallFire()
    with serve(server) as base_url:
        monkeypatch.setenv("CALLFIRE_USERNAME", "login-abc")
        monkeypatch.setenv("CALLFIRE_PASSWORD", PASSWORD)
        monkeypatch.setenv("CALLFIRE_BASE_URL", base_url)
        yield server


def write_csv(path: Path, rows: list[str], header: str = "Phone Number,First Name") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_send_texts_from_csv(
    fake: FakeCallFire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_csv(tmp_path / "p.csv", [f"(213) 555-{i:04d},P{i}" for i in range(25)])
    status = main(["send", "texts", str(people), "--message", "Hi", "--batch-size", "10"])
    out, err = capsys.readouterr()
    assert status == 0, err
    report = json.loads(out)
    assert report["sent"] == 25 and report["ok"] and report["started"]
    assert len(report["batch_ids"]) == 3
    stored = fake.broadcasts[report["broadcast_id"]]
    first = stored.batches[0]["recipients"][0]
    assert first == {"phoneNumber": "2135550000", "attributes": {"First Name": "P0"}}
    assert "cftools send: 25/25 recipients" in err  # plain progress lines off a terminal
    assert PASSWORD not in out + err
    assert (tmp_path / "p.csv.journal").exists()
    again = main(["send", "texts", str(people), "--message", "Hi", "--batch-size", "10"])
    assert again == 2 and "--resume" in capsys.readouterr().err
    resumed = main(["send", "texts", str(people), "--message", "Hi", "--batch-size", "10",
                    "--resume"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert resumed == 0 and json.loads(out)["sent_now"] == 0
    assert len(fake.phones(report["broadcast_id"])) == 25


def test_send_calls_with_a_dialplan_from_jsonl(
    fake: FakeCallFire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = tmp_path / "p.jsonl"
    people.write_text('{"phoneNumber": "12135550001", "attributes": {"a": "1"}}\n\n'
                      '{"phoneNumber": "12135550002"}\n')  # fmt: skip
    dialplan = tmp_path / "ivr.xml"
    dialplan.write_text('<dialplan name="Root"><play type="tts">Hello</play></dialplan>')
    status = main(["send", "calls", str(people), "--from", "12135551189", "--dialplan",
                   str(dialplan), "--name", "Survey"])  # fmt: skip
    out, err = capsys.readouterr()
    assert status == 0, err
    stored = fake.broadcasts[json.loads(out)["broadcast_id"]]
    assert stored.kind == "calls" and "<play" in stored.body["dialplanXml"]
    assert stored.body["name"].startswith("Survey [")


def test_send_refuses_invalid_rows_with_their_lines(
    fake: FakeCallFire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_csv(tmp_path / "p.csv", ["12135550001,A", "12,B", "12135550003,C"])
    status = main(["send", "texts", str(people), "--message", "Hi"])
    err = capsys.readouterr().err
    assert status == 1 and "line 3: phoneNumber" in err and "nothing was sent" in err
    assert fake.requests == 0
    status = main(["send", "texts", str(people), "--message", "Hi", "--skip-invalid"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["sent"] == 2
    assert report["skipped"][0]["line"] == 3


def test_send_dry_run_and_usage_errors(
    fake: FakeCallFire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_csv(tmp_path / "p.csv", ["12135550001,A"])
    assert main(["send", "texts", str(people), "--message", "Hi", "--dry-run"]) == 0
    assert fake.requests == 0
    capsys.readouterr()
    assert main(["send", "texts", str(people)]) == 2
    assert "--message" in capsys.readouterr().err
    assert main(["send", "calls", str(people), "--message", "Hi"]) == 2
    assert "--from" in capsys.readouterr().err
    no_phone = write_csv(tmp_path / "n.csv", ["x"], header="name")
    assert main(["send", "texts", str(no_phone), "--message", "Hi"]) == 2
    assert "no phone number column" in capsys.readouterr().err
    assert main(["send", "texts", str(tmp_path / "none.csv"), "--message", "Hi"]) == 2


def test_send_without_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.delenv("CALLFIRE_USERNAME", raising=False)
    people = write_csv(tmp_path / "p.csv", ["12135550001,A"])
    assert main(["send", "texts", str(people), "--message", "Hi"]) == 2
    assert "CALLFIRE_USERNAME" in capsys.readouterr().err


# -- cftools api ---------------------------------------------------------------------------


def test_api_invoke_paginate_and_body(
    fake: FakeCallFire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = tmp_path / "b.json"
    body.write_text('{"name": "one", "message": "hello"}')
    assert main(["api", "createTextBroadcast", "--body", f"@{body}"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert main(["api", "create_text_broadcast", "--body", '{"name": "two", "message": "m"}']) == 0
    capsys.readouterr()
    assert main(["api", "getTextBroadcast", f"id={created['id']}", "--fields", "name",
                 "--project"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == {"name": "one"}
    assert main(["api", "findTextBroadcasts", "--paginate", "--fields", "items(name)",
                 "--project", "limit=1"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [{"name": "one"}, {"name": "two"}]


def test_api_errors(fake: FakeCallFire, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["api", "findTextBroadcast"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["api", "findTextBroadcasts", "limit=ten"]) == 2
    assert "query.limit" in capsys.readouterr().err
    assert main(["api", "findTextBroadcasts", "oops"]) == 2
    assert main(["api", "getTextBroadcast", "id=999999"]) == 1
    err = capsys.readouterr().err
    assert "404" in err and PASSWORD not in err
    assert main(["api", "getTextBroadcast", "id=1", "--paginate"]) == 2
    assert "not a paged list" in capsys.readouterr().err
    assert main(["api", "getCallRecordingMp3", "id=1"]) == 2
    assert "--output" in capsys.readouterr().err
    assert main(["api", "createTextBroadcast", "--body", "{nope"]) == 2
    assert "not JSON" in capsys.readouterr().err


def test_api_download_to_a_file(fake: FakeCallFire, tmp_path: Path) -> None:
    target = tmp_path / "r.mp3"
    assert main(["api", "getCallRecordingMp3", "id=7", "--output", str(target)]) == 0
    assert target.read_bytes() == RECORDING
    assert main(["api", "findCalls", "--output", str(target)]) == 2
