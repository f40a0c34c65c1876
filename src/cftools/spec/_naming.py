"""The mechanical mapping from an operationId to a Python method name.

The rule: split the camelCase operationId before every capital that starts a new word
(after a lowercase letter or a digit, or where a run of capitals meets a capitalised
word) and join the lowercased words with underscores::

    sendCalls                  -> send_calls
    getCallRecordingMp3ByName  -> get_call_recording_mp3_by_name
    postTTSCampaignSound       -> post_tts_campaign_sound
    isKeywordAvailable         -> is_keyword_available

Digits stay with the word they follow (``Mp3``). The mapping is injective over the API's
122 operationIds; ``tests/client/test_operations.py`` checks that every name is a unique
identifier and not a Python keyword.
"""

from __future__ import annotations

import re

__all__ = ["method_name"]

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def method_name(operation_id: str) -> str:
    """Return the snake_case method name for ``operation_id`` (``sendCalls`` -> ``send_calls``)."""
    return _WORD_BOUNDARY.sub("_", operation_id).lower()
