import Foundation
import Workflows

/// The uploads being checked or imported and those finished lately (取込みの進み具合): each has a random id, belongs
/// to the account that sent it, and is kept in memory only, for ``keptSeconds`` after it ended and at most
/// ``maxFinished`` of them. A finished one keeps its result and, for "import the valid rows", the rejects CSV (line,
/// reason and the imported columns of each rejected row), which only the session that sent the file may download.
final class ImportJobs: Sendable {
    /// How long a finished job is kept (seconds). One hour.
    static let keptSeconds: Int64 = 3600
    /// At most this many finished jobs are kept; the oldest go first.
    static let maxFinished = 100
    /// At most this many bytes of rejects CSVs are kept in all; the oldest jobs' go first.
    static let maxRejectsBytes = 256 << 20

    /// Where a job is.
    enum State: Sendable {
        /// Behind other imports (`ImportQueue`).
        case waiting
        /// Being read: bytes done of total.
        case running(done: Int, total: Int)
        /// Ended with a result; `rejects` holds the rejects CSV when rows were set aside.
        case finished(FileImportResult, rejects: [UInt8]?)
        /// Ended by a problem outside the data (a disk error, the database busy).
        case failed
    }

    /// One upload.
    struct Job: Sendable {
        let id: String
        /// Its place in the order of arrival.
        let order: Int
        /// The account that sent it (its row id).
        let accountID: Int64
        /// The SHA-256 of the session's token: the only session that may download the rejects.
        let sessionDigest: String
        /// The file's name as the browser gave it (made harmless).
        let fileName: String
        /// Check only.
        let dryRun: Bool
        var state: State
        /// When it ended (Unix seconds), or `nil`.
        var finishedAt: Int64?
    }

    private let now: @Sendable () -> Int64
    private let table = Table()

    init(now: @escaping @Sendable () -> Int64) { self.now = now }

    /// Jobs waiting or running.
    var unfinished: Int {
        table.withLock { jobs, _ in Self.unfinished(jobs) }
    }

    /// Registers a new waiting job and returns its id (128 random bits, hex); `nil` when `limit` jobs are already
    /// waiting or running.
    func add(accountID: Int64, sessionDigest: String, fileName: String, dryRun: Bool, limit: Int) -> String? {
        let id = String(SessionAuthority.randomToken().prefix(32))
        return table.withLock { jobs, counter in
            guard Self.unfinished(jobs) < limit else { return nil }
            counter += 1
            jobs[id] = Job(
                id: id, order: counter, accountID: accountID, sessionDigest: sessionDigest, fileName: fileName,
                dryRun: dryRun, state: .waiting)
            return id
        }
    }

    /// Moves job `id` to `state`; a finished or failed job gets its end time and old jobs are dropped.
    func update(_ id: String, _ state: State) {
        let time = now()
        table.withLock { jobs, _ in
            jobs[id]?.state = state
            switch state {
            case .finished, .failed: jobs[id]?.finishedAt = time
            case .waiting, .running: break
            }
            Self.prune(&jobs, now: time)
        }
    }

    /// Job `id` if it exists, has not expired and belongs to `accountID`.
    func job(_ id: String, accountID: Int64) -> Job? {
        let time = now()
        return table.withLock { jobs, _ in
            Self.prune(&jobs, now: time)
            guard let job = jobs[id], job.accountID == accountID else { return nil }
            return job
        }
    }

    /// The rejects CSV of job `id` and the name to save it as, for the session that sent the file only.
    func rejects(_ id: String, sessionDigest: String) -> (fileName: String, bytes: [UInt8])? {
        let time = now()
        return table.withLock { jobs, _ in
            Self.prune(&jobs, now: time)
            guard let job = jobs[id], SessionAuthority.matches(sessionDigest, job.sessionDigest),
                case .finished(_, let rejects?) = job.state
            else { return nil }
            let stem = (job.fileName as NSString).deletingPathExtension
            return ((stem.isEmpty ? "upload" : stem) + ".rejects.csv", rejects)
        }
    }

    /// How many jobs are waiting ahead of job `id` (and not finished).
    func waitingAhead(of id: String) -> Int {
        table.withLock { jobs, _ in
            guard let job = jobs[id] else { return 0 }
            return jobs.values.filter { other in
                if case .finished = other.state { return false }
                if case .failed = other.state { return false }
                return other.id != job.id && other.order < job.order
            }.count
        }
    }

    /// How many of `jobs` wait or run.
    private static func unfinished(_ jobs: [String: Job]) -> Int {
        jobs.values.count { $0.finishedAt == nil }
    }

    /// Drops expired jobs, then the oldest finished ones beyond the count and the rejects bytes allowed.
    private static func prune(_ jobs: inout [String: Job], now: Int64) {
        jobs = jobs.filter { $0.value.finishedAt.map { now - $0 < keptSeconds } ?? true }
        // Newest first: what is dropped is the oldest.
        let finished = jobs.values.filter { $0.finishedAt != nil }.sorted { $0.order > $1.order }
        var bytes = 0
        for (index, job) in finished.enumerated() {
            if case .finished(_, let rejects) = job.state { bytes += rejects?.count ?? 0 }
            if index >= maxFinished || bytes > maxRejectsBytes { jobs[job.id] = nil }
        }
    }

    /// The jobs by id, behind a lock.
    private final class Table: @unchecked Sendable {
        // Guarded by `lock`.
        private var jobs: [String: Job] = [:]
        private var counter = 0
        private let lock = NSLock()

        func withLock<T>(_ body: (inout [String: Job], inout Int) -> T) -> T {
            lock.withLock { body(&jobs, &counter) }
        }
    }
}
