"""Write a synthetic guide of N page pairs into a temporary project, for the benchmark.

The project is a copy of the real one (mkdocs.yml, hooks/, overrides/, data/ with the real
registries and decision trees, and the real docs/), grown with synthetic bokmål/English page pairs
until docs/ holds N pairs. The synthetic pages are built from sentence templates that cite real
laws and sections from data/laws.yml and real numbers from data/phones.yml, carry valid front
matter, link to real and synthetic pages, and some hold a `{{ tree: skal-politiet-involveres }}`
marker, so the strict build passes exactly as for the real site.

Three configurations are written beside each other:
  mkdocs.yml          the site's own hooks (unchanged)
  mkdocs.timed.yml    the same hooks wrapped by hooks/bench_timed_hooks.py, which adds up the
                      time spent inside them and writes it to $GUIDE_BENCH_HOOK_TIMES
  mkdocs.nohooks.yml  no site hooks: hooks/bench_stub_hooks.py only gives the templates the
                      variables they expect (menu words, emergency numbers), from data/ui.yml and
                      data/phones.yml read once; markers stay raw text in the pages

Plain Python; the only project module it uses is hooks/veileder (to read the registries).
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from veileder.legal import load_law_registry  # noqa: E402
from veileder.phones import load_phone_registry  # noqa: E402

# Sections that grow with the guide (folder, bokmål nav title as in mkdocs.yml).
SECTIONS = ["vold", "arbeidsprosess", "tiltak", "aktorer", "samarbeid", "taushetsplikt"]
TREE_ID = "skal-politiet-involveres"
TREE_EVERY = 10  # one synthetic page in ten holds a decision tree
SOURCE_IDS = ["politiet-neb3", "nkvts-voldsveileder", "bufdir-krisesenterveileder", "sifer-hoyrisiko",
              "taushet-tar-liv-gullstandard", "nou-2020-17", "lovdata"]
AUDIENCES = ["police", "health", "crisis-centre", "child-welfare", "nav", "municipality"]
# Real pages the synthetic pages link to under «Hvem bør involveres» / «Se også».
REAL_LINKS = ["aktorer/politiet.md", "aktorer/krisesenteret.md", "aktorer/barnevernet.md",
              "aktorer/nav.md", "tiltak/besoksforbud.md", "tiltak/mobil-voldsalarm.md",
              "arbeidsprosess/risikovurdering.md", "taushetsplikt/avvergingsplikt.md"]

# Title parts: (bokmål, English). 12 x 12 x 10 = 1,440 distinct titles, no digits (digit groups
# in prose would be read as phone numbers).
ACTION = [("Oppfølging av", "Following up"), ("Kartlegging av", "Mapping"), ("Samtaler om", "Conversations about"),
          ("Dokumentasjon av", "Documenting"), ("Tiltak ved", "Measures for"), ("Samarbeid om", "Cooperation on"),
          ("Risiko ved", "Risk in"), ("Råd om", "Advice on"), ("Varsling om", "Alerts about"),
          ("Beskyttelse mot", "Protection against"), ("Tegn på", "Signs of"), ("Veiledning om", "Guidance on")]
TOPIC = [("trusler", "threats"), ("vold i nære relasjoner", "domestic violence"), ("forfølgelse", "stalking"),
         ("tvangsekteskap", "forced marriage"), ("æresrelatert kontroll", "honour-based control"),
         ("digital kontroll", "digital control"), ("økonomisk vold", "economic abuse"),
         ("psykisk vold", "psychological violence"), ("seksuell vold", "sexual violence"),
         ("vold mot eldre", "violence against older people"), ("vold mot barn", "violence against children"),
         ("gjentatte brudd", "repeated breaches")]
SETTING = [("i skolen", "at school"), ("på legevakten", "at the emergency clinic"), ("i NAV-kontoret", "at the NAV office"),
           ("på krisesenteret", "at the crisis centre"), ("i hjemmet", "in the home"), ("på arbeidsplassen", "at work"),
           ("etter samlivsbrudd", "after a break-up"), ("i barnevernet", "in child welfare"),
           ("i helsestasjonen", "at the child health centre"), ("i kommunen", "in the municipality")]

# Sentence templates: (bokmål, English), the same fact in each. {t}/{T} topic, {s} setting.
PROSE = [
    ("Når du møter {t} {s}, er det viktig å lytte, ta det som blir sagt på alvor og notere det du ser og hører.",
     "When you meet {T} {S}, it is important to listen, take what is said seriously and note what you see and hear."),
    ("Den utsatte bør få vite hva som skjer videre, hvem som får vite hva, og hvilke valg hun eller han har.",
     "The person at risk should be told what happens next, who will be told what, and which choices they have."),
    ("Risikoen endrer seg over tid, så vurderingen må gjentas når situasjonen endrer seg.",
     "The risk changes over time, so the assessment must be repeated when the situation changes."),
    ("Skriv ned datoer, hendelser og hvem som var til stede, med den utsattes egne ord der det er mulig.",
     "Write down dates, incidents and who was present, in the person's own words where possible."),
    ("Samarbeid med andre tjenester gir et mer helhetlig bilde enn det hver tjeneste har alene.",
     "Cooperation with other services gives a fuller picture than each service has on its own."),
    ("Barn som lever med vold, er selv utsatt og skal vurderes for seg.",
     "Children who live with violence are themselves at risk and must be assessed in their own right."),
    ("Spør direkte og konkret; mange forteller først når noen spør.",
     "Ask directly and concretely; many people only tell when someone asks."),
    ("Gjør en avtale om neste kontakt før samtalen avsluttes, og avtal hvordan du kan nå den utsatte trygt.",
     "Agree on the next contact before the conversation ends, and agree how you can reach the person safely."),
    ("NKVTS og RVTS tilbyr kunnskap og veiledning til tjenester som arbeider med {t}.",
     "NKVTS and RVTS offer knowledge and guidance to services that work with {T}."),
    ("En rutine for {t} {s} gjør det lettere å handle riktig når det haster.",
     "A routine for {T} {S} makes it easier to act correctly when time is short."),
    ("Tolk skal være kvalifisert og aldri et familiemedlem eller et barn.",
     "An interpreter must be qualified and never a family member or a child."),
    ("Den som utøver vold, kan også få hjelp til å endre atferden, for eksempel hos Alternativ til Vold.",
     "The person who uses violence can also get help to change, for example at Alternative to Violence."),
]
ACTIONS = [
    ("Ved akutt fare: ring {p112}.", "In immediate danger: call {p112}."),
    ("Når det ikke haster, kan politiet nås på {p02800}.", "When it is not urgent, the police can be reached on {p02800}."),
    ("Gi den utsatte et nummer å ringe: {pa}.", "Give the person a number to call: {pa}."),
    ("Vurder om {pb} kan gi råd i saken.", "Consider whether {pb} can give advice in the case."),
    ("Avklar samtykke og taushetsplikt før du deler opplysninger.", "Clarify consent and confidentiality before you share information."),
    ("Meld fra til barnevernet når vilkårene er oppfylt.", "Notify child welfare services when the conditions are met."),
]
LEGAL = [
    ("Etter {ref} kan det være aktuelt å handle uten samtykke.", "Under {ref}, it may be right to act without consent."),
    ("Vurderingen bygger på {ref}.", "The assessment rests on {ref}."),
    ("Les også {ref} før du bestemmer deg.", "Also read {ref} before you decide."),
]
CHECKLIST = [("Er den utsatte trygg nå?", "Is the person safe now?"),
             ("Er det barn i husstanden?", "Are there children in the household?"),
             ("Har trusselen blitt verre den siste tiden?", "Has the threat grown worse recently?"),
             ("Er andre tjenester allerede involvert?", "Are other services already involved?")]


@dataclass
class Registries:
    refs: list[tuple[str, str, str]]  # (law id, bokmål form, English form)
    phones: list[str]  # numbers as written in Norwegian grouping


def load_registries(root: Path = ROOT, today: dt.date | None = None) -> Registries:
    """Every citable section of a verified law in force, and every published phone number."""
    laws, _ = load_law_registry(root / "data" / "laws.yml")
    refs = []
    for law_id, law in laws.laws.items():
        if law.status != "in-force" or not law.id_verified or law.kind != "lov":
            continue
        for key, sec in law.sections.items():
            if sec.status == "in-force":
                refs.append((law_id, f"{law.names[0]} § {key}", f"section {key} of the {law.english_name}"))
    phones, _ = load_phone_registry(root / "data" / "phones.yml", today=today or dt.date.today())
    return Registries(refs=refs, phones=[e.number for e in phones.entries])


def synthetic_paths(n_pairs: int) -> list[str]:
    """Docs-relative bokmål paths of n synthetic pages, spread over the sections."""
    return [f"{SECTIONS[i % len(SECTIONS)]}/emne-{i + 1:04d}.md" for i in range(n_pairs)]


def _title(i: int) -> tuple[str, str]:
    a = ACTION[i % len(ACTION)]
    t = TOPIC[(i // len(ACTION)) % len(TOPIC)]
    s = SETTING[(i // (len(ACTION) * len(TOPIC))) % len(SETTING)]
    return f"{a[0]} {t[0]} {s[0]}", f"{a[1]} {t[1]} {s[1]}"


def _rel(from_rel: str, to_rel: str) -> str:
    import posixpath
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel))


def page_pair(i: int, rel: str, all_paths: list[str], reg: Registries, today: dt.date) -> tuple[str, str]:
    """The bokmål and English text of synthetic page number i (deterministic)."""
    rnd = random.Random(1000 + i)
    title_nb, title_en = _title(i)
    a, t, s = ACTION[i % len(ACTION)], TOPIC[(i // len(ACTION)) % len(TOPIC)], SETTING[(i // (len(ACTION) * len(TOPIC))) % len(SETTING)]
    fill_nb = {"t": t[0], "s": s[0]}
    fill_en = {"T": t[1], "S": s[1]}
    audience = sorted(rnd.sample(AUDIENCES, rnd.randint(1, 3)), key=AUDIENCES.index)
    sources = sorted(rnd.sample(SOURCE_IDS[:-1], 2), key=SOURCE_IDS.index) + ["lovdata"]
    reviewed = today - dt.timedelta(days=rnd.randint(1, 200))
    common = (f"audience: [{', '.join(audience)}]\nreviewed: {reviewed.isoformat()}\n"
              f"owner: {rnd.choice(['fagredaksjonen', 'juridisk-redaksjon'])}\nsources: [{', '.join(sources)}]\n")
    desc_nb = f"Hva du kan gjøre ved {t[0]} {s[0]}: tegn, samtale, dokumentasjon, lovgrunnlag og hvem som bør involveres."
    desc_en = f"What you can do about {t[1]} {s[1]}: signs, conversation, documentation, legal basis and who to involve."
    nb = [f"---\ntitle: {title_nb}\ndescription: \"{desc_nb}\"\n{common}---\n"]
    en = [f"---\ntitle: {title_en}\ndescription: \"{desc_en}\"\n{common}---\n"]

    def para(k: int) -> None:
        picks = rnd.sample(range(len(PROSE)), k)
        nb.append(" ".join(PROSE[j][0].format(**fill_nb) for j in picks) + "\n")
        en.append(" ".join(PROSE[j][1].format(**fill_en) for j in picks) + "\n")

    def heading(h_nb: str, h_en: str) -> None:
        nb.append(f"## {h_nb}\n")
        en.append(f"## {h_en}\n")

    para(4)
    heading("Kort fortalt", "In brief")
    para(5)
    para(4)
    if i % TREE_EVERY == 0:
        heading("Beslutningsstøtte", "Decision support")
        nb.append(f"{{{{ tree: {TREE_ID} }}}}\n")
        en.append(f"{{{{ tree: {TREE_ID} }}}}\n")
    heading("Hva du ser etter", "What to look for")
    items = rnd.sample(range(len(CHECKLIST)), 3)
    nb.append("\n".join(f"- {CHECKLIST[j][0]}" for j in items) + "\n")
    en.append("\n".join(f"- {CHECKLIST[j][1]}" for j in items) + "\n")
    para(5)
    heading("Hva du kan gjøre", "What you can do")
    pa, pb = rnd.sample([p for p in reg.phones if p not in ("112", "02800")], 2)
    phones = {"p112": "112", "p02800": "02800", "pa": pa, "pb": pb}
    nb.append("\n".join(f"{n}. {ACTIONS[n - 1][0].format(**phones)}" for n in range(1, len(ACTIONS) + 1)) + "\n")
    en.append("\n".join(f"{n}. {ACTIONS[n - 1][1].format(**phones)}" for n in range(1, len(ACTIONS) + 1)) + "\n")
    para(3)
    heading("Lovgrunnlag", "Legal basis")
    for j, (_, ref_nb, ref_en) in enumerate(rnd.sample(reg.refs, 3)):
        nb.append(LEGAL[j % len(LEGAL)][0].format(ref=ref_nb) + "\n")
        en.append(LEGAL[j % len(LEGAL)][1].format(ref=ref_en) + "\n")
    heading("Hvem bør involveres", "Who to involve")
    real = rnd.sample(REAL_LINKS, 3)
    nb.append("\n".join(f"- [{p.split('/')[1][:-3].replace('-', ' ').capitalize()}]({_rel(rel, p)})" for p in real) + "\n")
    en.append("\n".join(f"- [{p.split('/')[1][:-3].replace('-', ' ').capitalize()}]({_rel(rel, p)})" for p in real) + "\n")
    heading("Se også", "See also")
    others = [all_paths[(i + k) % len(all_paths)] for k in (1, 7, 31) if all_paths[(i + k) % len(all_paths)] != rel]
    nb.append("\n".join(f"- [{_title(all_paths.index(p))[0]}]({_rel(rel, p)})" for p in others) + "\n")
    en.append("\n".join(f"- [{_title(all_paths.index(p))[1]}]({_rel(rel, p)})" for p in others) + "\n")
    heading("Kilder", "Sources")
    nb.append("- NKVTS: Voldsveilederen for helse- og omsorgstjenesten\n- Lovdata: lovtekstene som er nevnt over\n")
    en.append("- NKVTS: Voldsveilederen for helse- og omsorgstjenesten (violence guide)\n- Lovdata: the laws named above\n")
    return "\n".join(nb), "\n".join(en)


def _grown_nav(nav: list, added: dict[str, list[str]]) -> list:
    """The real menu with each section's synthetic pages appended to it."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (name, value), = item.items()
            if isinstance(value, list):
                folder = next((v.split("/")[0] for v in value if isinstance(v, str) and "/" in v), None)
                value = value + added.get(folder, [])
            out.append({name: value})
        else:
            out.append(item)
    return out


