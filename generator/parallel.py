"""Work spread over the machine's cores, for the stages that do the same thing to many items."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Starting a worker process and sending it its share costs about as much as analyzing a few
# articles: below this many items per worker, one process is faster.
MIN_ITEMS_PER_WORKER = 8


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item],
                 min_items_per_worker: int = MIN_ITEMS_PER_WORKER) -> Iterator[Result]:
    """function(item) for each item, in order; on every core when there are enough items
    (fewer are enough when each is heavy). function and items must be picklable (a
    module-level function, plain data)."""
    workers = min(cores(), len(items) // min_items_per_worker)
    if workers < 2:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(function, items, chunksize=max(1, len(items) // (workers * 16)))


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine has
    except AttributeError:
        return os.cpu_count() or 1
