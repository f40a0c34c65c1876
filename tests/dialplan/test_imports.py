"""The modules of ``cftools.dialplan`` import only downward: their import graph has no cycle.

The graph is read from the source with :mod:`ast`, so every way of importing counts:
imports at module level, inside functions (lazy imports), under ``TYPE_CHECKING``, and
``importlib.import_module("...")`` with a literal name. A module registry (a
``*_MODULES`` tuple of names loaded with ``importlib``) is an import too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cftools.dialplan

PACKAGE = "cftools.dialplan"
SOURCE = Path(cftools.dialplan.__file__).parent
MODULES = {
    (PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"): path
    for path in sorted(SOURCE.glob("*.py"))
}


def _resolve(name: str) -> str | None:
    """The package module ``name`` stands for (a submodule, or the package itself)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(path: Path, *, registries: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from cftools.dialplan import _rules" imports the submodule _rules.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        elif registries and isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = [t.id for t in targets if isinstance(t, ast.Name)]
            if any(n.endswith("_MODULES") for n in named) and isinstance(node.value, ast.Tuple):
                names = [
                    e.value
                    for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
        for name in names:
            target = _resolve(name)
            if target is not None:
                found.add(target)
    return found


def _graph(*, registries: bool) -> dict[str, set[str]]:
    return {
        module: _imports(path, registries=registries) - {module}
        for module, path in MODULES.items()
        if module != PACKAGE  # the package's __init__ is the top: it imports everything
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of modules, or ``None`` (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path: list[str] = [root]
        work = [iter(sorted(graph.get(root, ())))]
        state[root] = 1
        while work:
            nxt = next(work[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                work.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                work.append(iter(sorted(graph.get(nxt, ()))))
    return None


def test_the_graph_is_read() -> None:
    graph = _graph(registries=False)
    assert f"{PACKAGE}._tags" in graph[f"{PACKAGE}._model"]
    assert f"{PACKAGE}._model" in graph[f"{PACKAGE}._parse"]
    # The validator imports the rule modules, which import the context below it.
    assert f"{PACKAGE}._rules" in graph[f"{PACKAGE}._validate"]
    assert f"{PACKAGE}._context" in graph[f"{PACKAGE}._rules"]


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_module_imports_the_package_itself() -> None:
    for module, imports in _graph(registries=False).items():
        assert PACKAGE not in imports, f"{module} imports {PACKAGE} (its __init__)"


def test_the_import_graph_has_no_cycle() -> None:
    assert _cycle(_graph(registries=False)) is None


def test_the_model_is_at_the_bottom() -> None:
    graph = _graph(registries=False)
    below = {f"{PACKAGE}.{name}" for name in ("_findings", "_tags", "_values", "_builder")}
    assert graph[f"{PACKAGE}._model"] <= below


def test_module_registries_make_no_cycle_either() -> None:
    # _cli loads _simulate_cli by name (COMMAND_MODULES); what both need is in _cli_io.
    assert _cycle(_graph(registries=True)) is None
