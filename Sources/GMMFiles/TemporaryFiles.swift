#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Every temporary file and staging directory this process has open, so that a program
/// interrupted by a signal can remove them all before it exits.
///
/// ``OutputFile`` and ``StagedDirectory`` register what they create and unregister it once it
/// is committed or removed. A program that stops on a signal calls ``removeAll()`` from a
/// thread of its own (not from a signal handler: it takes a lock and allocates) and exits: no
/// `.name.tmp-XXXXXX` is left behind, and every destination holds its old content.
///
/// A change that must not be cut in half — a staged directory swapped into place — runs inside
/// ``uninterrupted(_:)``: ``removeAll()`` waits for it to end, then removes what is left.
public enum TemporaryFiles {
    private struct State: ~Copyable {
        var next = 0
        var entries: [Int: (path: String, isDirectory: Bool)] = [:]
    }

    private static let state = Mutex(State())
    /// Held by ``uninterrupted(_:)`` and by ``removeAll()``; separate from `state` so that the
    /// body may register and unregister.
    private static let cleanup = Mutex(())

    /// Registers `path` (a file, or a directory whose entries are files) for removal on
    /// ``removeAll()``; returns the token that unregisters it.
    static func register(_ path: String, isDirectory: Bool = false) -> Int {
        state.withLock { state in
            state.next += 1
            state.entries[state.next] = (path, isDirectory)
            return state.next
        }
    }

    /// Forgets the entry of `token`: its file was committed or removed.
    static func unregister(_ token: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: token) }
    }

    /// The paths registered now, in registration order.
    public static var paths: [String] {
        state.withLock { state in state.entries.sorted { $0.key < $1.key }.map(\.value.path) }
    }

    /// Runs `body` so that ``removeAll()`` cannot run in the middle of it.
    public static func uninterrupted<T>(_ body: () throws -> T) rethrows -> T {
        try cleanup.withLock { _ in try body() }
    }

    /// Removes every registered file and directory (a directory with the files in it), after
    /// any ``uninterrupted(_:)`` change under way has ended. Returns how many entries it
    /// removed. Never throws: what cannot be removed stays.
    @discardableResult
    public static func removeAll() -> Int {
        removeAll { _ in true }
    }

    /// ``removeAll()`` for the entries whose path `include` accepts.
    @discardableResult
    static func removeAll(where include: (String) -> Bool) -> Int {
        cleanup.withLock { _ in
            let entries = state.withLock { state -> [(path: String, isDirectory: Bool)] in
                let chosen = state.entries.filter { include($0.value.path) }.sorted { $0.key < $1.key }
                for (key, _) in chosen { state.entries[key] = nil }
                return chosen.map(\.value)
            }
            for entry in entries {
                if entry.isDirectory { removeDirectory(entry.path) } else { unlink(entry.path) }
            }
            return entries.count
        }
    }

    /// Removes `path` and the files in it (one level: staging directories hold only files).
    static func removeDirectory(_ path: String) {
        for name in StagedDirectory.entries(of: path) { unlink(path + "/" + name) }
        rmdir(path)
    }
}
