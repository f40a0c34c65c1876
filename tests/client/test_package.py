"""The public surface of cftools.client."""

from __future__ import annotations

import inspect

import cftools.client as client_package
from cftools.client import AsyncClient, Client


def test_all_matches_dir_and_every_name_resolves() -> None:
    assert sorted(dir(client_package)) == sorted(client_package.__all__)
    for name in client_package.__all__:
        assert getattr(client_package, name) is not None


def test_exported_classes_read_as_the_public_package() -> None:
    for name in client_package.__all__:
        value = getattr(client_package, name)
        if inspect.isclass(value):
            # The table and its checks live in cftools.spec, shared with the sandbox.
            assert value.__module__ in ("cftools.client", "cftools.spec"), name


def test_both_clients_share_one_constructor_signature() -> None:
    sync = inspect.signature(Client.__init__)
    async_ = inspect.signature(AsyncClient.__init__)
    assert list(sync.parameters) == list(async_.parameters) == [
        "self", "username", "password", "base_url", "timeout", "max_retries", "transport",
    ]  # fmt: skip
    assert sync.parameters["max_retries"].default == 2
    # None: CALLFIRE_BASE_URL, else https://api.callfire.com/v2 (see test_base_url_default)
    assert sync.parameters["base_url"].default is None


def test_the_generic_entry_points_mirror_each_other() -> None:
    for name in ("invoke", "paginate", "download"):
        sync = inspect.signature(getattr(Client, name))
        async_ = inspect.signature(getattr(AsyncClient, name))
        assert list(sync.parameters) == list(async_.parameters), name
