import Dispatch
import Foundation

/// Imports one at a time (取込みの順番待ち): each upload waits for the ones before it, while reading goes on.
final class ImportQueue: Sendable {
    private let queue = DispatchQueue(label: "bikepdca.imports")
    private let state = Counter()

    /// Uploads waiting or running.
    var pending: Int { state.value }

    /// Runs `body` after every earlier import has finished.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        state.add(1)
        defer { state.add(-1) }
        return try await offload(on: queue, body)
    }

    private final class Counter: @unchecked Sendable {
        // Guarded by `lock`.
        private var count = 0
        private let lock = NSLock()

        var value: Int { lock.withLock { count } }
        func add(_ delta: Int) { lock.withLock { count += delta } }
    }
}
