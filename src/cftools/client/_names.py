"""Parameter names as callers write them: both spellings, and a suggestion for a typo.

Two facts live here, both derived from the table of operations and the one naming rule
(:func:`~cftools.spec._naming.method_name`, which also names the keyword arguments of the
generated methods):

* :func:`api_params` lets ``invoke``, ``paginate`` and ``download`` take a parameter by
  its API name (``campaignId``) or by the name the named method uses (``campaign_id``);
  the same parameter given under both names, with two values, is refused.
* :func:`hint_keywords` wraps, once per class, every named method of a client, so that a
  misspelt keyword (``find_calls(campain_id=5)``) raises :class:`UnknownArgumentError`
  with a suggestion, like ``invoke`` does, instead of Python's bare ``TypeError``. The
  static signatures (``_methods.py``) are untouched, so mypy still rejects the typo.

The wrapper costs one extra Python call per named-method call (see
``benchmarks/bench_dispatch.py``); the suggestion is worked out only on the error path.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from cftools.client._errors import UnknownArgumentError
from cftools.spec._checks import Problem, RequestValidationError
from cftools.spec._checks import _did_you_mean as did_you_mean
from cftools.spec._naming import method_name
from cftools.spec._operation import Operation

__all__ = ["api_params", "hint_keywords"]

_HINTED = "__cftools_hinted__"

_ALIASES: dict[str, dict[str, str]] = {}


def _aliases(operation: Operation) -> dict[str, str]:
    """The snake_case names of ``operation``'s parameters that differ from the API's."""
    aliases = _ALIASES.get(operation.operation_id)
    if aliases is None:
        aliases = {}
        for parameter in operation.parameters:
            snake = method_name(parameter.name)
            if snake != parameter.name and parameter.location != "body":
                aliases[snake] = parameter.name
        _ALIASES[operation.operation_id] = aliases
    return aliases


def api_params(operation: Operation, params: Mapping[str, Any]) -> Mapping[str, Any]:
    """``params`` keyed by API names: a snake_case name becomes the API's (``campaign_id``
    -> ``campaignId``). ``params`` is returned as is when it holds no snake_case name.

    Raises :class:`RequestValidationError` (code ``conflict``) when one parameter is given
    under both names with two values (``None``, "not given", never conflicts).
    """
    aliases = _aliases(operation)
    if not aliases or aliases.keys().isdisjoint(params):
        return params
    renamed: dict[str, Any] = {}
    problems = []
    for name, value in params.items():
        api = aliases.get(name, name)
        if renamed.get(api) is not None and value is not None:
            snake = method_name(api)
            parameter = operation.parameter(api)
            where = parameter.location if parameter is not None else "query"
            problems.append(
                Problem(
                    f"{where}.{api}",
                    f"given twice, as {api}= and {snake}=; pass only one of them",
                    "conflict",
                )
            )
            continue
        if value is not None or api not in renamed:
            renamed[api] = value
    if problems:
        raise RequestValidationError(operation.operation_id, problems)
    return renamed


def hint_keywords(cls: type, operations: Mapping[str, Operation]) -> None:
    """Wrap the named method of every operation on ``cls`` (found through its bases) so
    that a keyword it does not take raises :class:`UnknownArgumentError`. Methods already
    wrapped (inherited from a wrapped class) are left alone."""
    for operation_id in operations:
        name = method_name(operation_id)
        function = getattr(cls, name, None)
        if inspect.isfunction(function) and not getattr(function, _HINTED, False):
            setattr(cls, name, _hinted(function, operation_id))


def _hinted(function: Callable[..., Any], operation_id: str) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def coroutine(self: Any, /, *args: Any, **kwargs: Any) -> Any:
            try:
                # The arguments are bound here, before the coroutine exists: a TypeError
                # from this line can only be a binding error.
                running = function(self, *args, **kwargs)
            except TypeError as exc:
                raise _unknown(function, operation_id, kwargs, exc) from None
            return await running

        setattr(coroutine, _HINTED, True)
        return coroutine

    @functools.wraps(function)
    def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        try:
            return function(self, *args, **kwargs)
        except TypeError as exc:
            # A TypeError raised while binding has no frame of ``function`` in its
            # traceback; one raised from inside the call does, and passes through.
            if exc.__traceback__ is not None and exc.__traceback__.tb_next is None:
                raise _unknown(function, operation_id, kwargs, exc) from None
            raise

    setattr(method, _HINTED, True)
    return method


def _unknown(
    function: Callable[..., Any], operation_id: str, kwargs: Mapping[str, Any], exc: TypeError
) -> TypeError:
    """The error for a call that could not be bound: :class:`UnknownArgumentError` for
    keywords the method does not take, else ``exc`` itself (a missing or extra
    positional argument, which Python already words well)."""
    taken = [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self"
    ]
    unknown = [name for name in kwargs if name not in taken]
    if not unknown:
        return exc
    where = f"{function.__name__}()"
    problems = []
    for name in unknown:
        snake = method_name(name)
        hint = f"; did you mean {snake!r}?" if snake in taken else did_you_mean(name, taken)
        problems.append(Problem(name, f"unexpected keyword argument of {where}{hint}", "unknown"))
    return UnknownArgumentError(operation_id, problems)
