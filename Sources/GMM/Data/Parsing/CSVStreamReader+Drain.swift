#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVStreamReader {
    /// The place of a byte as error messages give it: its physical line and its
    /// comma-separated field, both 1-based, counted from the start of the input (after a
    /// byte-order mark) with every quote opening or closing a quoted field, and carried from one
    /// window to the next.
    struct Place {
        var line: Int
        var column = 1
        var quoted = false
        let separator: UInt8

        init(line: Int, separator: UInt8) {
            self.line = line
            self.separator = separator
        }

        /// Moves the place past `bytes`. Bytes without quotes, outside quotes, are counted with
        /// the word-at-a-time scans (the lines, and the commas after the last line end);
        /// others one at a time.
        mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
            guard let start = bytes.baseAddress else { return }
            if !quoted, memchr(start, Int32(CSVScanner.quote), bytes.count) == nil {
                let breaks = ByteScan.count(separator, in: bytes)
                line += breaks
                var tail = bytes
                if breaks > 0, let last = bytes.lastIndex(of: separator) {
                    column = 1
                    tail = UnsafeBufferPointer(rebasing: bytes[(last + 1)...])
                }
                column += ByteScan.count(CSVScanner.comma, in: tail)
                return
            }
            for b in bytes {
                if b == CSVScanner.quote {
                    quoted.toggle()
                } else if b == separator {
                    line += 1
                    if !quoted { column = 1 }
                } else if b == CSVScanner.comma, !quoted {
                    column += 1
                }
            }
        }
    }

    /// After `error`, a malformed row or what follows from it, reads the rest of the input from
    /// the window's start (the start of the chunk where the error is, or a later one) for the
    /// errors that take precedence — a NUL byte, which the window throws as it reads, and a
    /// byte that is not UTF-8, which is placed by line and column — and throws the first of
    /// them, or `error`. Nothing more is parsed.
    func drain(after error: DataError) throws -> Never {
        var place = Place(line: lines + 1, separator: separator)
        while true {
            let end = window.atEnd ? window.count : sequenceBoundary()
            let chunk = window.buffer(0, end)
            if !window.isASCII(before: end), String(validating: chunk, as: UTF8.self) == nil,
               let bad = CSVScanner.firstInvalidUTF8(chunk) {
                place.advance(over: window.buffer(0, bad))
                let found = DataError.notUTF8(source: source, line: place.line, column: place.column, byte: chunk[bad])
                try skipToEnd()
                throw found
            }
            place.advance(over: chunk)
            window.consume(end)
            if window.atEnd, window.count == 0 { throw error }
            try window.fill()
        }
    }

    /// Reads the rest of the input only to see that it has no NUL byte (which the window
    /// throws): what an input already known not to be UTF-8 is still checked for.
    func skipToEnd() throws {
        while !window.atEnd {
            window.consume(window.count)
            try window.fill()
        }
    }

    /// An index near the window's end before which no UTF-8 sequence is cut: the end, or the
    /// lead byte of the sequence the last bytes belong to (which the next window completes).
    func sequenceBoundary() -> Int {
        let held = window.buffer()
        var i = held.count
        var continuations = 0
        while continuations < 3, i > 0, held[i - 1] & 0xC0 == 0x80 {
            i -= 1
            continuations += 1
        }
        if i > 0, held[i - 1] >= 0xC0 { return i - 1 }
        return held.count
    }
}
