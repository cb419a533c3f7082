import Foundation

/// Runs the built `gmmviz` binary end to end.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Signs that a user saw a crash instead of a message.
    public var crashed: Bool {
        stderr.contains("Fatal error") || stderr.contains("Stack dump") || stderr.contains("backtrace")
            || stderr.contains("Current stack trace") || status > 128
    }
}

public enum CommandRunner {
    /// Runs `gmmviz` with `arguments`, feeding `stdin` when given. `executable` names another
    /// built product, or any program by absolute path. `launcher` runs it through another
    /// program, e.g. `["/usr/bin/setpriv", "--reuid=65534", …]` to drop root.
    public static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                           executable: String = "gmmviz", launcher: [String] = [],
                           standardOutput: FileHandle? = nil) throws -> CommandResult {
        let process = Process()
        let binary = executable.hasPrefix("/") ? URL(fileURLWithPath: executable)
            : TestPaths.productsDirectory.appendingPathComponent(executable)
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        // A given handle (say /dev/full) replaces the pipe; stdout is then reported empty.
        process.standardOutput = standardOutput ?? out
        if standardOutput != nil { try? out.fileHandleForWriting.close() }
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently with the process so large outputs cannot deadlock it.
        let group = DispatchGroup()
        let box = OutputBox()
        for (pipe, key) in [(out, 0), (err, 1)] {
            group.enter()
            DispatchQueue.global().async {
                box.set(key, pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: box.get(0), as: UTF8.self),
                             stderr: String(decoding: box.get(1), as: UTF8.self))
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [Int: Data] = [:]
    func set(_ key: Int, _ value: Data) { lock.lock(); data[key] = value; lock.unlock() }
    func get(_ key: Int) -> Data { lock.lock(); defer { lock.unlock() }; return data[key] ?? Data() }
}
