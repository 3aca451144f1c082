"""Writes what VoxLogicA-2 itself makes of every program of VoxBeam's corpus (voxlogica2.json).

For each `.imgql` under CORPUS_DIR (VoxLogicA-2's gallery and test programs, copied unmodified),
VoxLogicA-2's own parser and reducer give:
  - `refused`: the parse or reduction error, when VoxLogicA-2 refuses the program;
  - `goals`: the program's print/save goals, then one print goal per parameterless top-level
    declaration in VoxLogicA-2's binding order (`reduce_program_with_bindings`: first
    declaration's position, last declaration's node), as `[operation, name, node id]`;
  - `nodes`: the id of every node of the plan, sorted;
  - `values`: VoxLogicA-2's value of each goal (in goal order) when it runs it here,
    `{"vox_type", "value", "repr"}` (`repr` is Python's), or `{"failed": message}`. Here SimpleITK is a stand-in that refuses every call, so only
    programs without images produce values. Goals that depend on the nnunet or test namespaces
    are not run (`{"not run": reason}`).

Every program is reduced under its corpus path as its name (`gallery/default/intro-hello.imgql`)
with the working directory taken to be `/corpus`, which decides the `$cwd`, `$dir`, `$file` and
`$stem` nodes; VoxBeam's corpus test reduces the same way. Programs run one per process, in an
empty temporary directory, with a time limit.

Run with the SimpleITK stand-in (simpleitk_standin.py) and VoxLogicA-2 on the path:
    PYTHONPATH=STANDIN:VOXLOGICA2/implementation/python python3 corpus_expectations.py \
        ../../pipeline/src/test/resources/org/voxbeam/pipeline/corpus > \
        ../../pipeline/src/test/resources/org/voxbeam/pipeline/corpus/voxlogica2.json
"""
import json
import math
import multiprocessing
import os
import pathlib
import sys
import tempfile

os.environ.setdefault("TQDM_DISABLE", "1")

WORKING_DIRECTORY = "/corpus"
# Namespaces that need VoxLogicA-2's own runtime (PyTorch, its internal test kernels), which
# VoxBeam registers but does not run: their programs are reduced, not run.
PEER_RUNTIME = {"nnunet", "test"}
TIME_LIMIT_SECONDS = 120


def pretend_working_directory():
    """VoxLogicA-2 derives $cwd from Path.cwd(); reduce as if run from WORKING_DIRECTORY."""
    pathlib.Path.cwd = classmethod(lambda cls: cls(WORKING_DIRECTORY))


def reduce(source, name):
    from voxlogica.parser import ProgramParseError, parse_program_content
    from voxlogica.reducer import StaticAnalysisError, reduce_program_with_bindings

    try:
        program = parse_program_content(source, source_name=name)
    except ProgramParseError as error:
        return None, {"refused": "parse", "line": error.line, "column": error.column,
                      "message": error.to_clickable_line()}
    try:
        plan, bindings = reduce_program_with_bindings(program, source_name=name)
    except StaticAnalysisError as error:
        return None, {"refused": "reduce", "message": error.format_block()}
    goals = [[goal.operation, goal.name, goal.id] for goal in plan.goals]
    for declared, binding in bindings.items():
        plan.add_goal("print", binding.operation_id, declared)
        goals.append(["print", declared, binding.operation_id])
    return plan, {"goals": goals, "nodes": sorted(plan.nodes)}


def encode(value):
    """A materialized goal value as the golden vectors write it: VoxLogicA-2's type and JSON."""
    if value is None:
        return {"vox_type": "null", "value": None}
    if isinstance(value, bool):
        return {"vox_type": "boolean", "value": value}
    if isinstance(value, int):
        return {"vox_type": "integer", "value": value}
    if isinstance(value, float):
        return {"vox_type": "number", "value": value if math.isfinite(value) else repr(value)}
    if isinstance(value, str):
        return {"vox_type": "string", "value": value}
    if isinstance(value, (list, tuple)):
        return {"vox_type": "sequence", "value": [encode(item)["value"] for item in value]}
    if isinstance(value, dict):
        return {"vox_type": "mapping", "value": {k: encode(v)["value"] for k, v in value.items()}}
    raise TypeError("cannot encode %s" % type(value).__name__)


def run(source, name, results):
    """Runs one program's goals, one at a time, and puts their values or failures in results."""
    pretend_working_directory()
    os.chdir(tempfile.mkdtemp(prefix="voxlogica2-corpus-"))
    sys.stdout = open(os.devnull, "w")
    from voxlogica.execution import ExecutionEngine
    from voxlogica.storage import NoCacheStorageBackend

    plan, _ = reduce(source, name)
    engine = ExecutionEngine(storage_backend=NoCacheStorageBackend(), no_cache=True)
    prepared = engine.compile_plan(plan)
    values = []
    for goal in prepared.plan.goals:
        peers = peer_namespaces(plan, goal.id)
        if peers:
            values.append({"not run": "needs VoxLogicA-2's %s namespace" % ", ".join(peers)})
            continue
        try:
            outcome = engine.run_prepared(prepared, goals=[goal.id])
            if goal.id in outcome.failed_operations:
                raise RuntimeError(str(outcome.failed_operations[goal.id]))
            materialized = engine._strategy._materialize_goal_value(prepared.values[goal.id])
            values.append(dict(encode(materialized), repr=repr(materialized)))
        except Exception as error:  # noqa: BLE001 - recorded as the goal's failure
            lines = [line for line in str(error).splitlines() if line.strip()]
            message = lines[-1] if lines else type(error).__name__
            values.append({"failed": message.replace(os.getcwd(), "<run directory>")})
    results.put(values)


def peer_namespaces(plan, root):
    """The peer-runtime namespaces a node depends on (arguments and closure captures)."""
    found, pending, seen = set(), [root], set()
    while pending:
        node_id = pending.pop()
        if node_id in seen or node_id not in plan.nodes:
            continue
        seen.add(node_id)
        spec = plan.nodes[node_id]
        namespace = str(getattr(spec, "operator", "") or "").split(".")[0]
        if namespace in PEER_RUNTIME:
            found.add(namespace)
        pending.extend(spec.args)
        pending.extend(value for _, value in spec.kwargs)
        pending.extend(captured_ids(spec.attrs.get("function_captures", {})))
    return sorted(found)


def captured_ids(function_captures):
    """Node ids captured by (nested) user functions inside a closure."""
    ids = []
    for spec in dict(function_captures).values():
        ids.extend(dict(spec.get("captures", {})).values())
        ids.extend(captured_ids(spec.get("functions", {})))
    return ids


def values_of(source, name):
    results = multiprocessing.Queue()
    process = multiprocessing.Process(target=run, args=(source, name, results))
    process.start()
    process.join(TIME_LIMIT_SECONDS)
    if process.is_alive():
        process.kill()
        return {"timed out": True}
    if results.empty():
        return {"crashed": process.exitcode}
    return results.get()


def main(corpus):
    pretend_working_directory()
    root = pathlib.Path(corpus)
    document = {}
    for path in sorted(root.rglob("*.imgql")):
        name = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        plan, entry = reduce(source, name)
        if plan is not None:
            entry["values"] = values_of(source, name)
        document[name] = entry
        sys.stderr.write("%s: %s\n" % (name, entry.get("refused") or "%d goals" % len(entry["goals"])))
    json.dump(document, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1])
