"""The asynchronous client: the shared base plus non-blocking I/O over
``httpx.AsyncClient``. Same signature, same methods, same behaviour as ``Client``."""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
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
from cftools.client._errors import ConfigurationError
from cftools.client._methods import AsyncOperations, async_paginate
from cftools.client._paging import Pager
from cftools.client._types import FileInput, FilesArgument, TimeoutArgument
from cftools.spec._operation import Operation

__all__ = ["AsyncClient"]


class AsyncClient(BaseClient, AsyncOperations):
    """A non-blocking client for every operation of the CallFire API v2.

    The twin of :class:`Client`: the same constructor, the same named methods (as
    coroutines), :meth:`invoke`, :meth:`paginate` (an async iterator) and
    :meth:`download`. Use it as ``async with AsyncClient() as client: ...`` or call
    :meth:`aclose`. ``transport`` replaces the network (``httpx.MockTransport``).
    """

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutArgument = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(
            username, password, base_url=base_url, timeout=timeout, max_retries=max_retries
        )
        check_transport(
            transport, "handle_async_request", "AsyncClient", "httpx.AsyncHTTPTransport"
        )
        self._http = httpx.AsyncClient(
            auth=self._auth,
            headers=DEFAULT_HEADERS,
            timeout=self._timeout,
            transport=transport,
            event_hooks={"request": [self._alog_request]},
        )
        self._async_sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
        self._loop: asyncio.AbstractEventLoop | None = None

    async def _alog_request(self, request: httpx.Request) -> None:
        self._log_request(request)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        await self._http.aclose()

    async def invoke(
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
        """Call any operation by its operationId; see :meth:`Client.invoke`."""
        operation = self._operation(operation_id)
        return await self._run(
            operation, self._api_params(operation, params), body, files, project, validate
        )

    async def _call(
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
        return await self._run(operation, params, body, files, project, validate)

    async def _run(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        body: Any,
        files: FilesArgument | None,
        project: bool,
        validate: bool,
    ) -> Any:
        prepare = functools.partial(
            self._prepare,
            operation,
            params,
            body=body,
            files=files,
            project=project,
            validate=validate,
        )
        # Uploads are read into memory here: off the event loop, so a large file or a
        # slow disk stalls no other task.
        call = prepare() if files is None else await asyncio.to_thread(prepare)
        return self._finish(call, await self._send(call))

    @async_paginate  # typed overloads, generated; the identity at run time
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
    ) -> AsyncIterator[Any]:
        """Iterate the items of a paged list operation with ``async for``; see
        :meth:`Client.paginate`. Arguments are checked when this is called, before any
        page is fetched."""
        op, pager = self._pager(
            operation,
            params,
            page_size=page_size,
            max_items=max_items,
            project=project,
            validate=validate,
        )
        return self._pages(op, pager, validate)

    async def _pages(
        self, operation: Operation, pager: Pager, validate: bool
    ) -> AsyncIterator[Any]:
        while (params := pager.next_params()) is not None:
            call = self._prepare(
                operation, params, body=None, files=None, project=False, validate=validate
            )
            response = await self._send(call)
            page = self._finish(call, response, pager.decode)
            items = pager.feed(page, params["limit"], response.content)
            if items is None:
                raise self._not_a_page(call, pager.problem)
            for item in items:
                yield item

    async def download(
        self,
        operation: OperationRef,
        destination: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        validate: bool = True,
        **params: Any,
    ) -> int:
        """Stream a binary download to a path or file object; see
        :meth:`Client.download`."""
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
            response = await self._send(call, stream=True)
            try:
                if not response.is_success:
                    self._finish(call, response)  # raises the matching ApiError
                async for chunk in response.aiter_bytes():
                    # Disk writes run off the event loop, so a slow disk stalls no task.
                    await asyncio.to_thread(sink.write, chunk)
            except CftoolsError:  # an ApiError, a destination that cannot be written
                raise
            except Exception as exc:  # mid-stream: never retried
                raise self._transport_error(call, exc) from exc
            finally:
                await response.aclose()
        return sink.written

    def _check_loop(self) -> None:
        """Refuse a second event loop: the pooled connections belong to the first one, and
        httpx would fail deep inside with ``RuntimeError: Event loop is closed``."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (trio through anyio): nothing to compare
            return
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise ConfigurationError(
                "this AsyncClient was first used in another event loop, which owns its "
                "connections (each asyncio.run() starts a new loop); create the "
                "AsyncClient inside the loop that uses it"
            )

    async def _send(self, call: PreparedCall, *, stream: bool = False) -> httpx.Response:
        self._check_open(self._http)
        self._check_loop()
        attempt = 0
        while True:
            request = self._http_request(self._http, call)
            try:
                response = await self._http.send(request, stream=stream)
            except Exception as exc:  # a custom transport may raise anything: scrubbed
                await self._async_sleep(self._retry_after_exception(call, attempt, exc))
                attempt += 1
                continue
            if response.is_success:
                return response
            if stream:
                await response.aread()
                await response.aclose()
            delay = self._retry_after_response(call, attempt, response)
            if delay is None:
                return response
            await self._async_sleep(delay)
            attempt += 1
