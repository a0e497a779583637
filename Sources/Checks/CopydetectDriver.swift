/// The Python program `code-similarity` runs with `python3 -c`: it hands the
/// class's sources to PyPI's copydetect (winnowing, the algorithm of MOSS)
/// and prints the pairs of files above the threshold as JSON. sockgrade has
/// no similarity engine of its own.
///
/// Students' files are linked (or copied) first into a staging folder under
/// names made of letters and digits only: copydetect's HTML report prints
/// file names without escaping them, and a symbolic link in a submission
/// must not hand it a file from outside. Only regular files up to 512 KiB
/// are read, at most 200 per student. Pairs of one student's own files are
/// left out, and so are pairs sharing fewer than `min_tokens` tokens beyond
/// the boilerplate: two students who changed the same port line of one
/// tutorial share all of a tiny remainder (copydetect's share is of what is left).
enum CopydetectDriver {
    static let program = #"""
import importlib, json, os, re, shutil, stat, sys, types

class Deferred(types.ModuleType):
    """copydetect imports matplotlib.pyplot when it is loaded, and uses it
    only to draw the HTML report, which is made only when a pair is found:
    the import was 0.6 s of CPU, as much as comparing a class of 200. These
    stand-ins load the real modules the first time one is used."""
    def __getattr__(self, attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        for name in ("matplotlib.pyplot", "matplotlib"):
            if isinstance(sys.modules.get(name), Deferred):
                del sys.modules[name]
        return getattr(importlib.import_module(self.__name__), attribute)

if "matplotlib" not in sys.modules:
    sys.modules["matplotlib"] = Deferred("matplotlib")
    sys.modules["matplotlib.pyplot"] = sys.modules["matplotlib"].pyplot = Deferred("matplotlib.pyplot")
from copydetect import CopyDetector

job = json.load(open(sys.argv[1]))
stage = job["stage"]
extensions = set(job["extensions"])

def safe(text):
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)[:80] or "_"

def link_or_copy(path, staged):
    """A hard link where the file system allows one: no bytes are copied, and
    removing the link frees no inode (on ext4 without a journal every inode
    freed slows the creation of the files after it, the reports among them).
    A copy across file systems, or where protected_hardlinks refuses a file
    of another owner. The link is of the file lstat found regular, not of
    what a symbolic link would name."""
    try:
        os.link(path, staged, follow_symlinks=False)
    except OSError:
        shutil.copyfile(path, staged)

def gather(root, target, limit=200):
    """(staged path, path relative to root) of each source file under root."""
    found = []
    if os.path.isfile(root) and not os.path.islink(root):
        walk = [(os.path.dirname(root), [], [os.path.basename(root)])]
    else:
        walk = os.walk(root, followlinks=False)
    for folder, dirs, files in walk:
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "target", "build", "__pycache__"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > 512 * 1024:
                continue
            if name.rsplit(".", 1)[-1].lower() not in extensions:
                continue
            relative = os.path.relpath(path, root) if os.path.isdir(root) else name
            # Each file keeps its own name, which pygments chooses the lexer
            # by (see cached_lexers); a second file of the same name (a client
            # and a server Main.java) gets a folder of its own.
            staged = os.path.join(target, safe(name))
            if os.path.lexists(staged):
                staged = os.path.join(target, "%03d" % len(found), safe(name))
                os.makedirs(os.path.dirname(staged))
            link_or_copy(path, staged)
            found.append((staged, relative))
            if len(found) >= limit:
                return found
    return found

def cached_lexers(module):
    """copydetect asks pygments for the lexer of every file anew, and that
    scan of every lexer's name patterns and of the installed plugins was
    half of copydetect's time on a class of 200 (1.75 of 3.2 s). pygments
    chooses by the file's base name alone when no code is given, as
    copydetect calls it, so one answer per base name is the same answer."""
    lexers = module.lexers
    found = {}
    class Cached:
        def __getattr__(self, name):
            return getattr(lexers, name)
        def get_lexer_for_filename(self, filename, code=None, **options):
            if code is not None or options:
                return lexers.get_lexer_for_filename(filename, code, **options)
            name = os.path.basename(filename)
            if name not in found:
                try:
                    found[name] = lexers.get_lexer_for_filename(filename)
                except pygments.util.ClassNotFound:
                    found[name] = None
            if found[name] is None:
                raise pygments.util.ClassNotFound("no lexer for filename %r found" % name)
            return found[name]
    module.lexers = Cached()

try:
    import copydetect.utils, pygments.lexers, pygments.util
    cached_lexers(copydetect.utils)
    # A lexer comes from pygments' own table, not from the plugins of
    # whatever else is installed: loading them imported IPython (0.5 s of
    # CPU) for lexers that claim no file names.
    pygments.lexers.find_plugin_lexers = lambda: iter(())
except (ImportError, AttributeError):
    pass

owner = {}
detector = CopyDetector(extensions=sorted(extensions), display_t=job["threshold"], silent=True,
                        autoopen=False, out_file=job["html"])
for index, student in enumerate(job["students"]):
    target = os.path.join(stage, "%03d_%s" % (index, safe(student["student"])))
    os.makedirs(target)
    for staged, relative in gather(student["folder"], target):
        owner[staged] = (student["student"], relative)
        detector.add_file(staged)
boiler = os.path.join(stage, "boilerplate")
os.makedirs(boiler)
for index, path in enumerate(job["boilerplate"]):
    target = os.path.join(boiler, "%03d" % index)
    os.makedirs(target)
    for staged, _ in gather(path, target):
        detector.add_file(staged, type="boilerplate")
def worth_comparing(detector, files, min_tokens):
    """The files that can be in a pair above min_tokens: copydetect compares
    every pair, which was 7 of the 7.5 seconds of a class of 200 two-file
    submissions, nearly all too small to count. A pair's token overlap is
    at most the token coverage of the file compared first, so two files
    covering fewer tokens each are never reported, and a small file sharing
    no fingerprint with a large one is in no reported pair: both are left
    out, and what is reported does not change. Another copydetect version
    without these attributes gets every file."""
    try:
        detector._preprocess_code(files)
        data = detector.file_data
        large = [f for f in files if f in data and data[f].token_coverage >= min_tokens]
        shared = set().union(*(data[f].hashes for f in large))
        return [f for f in files if f in data and (data[f].token_coverage >= min_tokens or data[f].hashes & shared)]
    except AttributeError:
        return files

pairs = []
kept = worth_comparing(detector, detector.test_files, job["min_tokens"])
detector.test_files = list(kept)
detector.ref_files = list(kept)
if len(set(owner[f][0] for f in kept)) >= 2:
    detector.run()
    matrix = detector.similarity_matrix
    if len(matrix):
        for i, test in enumerate(detector.test_files):
            for j, ref in enumerate(detector.ref_files):
                if owner.get(test, ("", ""))[0] == owner.get(ref, ("", ""))[0]:
                    matrix[i, j] = -1
        seen = set()
        for i, test in enumerate(detector.test_files):
            for j, ref in enumerate(detector.ref_files):
                first, second = matrix[i, j]
                overlap = int(detector.token_overlap_matrix[i, j])
                if max(first, second) < job["threshold"] or overlap < job["min_tokens"] or (ref, test) in seen:
                    continue
                seen.add((test, ref))
                pairs.append({"students": [owner[test][0], owner[ref][0]], "files": [owner[test][1], owner[ref][1]],
                              "shares": [round(float(first), 3), round(float(second), 3)], "tokens": overlap})
        if pairs:
            detector.generate_html_report()
# The copies go now, while the students are still being graded: copydetect
# has read them (the report is made from what it kept), and left to the
# grader they were a thousand deletions on the path between the last
# student and the summary, which also slowed the new files written next.
shutil.rmtree(stage, ignore_errors=True)
# One write: json.dump writes each token of its pure-Python encoder apart.
sys.stdout.write(json.dumps({"pairs": pairs, "files": len(owner), "html": bool(pairs)}))
"""#
}
