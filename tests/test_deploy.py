"""deploy/compose.yaml parses, and names the images and commands docs/deploy.md describes, with options that exist."""
from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import click
import pytest

from rasid.cli import main

yaml = pytest.importorskip("yaml", reason="PyYAML (the dev extra) is not installed")

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "deploy" / "compose.yaml"
DOCS = ROOT / "docs" / "deploy.md"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> str:
    return DOCS.read_text(encoding="utf-8")


def options(command: click.Command) -> set[str]:
    """Returns every option spelling a click command accepts: «--port», «--no-dashboard», …."""
    return {name for param in command.params for name in (*param.opts, *param.secondary_opts)}


def doc_commands(docs: str) -> list[list[str]]:
    """Returns the shell commands of the guide's sh blocks, split into words, comments and heredocs left out."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", docs, re.S):
        inside = False
        for line in block.splitlines():
            if inside:
                inside = line.strip() != "EOF"
                continue
            if "<<'EOF'" in line:
                inside = True
                continue
            words = shlex.split(line.split(" #", 1)[0].replace("$(date +%F)", "DATE"), posix=True)
            if words:
                out.append(words)
    return out


def test_the_compose_file_runs_postgres_a_scheduler_workers_and_the_workbench(compose):
    services = compose["services"]
    assert set(services) >= {"db", "scheduler", "worker", "serve", "rasid"}
    assert services["db"]["image"] == "postgres:16"
    assert services["scheduler"]["command"][:2] == ["dask", "scheduler"]
    assert services["worker"]["command"][:3] == ["dask", "worker", "tcp://scheduler:8786"]
    assert services["serve"]["command"][:2] == ["rasid", "serve"]
    # The one-off tool container is only started on demand.
    assert services["rasid"]["profiles"] == ["tools"]


def test_each_image_and_each_service_command_is_the_one_the_guide_names(compose, docs):
    table = dict(re.findall(r"^\| `(\w+)`\s*\| `([^`]+)`", docs, re.M))
    for name, service in compose["services"].items():
        assert table.get(name) == service["image"], name
        command = service.get("command")
        if command and "${" not in " ".join(command):
            assert " ".join(command[:4]) in docs, name
        elif command:
            assert " ".join(command[:3]) in docs, name


def test_the_dask_and_rasid_options_in_the_compose_file_exist(compose):
    from distributed.cli import dask_scheduler, dask_worker
    known = {("dask", "scheduler"): options(dask_scheduler.main), ("dask", "worker"): options(dask_worker.main),
             ("rasid", "serve"): options(main.commands["serve"])}
    for name, service in compose["services"].items():
        command = service.get("command")
        if not command:
            continue
        used = {word for word in command if word.startswith("--")}
        assert used <= known[tuple(command[:2])], (name, used - known[tuple(command[:2])])


def test_the_dask_settings_in_the_compose_file_name_keys_dask_has(compose):
    import dask
    import distributed  # noqa: F401  (its defaults join dask's config on import)
    settings = {name: value for service in compose["services"].values()
                for name, value in (service.get("environment") or {}).items() if name.startswith("DASK_")}
    assert settings
    for name in settings:
        # DASK_A__B__C is a.b.c; dask.config.get raises KeyError on a key it does not know (a misspelt one is ignored).
        dask.config.get(name[len("DASK_"):].lower().replace("__", "."))


def test_the_services_reach_each_other_by_the_names_and_ports_they_listen_on(compose):
    services = compose["services"]
    db = services["db"]["environment"]
    url = re.compile(rf"postgresql://{db['POSTGRES_USER']}:\$\{{POSTGRES_PASSWORD\}}@db:5432/{db['POSTGRES_DB']}$")
    for name in ("serve", "rasid"):
        assert url.match(services[name]["environment"]["RASID_DB"]), name
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"
    port = services["scheduler"]["command"][services["scheduler"]["command"].index("--port") + 1]
    assert services["rasid"]["environment"]["RASID_DASK"] == f"tcp://scheduler:{port}"
    assert f"tcp://scheduler:{port}" in services["worker"]["command"]
    serve = services["serve"]["command"]
    assert f"127.0.0.1:{serve[serve.index('--port') + 1]}:" in services["serve"]["ports"][0]
    # Workers and the client read the inputs at one path, since each worker reads its own share.
    assert [v.rsplit(":", 2)[1] for v in services["worker"]["volumes"]] == \
        [v.rsplit(":", 2)[1] for v in services["rasid"]["volumes"]] == ["/data"]


def test_the_image_installs_extras_that_bring_dask_and_psycopg(compose):
    dockerfile = (COMPOSE.parent / compose["services"]["scheduler"]["build"]["dockerfile"].split("/")[-1]).read_text()
    extras = re.search(r"pip install [^\n]*'\.\[([\w,]+)\]'", dockerfile).group(1).split(",")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [d for extra in extras for d in pyproject["project"]["optional-dependencies"][extra]]
    assert any(d.startswith("dask[distributed]==") for d in wanted)
    assert any(d.startswith("psycopg") for d in wanted)
    assert any(d.startswith("uvicorn==") for d in wanted)


def test_every_command_in_the_guide_names_a_service_and_a_rasid_verb_that_exist(compose, docs):
    commands = doc_commands(docs)
    assert commands
    services = set(compose["services"])
    verbs = set(main.commands)
    seen = set()
    for words in commands:
        if words[:2] == ["docker", "compose"] and words[2] in ("run", "exec"):
            service = next(w for w in words[3:] if not w.startswith("-"))
            assert service in services, words
            seen.add(service)
            rest = words[words.index(service) + 1:]
            if rest[:1] == ["rasid"]:
                assert rest[1] in verbs, words
                assert set(w for w in rest[2:] if w.startswith("--")) <= options(main.commands[rest[1]]), words
        elif words[0] == "rasid":
            assert words[1] in verbs, words
            assert set(w for w in words[2:] if w.startswith("--")) <= options(main.commands[words[1]]), words
    assert {"db", "rasid"} <= seen
