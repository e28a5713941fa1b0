import Foundation

/// Independent reads run together, as many at once as the machine has cores, each on its own connection from the
/// store's pool (in WAL mode readers do not wait for each other).
///
/// Add the reads, longest first, then ``run()``: a core that finishes a read takes the next one, so two cores stay
/// busy until the last reads. Each ``PendingRead`` gives its result, or its error, after the run.
///
/// ```swift
/// let batch = ReadBatch()
/// let stations = batch.add { () throws(StoreError) in try store.stations() }
/// let zones = batch.add { () throws(StoreError) in try store.zones() }
/// batch.run()
/// let (s, z) = (try stations.get(), try zones.get())
/// ```
public final class ReadBatch: @unchecked Sendable {
    // Appended to before `run()` on one thread only, then read by the workers.
    private var reads: [@Sendable () -> Void] = []

    /// Creates an empty batch.
    public init() {}

    /// Adds `read` to the batch; its result is available from the returned handle once ``run()`` has returned.
    public func add<Value: Sendable>(_ read: @escaping @Sendable () throws(StoreError) -> Value) -> PendingRead<Value> {
        let pending = PendingRead<Value>()
        reads.append { pending.result = Result { () throws(StoreError) in try read() } }
        return pending
    }

    /// Runs every read added so far and returns when all have finished (the calling thread is one of the workers).
    public func run() {
        let reads = self.reads
        self.reads = []
        DispatchQueue.concurrentPerform(iterations: reads.count) { index in reads[index]() }
    }
}

/// The result of a read in a ``ReadBatch``, filled in by whichever thread ran it.
public final class PendingRead<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, StoreError>?

    fileprivate var result: Result<Value, StoreError>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// The read's value, or its error; an error too if the batch has not run.
    public func get() throws(StoreError) -> Value {
        switch result {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw StoreError.database(path: "", message: "a batched read has not run")
        }
    }
}

extension RecordStore {
    /// Runs two groups of reads at once and returns both results (or the first error in argument order).
    public func concurrently<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable () throws(StoreError) -> First,
        _ second: @escaping @Sendable () throws(StoreError) -> Second
    ) throws(StoreError) -> (First, Second) {
        let batch = ReadBatch()
        let firstResult = batch.add(first)
        let secondResult = batch.add(second)
        batch.run()
        return (try firstResult.get(), try secondResult.get())
    }
}
