import Dispatch

/// Runs blocking work (SQLite, bcrypt, a report run) off the server's event loops and awaits its result.
func offload<T: Sendable>(
    on queue: DispatchQueue = .global(), _ body: @escaping @Sendable () throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        queue.async { continuation.resume(with: Result { try body() }) }
    }
}
