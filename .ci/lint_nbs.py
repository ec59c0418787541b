"""Notebook and package lint run by `make test`: catches what breaks the docs build or papermill before CI's users do,
and holds the house style.
- A non-exported code cell that imports AND runs other code is executed by nbdev's docs processor out of
  context (nbdev `_do_eval`), so `make docs` fails on it: keep imports in import-only cells.
- Experiment notebooks need exactly one cell tagged `parameters`, no papermill run metadata (an executed copy), and
  no function or class of their own (an experiment only calls mmg_nb).
- The exported package: lines of at most 120 characters (nbdev's own `__all__` line aside) and no `;`-joined statements.
- Every experiment notebook carries its reference-run cell, current with the reference files (`mmg_nb.cli.docs`)."""
import ast, io, json, re, sys, tokenize
from pathlib import Path

def cell_problems(src):
    lines = [l for l in src.splitlines() if not l.lstrip().startswith(('#|', '%', '!'))]
    if re.search(r'^#\|\s*(export|exports|exporti|exec_doc|eval:\s*false)', src, re.M): return None
    try: tree = ast.parse('\n'.join(lines))
    except SyntaxError: return None
    has_imp = any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(tree))
    def harmless(n):  # definitions, and matplotlib.use(...), are safe to execute out of context
        if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)): return True
        return isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) and ast.unparse(n.value.func) == 'matplotlib.use'
    has_other = any(not harmless(n) for n in tree.body)
    return 'mixes imports with other code (nbdev executes it out of context when building docs; split the imports into their own cell)' if has_imp and has_other else None

def param_problems(nb, d):
    "Every assignment in the parameters cell must be visible to papermill, or `-p` overrides of it fail."
    import logging
    logging.getLogger('papermill').setLevel(logging.ERROR)
    from papermill.iorw import load_notebook_node
    from papermill.inspection import _infer_parameters
    cells = [c for c in d['cells'] if 'parameters' in c.get('metadata', {}).get('tags', [])]
    if len(cells) != 1: return []
    src = ''.join(cells[0]['source'])
    try: names = [t.id for n in ast.parse(src).body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)]
    except SyntaxError as e: return [f'{nb}: parameters cell does not parse: {e}']
    seen = {p.name for p in _infer_parameters(load_notebook_node(str(nb)), name='python3', language='python')}
    hint = "papermill reads one `name = literal  # help` per line with no other '=' on it: write dict(a=1) as {'a': 1} and keep '=' out of the comment"
    return [f'{nb}: papermill cannot read parameter {n!r} ({hint})' for n in names if n not in seen]

def split_imports(src):
    "Split a cell's top-level import statements (with their directive lines) from the rest; None if not possible."
    lines = src.splitlines()
    direcs = [l for l in lines if l.lstrip().startswith('#|')]
    body = [l for l in lines if not l.lstrip().startswith('#|')]
    try: tree = ast.parse('\n'.join(body))
    except SyntaxError: return None
    imps = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    nested = any(isinstance(n, (ast.Import, ast.ImportFrom)) for t in tree.body if not isinstance(t, (ast.Import, ast.ImportFrom)) for n in ast.walk(t))
    if not imps or nested: return None
    keep = set()
    for n in imps: keep.update(range(n.lineno - 1, n.end_lineno))
    imp_src = '\n'.join(body[i] for i in sorted(keep))
    rest = '\n'.join(direcs + [l for i, l in enumerate(body) if i not in keep]).strip('\n')
    return imp_src, rest

def fix(root='nbs'):
    "Rewrite notebooks so that mixed cells become an import-only cell followed by the rest."
    for nb in sorted(Path(root).rglob('*.ipynb')):
        d, changed, cells = json.loads(nb.read_text()), False, []
        for c in d['cells']:
            src = ''.join(c['source']) if isinstance(c['source'], list) else c['source']
            if c['cell_type'] == 'code' and cell_problems(src) and (sp := split_imports(src)):
                imp = dict(c, source=sp[0], outputs=[], execution_count=None); imp.pop('id', None)
                cells += [imp, dict(c, source=sp[1])]; changed = True
            else: cells.append(c)
        if changed:
            d['cells'] = cells; nb.write_text(json.dumps(d, indent=1, ensure_ascii=False) + '\n'); print(f'fixed {nb}')

