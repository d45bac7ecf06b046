"""The app finds its resources from a source checkout and from a standalone build alike,
and the build (packaging/vaerdidialog.spec) carries every file the code opens."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from leaderapp.core import resources
from leaderapp.core.resources import licence_path, resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def _bundle_files():
    # Loaded by path: "packaging" would otherwise be the PyPI package of that name.
    spec = importlib.util.spec_from_file_location(
        "bundle_files", ROOT / "packaging" / "bundle_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _bundle_files()


@pytest.fixture
def frozen(monkeypatch):
    """Pretend to run inside a PyInstaller build whose data folder is the given path."""

    def freeze(meipass: Path | None, executable: Path | None = None) -> None:
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        if meipass is None:
            monkeypatch.delattr(sys, "_MEIPASS", raising=False)
        else:
            monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
        if executable is not None:
            monkeypatch.setattr(sys, "executable", str(executable))

    return freeze


def test_source_checkout_uses_the_repository_resources():
    assert resources_dir() == ROOT / "resources"
    assert resource_path("values.toml").is_file()
    assert licence_path() == ROOT / "LICENSE"
    assert "MIT License" in licence_path().read_text(encoding="utf-8")


def test_frozen_build_reads_from_pyinstallers_data_folder(frozen, tmp_path):
    internal = tmp_path / "vaerdidialog" / "_internal"
    frozen(internal)
    assert resource_path("fonts", "DejaVuSans.ttf") == internal / "resources/fonts/DejaVuSans.ttf"
    assert licence_path() == internal / "LICENSE"


def test_frozen_without_meipass_finds_the_one_folder_layout(frozen, tmp_path):
    app = tmp_path / "vaerdidialog"
    (app / "_internal").mkdir(parents=True)
    frozen(None, executable=app / "vaerdidialog")
    assert resources_dir() == app / "_internal" / "resources"
    shutil.rmtree(app / "_internal")
    assert resources_dir() == app / "resources"


def test_every_required_file_is_bundled_and_exists():
    bundled = set(bundle.bundled_files(ROOT))
    for name in bundle.REQUIRED:
        if name.endswith(".mo"):
            # Compiled by `make translations`, which `make dist` runs first.
            assert (ROOT / name).with_suffix(".po").is_file(), name
        else:
            assert name in bundled, name
            assert (ROOT / name).is_file(), name
    assert all((ROOT / name).is_file() for name in bundled)
    # Sources stay home; the app reads the compiled catalogue.
    assert not [name for name in bundled if name.endswith((".po", ".pot"))]


def test_pyinstaller_datas_put_each_file_in_its_own_folder():
    datas = dict(bundle.pyinstaller_datas(ROOT))
    assert datas[str(ROOT / "LICENSE")] == "."
    assert datas[str(ROOT / "resources" / "fonts" / "Symbola.ttf")] == "resources/fonts"


def _resource_path_calls() -> list[tuple[Path, tuple[str, ...]]]:
    """The leading literal parts of every resource_path(...) call in the app's code."""
    calls = []
    for source in (ROOT / "leaderapp").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "resource_path"
            ):
                parts = []
                for arg in node.args:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        break
                    parts.append(arg.value)
                calls.append((source, tuple(parts)))
    return calls


def test_every_resource_the_code_opens_is_in_the_bundle():
    bundled = set(bundle.bundled_files(ROOT))
    calls = _resource_path_calls()
    assert len(calls) >= 5  # the scan found the callers (fonts, library, demo, schema, ...)
    for source, parts in calls:
        wanted = "/".join(("resources", *parts))
        assert wanted in bundled or any(name.startswith(wanted + "/") for name in bundled), (
            f"{source.relative_to(ROOT)} opens {wanted}, which the build does not carry"
        )


def test_a_copy_of_the_bundle_is_enough_for_the_core(frozen, tmp_path):
    internal = tmp_path / "_internal"
    for name in bundle.bundled_files(ROOT):
        target = internal / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    mo = internal / "resources/locale/da/LC_MESSAGES/leaderapp.mo"
    if not mo.exists():  # as `make translations` does before `make dist`
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with (ROOT / "resources/locale/da/LC_MESSAGES/leaderapp.po").open("rb") as fp:
            catalog = read_po(fp, locale="da")
        with mo.open("wb") as fp:
            write_mo(fp, catalog)
    frozen(internal)
    from leaderapp.core import i18n
    from leaderapp.core.demo import demo_path
    from leaderapp.core.library.loader import load_library_from

    library = load_library_from(resources.resource_path())
    assert "standard" in library.programs
    assert i18n._load("da").gettext("&File") != "&File"
    assert demo_path().is_file()
    assert demo_path().is_relative_to(internal)
