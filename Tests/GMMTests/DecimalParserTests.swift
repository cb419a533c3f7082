import Foundation
@testable import GMM
import Testing

/// The CSV reader's number conversion against glibc's `strtod`, an independent, correctly
/// rounded implementation: every token must give the same bits (sign of zero, subnormals, ±∞
/// included) and end where `strtod` stops reading.
@Suite("Decimal parser")
struct DecimalParserTests {
    /// Tokens written one after another into one buffer, each followed by a NUL so that
    /// `strtod` can read it in place.
    struct Tokens {
        var bytes = [UInt8]()
        var starts = [Int]()

        mutating func add<S: Sequence>(_ token: S) where S.Element == UInt8 {
            starts.append(bytes.count)
            bytes.append(contentsOf: token)
            bytes.append(0)
        }

        mutating func add(_ token: String) { add(token.utf8) }
    }

    /// Parses each token with ``DecimalParser`` and `strtod` and returns the tokens on which
    /// they disagree (value bits or length read), with both answers.
    static func disagreements(_ tokens: Tokens) -> [String] {
        var bad = [String]()
        tokens.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in tokens.starts {
                let token = base + start
                let end = token + strlen(UnsafeRawPointer(token).assumingMemoryBound(to: CChar.self))
                var reference: UnsafeMutablePointer<CChar>?
                let expected = strtod(UnsafeRawPointer(token).assumingMemoryBound(to: CChar.self), &reference)
                let expectedLength = reference.map { UnsafeRawPointer($0) - UnsafeRawPointer(token) } ?? 0
                var value = 0.0
                let stop = DecimalParser.parse(token, end, &value)
                let length = stop.map { $0 - token } ?? 0
                if length != expectedLength || (length > 0 && value.bitPattern != expected.bitPattern) {
                    let text = String(decoding: UnsafeBufferPointer(start: token, count: end - token), as: UTF8.self)
                    bad.append("\(text): parsed \(value) (\(length) bytes), strtod \(expected) (\(expectedLength) bytes)")
                }
            }
        }
        return bad
    }

    /// A random token of the grammar: sign (`+` too), 1 to 40 digits with leading zeros
    /// sometimes, the point anywhere (so `.5` and `5.` occur), an exponent with `e` or `E`
    /// reaching the subnormal and overflow ranges.
    static func randomToken(_ rng: inout SeededGenerator, into tokens: inout Tokens) {
        var t = [UInt8]()
        switch rng.next() % 10 {
        case 0: t.append(UInt8(ascii: "+"))
        case 1, 2, 3: t.append(UInt8(ascii: "-"))
        default: break
        }
        let digits: Int
        switch rng.next() % 8 {
        case 0: digits = 1 + Int(rng.next() % 40)
        case 1: digits = 1 + Int(rng.next() % 8)
        default: digits = 15 + Int(rng.next() % 6) // 15…20: the digits of printed doubles
        }
        let point = rng.next() % 4 == 0 ? -1 : Int(rng.next() % UInt64(digits + 1))
        let zeros = rng.next() % 8 == 0 ? Int(rng.next() % 4) : 0
        for _ in 0 ..< zeros { t.append(UInt8(ascii: "0")) }
        for i in 0 ..< digits {
            if i == point { t.append(UInt8(ascii: ".")) }
            t.append(UInt8(ascii: "0") + UInt8(rng.next() % 10))
        }
        if point == digits { t.append(UInt8(ascii: ".")) }
        if rng.next() % 2 == 0 {
            t.append(rng.next() % 4 == 0 ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            let range: UInt64 = rng.next() % 4 == 0 ? 700 : 60
            let exponent = Int(rng.next() % range) - Int(range / 2)
            if exponent < 0 { t.append(UInt8(ascii: "-")) } else if rng.next() % 4 == 0 { t.append(UInt8(ascii: "+")) }
            t.append(contentsOf: String(abs(exponent)).utf8)
        }
        tokens.add(t)
    }

    /// 1,000,000 tokens: half random digit strings, half doubles of random bit patterns as
    /// printed with 17 significant digits or shortest, which cover every binary exponent.
    @Test func millionRandomTokensMatchStrtod() {
        var rng = SeededGenerator(seed: 20_210_101)
        var tokens = Tokens()
        tokens.bytes.reserveCapacity(24_000_000)
        tokens.starts.reserveCapacity(1_000_000)
        for i in 0 ..< 1_000_000 {
            if i % 2 == 0 {
                Self.randomToken(&rng, into: &tokens)
            } else {
                let d = Double(bitPattern: rng.next())
                guard d.isFinite else {
                    tokens.add("1e308")
                    continue
                }
                tokens.add(i % 4 == 1 ? d.description : String(format: "%.17g", d))
            }
        }
        let bad = Self.disagreements(tokens)
        #expect(bad.isEmpty, "\(bad.count) disagreements, first: \(bad.prefix(5))")
    }

    /// Cases chosen to break converters, one by one.
    static let hardCases = [
        // 17, 18, 19 significant digits, and 2^64 - 1 and 2^64 around the 64-bit limit.
        "0.12345678901234567", "1.2345678901234567e-300", "123456789012345678", "9999999999999999999",
        "18446744073709551615", "18446744073709551616", "1.8446744073709551615e19",
        // More than 19 digits, and exactly 0.1's double ± 1 in the last of its 55 digits.
        "123456789012345678901234567890", "0.1000000000000000055511151231257827021181583404541015625",
        "0.1000000000000000055511151231257827021181583404541015624",
        "0.1000000000000000055511151231257827021181583404541015626",
        "1" + String(repeating: "0", count: 800) + "e-800", "0." + String(repeating: "0", count: 400) + "1e400",
        // Halfway between two doubles: 2^53 + 1 and 2^53 + 3 round to even, and just above half.
        "9007199254740993", "9007199254740995", "9007199254740993.0000000000000000001", "9007199254740992.9999999999999999999",
        "1.00000000000000011102230246251565404236316680908203125", // 1 + 2^-53: ties to 1
        "1.00000000000000011102230246251565404236316680908203126",
        "1.00000000000000033306690738754696212708950042724609375", // 1 + 3·2^-53: ties to 1 + 2^-51
        // Subnormals and the normal boundary.
        "4.9406564584124654e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308", "1e-310",
        // The top: the largest double, the halfway to the next power (rounds to ∞), overflow.
        "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807e308", "1e309",
        // Underflow to zero, with its sign.
        "1e-330", "-1e-330", "1e-400", "0e999999", "-0", "0.0", "-0.0e-5",
        // Exponents beyond what the fast path holds exactly.
        "1e99999999999", "1e-99999999999", "0.000001e1000005",
        // Signs, points and case.
        "+1", ".5", "5.", "+.5e+1", "5.E3", "1E5", "-.0", "000000000000000000000000001",
        // Not numbers, or numbers followed by a byte that is not theirs (strtod stops there too).
        "", ".", "+", "-", "e5", ".e5", "+-1", "1e", "1e+", "1.2.3", "--1", "1E-", "5e.5",
    ]

    @Test func hardCasesMatchStrtod() {
        var tokens = Tokens()
        for token in Self.hardCases { tokens.add(token) }
        let bad = Self.disagreements(tokens)
        #expect(bad.isEmpty, "\(bad)")
    }

    /// Exact midpoints m = (2k + 1)·2^e between two neighbouring doubles (2k + 1 has 54 bits),
    /// written out in full (up to 770 digits), and the same digits cut to 17, 19, 20 and 25
    /// significant digits or with the last digit moved by one, across the normal range and
    /// between subnormals.
    @Test func exactHalfwayCasesMatchStrtod() {
        var rng = SeededGenerator(seed: 7)
        var tokens = Tokens()
        for i in 0 ..< 400 {
            // Normal: a 54-bit odd number times 2^e with -1075 ≤ e ≤ 970, halfway between
            // doubles one ulp 2^(e+1) apart. Subnormal: any odd number times 2^-1075.
            let normal = i % 8 != 0
            let odd: UInt64 = normal ? (1 << 53) | (rng.next() & ((1 << 53) - 1)) | 1 : (rng.next() >> (11 + rng.next() % 50)) | 1
            let e = normal ? Int(rng.next() % 2046) - 1075 : -1075
            let (digits, pointFromEnd) = Self.exactDecimal(odd: odd, power2: e)
            for variant in 0 ..< 7 {
                var d = digits
                switch variant {
                case 1, 2, 3, 4: d = Array(d.prefix([17, 19, 20, 25][variant - 1]))
                case 5: if let last = d.indices.last, d[last] < UInt8(ascii: "9") { d[last] += 1 }
                case 6: if let last = d.indices.last, d[last] > UInt8(ascii: "0") { d[last] -= 1 }
                default: break
                }
                // The value is digits × 10^-pointFromEnd; cut digits move the exponent.
                let exponent10 = -pointFromEnd + (digits.count - d.count)
                tokens.add(String(decoding: d, as: UTF8.self) + "e\(exponent10)")
            }
        }
        let bad = Self.disagreements(tokens)
        #expect(bad.isEmpty, "\(bad.count) disagreements, first: \(bad.prefix(3))")
    }

    /// The decimal digits of odd·2^power2 and the number of them after the point: for a
    /// negative power, odd·5^-power2 with the point -power2 digits from the end.
    static func exactDecimal(odd: UInt64, power2: Int) -> (digits: [UInt8], pointFromEnd: Int) {
        // Little-endian limbs of nine decimal digits.
        var limbs: [UInt64] = [odd % 1_000_000_000, (odd / 1_000_000_000) % 1_000_000_000, odd / 1_000_000_000_000_000_000]
        let factor: UInt64 = power2 < 0 ? 5 : 2
        for _ in 0 ..< abs(power2) {
            var carry: UInt64 = 0
            for j in limbs.indices {
                let v = limbs[j] * factor + carry
                limbs[j] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return (Array(text.utf8), max(0, -power2))
    }

    /// Short strings over the number alphabet: the parser reads exactly the prefix strtod reads.
    @Test func grammarMatchesStrtodOnShortStrings() {
        let alphabet = Array("0123456789.eE+-".utf8)
        var rng = SeededGenerator(seed: 3)
        var tokens = Tokens()
        for _ in 0 ..< 100_000 {
            let length = 1 + Int(rng.next() % 7)
            tokens.add((0 ..< length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        let bad = Self.disagreements(tokens)
        #expect(bad.isEmpty, "\(bad.count) disagreements, first: \(bad.prefix(5))")
    }

    /// Through the whole reader: a 2-column CSV of random finite tokens with spaces, tabs and
    /// CRLF or LF line ends gives, cell by cell, the doubles strtod gives.
    @Test func csvCellsMatchStrtod() throws {
        var rng = SeededGenerator(seed: 11)
        var csv = [UInt8]()
        var references = [Double]()
        var tokens = Tokens()
        for row in 0 ..< 50_000 {
            for column in 0 ..< 2 {
                var token: String
                repeat {
                    tokens = Tokens()
                    Self.randomToken(&rng, into: &tokens)
                    token = String(decoding: tokens.bytes.dropLast(), as: UTF8.self)
                } while !(strtod(token, nil).isFinite)
                references.append(strtod(token, nil))
                if row % 7 == 0 { csv.append(UInt8(ascii: column == 0 ? " " : "\t")) }
                csv.append(contentsOf: token.utf8)
                if row % 5 == 0 { csv.append(UInt8(ascii: " ")) }
                if column == 0 { csv.append(UInt8(ascii: ",")) }
            }
            csv.append(contentsOf: row % 3 == 0 ? [13, 10] : [10])
        }
        let data = try CSVReader.parse(csv, source: "random.csv")
        #expect(data.count == 50_000 && data.dimension == 2)
        let mismatches = zip(data.values, references).filter { $0.bitPattern != $1.bitPattern }
        #expect(mismatches.isEmpty, "\(mismatches.count) cells differ, first: \(mismatches.prefix(3))")
    }
}
