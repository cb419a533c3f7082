import Foundation

/// Standard error, the channel for diagnostics and progress; standard output carries results only.
enum Terminal {
    /// Writes `gmmviz: error: <message>` as one line.
    static func error(_ message: String) {
        write("gmmviz: error: \(message)\n")
    }

    /// Writes a note to standard error.
    static func note(_ message: String) {
        write("gmmviz: \(message)\n")
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A failure the CLI reports as it is: one line naming the problem and the fix.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
