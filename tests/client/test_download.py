"""Binary downloads: bytes from the named methods, and streaming to a path or a file
object with download()."""

from __future__ import annotations

import asyncio
import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from cftools.client import (
    AsyncClient,
    Client,
    ConfigurationError,
    NotFoundError,
    RequestValidationError,
    ServerError,
    TransportError,
)

AUDIO = b"ID3" + bytes(range(256)) * 400


def audio_reply(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/mpeg"})


def test_download_to_a_path(client: Client, server: Any, tmp_path: Path) -> None:
    server.reply(audio_reply)
    target = tmp_path / "sound.mp3"
    assert client.download("getCampaignSoundDataMp3", target, id=4) == len(AUDIO)
    assert target.read_bytes() == AUDIO
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sound.mp3"]
    assert server.last.url.path == "/v2/campaigns/sounds/4.mp3"


def test_a_new_download_gets_the_umask_mode_and_a_replaced_one_keeps_its_mode(
    client: Client, server: Any, tmp_path: Path
) -> None:
    server.reply(audio_reply)
    old_mask = os.umask(0o027)
    try:
        fresh = tmp_path / "fresh.mp3"
        client.download("getCampaignSoundDataMp3", fresh, id=4)
        assert fresh.stat().st_mode & 0o777 == 0o640
        kept = tmp_path / "kept.mp3"
        kept.write_bytes(b"old")
        kept.chmod(0o604)
        client.download("getCampaignSoundDataMp3", kept, id=4)
        assert kept.read_bytes() == AUDIO
        assert kept.stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old_mask)


def test_download_to_a_file_object_with_the_named_method(client: Client, server: Any) -> None:
    server.reply(audio_reply)
    buffer = io.BytesIO()
    written = client.download(client.get_media_data, buffer, id=3, extension="png")
    assert written == len(AUDIO)
    assert buffer.getvalue() == AUDIO


def test_a_failed_download_leaves_no_file(client: Client, server: Any, tmp_path: Path) -> None:
    target = tmp_path / "sound.mp3"
    target.write_bytes(b"previous")
    server.reply(httpx.Response(404, json={"message": "no such sound"}))
    with pytest.raises(NotFoundError, match="no such sound"):
        client.download("getCampaignSoundDataMp3", target, id=4)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sound.mp3"]


def test_a_download_cut_off_midway_leaves_no_file(
    client: Client, server: Any, tmp_path: Path
) -> None:
    class Broken(httpx.SyncByteStream):
        def __iter__(self) -> Any:
            yield b"partial"
            raise httpx.ReadError("connection reset")

    server.reply(lambda request: httpx.Response(200, stream=Broken()))
    with pytest.raises(TransportError, match="ReadError: connection reset") as info:
        client.download("getCallRecordingMp3", tmp_path / "r.mp3", id=1)
    assert isinstance(info.value.__cause__, httpx.ReadError)
    assert list(tmp_path.iterdir()) == []
    assert server.count == 1  # a broken stream is not retried


def test_download_is_retried_like_any_get(client: Client, server: Any, tmp_path: Path) -> None:
    server.reply(httpx.Response(503), audio_reply)
    assert client.download("getCallRecordingMp3", tmp_path / "r.mp3", id=1) == len(AUDIO)
    assert server.count == 2


def test_download_refuses_non_binary_operations_and_bad_targets(
    client: Client, server: Any, tmp_path: Path
) -> None:
    with pytest.raises(ConfigurationError, match="does not return a file"):
        client.download("getCall", tmp_path / "x", id=1)
    with pytest.raises(ConfigurationError, match="cannot write the download"):
        client.download("getCallRecordingMp3", tmp_path / "missing" / "r.mp3", id=1)
    assert server.count == 0


def _closed_file(tmp_path: Path) -> Any:
    handle = (tmp_path / "closed.mp3").open("wb")
    handle.close()
    return handle


@pytest.mark.parametrize(
    ("destination", "message"),
    [
        (lambda tmp_path: io.StringIO(), "text file; open it in binary mode"),
        (lambda tmp_path: io.BytesIO(b"x").getbuffer(), "cannot download to a memoryview"),
        (_closed_file, "is a closed file"),
        (lambda tmp_path: io.BufferedReader(io.BytesIO(b"")), "not open for writing"),
    ],
)
def test_a_file_object_that_cannot_take_bytes_is_refused_before_any_request(
    new_client: Callable[..., Client],
    new_async_client: Callable[..., AsyncClient],
    server: Any,
    tmp_path: Path,
    destination: Callable[[Path], Any],
    message: str,
) -> None:
    # The TypeError/ValueError of its write() came only once the response was arriving.
    server.reply(audio_reply)
    with new_client() as client, pytest.raises(ConfigurationError, match=message):
        client.download("getCallRecordingMp3", destination(tmp_path), id=1)

    async def run() -> None:
        async with new_async_client() as client:
            await client.download("getCallRecordingMp3", destination(tmp_path), id=1)

    with pytest.raises(ConfigurationError, match=message):
        asyncio.run(run())
    assert server.count == 0


