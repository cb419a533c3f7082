/// Finds a key given twice in one JSON object, which JSON parsers resolve silently and
/// differently (Foundation's `JSONDecoder` keeps the first value, `JSONSerialization` the last),
/// so a file that has one means two things.
///
/// One pass over the bytes, in linear time: a stack of the open objects and arrays, and for
/// each open object the keys seen so far (compared one by one while there are at most
/// ``indexedAbove`` of them, then through a dictionary). Keys are compared after their escapes
/// are decoded (`"a"` and `"\u0061"` are the same key). The scan assumes nothing of the text:
/// on text that is not JSON it may find nothing or a duplicate, and the caller decides what
/// to report (``FitHistory/init(json:source:)`` reports a duplicate only in valid JSON).
enum JSONKeyScan {
    /// The second of two equal keys in one object.
    struct Duplicate: Equatable {
        /// The key, decoded.
        var key: String
        /// The object, for messages: "the top-level object" or "the object at snapshots[2]".
        var object: String
        /// Where the second key's opening quote is, 1-based; the column counts bytes.
        var line: Int
        var column: Int
        /// Where the first one's is.
        var firstLine: Int
        var firstColumn: Int
    }

    /// An object with more keys than this keeps them in a dictionary as well.
    static let indexedAbove = 16

    private struct Key {
        var name: String
        var line: Int
        var column: Int
    }

    /// How a container's parent names it.
    private enum Label {
        case root
        case key(String)
        case index(Int)
    }

    /// An open object or array.
    private struct Container {
        var isObject: Bool
        var label: Label
        var keys = [Key]()
        var index: [String: Int]?
        /// In an object: the next string is a key. In an array: unused.
        var expectingKey = true
        /// In an object: the key of the value being read. In an array: the element's index.
        var currentKey = ""
        var element = 0

        func find(_ name: String) -> Key? {
            if let index { return index[name].map { keys[$0] } }
            return keys.first { $0.name == name }
        }

        mutating func add(_ key: Key) {
            keys.append(key)
            if index != nil {
                index?[key.name] = keys.count - 1
            } else if keys.count > JSONKeyScan.indexedAbove {
                index = Dictionary(keys.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// The first key (in text order) that repeats a key of the same object, or `nil`.
    static func firstDuplicate(in bytes: UnsafeBufferPointer<UInt8>) -> Duplicate? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        var stack = [Container]()
        var line = 1, lineStart = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case newline:
                line += 1
                lineStart = i + 1
                i += 1
            case quote:
                let start = i
                let startLine = line, startColumn = start - lineStart + 1
                var j = i + 1
                var escaped = false
                while j < n, bytes[j] != quote {
                    if bytes[j] == backslash {
                        escaped = true
                        j += 2
                    } else {
                        if bytes[j] == newline {
                            line += 1
                            lineStart = j + 1
                        }
                        j += 1
                    }
                }
                guard j < n else { return nil }
                if let top = stack.indices.last, stack[top].isObject, stack[top].expectingKey {
                    let name = decode(UnsafeBufferPointer(rebasing: bytes[(start + 1) ..< j]), escaped: escaped)
                    if let first = stack[top].find(name) {
                        return Duplicate(key: name, object: describe(stack), line: startLine, column: startColumn,
                                         firstLine: first.line, firstColumn: first.column)
                    }
                    stack[top].add(Key(name: name, line: startLine, column: startColumn))
                    stack[top].expectingKey = false
                    stack[top].currentKey = name
                }
                i = j + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let label: Label
                if let parent = stack.last {
                    label = parent.isObject ? .key(parent.currentKey) : .index(parent.element)
                } else {
                    label = .root
                }
                stack.append(Container(isObject: b == UInt8(ascii: "{"), label: label))
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                i += 1
            case UInt8(ascii: ","):
                if let top = stack.indices.last {
                    if stack[top].isObject { stack[top].expectingKey = true } else { stack[top].element += 1 }
                }
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }

    /// "the top-level object", or "the object at snapshots[2]" from the labels of the open
    /// containers.
    private static func describe(_ stack: [Container]) -> String {
        var path = ""
        for container in stack {
            switch container.label {
            case .root: break
            case let .key(name): path += (path.isEmpty ? "" : ".") + name
            case let .index(i): path += "[\(i)]"
            }
        }
        return path.isEmpty ? "the top-level object" : "the object at \(path)"
    }

    /// The text of a JSON string's content, with its escapes decoded when it has any.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex(at k: Int) -> UInt32? {
            guard k + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for d in bytes[k ..< k + 4] {
                guard let digit = Character(Unicode.Scalar(d)).hexDigitValue else { return nil }
                v = v << 4 | UInt32(digit)
            }
            return v
        }
        func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: String(scalar).utf8) }
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(b)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex(at: i) else {
                    append("\u{FFFD}")
                    continue
                }
                i += 4
                // A high surrogate followed by an escaped low one is one scalar.
                if (0xD800 ..< 0xDC00).contains(code), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                   bytes[i + 1] == UInt8(ascii: "u"), let low = hex(at: i + 2), (0xDC00 ..< 0xE000).contains(low) {
                    code = 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00)
                    i += 6
                }
                append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