TIMED_HOOKS = '''"""Benchmark only: the site's hooks, each wrapped to add up the time spent inside it."""
import atexit, json, os, time, functools
import mkdocs_hooks as _real

TIMES = {}

def _wrap(name, fn):
    @functools.wraps(fn)  # keeps mkdocs_priority
    def timed(*args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            slot = TIMES.setdefault(name, [0, 0.0, 0.0])
            slot[0] += 1
            slot[1] += time.perf_counter() - t0
            slot[2] += time.process_time() - c0
    return timed

for _name in dir(_real):
    if _name.startswith("on_") and callable(getattr(_real, _name)):
        globals()[_name] = _wrap(_name, getattr(_real, _name))

@atexit.register
def _dump():
    path = os.environ.get("GUIDE_BENCH_HOOK_TIMES")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({k: {"calls": v[0], "seconds": v[1], "cpu_seconds": v[2]} for k, v in TIMES.items()}, fh)
'''

STUB_HOOKS = '''"""Benchmark only: no site hooks. Gives the templates the variables they use, read once."""
from pathlib import Path
import yaml

_ROOT = Path(__file__).resolve().parent.parent
_UI = None
_PHONES = None

def on_env(env, config, files):
    global _UI, _PHONES
    if _UI is None:
        _UI = yaml.safe_load((_ROOT / "data" / "ui.yml").read_text(encoding="utf-8")) or {}
        _PHONES = yaml.safe_load((_ROOT / "data" / "phones.yml").read_text(encoding="utf-8")) or {}
    lang = config.theme["language"] if config.theme["language"] in ("nb", "en") else "nb"
    env.globals["ui"] = dict(_UI.get(lang, {}))
    env.globals["emergency"] = [
        {"label": p["header"][lang], "number": p["number"], "html": p["number"]}
        for p in _PHONES.get("phones", []) if p.get("header")
    ]
    return env
'''


