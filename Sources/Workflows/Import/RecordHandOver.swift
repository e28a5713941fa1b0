import Foundation
import Importers

/// Reads and checks a file's rows on a thread of its own while the caller writes them, so that decoding and
/// SQLite work overlap on two cores.
///
/// The rows come back in file order, valid and rejected alike, in batches; at most a fixed number of batches
/// wait at any time, so memory stays bounded whatever the file's size.
final class RecordHandOver: @unchecked Sendable {
    /// One row of the file as the reader saw it.
    enum Item {
        case record(ParsedRecord, line: Int)
        case rejected(RejectedRow)
    }

    /// A batch of rows and how many bytes of the file had been read after its last row.
    struct Batch {
        var items: [Item]
        var bytesRead: Int
    }

    /// Rows per batch, and batches that may wait.
    static let batchSize = 1024
    static let capacity = 8

    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    /// Thrown inside the reader when the writer stopped taking rows.
    private struct Cancelled: Error {}

    /// Starts reading `reader` on a new thread.
    init(reader: DatasetFileReader) {
        let box = ReaderBox(reader: reader)
        let thread = Thread { [self] in
            self.produce(box.reader)
            self.done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func produce(_ reader: DatasetFileReader) {
        var items: [Item] = []
        items.reserveCapacity(Self.batchSize)
        func hand(_ item: Item) throws {
            items.append(item)
            if items.count == Self.batchSize {
                guard send(Batch(items: items, bytesRead: reader.bytesRead)) else { throw Cancelled() }
                items.removeAll(keepingCapacity: true)
            }
        }
        var thrown: (any Error)?
        do {
            try reader.read(
                record: { record, line in try hand(.record(record, line: line)) },
                reject: { row in try hand(.rejected(row)) })
            if !items.isEmpty { _ = send(Batch(items: items, bytesRead: reader.bytesRead)) }
        } catch is Cancelled {
        } catch {
            if !items.isEmpty { _ = send(Batch(items: items, bytesRead: reader.bytesRead)) }
            thrown = error
        }
        condition.lock()
        finished = true
        failure = thrown
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for room, then queues `batch`; `false` when the writer has stopped.
    private func send(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, in file order; `nil` once every row was handed over. Rethrows the reader's error (after the
    /// rows read before it).
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished { condition.wait() }
        if !waiting.isEmpty {
            let batch = waiting.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reader (if it still runs) and waits until its thread has ended; call once, whatever happened.
    func close() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}

/// Moves the reader to its thread: only that thread uses it until ``RecordHandOver/close()`` returns.
private struct ReaderBox: @unchecked Sendable {
    let reader: DatasetFileReader
}
