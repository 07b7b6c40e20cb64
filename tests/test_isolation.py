"""The suite runs apart from the developer's own work: every test stores models and job records in
a registry of its own, and the repository's registry/ is the same after the suite as before."""

import json
import os

from conftest import REPOSITORY_REGISTRY, _tree_state, open_app

from fmnist import jobs, registry, training


def test_a_test_stores_its_models_in_its_own_registry(own_registry):
    assert registry.Registry().root == own_registry
    assert REPOSITORY_REGISTRY not in (own_registry, *own_registry.parents)


def test_the_train_page_settles_job_records_in_the_tests_registry(own_registry):
    """On start the page's job manager marks queued and running records failed: here the test's
    own, where a running record was planted, and not a developer's live training in registry/."""
    config = training.TrainConfig("dense", epochs=1, train_size=300)
    planted = own_registry / "jobs" / f"{config.key()}.json"
    planted.parent.mkdir(parents=True)
    planted.write_text(json.dumps({"key": config.key(), "config": config.relevant(), "state": jobs.RUNNING}))

    at = open_app("en", "pages/train.py", timeout=120)
    assert not at.exception, at.exception
    assert any(config.key() in warning.value for warning in at.warning)
    assert json.loads(planted.read_text())["state"] == jobs.FAILED


def test_the_end_of_session_check_sees_a_changed_added_or_removed_file(tmp_path):
    folder = tmp_path / "registry"
    assert _tree_state(folder) is None
    (folder / "jobs").mkdir(parents=True)
    record = folder / "jobs" / "dense-0123456789ab.json"
    record.write_text('{"state": "running"}')
    before = _tree_state(folder)
    assert _tree_state(folder) == before

    record.write_text('{"state": "failed"}')  # the same size: the bytes tell
    os.utime(record, ns=(before[str(record.relative_to(folder))][1],) * 2)
    assert _tree_state(folder) != before
    record.write_text('{"state": "running"}')
    os.utime(record, ns=(before[str(record.relative_to(folder))][1],) * 2)
    assert _tree_state(folder) == before
    (folder / "extra.keras").write_bytes(b"")
    assert _tree_state(folder) != before
    (folder / "extra.keras").unlink()
    record.unlink()
    assert _tree_state(folder) != before
