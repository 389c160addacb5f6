// libtorch's global generator and thread pool are process-wide: seeded tests must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
