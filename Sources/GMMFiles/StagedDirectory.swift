#if canImport(Glibc)
import Glibc
#endif

/// A directory of files written so that its destination holds either its old set of files or
/// the complete new one — never a mixture of two runs.
///
/// The files go into a staging directory `.<name>.tmp-XXXXXX` created by `mkdtemp` beside the
/// destination (the same file system, so renames are atomic). ``commit(keeping:)`` carries the
/// entries of the old directory that the new set does not own over into the staging directory,
/// moves the old directory aside, renames the staging directory into its place and removes the
/// old one; all of it inside ``TemporaryFiles/uninterrupted(_:)``, so a program stopping on a
/// signal never cuts the swap in half. ``abort()`` — also run by `deinit` — removes the staging
/// directory and leaves the destination as it was. Every failure is a ``FileError`` naming the
/// destination.
///
/// Not `Sendable`: one owner. Files inside ``path`` may be written from many threads.
public final class StagedDirectory {
    /// Where the directory appears on ``commit(keeping:)``.
    public let destination: String
    /// The staging directory to write the new files into.
    public let path: String
    /// The directory the renames replace: the destination as an absolute path, links resolved.
    private let target: String
    private var registration: Int?
    private var finished = false

    /// Creates the staging directory beside `destination`.
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir` (a missing or read-only parent, …), or
    ///   `.stat` with `ENOTDIR` when `destination` is a file.
    public init(destination: String) throws {
        self.destination = destination
        var trimmed = Substring(destination)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        var status = stat()
        if stat(String(trimmed), &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR {
            throw FileError(path: destination, call: .stat, code: ENOTDIR)
        }
        // Absolute and without links, `.` or `..`, so the staging directory lands beside the
        // destination, never inside it (`--frames-dir .`).
        target = UniqueName.canonical(String(trimmed))
        let parent = FileError.directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        guard let (staging, _) = UniqueName.create("\(parent)/.\(name).tmp-", { mkdtemp($0) }) else {
            throw FileError(path: destination, call: .mkdir, code: errno)
        }
        path = staging
        registration = TemporaryFiles.register(path, isDirectory: true)
        // mkdtemp creates 0700; the frames are documents others may read, like any directory we create.
        let mask = umask(0)
        umask(mask)
        chmod(path, 0o777 & ~mask)
    }

    deinit {
        if !finished { abort() }
    }

    /// Puts the staged files in place of the destination's. Entries of an existing destination
    /// for which `owned(name)` is false (files that are not part of the set) are carried over;
    /// the others go with the old directory.
    ///
    /// - Throws: ``FileError`` with `call` `.rename` or `.mkdir`; the destination is then left
    ///   as it was and the staging directory removed.
    public func commit(keeping owned: (String) -> Bool) throws {
        guard !finished else { return }
        do {
            try TemporaryFiles.uninterrupted {
                if FileError.isDirectory(target) {
                    try replaceExisting(owned: owned)
                } else if rename(path, target) != 0 {
                    throw FileError(path: destination, call: .rename, code: errno)
                }
            }
        } catch {
            abort()
            throw error
        }
        finished = true
        if let registration { TemporaryFiles.unregister(registration) }
        registration = nil
        Self.syncDirectory(FileError.directory(of: target))
    }

    /// Removes the staging directory and everything in it. Never throws.
    public func abort() {
        guard !finished else { return }
        finished = true
        TemporaryFiles.removeDirectory(path)
        if let registration { TemporaryFiles.unregister(registration) }
        registration = nil
    }

    /// The swap over an existing directory: carry the entries that stay, move the old directory
    /// aside (onto an empty directory made for it, which rename replaces), move the new one in,
    /// remove the old.
    private func replaceExisting(owned: (String) -> Bool) throws {
        // A process working in the directory being replaced would be left in the removed old
        // one; it moves to the new one, at the same path.
        let workingHere = Self.sameDirectory(".", target)
        defer { if workingHere { _ = chdir(target) } }
        var carried: [String] = []
        for name in Self.entries(of: target) where !owned(name) {
            guard rename(target + "/" + name, path + "/" + name) == 0 else {
                let code = errno
                for back in carried { rename(path + "/" + back, target + "/" + back) }
                throw FileError(path: destination, call: .rename, code: code)
            }
            carried.append(name)
        }
        func undoCarry() { for name in carried { rename(path + "/" + name, target + "/" + name) } }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        guard let (aside, _) = UniqueName.create("\(FileError.directory(of: target))/.\(name).old-", { mkdtemp($0) }) else {
            let code = errno
            undoCarry()
            throw FileError(path: destination, call: .mkdir, code: code)
        }
        let asideRegistration = TemporaryFiles.register(aside, isDirectory: true)
        defer { TemporaryFiles.unregister(asideRegistration) }
        guard rename(target, aside) == 0 else {
            let code = errno
            rmdir(aside)
            undoCarry()
            throw FileError(path: destination, call: .rename, code: code)
        }
        guard rename(path, target) == 0 else {
            let code = errno
            rename(aside, target)
            undoCarry()
            throw FileError(path: destination, call: .rename, code: code)
        }
        TemporaryFiles.removeDirectory(aside)
    }

    /// Whether `a` and `b` are the same directory (device and inode).
    private static func sameDirectory(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// The names in directory `path`, without `.` and `..`.
    static func entries(of path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Flushes directory `path`'s entries, so the renames survive a power cut. Best effort.
    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
