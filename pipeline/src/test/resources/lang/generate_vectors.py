"""Regenerates lark-vectors.json: ImgQL sources and how VoxLogicA-2's own parser reads them.

Run with VoxLogicA-2's `voxlogica/parser.py` importable as `voxparser` (and lark installed),
giving the root of a VoxLogicA-2 checkout so that every program of its gallery and its tests
is a vector too (named by its path there):
    python3 generate_vectors.py VOXLOGICA2_CHECKOUT > lark-vectors.json
Each vector holds the source and either the commands printed back in VoxLogicA-2's canonical
syntax (and how each declaration body reads back once printed, or null where the printed form
does not parse) or the 1-based line of the parse error. The random part is seeded, so the file is stable.
"""
import json
import pathlib
import random
import sys

import voxparser

HAND_WRITTEN = [
    "x = -3", "x = .5", "x = 1.", "x = 1.e5", "x = +2", "x = a-3", "x = 1 -2", "x = a - -3",
    "x = a -b", "let x =-3", "x = a\ny = 2", "x = fold max xs\nz = 3", "x = fold max xs\nlet w = 3",
    "x = fold max xs\nprint \"a\" 1", "x = a + let", "x = fold maxx xs", "x = f()",
    "x = let y = 1 in y\nlet z = 2", "x = [1,2][0:1]", "x = -(a)", "x = - (a)", "x = -(a)[0]",
    "x = !a[0]", ".+.(a, b) = a", "x = \"a\\\"b\"", "x = \"a\\\\\" + \"b\"", "x = 1 .+. 2 .*. 3",
    "x = true", "x = in", "x = for", "x = for i in range(0,3) do i + 1 + 2",
    "x = (fold + 0 xs) + 1", "x = $stem", "x = $Stem", "x = 1.5e-3 + 1E10 + 10000000000000000",
    "x = a.b.c", "x = AB_c", "x = B+(a)", "x = a B+ b", "x = _y", "x = [ ]", "x = []",
    "x = xs[:]", "x = xs[1:]", "x = xs[:2]", "x = xs[a:-1]", "x = xs[0][1][2:3][4]",
    "x = fold + 0 (xs)", "x = fold + a (b)", "x = fold + a -3", "x = fold * 1 range(1, 6)",
    "x = filter v in xs do v > 4 && v < 8", "x = let a = 1 in let b = 2 in a + b",
    "x = f(let a = 1 in a, for i in xs do i)", "f(a, b) = a\nprint \"r\" f(1, 2)",
    "import \"vox1\"\nimport \"lib.imgql\"", "save \"out.nii.gz\" x", "print \"s\" \"a b\"",
    "x = // comment\n 3", "// only a comment", "", "x = 1 // trailing\n", "print x",
    "x = (1", "x = [1, 2", "x = \"unterminated", "x = 1 # 2", "x = a ~> b .+. c", "x = \\a",
    "x = 1e400", "x = 0.1 + 0.2", "x = 1e-05", "x = a == b", "x = a = b", "x = f(a)(b)",
    "x = max(a, b)", "x = fold min a b", "x = let in = 1 in in", "for = 3", "let let = 3",
    "x = y\n(z)", "x = y\n[0]", "x = y\n-1", "x = y\n- 1", "x = a [0]", "x = -a + -b",
    "x = a+b*c/d-e", "x = a <= b", "x = !(a && b)", "x = @a", "x = a @ b",
    "x = fold + 0 xs ys", "x = let a = 1 in a\n+ 2", "é = 1", "x = 3\tif", "x=1\r\ny=2",
    # `_` is both a name and an operator; where only a name may stand it is a name.
    "x = let _ = WriteImage(img, \"a.nii\") in 1", "x = let _ = 1 in let _ = 2 in 3",
    "x = let _ = 1 in _", "x = let _a = 1 in _a", "x = let __ = 1 in 2", "x = let _1 = 1 in 2",
    "x = let _.a = 1 in 2", "x = let A_b = 1 in A_b", "x = let AB_ = 1 in 2", "f(_) = 1",
    "f(a, _) = a", "f(_x) = _x", "f(_, _) = 1", "x = for _ in xs do 1",
    "x = filter _i in xs do _i", "x = _", "x = _ + 1", "x = a _ b", "x = _(1)", "x = _[0]",
    "_ = 3", "let _ = 3", "_x = 3", "let _x = 3", "let _ = 1 in 2", "x = let _ + 1 in 2",
    "x = let _ = 1 in 2 // _\nprint \"_\" _(x)",
    # literals the lexer scans by hand: escaped quotes and backslash runs
    "x = \"\\\\\\\\\"", "x = \"a\\\\\\\"b\"", "x = \"\\\"\\\"\"", "x = \"a\nb\"", "x = \"\"",
    # comments and blank lines in runs
    "// a\n// b\n\n// c\nx = 1 // d\n// e", "x = 1 //", "x = 1\n//\n//\n",
]

