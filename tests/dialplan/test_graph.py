"""The control-flow graph and its diagrams: every example dialplan is drawn and its graph
checked against the dialplan's structure, and against the simulator (every simulated
call must be a path through the graph)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cftools import CftoolsError
from cftools._cli import main
from cftools.dialplan import (
    Dialplan,
    DialplanTypeError,
    Element,
    End,
    Graph,
    build_graph,
    parse,
    simulate,
    to_dot,
    to_mermaid,
    to_svg,
)
from cftools.dialplan import _graph as graph_module

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "dialplans").glob("*.xml"))
FLOWS = sorted((Path(__file__).parent / "data").glob("*.xml"))
ALL = EXAMPLES + FLOWS
IDS = [p.stem for p in ALL]

# Tags that become nodes; the others (goto, keypress, else, live, machine) become edges.
NODE_TAGS = {
    "play", "menu", "if", "equal", "notEqual", "amd", "catch", "transfer", "record", "get",
    "post", "hangup", "setvar", "stash", "sms", "text", "dnc", "wait", "dtmf", "gotoXML",
}  # fmt: skip


def test_there_are_examples_to_draw() -> None:
    assert len(EXAMPLES) >= 3, "examples/dialplans/*.xml should be bundled"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_graph_matches_the_dialplan_structure(path: Path) -> None:
    plan = parse(path.read_bytes())
    graph = build_graph(plan)
    ids = {n.id for n in graph.nodes}
    assert len(ids) == len(graph.nodes), "node ids are unique"
    assert {"start"} <= ids
    for edge in graph.edges:
        assert edge.source in ids and edge.target in ids, edge
    assert not graph.dynamic

    for element in plan.iter():
        node = graph.node_of(element)
        if element is plan:
            assert node is None
            continue
        assert (node is not None) == (element.tag in NODE_TAGS), element

    for menu in (e for e in plan.iter() if e.tag == "menu"):
        node = graph.node_of(menu)
        assert node is not None and node.kind == "menu"
        keys = [e for e in graph.successors(node.id) if e.kind == "key"]
        pressed = [k.attrs["pressed"] for k in menu.elements if k.tag == "keypress"]
        expected = [p.lower() if p.lower() in ("default", "timeout") else p for p in pressed]
        assert [e.label for e in keys] == expected
        lowered = {p.lower() for p in pressed}
        fallbacks = [e for e in graph.successors(node.id) if e.kind == "fallback"]
        assert len(fallbacks) == (0 if {"default", "timeout"} <= lowered else 1)
        # The menu's prompts lead into the decision.
        prompts = [e for e in menu.elements if e.tag == "play"]
        last = graph.node_of(prompts[-1])
        assert last is not None
        assert [e.target for e in graph.successors(last.id)] == [node.id]

    for goto in (e for e in plan.iter() if e.tag == "goto"):
        target = plan.find(goto.value)
        assert target is not None
        entry = graph.node_of(target)
        if target.tag == "menu":  # entering a menu starts with its first prompt
            entry = graph.node_of(next(e for e in target.elements if e.tag == "play"))
        assert entry is not None
        assert any(e.jump and e.target == entry.id for e in graph.edges), goto

    for condition in (e for e in plan.iter() if e.tag == "if"):
        node = graph.node_of(condition)
        assert node is not None
        out = graph.successors(node.id)
        assert [e.kind for e in out] == ["true", "false"]
        assert " ".join(condition.attrs["expr"].split()).startswith(out[0].label.rstrip("…"))


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_every_example_renders(path: Path) -> None:
    source = path.read_bytes()
    graph = build_graph(source)
    mermaid = to_mermaid(graph)
    lines = mermaid.splitlines()
    assert lines[0] == "flowchart TD"
    node_lines = [line for line in lines if re.match(r"    (start|stop|n\d+)\W", line)]
    edge_lines = [line for line in lines if re.match(r"    \S+ -(-|\.-)", line)]
    assert len(node_lines) == len(graph.nodes) + len(graph.edges)  # edges start with an id too
    assert len(edge_lines) == len(graph.edges)
    styled = {
        n for line in lines if line.startswith("    class ") for n in line.split()[1].split(",")
    }
    assert styled <= {n.id for n in graph.nodes}
    assert to_mermaid(source) == mermaid
    dot = to_dot(graph)
    assert dot.startswith("digraph dialplan {") and dot.rstrip().endswith("}")
    assert sum(" -> " in line for line in dot.splitlines()) == len(graph.edges)


NO_DOT = "Graphviz 'dot' is not installed (tools/dev.sh test installs it)"


@pytest.mark.skipif(shutil.which("dot") is None, reason=NO_DOT)
@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_every_example_renders_to_svg(path: Path) -> None:
    graph = build_graph(path.read_bytes())
    svg = to_svg(graph)
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert svg.count('class="node"') == len(graph.nodes)
    assert svg.count('class="edge"') == len(graph.edges)


@pytest.mark.skipif(shutil.which("dot") is None, reason=NO_DOT)
def test_svg_of_a_model_whose_text_utf8_cannot_carry() -> None:
    # A regression: UnicodeEncodeError when the DOT text went to Graphviz.
    plan = Dialplan()
    plan.append(Element("play", {"type": "tts"}, "caf\ud800"))
    assert "caf?" in to_svg(plan)


# -- the simulator as an oracle ------------------------------------------------------------------

KEYS = st.sampled_from(["1", "2", "3", "4", "5", "9", "0", "*", "#", "7", "timeout", "hangup"])


def _line_index(graph: Graph) -> dict[int, str] | None:
    index: dict[int, str] = {}
    for node in graph.nodes:
        if node.line is not None:
            if node.line in index:
                return None  # two nodes on one line: lines cannot identify nodes
            index[node.line] = node.id
    return index


_SILENT = {"condition", "catch", "goto"}


def _path_exists(graph: Graph, source: str, target: str) -> bool:
    """A path from ``source`` to ``target`` through nodes that leave no event."""
    seen = {source}
    todo = [source]
    while todo:
        for edge in graph.successors(todo.pop()):
            if edge.target == target:
                return True
            if edge.target not in seen and graph.node(edge.target).kind in _SILENT:
                seen.add(edge.target)
                todo.append(edge.target)
    return False


@pytest.mark.parametrize("path", ALL, ids=IDS)
@settings(max_examples=40)
@given(
    inputs=st.lists(KEYS, max_size=8),
    transfers=st.lists(st.booleans(), max_size=3),
    machine=st.booleans(),
    hour=st.integers(0, 23),
)
def test_every_simulated_call_is_a_path_in_the_graph(
    path: Path, inputs: list[str], transfers: list[bool], machine: bool, hour: int
) -> None:
    pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")
    source = path.read_bytes()
    graph = build_graph(source)
    lines = _line_index(graph)
    assert lines is not None, f"{path.name}: keep one tag per line"
    transcript = simulate(
        source,
        inputs,
        transfers=transfers,
        answered_by="machine" if machine else "human",
        variables={"global.time.hour.military": hour, "tries": 0, "attempts": 0},
        http=lambda method, url: "OK",
        check=False,
    )
    visited = ["start"]
    for event in transcript:
        if isinstance(event, End) or event.line is None:
            continue
        node = lines[event.line]
        if node != visited[-1]:  # several events may come from one node (none do today)
            visited.append(node)
    for before, after in itertools.pairwise(visited):
        assert _path_exists(graph, before, after) or _caller_left(graph, before, after), (
            path.name,
            before,
            after,
            inputs,
        )


def _caller_left(graph: Graph, before: str, after: str) -> bool:
    """Whether a hang-up catch around ``before`` jumps (through silent nodes) to ``after``:
    the caller may hang up anywhere inside the catch."""
    element = graph.node(before).element
    around = {id(a) for a in element.ancestors()} if element is not None else set()
    for edge in graph.edges:
        catch = graph.node(edge.source).element
        jumps = edge.kind == "hangup" and catch is not None and id(catch) in around
        if jumps and (edge.target == after or _path_exists(graph, edge.target, after)):
            return True
    return False


# -- rendering details -----------------------------------------------------------------------


def test_labels_are_escaped() -> None:
    xml = (
        '<dialplan><menu><play type="tts">Press # or say "yes" &lt;now&gt;</play>'
        '<keypress pressed="#"><hangup/></keypress></menu></dialplan>'
    )
    mermaid = to_mermaid(xml)
    assert '"Press #35; or say #quot;yes#quot; #lt;now#gt;"' in mermaid
    assert '-->|"#35;"|' in mermaid
    dot = to_dot(xml)
    assert 'label="Press # or say \\"yes\\" <now>"' in dot


def test_long_labels_are_shortened() -> None:
    graph = build_graph(f'<dialplan><play type="tts">{"word " * 40}</play></dialplan>')
    label = graph.nodes[1].label
    assert len(label) <= 48 and label.endswith("…")


def test_goto_and_conditions_are_edges() -> None:
    xml = """<dialplan>
      <menu name="m"><play type="tts">Menu</play>
        <keypress pressed="1"><goto>m</goto></keypress>
        <keypress pressed="2">
          <if expr="'${x}' == 'a'"><hangup/><else><goto>m</goto></else></if>
        </keypress>
      </menu>
    </dialplan>"""
    graph = build_graph(xml)
    edges = {(e.source, e.target, e.kind, e.label, e.jump) for e in graph.edges}
    plan_ids = {n.label: n.id for n in graph.nodes}
    menu, prompt, cond = plan_ids["menu m"], plan_ids["Menu"], plan_ids["'${x}' == 'a'"]
    assert (menu, prompt, "key", "1", True) in edges
    assert (menu, cond, "key", "2", False) in edges
    assert (cond, prompt, "false", "else", True) in edges
    assert (menu, "stop", "fallback", "no match", False) in edges


def test_transfer_and_amd_edges() -> None:
    xml = """<dialplan><amd>
      <live><transfer>1555</transfer><play type="tts">Busy.</play></live>
      <machine><transfer continue-after="true">1666</transfer></machine>
    </amd><hangup/></dialplan>"""
    graph = build_graph(xml)
    by_label = {n.label: n.id for n in graph.nodes}
    out = {(e.kind, e.label, e.target) for e in graph.successors(by_label["transfer 1555"])}
    assert out == {("answered", "answered", "stop"), ("unanswered", "no answer", by_label["Busy."])}
    out = {(e.kind, e.target) for e in graph.successors(by_label["transfer 1666"])}
    assert out == {("next", by_label["hang up"])}
    amd = {(e.kind, e.target) for e in graph.successors(by_label["human or machine?"])}
    assert amd == {("live", by_label["transfer 1555"]), ("machine", by_label["transfer 1666"])}


def test_catch_edges() -> None:
    xml = """<dialplan>
      <catch type="digit" value="0" goto="op">
        <menu><play type="tts">Menu</play><keypress pressed="1"><hangup/></keypress></menu>
      </catch>
      <catch type="hangup" goto="bye"><play type="tts">Hello</play></catch>
      <transfer name="op">1555</transfer>
      <post name="bye">https://x.example/bye</post>
    </dialplan>"""
    graph = build_graph(xml)
    by_label = {n.label: n.id for n in graph.nodes}
    menu_out = {(e.kind, e.label, e.target) for e in graph.successors(by_label["menu"])}
    assert ("catch", "0 (catch)", by_label["transfer 1555"]) in menu_out
    hangup_out = {(e.kind, e.target) for e in graph.successors(by_label["catch hangup"])}
    assert hangup_out == {
        ("next", by_label["Hello"]),
        ("hangup", by_label["POST https://x.example/bye"]),
    }


def test_dynamic_and_unknown_gotos_become_nodes() -> None:
    graph = build_graph("<dialplan><goto>${next}</goto><goto>nowhere</goto></dialplan>")
    assert graph.dynamic
    assert [n.kind for n in graph.nodes] == ["start", "goto", "goto"]
    assert graph.successors(graph.nodes[1].id) == []


def test_goto_cycles_do_not_hang() -> None:
    graph = build_graph('<dialplan><goto name="a">b</goto><goto name="b">a</goto></dialplan>')
    spinning = [n for n in graph.nodes if n.kind == "goto"]
    assert len(spinning) == 1
    assert [(e.source, e.target) for e in graph.successors(spinning[0].id)] == [
        (spinning[0].id, spinning[0].id)
    ]
    ids = {n.id for n in graph.nodes}
    assert all(e.source in ids and e.target in ids for e in graph.edges)
    graph = build_graph(
        """<dialplan><menu><play type="tts">m</play>
        <keypress name="k" pressed="1"></keypress></menu><goto>k</goto></dialplan>"""
    )
    ids = {n.id for n in graph.nodes}
    assert all(e.source in ids and e.target in ids for e in graph.edges)


@pytest.mark.parametrize("draw", [build_graph, to_mermaid, to_dot, to_svg])
def test_drawing_refuses_other_types_with_a_typed_error(draw: Callable[[object], object]) -> None:
    # A regression: a plain TypeError naming another function, not a CftoolsError.
    with pytest.raises(DialplanTypeError, match=rf"^{draw.__name__}\(\) takes a Dialplan"):
        draw(3)


def test_svg_without_graphviz_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_module.shutil, "which", lambda name: None)
    with pytest.raises(CftoolsError, match="Graphviz's 'dot' program, which is not installed"):
        to_svg("<dialplan><hangup/></dialplan>")


def test_svg_reports_graphviz_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_module.shutil, "which", lambda name: "/bin/false")
    with pytest.raises(CftoolsError, match="Graphviz 'dot' failed"):
        to_svg("<dialplan><hangup/></dialplan>")

    def slow(*args: object, **kwargs: object) -> object:
        raise subprocess.TimeoutExpired("dot", 1)

    monkeypatch.setattr(graph_module.shutil, "which", lambda name: "/usr/bin/dot")
    monkeypatch.setattr(graph_module.subprocess, "run", slow)
    with pytest.raises(CftoolsError, match="did not finish"):
        to_svg("<dialplan><hangup/></dialplan>")


# -- command line ----------------------------------------------------------------------------


def test_cli_graph_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(FLOWS[0])
    assert main(["dialplan", "graph", path]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    assert main(["dialplan", "graph", path, "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith("digraph dialplan {")


@pytest.mark.skipif(shutil.which("dot") is None, reason=NO_DOT)
def test_cli_graph_svg(tmp_path: Path) -> None:
    out = tmp_path / "flow.svg"
    assert main(["dialplan", "graph", str(FLOWS[0]), "--format", "svg", "-o", str(out)]) == 0
    assert "</svg>" in out.read_text()


def test_cli_graph_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["dialplan", "graph", str(tmp_path / "missing.xml")]) == 2
    assert "cannot read" in capsys.readouterr().err
    broken = tmp_path / "broken.xml"
    broken.write_text("<dialplan><play>")
    assert main(["dialplan", "graph", str(broken)]) == 2
    assert "CF100" in capsys.readouterr().err
    monkeypatch.setattr(graph_module.shutil, "which", lambda name: None)
    assert main(["dialplan", "graph", str(FLOWS[0]), "--format", "svg"]) == 2
    assert "not installed" in capsys.readouterr().err


def test_a_digit_catch_is_drawn_whatever_the_case_of_its_type() -> None:
    # A regression: the graph read type="Digit" as not a digit catch (the simulator and
    # the validator read it case-insensitively), so the jump was missing.
    xml = (
        '<dialplan><catch type="Digit" value="0" goto="op"><menu name="m">'
        '<play type="tts">Pick.</play><keypress pressed="default"><hangup/></keypress>'
        '</menu></catch><transfer name="op">15550001111</transfer></dialplan>'
    )
    assert '|"0 (catch)"| n6' in to_mermaid(xml)


@pytest.mark.parametrize("timeout", ["5", 0, -1, float("nan"), float("inf"), True])
def test_svg_refuses_a_timeout_that_is_no_positive_number(timeout: object) -> None:
    # A regression: '5' gave a TypeError and nan a ValueError from subprocess; 0 and -1
    # ran dot only to report that it 'did not finish within 0 s'.
    with pytest.raises(CftoolsError, match="timeout must be a positive number of seconds"):
        to_svg("<dialplan><hangup/></dialplan>", timeout=timeout)  # type: ignore[arg-type]


def test_mermaid_labels_never_break_a_line_and_names_are_shortened() -> None:
    # Regressions: a built menu name or key holding a newline was written raw into the
    # Mermaid text, ending the statement; menu, catch and record names were not cut to
    # the label width; type="Digit" was labelled "catch Digit".
    plan = Dialplan(name="R")
    with plan.catch("digit", "op", value="0", extra_attrs={}) as catch:
        catch.attrs["type"] = "Digit"
        with catch.menu(name="main\nmenu") as menu:
            menu.play("Pick.")
            menu.keypress("1\n").hangup()
    plan.menu(name="m" * 500).play("x")
    plan.transfer("15550001111", name="op")
    text = to_mermaid(plan)
    assert '{"menu main menu"}' in text and '|"1"|' in text
    assert '{{"catch key 0"}}' in text
    assert all(len(line) < 120 for line in text.splitlines())
