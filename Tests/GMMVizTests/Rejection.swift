import Foundation
import Testing
import TestSupport

/// What every rejected command must look like to a user: a non-zero exit, exactly one line on
/// standard error starting `gmmviz: error: ` and naming the problem, no runtime backtrace.
func expectRejected(_ r: CommandResult, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status != 0, "exit status \(r.status)", sourceLocation: sourceLocation)
    #expect(!r.crashed, "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasSuffix("\n"), "\(r.stderr.debugDescription)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix("gmmviz: error: "), "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, "\(r.stdout)", sourceLocation: sourceLocation)
    for f in fragments { #expect(r.stderr.contains(f), "\(r.stderr.debugDescription) lacks \(f)", sourceLocation: sourceLocation) }
}

/// A command line that must be rejected, and fragments its one error line must contain.
struct RejectedArguments: Sendable, CustomStringConvertible {
    let arguments: [String]
    let fragments: [String]
    var description: String { arguments.joined(separator: " ") }
}

/// The names in `dir` and, for each file, its bytes: compared before and after a failed run,
/// so "no new or altered file" covers the output path and everything beside it.
func snapshot(of dir: URL) throws -> [String: Data] {
    var out = [String: Data]()
    let names = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
    for name in names {
        let url = dir.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
        // Unreadable or special files (a device node made for a test) count by name only.
        out[name] = isDirectory.boolValue ? Data() : ((try? Data(contentsOf: url)) ?? Data("unreadable".utf8))
    }
    return out
}

/// Runs `gmmviz` as the unprivileged user `nobody` (setpriv) when the tests run as root, since
/// root ignores permissions; as itself otherwise.
enum Unprivileged {
    static var launcher: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }
    /// Whether permissions can be tested: not root, or root with setpriv to drop it.
    static var isAvailable: Bool { getuid() != 0 || canDropRoot }
    /// Whether the tests run as root and can run the binary as `nobody`: the only way to meet a
    /// directory the binary may not write while the test itself may.
    static var canDropRoot: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }
}
