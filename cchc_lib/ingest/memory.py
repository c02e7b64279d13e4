"""Memory a big file's ingest gives back as it goes (issue 15: a million rows under 1 GB)."""

from __future__ import annotations


def release_memory() -> None:
    """Give back to the system what Arrow's allocator keeps of freed memory: it would keep a
    big file's reading buffers for the rest of the run, where numpy cannot reuse them. The
    allocator keeps a heap per thread: this gives back the calling thread's."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


__all__ = ["release_memory"]
