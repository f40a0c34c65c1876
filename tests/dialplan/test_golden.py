"""Golden tests: real-world-shaped dialplans validate with zero errors and round-trip.

Sources: the bundled examples (the reference's examples, the API sample IVR that the
seed and the swagger describe, and the quirks CallFire's own pages show) and every XML
block of the reference, completed into a document when it is a fragment.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from cftools.dialplan import parse, validate
from cftools.dialplan._schema import generate_rng

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples" / "dialplans").glob("*.xml"))
REFERENCE = REPO.parent / "shared" / "reference" / "callfire-xml.md"
SEED = REPO.parent / "shared" / "seeds" / "000_7815b765f95ab488.txt"
SCHEMA = REPO / "grammars" / "dialplan.rng"


def reference_blocks() -> list[str]:
    if not REFERENCE.is_file():
        return []
    return re.findall(r"```xml\n(.*?)```", REFERENCE.read_text(encoding="utf-8"), re.S)


def complete(block: str) -> str:
    """Make a reference fragment a document: wrap keypresses in a menu, wrap the rest in
    a dialplan, and name the targets the fragment's gotos assume exist elsewhere."""
    if block.lstrip().startswith("<dialplan"):
        return block
    if block.lstrip().startswith("<keypress"):
        block = f'<menu><play type="tts">Choose.</play>{block}</menu>'
    targets = set(re.findall(r"<goto>\s*([\w-]+)\s*</goto>", block))
    named = set(re.findall(r'name="([\w-]+)"', block))
    stubs = "".join(f'<play name="{t}" type="tts">stub</play>' for t in sorted(targets - named))
    return f'<dialplan name="Root">{block}{stubs}</dialplan>'


def test_examples_are_bundled() -> None:
    assert len(EXAMPLES) >= 7


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_validates_with_zero_errors(path: Path) -> None:
    report = validate(path.read_bytes())
    assert report.errors == (), [f.format(path.name) for f in report.errors]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_round_trips_and_formats_idempotently(path: Path) -> None:
    plan = parse(path.read_bytes())
    canonical = plan.to_xml()
    assert parse(canonical) == plan
    assert parse(canonical).to_xml() == canonical
    compact = plan.to_xml(pretty=False)
    assert parse(compact) == plan


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_satisfies_the_schema(path: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log


def test_reference_blocks_validate_with_zero_errors() -> None:
    blocks = reference_blocks()
    if not blocks:
        pytest.skip(f"reference material not found at {REFERENCE}")
    assert len(blocks) >= 15
    for block in blocks:
        report = validate(complete(block))
        assert report.errors == (), (block, [f.format() for f in report.errors])
        plan = parse(complete(block))
        assert parse(plan.to_xml()) == plan


def test_seed_sample_is_the_bundled_pin_example() -> None:
    """The seed prints the API's sample IVR with its tags stripped; every line of text it
    keeps must appear in the bundled reconstruction, in the same order."""
    if not SEED.is_file():
        pytest.skip(f"seed not found at {SEED}")
    raw = SEED.read_text(encoding="utf-8")
    match = re.search(r'"dialplanXml": "(.*?)" \}', raw, re.S)
    assert match
    texts = [t.strip() for t in match.group(1).replace("\\t", "").split("\\n") if t.strip()]
    plan = parse((REPO / "examples" / "dialplans" / "pin_and_recording.xml").read_bytes())
    values = [e.value for e in plan.iter() if e.value]
    position = 0
    for text in texts:
        while position < len(values) and values[position] != text:
            position += 1
        assert position < len(values), f"{text!r} missing or out of order"


def test_schema_file_is_generated_from_the_table() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == generate_rng(), (
        "grammars/dialplan.rng is stale: run "
        "python -m cftools.dialplan._schema > grammars/dialplan.rng"
    )


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    for bad in (
        '<dialplan><keypress pressed="1"/></dialplan>',
        '<dialplan><play type="mp3">x</play></dialplan>',
        "<dialplan><play>x</play></dialplan>",
        "<dialplan><say>x</say></dialplan>",
        '<dialplan><menu timeout="five"/></dialplan>',
        '<dialplan><play type="tts" voise="male1">x</play></dialplan>',
    ):
        assert not schema.validate(etree.fromstring(bad)), bad
        assert not validate(bad).ok, bad


def test_schema_is_found_where_the_wheel_ships_it() -> None:
    from cftools._resources import grammar_path

    assert grammar_path("dialplan.rng").read_text(encoding="utf-8") == generate_rng()


OUTSIDE_THE_SCHEMA = {"CF104", "CF217", "CF218"}  # namespaces, undocumented attrs and tags


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "tests" / "dialplan" / "data").rglob("*.xml")) + EXAMPLES,
    ids=lambda path: path.name,
)
def test_schema_accepts_what_the_validator_accepts(path: Path) -> None:
    """No false error from the schema: a document the validator finds no error in, and
    no warning the schema's docstring names as outside it, is valid under the schema."""
    data = path.read_bytes()
    report = validate(data)
    codes = {finding.code for finding in report.findings}
    if not report.ok or codes & OUTSIDE_THE_SCHEMA:
        pytest.skip(f"the validator finds {sorted(codes)}")
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert schema.validate(document), str(schema.error_log.last_error)
