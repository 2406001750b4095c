"""Catalogue builds on a Dask cluster: the same bytes as on the local pool, and a worker
that dies mid-build costs a retry, not the catalogue."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from kitpress.catalog import engines
from kitpress.catalog.batch import Batch, BatchResult, batch_for, build_batch
from kitpress.catalog.task import KitJob, KitReport, build_kit
from kitpress.errors import BuildError
from kitpress.pipeline import BuildOptions
from tests.catalog_kits import write_catalog, write_kit

distributed = pytest.importorskip("distributed")

KITS = ["salt", "quiet", "orchard"]


@pytest.fixture(scope="module")
def cluster() -> object:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def built_here(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue of three small kits, built once on the local pool into local/."""
    root = tmp_path_factory.mktemp("catalogue")
    for i, name in enumerate(KITS):
        write_kit(root / name, i, poster=i == 0)
    write_catalog(root, KITS, {"salt": "Completed"})
    assert _build(root, "local", None).exit_code == 0
    return root


def _build(root: Path, out: str, scheduler: str | None, task=build_kit) -> BatchResult:  # type: ignore[no-untyped-def]
    options = BuildOptions(format="pdf,zip,catalog", out=root / out)
    batch = batch_for(
        (), root / "catalog.yaml", options, layout_given=False, workers=2, scheduler=scheduler
    )
    return build_batch(Batch(batch.kits, batch.options, batch.catalog, 2, scheduler, task))


def _digests(folder: Path) -> dict[str, str]:
    """Every file the build wrote, by its path in the output folder (the report aside: it
    says how long each kit took, and where)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "catalog-report.json"
    }


def test_dask_builds_the_same_bytes_as_the_local_pool(built_here: Path, cluster: object) -> None:
    remote = _build(built_here, "dask", cluster.scheduler_address)  # type: ignore[attr-defined]
    assert remote.exit_code == 0
    assert remote.engine.startswith("Dask scheduler tcp://127.0.0.1:")
    workers = {r.worker for r in remote.reports}
    assert all(w.split(":")[1] != str(os.getpid()) for w in workers)  # built on the workers
    # two workers of one thread on this machine: its cores shared between their kits' stills
    assert {r.stills_threads for r in remote.reports} == {max(1, (os.cpu_count() or 1) // 2)}
    made = _digests(built_here / "local")
    assert "lumen-sales-marche-du-film-2026_line-up.pdf" in made
    assert len([name for name in made if name.endswith("_press-kit.zip")]) == 3
    assert made == _digests(built_here / "dask")


def die_once(job: KitJob) -> KitReport:
    """The second kit's task kills its own worker process the first time it runs."""
    marker = job.kit.parent / ".died"  # a file both the test and the workers can see
    if job.kit.name == "quiet" and not marker.exists():
        marker.write_text(str(os.getpid()))
        os._exit(1)  # the worker process dies mid-build, as on a lost machine
    return build_kit(job)


def test_a_worker_that_dies_mid_build_costs_a_retry(built_here: Path, cluster: object) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    remote = _build(built_here, "dask-died", address, die_once)
    assert (built_here / ".died").exists()  # it did die once
    assert [r.result for r in remote.reports] == ["built", "built", "built"]
    assert remote.exit_code == 0
    assert _digests(built_here / "dask-died") == _digests(built_here / "local")


def test_an_unreachable_scheduler_is_one_line(
    built_here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "2s")  # it is refused: no need to wait
    with pytest.raises(BuildError) as caught:
        _build(built_here, "nowhere", "tcp://127.0.0.1:1")
    assert caught.value.lines()[0].startswith(
        "cannot reach the Dask scheduler at tcp://127.0.0.1:1"
    )


def test_the_scheduler_comes_from_the_environment(
    built_here: Path, cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from kitpress.cli import main

    monkeypatch.chdir(built_here)
    monkeypatch.setenv("KITPRESS_SCHEDULER", cluster.scheduler_address)  # type: ignore[attr-defined]
    done = CliRunner().invoke(main, ["build", "--catalog", "catalog.yaml", "--format", "pdf"])
    assert done.exit_code == 0, done.output
    assert f"3 of 3 kits built on Dask scheduler {cluster.scheduler_address}" in done.output  # type: ignore[attr-defined]