class _Tagged:
    """A value with a custom tag in mkdocs.yml (e.g. `!ENV [GUIDE_SITE_URL, ...]`), kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    node = value.node
    return type(node)(value.tag, node.value, flow_style=getattr(node, "flow_style", None)) if not isinstance(node, yaml.ScalarNode) else yaml.ScalarNode(value.tag, node.value, style=node.style)


def write_corpus(dest: Path, n_pairs: int, *, root: Path = ROOT, today: dt.date | None = None) -> dict:
    """Write the project for a guide of n_pairs page pairs into dest (emptied first)."""
    today = today or dt.date.today()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("hooks", "overrides", "data", "docs"):
        shutil.copytree(root / folder, dest / folder, ignore=ignore)
    real_pairs = sum(1 for p in (dest / "docs").rglob("*.md") if not p.name.endswith(".en.md"))
    n_synth = max(0, n_pairs - real_pairs)
    reg = load_registries(root, today)
    paths = synthetic_paths(n_synth)
    added: dict[str, list[str]] = {}
    for i, rel in enumerate(paths):
        text_nb, text_en = page_pair(i, rel, paths, reg, today)
        target = dest / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text_nb, encoding="utf-8")
        target.with_name(target.name[:-3] + ".en.md").write_text(text_en, encoding="utf-8")
        added.setdefault(rel.split("/")[0], []).append(rel)

    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["nav"] = _grown_nav(config.get("nav", []), added)
    config.pop("watch", None)
    (dest / "hooks" / "bench_timed_hooks.py").write_text(TIMED_HOOKS, encoding="utf-8")
    (dest / "hooks" / "bench_stub_hooks.py").write_text(STUB_HOOKS, encoding="utf-8")
    variants = {"mkdocs.yml": ["hooks/mkdocs_hooks.py"], "mkdocs.timed.yml": ["hooks/bench_timed_hooks.py"],
                "mkdocs.nohooks.yml": ["hooks/bench_stub_hooks.py"]}
    for name, hooks in variants.items():
        cfg = dict(config, hooks=hooks)
        (dest / name).write_text(yaml.dump(cfg, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {"pairs": real_pairs + n_synth, "real_pairs": real_pairs, "synthetic_pairs": n_synth}
