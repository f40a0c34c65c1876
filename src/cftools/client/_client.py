"""The synchronous client: the shared base plus blocking I/O over ``httpx.Client``."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import IO, Any

import httpx

from cftools._errors import CftoolsError
from cftools.client._base import (
    DEFAULT_HEADERS,
    DEFAULT_TIMEOUT,
    BaseClient,
    OperationRef,
    PreparedCall,
    Sink,
    check_transport,
)
from cftools.client._methods import SyncOperations, sync_paginate
from cftools.client._paging import Pager
from cftools.client._types import FileInput, FilesArgument, TimeoutArgument
from cftools.spec._operation import Operation

__all__ = ["Client"]


class Client(BaseClient, SyncOperations):
    """A blocking client for every operation of the CallFire API v2.

    Credentials default to ``CALLFIRE_USERNAME`` and ``CALLFIRE_PASSWORD`` and travel as
    HTTP Basic authentication; the base URL defaults to ``CALLFIRE_BASE_URL``, else
    CallFire's (plain http is accepted silently only on a loopback address). Every
    operation is a named method (``client.find_calls``, ``client.send_calls``, ...) and
    is reachable by operationId with :meth:`invoke`.
    Requests are checked before they are sent; ``validate=False`` turns that off.
    ``transport`` replaces the network (``httpx.MockTransport`` in tests) or carries
    TLS and proxy settings (``httpx.HTTPTransport(verify=..., proxy=...)``).

    Use it as a context manager, or call :meth:`close`::

        with Client() as client:
            for call in client.paginate("findCalls", states="FINISHED", max_items=500):
                ...
    """

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutArgument = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(
            username, password, base_url=base_url, timeout=timeout, max_retries=max_retries
        )
        check_transport(transport, "handle_request", "Client", "httpx.HTTPTransport")
        self._http = httpx.Client(
            auth=self._auth,
            headers=DEFAULT_HEADERS,
            timeout=self._timeout,
            transport=transport,
            event_hooks={"request": [self._log_request]},
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        self._http.close()

    def invoke(
        self,
        operation_id: str,
        /,
        *,
        body: Any = None,
        files: FilesArgument | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Any:
        """Call any operation by its operationId, with the API's own parameter names.

        The named methods' spellings are taken too (``campaign_id=`` for ``campaignId=``);
        one parameter given under both names with two values is refused.

        ``body`` is the JSON body, ``files`` the upload(s); ``fields=`` is checked with
        :mod:`cftools.fields` and, with ``project=True``, applied to the response too.
        Returns decoded JSON, ``None``, ``bytes`` or ``bool`` by the operation's
        response kind; raises ``RequestValidationError`` before any I/O for a request
        the checks refuse, ``ApiError`` for an error response, ``TransportError`` when
        no response came.
        """
        operation = self._operation(operation_id)
        return self._run(
            operation, self._api_params(operation, params), body, files, project, validate
        )

    def _call(
        self,
        operation_id: str,
        params: Mapping[str, Any],
        *,
        body: Any,
        files: Mapping[str, FileInput] | None,
        project: bool,
        validate: bool,
    ) -> Any:
        operation = self.operations[operation_id]
        return self._run(operation, params, body, files, project, validate)

    def _run(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        body: Any,
        files: FilesArgument | None,
        project: bool,
        validate: bool,
    ) -> Any:
        call = self._prepare(
            operation, params, body=body, files=files, project=project, validate=validate
        )
        return self._finish(call, self._send(call))

    @sync_paginate  # typed overloads, generated; the identity at run time
    def paginate(
        self,
        operation: OperationRef,
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Any]:
        """Iterate the items of a paged list operation, fetching pages as needed.

        ``operation`` is an operationId (``"findCalls"``) or the named method
        (``client.find_calls``); ``params`` use the API's own names (or snake_case ones), as with
        :meth:`invoke`. Pages of ``page_size`` items (or ``limit=``; the API's
        default is 100) are requested from ``offset`` (default 0) until the list is
        exhausted or ``max_items`` items have been produced. With ``project=True`` each
        item has the shape ``fields`` selects under ``items``. See
        :mod:`cftools.client._paging` for the stopping rules and ``fields``.
        """
        op, pager = self._pager(
            operation,
            params,
            page_size=page_size,
            max_items=max_items,
            project=project,
            validate=validate,
        )
        return self._pages(op, pager, validate)

    def _pages(self, operation: Operation, pager: Pager, validate: bool) -> Iterator[Any]:
        while (params := pager.next_params()) is not None:
            call = self._prepare(
                operation, params, body=None, files=None, project=False, validate=validate
            )
            response = self._send(call)
            page = self._finish(call, response, pager.decode)
            items = pager.feed(page, params["limit"], response.content)
            if items is None:
                raise self._not_a_page(call, pager.problem)
            yield from items

    def download(
        self,
        operation: OperationRef,
        destination: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        validate: bool = True,
        **params: Any,
    ) -> int:
        """Stream a binary download (audio, media) to a file; return the byte count.

        ``destination`` is a path or a binary file object. A path is written to a
        temporary file beside it and renamed into place when complete, so a failed
        download never leaves a partial file.
        """
        op = self._binary_operation(operation)
        call = self._prepare(
            op,
            self._api_params(op, params),
            body=None,
            files=None,
            project=False,
            validate=validate,
        )
        with Sink(destination) as sink:
            response = self._send(call, stream=True)
            try:
                if not response.is_success:
                    self._finish(call, response)  # raises the matching ApiError
                for chunk in response.iter_bytes():
                    sink.write(chunk)
            except CftoolsError:  # an ApiError, a destination that cannot be written
                raise
            except Exception as exc:  # mid-stream: never retried
                raise self._transport_error(call, exc) from exc
            finally:
                response.close()
        return sink.written

    def _send(self, call: PreparedCall, *, stream: bool = False) -> httpx.Response:
        self._check_open(self._http)
        attempt = 0
        while True:
            request = self._http_request(self._http, call)
            try:
                response = self._http.send(request, stream=stream)
            except Exception as exc:  # a custom transport may raise anything: scrubbed
                self._sleep_for(self._retry_after_exception(call, attempt, exc))
                attempt += 1
                continue
            if response.is_success:
                return response
            if stream:
                response.read()
                response.close()
            delay = self._retry_after_response(call, attempt, response)
            if delay is None:
                return response  # _finish raises the matching ApiError
            self._sleep_for(delay)
            attempt += 1