WORDS = ["a", "b", "xs", "img", "f", "g", "near", "Inside", "vox1.near", "$stem", "max", "do_it"]
OPS = ["+", "-", "*", "/", "&&", "||", ">", "<=", ".+.", "~>", "!", "B+", "==", "%"]


def rand_expr(r, depth):
    choice = r.randrange(12 if depth < 4 else 4)
    if choice == 0:
        return r.choice(["0", "1", "2.5", "1e3", "0.125", "42", "3.0"])
    if choice == 1:
        return r.choice(WORDS)
    if choice == 2:
        return r.choice(["true", "false", "\"s\"", "\"a\\\"q\""])
    if choice == 3:
        return r.choice(WORDS) + r.choice(["[0]", "[1:2]", "[:3]", "[2:]", "[:]"])
    if choice == 4:
        return rand_expr(r, depth + 1) + r.choice([" ", ""]) + r.choice(OPS) + " " + rand_expr(r, depth + 1)
    if choice == 5:
        return r.choice(OPS) + " " + rand_expr(r, depth + 1)
    if choice == 6:
        args = ", ".join(rand_expr(r, depth + 1) for _ in range(r.randrange(1, 4)))
        return r.choice(WORDS[:8]) + "(" + args + ")"
    if choice == 7:
        return "(" + rand_expr(r, depth + 1) + ")"
    if choice == 8:
        return "[" + ", ".join(rand_expr(r, depth + 1) for _ in range(r.randrange(0, 3))) + "]"
    if choice == 9:
        return "let v = " + rand_expr(r, depth + 1) + " in " + rand_expr(r, depth + 1)
    if choice == 10:
        kw = r.choice(["for", "filter"])
        return kw + " i in " + rand_expr(r, depth + 1) + " do " + rand_expr(r, depth + 1)
    init = r.choice(["", rand_expr(r, depth + 1) + " "])
    return "fold " + r.choice(["+", "*", "max", "min"]) + " " + init + rand_expr(r, depth + 1)


def rand_program(r):
    lines = []
    for i in range(r.randrange(1, 4)):
        kind = r.randrange(4)
        if kind == 0:
            lines.append("print \"p%d\" %s" % (i, rand_expr(r, 0)))
        elif kind == 1:
            lines.append("f%d(a, b) = %s" % (i, rand_expr(r, 0)))
        else:
            lines.append("v%d = %s" % (i, rand_expr(r, 0)))
    return "\n".join(lines)


def command_syntax(command):
    return command.to_syntax()


def reparse(printed):
    """How VoxLogicA-2 reads a printed body back (as it does for closure bodies), or None."""
    try:
        program = voxparser.parse_program_content("let expr_tmp = " + printed)
    except Exception:
        return None
    if len(program.commands) != 1:
        return None
    return program.commands[0].expression.to_syntax()


def vector(source, name=None):
    named = {} if name is None else {"name": name}
    try:
        program = voxparser.parse_program_content(source, source_name="vector")
        bodies = [c.expression.to_syntax() for c in program.commands
                  if isinstance(c, voxparser.Declaration)]
        return {**named, "source": source, "commands": [command_syntax(c) for c in program.commands],
                "reparsed": [reparse(b) for b in bodies]}
    except Exception as error:  # the parser raises ProgramParseError with a line
        return {**named, "source": source, "error_line": getattr(error, "line", None)}


def checkout_programs(root):
    """The gallery's and the tests' programs of a VoxLogicA-2 checkout, by relative path."""
    root = pathlib.Path(root)
    files = sorted(root.glob("doc/gallery/programs/**/*.imgql")) + sorted(root.glob("tests/**/*.imgql"))
    return [(str(f.relative_to(root)), f.read_text(encoding="utf-8")) for f in files]


def main():
    r = random.Random(20261124)
    vectors = [vector(s) for s in HAND_WRITTEN + [rand_program(r) for _ in range(600)]]
    if len(sys.argv) > 1:
        vectors += [vector(source, name) for name, source in checkout_programs(sys.argv[1])]
    print(json.dumps(vectors, indent=1, ensure_ascii=True))


if __name__ == "__main__":
    main()