def defines(src):
    "Names of functions and classes a (non-exported) cell defines at any depth (lambdas do not count)."
    lines = [l for l in src.splitlines() if not l.lstrip().startswith(('#|', '%', '!'))]
    try: tree = ast.parse('\n'.join(lines))
    except SyntaxError: return []
    return [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]

def semicolons(line):
    "Whether a line joins statements with a `;` (outside strings and brackets)."
    if ';' not in line: return False
    try: toks = list(tokenize.generate_tokens(io.StringIO(line.strip() + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return False
    depth = 0
    for t in toks:
        if t.type == tokenize.OP and t.string in '([{': depth += 1
        elif t.type == tokenize.OP and t.string in ')]}': depth -= 1
        elif t.type == tokenize.OP and t.string == ';' and depth == 0: return True
    return False

def package_problems(lib='mmg_nb', width=120):
    "House style of the exported package: long lines and `;`-joined statements, with file and line."
    errs = []
    for f in sorted(Path(lib).rglob('*.py')):
        if f.name == '_modidx.py': continue
        for i, l in enumerate(f.read_text().splitlines(), 1):
            if len(l) > width and not l.startswith('__all__ = ') and not re.fullmatch(r'\s*#?\s*<?https?://\S+>?', l):
                errs.append(f'{f}:{i}: line of {len(l)} characters (at most {width}; edit the notebook, then nbdev_export)')
            if semicolons(l): errs.append(f'{f}:{i}: statements joined with ";" (one statement per line)')
    return errs

def output_problems(root='nbs'):
    "Library notebooks saved without outputs (no code cell has one): the docs show every example's result."
    from mmg_nb.cli.docs import library_notebooks, has_outputs
    return [f'{nb}: saved without outputs (no code cell has one): run `make outputs` or save it executed'
            for nb in library_notebooks(root) if not has_outputs(json.loads(nb.read_text()))]

def main(root='nbs'):
    errs = []
    for nb in sorted(Path(root).rglob('*.ipynb')):
        if '.ipynb_checkpoints' in nb.parts: continue
        d = json.loads(nb.read_text())
        for i, c in enumerate(d['cells']):
            if c['cell_type'] != 'code': continue
            p = cell_problems(''.join(c['source']))
            if p: errs.append(f'{nb}: cell {i} {p}:\n    ' + ''.join(c['source'])[:160].replace('\n', '\n    '))
        if 'experiments' in nb.parts:
            n = sum('parameters' in c.get('metadata', {}).get('tags', []) for c in d['cells'])
            if n != 1: errs.append(f'{nb}: experiment notebooks need exactly one cell tagged "parameters" (found {n})')
            errs += param_problems(nb, d)
            if 'papermill' in d.get('metadata', {}): errs.append(f'{nb}: carries papermill run metadata: an executed copy does not belong in nbs/')
            for i, c in enumerate(d['cells']):
                names = defines(''.join(c['source'])) if c['cell_type'] == 'code' else []
                if names: errs.append(f'{nb}: cell {i} defines {names}: experiments only call mmg_nb (move them into the package)')
    if root == 'nbs':
        from mmg_nb.cli.docs import stale_reference_cells
        errs += package_problems() + output_problems(root) + stale_reference_cells(root)
    print('\n'.join(errs) if errs else 'ok: notebook lint, house style')
    return 1 if errs else 0

if __name__ == '__main__':
    if sys.argv[1:2] == ['--fix']: fix(*sys.argv[2:])
    sys.exit(main(*[a for a in sys.argv[1:] if a != '--fix']))
