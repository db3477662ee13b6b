"""The build's collector thresholds are its own: a caller's are put back, however it ends."""

from __future__ import annotations

import gc

import pytest

from generator.util.collection import BUILD_THRESHOLDS, fewer_collections


def test_thresholds_are_raised_within_the_block_and_restored_after_it_even_on_error() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before
