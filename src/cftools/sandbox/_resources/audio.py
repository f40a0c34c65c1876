"""Audio the sandbox can hand out: silence, as a valid WAV file or a valid MP3 stream.

Players and parsers accept both: the WAV file is a canonical RIFF header over 8 kHz
16-bit mono PCM zeros; the MP3 is a run of silent MPEG-1 Layer III frames (32 kbit/s,
44.1 kHz, mono: 104 bytes and 1152 samples each).
"""

from __future__ import annotations

import struct

__all__ = ["MAX_SECONDS", "mp3", "wav", "wav_seconds"]

MAX_SECONDS = 30
"""Longer sounds are served as this much silence (the sandbox stores no real audio)."""

_RATE = 8000
_MP3_HEADER = bytes((0xFF, 0xFB, 0x10, 0xC4))
_MP3_FRAME = _MP3_HEADER + bytes(104 - len(_MP3_HEADER))
_MP3_FRAMES_PER_SECOND = 44100 / 1152


def wav(seconds: int) -> bytes:
    """``seconds`` of silence as a WAV file (at least a tenth of a second)."""
    samples = max(_RATE // 10, min(seconds, MAX_SECONDS) * _RATE)
    data = bytes(samples * 2)
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, _RATE, _RATE * 2, 2, 16)
    return header + b"data" + struct.pack("<I", len(data)) + data


def mp3(seconds: int) -> bytes:
    """``seconds`` of silence as MP3 frames (at least one frame)."""
    frames = max(1, round(min(seconds, MAX_SECONDS) * _MP3_FRAMES_PER_SECOND))
    return _MP3_FRAME * frames


def wav_seconds(data: bytes) -> int | None:
    """The length of a PCM WAV file in whole seconds, or ``None`` if it is not one."""
    if len(data) < 44 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    position = 12
    byte_rate = None
    try:
        while position + 8 <= len(data):
            chunk, size = (
                data[position : position + 4],
                struct.unpack("<I", data[position + 4 : position + 8])[0],
            )
            if chunk == b"fmt " and size >= 16:
                byte_rate = struct.unpack("<I", data[position + 16 : position + 20])[0]
            elif chunk == b"data" and byte_rate:
                return int(size // byte_rate)
            position += 8 + size + (size & 1)
    except struct.error:  # a chunk cut short
        return None
    return None
