import ArgumentParser

/// A path option's value: any text but the empty string, which names no file (the shell passes
/// one for an unset variable, `--history "$OUT"`), refused before any work.
enum FilePath {
    static func parse(_ text: String) throws -> String {
        guard !text.isEmpty else { throw ValidationError("the path is empty; give a file name") }
        return text
    }
}