def test_a_destination_that_fails_to_write_is_a_configuration_error(
    client: Client, server: Any
) -> None:
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    server.reply(audio_reply)
    with pytest.raises(ConfigurationError, match="No space left on device") as info:
        client.download("getCallRecordingMp3", Full(), id=1)
    assert isinstance(info.value.__cause__, OSError)


def test_async_download(
    new_async_client: Callable[..., AsyncClient], server: Any, tmp_path: Path
) -> None:
    server.reply(httpx.Response(502), audio_reply)

    async def run() -> int:
        async with new_async_client() as client:
            assert await client.get_call_recording_mp3_by_name(5, "greeting") == AUDIO
            return await client.download("getCallRecordingMp3", tmp_path / "a.mp3", id=1)

    assert asyncio.run(run()) == len(AUDIO)
    assert (tmp_path / "a.mp3").read_bytes() == AUDIO


def test_async_download_writes_off_the_event_loop(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(audio_reply)

    class Recorder(io.BytesIO):
        threads: ClassVar[set[int]] = set()

        def write(self, chunk: Any) -> int:
            self.threads.add(threading.get_ident())
            return super().write(chunk)

    target = Recorder()

    async def run() -> tuple[int, int]:
        async with new_async_client() as client:
            written = await client.download("getCallRecordingMp3", target, id=1)
        return written, threading.get_ident()

    written, loop_thread = asyncio.run(run())
    assert written == len(AUDIO) and target.getvalue() == AUDIO
    assert Recorder.threads and loop_thread not in Recorder.threads


def test_async_failed_download_leaves_no_file(
    new_async_client: Callable[..., AsyncClient], server: Any, tmp_path: Path
) -> None:
    server.reply(httpx.Response(500))

    async def run() -> None:
        async with new_async_client(max_retries=0) as client:
            await client.download("getCallRecordingMp3", tmp_path / "a.mp3", id=1)

    with pytest.raises(ServerError):
        asyncio.run(run())
    assert list(tmp_path.iterdir()) == []


def test_a_refused_download_sends_nothing_and_writes_nothing(
    client: Client, server: Any, tmp_path: Path
) -> None:
    with pytest.raises(RequestValidationError, match=r"path\.id"):
        client.download("getCallRecordingMp3", tmp_path / "r.mp3", id="latest")
    assert server.count == 0
    assert list(tmp_path.iterdir()) == []


def test_reading_the_umask_never_loosens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # os.umask(0) to read it would let a file created meanwhile by another thread be
    # world-writable; the mask in force at any moment is the caller's or a stricter one.
    from cftools.client import _base

    seen: list[int] = []
    real_umask = os.umask

    def umask(mask: int) -> int:
        seen.append(mask)
        return real_umask(mask)

    monkeypatch.setattr(os, "umask", umask)
    old = real_umask(0o022)
    try:
        assert _base._umask() == 0o022
        real_open = open

        def no_proc(path: Any, *args: Any, **kwargs: Any) -> Any:
            if str(path).startswith("/proc/"):
                raise OSError("no /proc")
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("builtins.open", no_proc)
        assert _base._umask() == 0o022
        assert 0 not in seen and all(m & 0o022 == 0o022 for m in seen)
    finally:
        real_umask(old)


def test_a_directory_destination_is_refused_before_any_request(
    client: Client, server: Any, tmp_path: Path
) -> None:
    # It used to download, then fail in os.replace with IsADirectoryError and leave
    # the temporary .part file behind.
    with pytest.raises(ConfigurationError, match="is a directory; name the file"):
        client.download("getCallRecordingMp3", tmp_path, id=1)
    assert server.count == 0
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_leaves_no_temporary_file(
    client: Client, server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.reply(httpx.Response(200, content=b"ID3 audio"))

    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied", target)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ConfigurationError, match="cannot write the download to"):
        client.download("getCallRecordingMp3", tmp_path / "a.mp3", id=1)
    assert list(tmp_path.iterdir()) == []
