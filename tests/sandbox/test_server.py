"""Serving: the pytest fixtures, a file store across restarts, the CLI, the base URL."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from cftools._sandbox_pytest import SandboxFixture
from cftools.client import Client
from cftools.sandbox import Sandbox, SandboxServer, Store

ROOT = Path(__file__).resolve().parents[2]
PHONE = "12135551100"


def test_the_server_fixture_serves_on_loopback_with_ready_clients(
    callfire_sandbox: SandboxFixture,
) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v2", callfire_sandbox.url)
    api = callfire_sandbox.client
    contact = api.create_contacts([{"homePhone": PHONE}])["items"][0]["id"]

    async def read() -> str:
        found = await callfire_sandbox.async_client.get_contact(id=contact)
        return str(found["homePhone"])

    assert asyncio.run(read()) == PHONE


def test_the_in_process_fixture_needs_no_socket(callfire_sandbox_inprocess: SandboxFixture) -> None:
    api = callfire_sandbox_inprocess.client
    sent = api.send_texts([{"phoneNumber": PHONE, "message": "Hi"}])
    text_id = sent["items"][0]["id"]

    async def read() -> str:
        return str((await callfire_sandbox_inprocess.async_client.get_text(id=text_id))["message"])

    assert asyncio.run(read()) == "Hi"


def test_each_test_starts_from_an_empty_sandbox(callfire_sandbox_inprocess: SandboxFixture) -> None:
    assert callfire_sandbox_inprocess.client.find_texts()["totalCount"] == 0


def test_state_in_a_file_survives_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "state.db")
    with SandboxServer(db=db) as server, server.client() as api:
        list_id = api.create_contact_list({"name": "kept", "contactNumbers": [PHONE]})["id"]
        media = api.create_media(("a.png", b"\x89PNG-bytes", "image/png"))["id"]
    server.sandbox.close()
    with SandboxServer(db=db) as server, server.client() as api:
        assert api.get_contact_list(id=list_id) == {
            "id": list_id,
            "name": "kept",
            "status": "ACTIVE",
            "created": api.get_contact_list(id=list_id)["created"],
            "size": 1,
        }
        assert api.get_media_data_binary(id=media) == b"\x89PNG-bytes"
        # the id sequence went on where it stopped
        new = api.create_contact_list({"name": "new"})["id"]
        assert new > media > list_id
    server.sandbox.close()


def test_a_store_rolls_back_a_failed_transaction_and_keeps_its_sequence(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "s.db"))
    with store.transaction() as tx:
        first = tx.next_id()
        tx.put("thing", {"id": first})
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.put("thing", {"id": tx.next_id()})
        raise RuntimeError
    store.close()
    store = Store(str(tmp_path / "s.db"))
    with store.transaction() as tx:
        assert tx.find("thing")[1] == 1
        assert tx.next_id() == first + 1
    store.close()


def test_change_listeners_hear_committed_writes_only() -> None:
    store = Store()
    heard: list[object] = []
    store.listen(heard.extend)
    with store.transaction() as tx:
        tx.put("call", {"id": 1})
        tx.put("call", {"id": 1, "state": "FINISHED"})
        tx.delete("call", 1)
    with pytest.raises(ValueError), store.transaction() as tx:
        tx.put("call", {"id": 2})
        raise ValueError
    assert [(c.kind, c.id, c.action) for c in heard] == [  # type: ignore[attr-defined]
        ("call", 1, "created"),
        ("call", 1, "updated"),
        ("call", 1, "deleted"),
    ]


def test_the_cli_serves_prints_its_credentials_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cftools",
            "sandbox",
            "serve",
            "--port",
            "0",
            "--db",
            str(tmp_path / "cli.db"),
            "--username",
            "me",
            "--password",
            "s3cret",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"serving (http://127\.0\.0\.1:\d+/v2)", first)
        assert match, first + (process.stderr.read() if process.stderr else "")
        lines = [process.stdout.readline() for _ in range(4)]
        assert "  CALLFIRE_USERNAME=me\n" in lines and "  CALLFIRE_PASSWORD=s3cret\n" in lines
        with Client("me", "s3cret", base_url=match.group(1)) as api:
            assert api.get_account()["status"] == "ACTIVE"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_the_cli_refuses_a_busy_port_clearly() -> None:
    with SandboxServer() as server:
        port = server.url.rsplit(":", 1)[1].split("/")[0]
        result = subprocess.run(
            [sys.executable, "-m", "cftools", "sandbox", "serve", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
    assert result.returncode == 2 and "cannot serve" in result.stderr
    assert "Traceback" not in result.stderr


def test_clients_take_the_base_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("CALLFIRE_BASE_URL", "http://127.0.0.1:9/v2")
    with caplog.at_level(logging.WARNING, logger="cftools.client"), Client("u", "p") as api:
        assert api.base_url == "http://127.0.0.1:9/v2"
    assert caplog.records == []  # plain http to a loopback address: no warning
    monkeypatch.delenv("CALLFIRE_BASE_URL")
    with Client("u", "p") as api:
        assert api.base_url == "https://api.callfire.com/v2"
    with (
        Client("u", "p", base_url="http://[::1]:8080/v2"),
        Client("u", "p", base_url="http://localhost:8080/v2"),
    ):
        pass
    assert caplog.records == []


def test_a_sandbox_repr_never_shows_its_password() -> None:
    sandbox = Sandbox(password="hunter2-secret")
    assert "hunter2" not in repr(sandbox) and "hunter2" not in repr(SandboxServer(sandbox))
    sandbox.close()


def test_uvicorn_serves_concurrent_clients_consistently() -> None:
    with SandboxServer() as server:
        username, password = server.sandbox.credentials

        async def many() -> list[int]:
            async with httpx.AsyncClient(auth=(username, password)) as http:
                posts = [
                    http.post(f"{server.url}/contacts", json=[{"homePhone": f"1213555{1000 + i}"}])
                    for i in range(40)
                ]
                return [r.status_code for r in await asyncio.gather(*posts)]

        assert asyncio.run(many()) == [200] * 40
        with server.client() as api:
            assert api.find_contacts()["totalCount"] == 40
    server.sandbox.close()


def test_the_plugin_module_works_alone_as_the_entry_point_loads_it(tmp_path: Path) -> None:
    # What the pytest11 entry point does in an installed cftools: load the module by name,
    # with none of this suite's conftest files around.
    (tmp_path / "test_uses_fixture.py").write_text(
        "def test_it(callfire_sandbox, callfire_sandbox_inprocess):\n"
        "    for fixture in (callfire_sandbox, callfire_sandbox_inprocess):\n"
        "        api = fixture.client\n"
        "        api.create_contacts([{'homePhone': '12135551100'}])\n"
        "        assert api.find_contacts()['totalCount'] == 1\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "no:cftools_sandbox", "-p", "cftools._sandbox_pytest", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_the_package_declares_the_pytest_entry_point() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '[project.entry-points.pytest11]\ncftools_sandbox = "cftools._sandbox_pytest"' in text


def test_the_listening_socket_says_it_is_tcp_so_answers_are_not_delayed() -> None:
    # asyncio turns Nagle's algorithm off only on sockets created with IPPROTO_TCP;
    # without it every answer waited ~40 ms for the client's delayed ACK.
    import socket

    with SandboxServer() as server:
        assert server._socket is not None
        assert server._socket.proto == socket.IPPROTO_TCP
    server.sandbox.close()
