"""Campaign sounds (uploaded, recorded by a call, or text-to-speech) and media files.

The bytes of an uploaded file are kept and served back; a sound made by text-to-speech
or a call is served as silence of its length (see :mod:`.audio`).
"""

from __future__ import annotations

import hashlib
import mimetypes
from typing import Any

from .._core import ApiFault, Binary, Context, body_dict, handles, page, require
from .._store import Filter, contains_text, one_of
from . import audio

# -- Sounds -----------------------------------------------------------------------------


def _new_sound(ctx: Context, name: str, seconds: int, status: str = "ACTIVE") -> dict[str, Any]:
    doc = {
        "id": ctx.tx.next_id(),
        "name": name,
        "created": ctx.now,
        "lengthInSeconds": seconds,
        "status": status,
        "duplicate": False,
    }
    return ctx.tx.put("sound", doc)


@handles("postFileCampaignSound")
def post_file_sound(ctx: Context) -> Any:
    upload = ctx.files["file"]
    if not upload.content:
        raise ApiFault(400, "the sound file is empty")
    seconds = audio.wav_seconds(upload.content)
    if seconds is None:
        seconds = max(1, len(upload.content) // 4000)  # about 32 kbit/s
    doc = _new_sound(ctx, ctx.param("name") or upload.filename, seconds)
    ctx.tx.put_blob("sound", doc["id"], upload.content, upload.content_type)
    return doc


@handles("postTTSCampaignSound")
def post_tts_sound(ctx: Context) -> Any:
    body = body_dict(ctx)
    message = str(body.get("message") or "").strip()
    if not message:
        raise ApiFault(400, "text-to-speech needs a message")
    seconds = max(1, round(len(message.split()) / 2.5))
    return _new_sound(ctx, message[:64], seconds)


@handles("postCallCampaignSound")
def post_call_sound(ctx: Context) -> Any:
    body = body_dict(ctx)
    if not body.get("toNumber"):
        raise ApiFault(400, "a sound recorded by phone needs the toNumber to call")
    return _new_sound(ctx, str(body.get("name") or f"recording to {body['toNumber']}"), 1)


@handles("findCampaignSounds")
def find_sounds(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("filter"):
        filters.append(contains_text("name", ctx.params["filter"]))
    statuses = ["ACTIVE", "ACTIVE_SYSTEM", "FAILED"]
    for flag, extra in (
        ("includeArchived", ["ARCHIVED"]),
        ("includePending", ["UPLOAD", "RECORDING"]),
        ("includeScrubbed", ["SCRUBBED"]),
    ):
        if ctx.param(flag, False):
            statuses += extra
    filters.append(one_of("status", statuses))
    return page(ctx, "sound", filters)


@handles("getCampaignSound")
def get_sound(ctx: Context) -> Any:
    return require(ctx, "sound", ctx.params["id"], "campaign sound")


@handles("deleteCampaignSound")
def delete_sound(ctx: Context) -> Any:
    require(ctx, "sound", ctx.params["id"], "campaign sound")
    ctx.tx.delete("sound", ctx.params["id"])


def _sound_data(ctx: Context, media_types: tuple[str, ...], make: Any) -> Binary:
    doc = require(ctx, "sound", ctx.params["id"], "campaign sound")
    stored = ctx.tx.get_blob("sound", doc["id"])
    if stored is not None and stored[1] in media_types:
        return Binary(stored[0], media_types[0])
    return Binary(make(int(doc.get("lengthInSeconds") or 1)), media_types[0])


@handles("getCampaignSoundDataMp3")
def get_sound_mp3(ctx: Context) -> Any:
    return _sound_data(ctx, ("audio/mpeg", "audio/mp3"), audio.mp3)


@handles("getCampaignSoundDataWav")
def get_sound_wav(ctx: Context) -> Any:
    return _sound_data(ctx, ("audio/wav", "audio/x-wav", "audio/wave"), audio.wav)


# -- Media -----------------------------------------------------------------------------

_EXTENSIONS = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "bmp": "image/x-bmp",
    "gif": "image/gif",
    "mp4": "video/mp4",
    "wav": "audio/wav",
    "mp3": "audio/mp3",
    "m4a": "audio/m4a",
    "3gp": "video/3gpp",
}


@handles("createMedia")
def create_media(ctx: Context) -> Any:
    upload = ctx.files["file"]
    if not upload.content:
        raise ApiFault(400, "the media file is empty")
    media_type = upload.content_type
    if media_type in ("application/octet-stream", ""):
        media_type = mimetypes.guess_type(upload.filename)[0] or media_type
    id = ctx.tx.next_id()
    key = hashlib.sha256(f"{ctx.extra.get('seed')}:{id}".encode()).hexdigest()[:32]
    extension = _extension(media_type, upload.filename)
    doc = {
        "id": id,
        "accountId": 1,
        "name": ctx.param("name") or upload.filename,
        "created": ctx.now,
        "lengthInBytes": len(upload.content),
        "mediaType": media_type,
        "publicUrl": f"{ctx.extra.get('base_url', '')}/media/public/{key}.{extension}",
        "_key": key,
    }
    ctx.tx.put("media", doc, key=key)
    ctx.tx.put_blob("media", id, upload.content, media_type)
    return {"id": id}


def _extension(media_type: str, filename: str) -> str:
    for extension, known in _EXTENSIONS.items():
        if known == media_type:
            return extension
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"


def _public(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if not k.startswith("_")}


@handles("findMedia")
def find_media(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("filter"):
        filters.append(contains_text("name", ctx.params["filter"]))
    return page(ctx, "media", filters, shape=_public)


@handles("getMedia")
def get_media(ctx: Context) -> Any:
    return _public(require(ctx, "media", ctx.params["id"], "media"))


def _media_bytes(ctx: Context, doc: dict[str, Any]) -> tuple[bytes, str]:
    stored = ctx.tx.get_blob("media", doc["id"])
    if stored is None:  # pragma: no cover - written with the document
        raise ApiFault(404, f"media {doc['id']} has no data")
    return stored


def _with_extension(ctx: Context, doc: dict[str, Any]) -> Binary:
    content, media_type = _media_bytes(ctx, doc)
    wanted = _EXTENSIONS.get(str(ctx.params["extension"]).lower())
    if wanted is None or wanted != media_type:
        raise ApiFault(404, f"media {doc['id']} is not available as .{ctx.params['extension']}")
    return Binary(content, media_type)


@handles("getMediaData")
def get_media_data(ctx: Context) -> Any:
    return _with_extension(ctx, require(ctx, "media", ctx.params["id"], "media"))


@handles("getMediaDataByKey")
def get_media_data_by_key(ctx: Context) -> Any:
    doc = ctx.tx.get_by_key("media", ctx.params["key"])
    if doc is None:
        raise ApiFault(404, "no media has this public key")
    return _with_extension(ctx, doc)


@handles("getMediaDataBinary")
def get_media_data_binary(ctx: Context) -> Any:
    doc = require(ctx, "media", ctx.params["id"], "media")
    return Binary(_media_bytes(ctx, doc)[0], "application/binary")
